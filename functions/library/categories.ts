import { libraryCategories as route } from '../routes/library';
import { httpRoute } from '../../shared/http/http-route';
import { listLibraryCategories } from '../../shared/content/library-categories';
import { library } from '../../shared/runtime/composition';

const deps = { library: library() };

/** GET /api/v1/content/categories: the library's categories, by name. Cached 300 s. */
export const handler = httpRoute(route, async () => ({ body: await listLibraryCategories(deps) }));
