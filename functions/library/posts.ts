import { libraryPosts as route } from '../routes/library';
import { httpRoute } from '../../shared/http/http-route';
import { listLibraryPosts } from '../../shared/content/library-search';
import { clock, library, searchIndexReader } from '../../shared/runtime/composition';

const deps = { searchIndex: searchIndexReader(), counters: library(), clock };

/** GET /api/v1/content/posts: published posts from the search index (the best matches of q, else the newest), cached 300 s. */
export const handler = httpRoute(route, async ({ query }) => ({ body: await listLibraryPosts(deps, query) }));
