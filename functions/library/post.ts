import { libraryPost as route } from '../routes/library';
import { httpRoute } from '../../shared/http/http-route';
import { getLibraryPost } from '../../shared/content/library-post';
import { library } from '../../shared/runtime/composition';

const deps = { library: library() };

/** GET /api/v1/content/posts/{post}: the published, rendered version of a post, with its medical review; else 404. Cached 300 s. */
export const handler = httpRoute(route, async ({ params }) => ({ body: await getLibraryPost(deps, params.post) }));
