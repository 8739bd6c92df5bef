import { libraryPostView as route } from '../routes/library';
import { httpRoute } from '../../shared/http/http-route';
import { recordLibraryView } from '../../shared/content/library-post';
import { clock, library } from '../../shared/runtime/composition';

const store = library();
const deps = { library: store, counters: store, clock };

/** POST /api/v1/content/posts/{post}/views: +1 to the post's views today; 404 for a post that is not published. Never cached. */
export const handler = httpRoute(route, async ({ params }) => {
  await recordLibraryView(deps, params.post);
  return { status: 204 };
});
