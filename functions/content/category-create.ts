import { categoryCreate as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { createCategory } from '../../shared/content/categories';
import { accountReader, auditLog, clock, contentCategories } from '../../shared/runtime/composition';

const deps = { users: accountReader(), categories: contentCategories(), audit: auditLog(), clock };

/** POST /api/v1/content/categories: adds a category to the managed list (409 `category_exists`). */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await createCategory(deps, caller, body, meta) }), {
  audit: deps.audit,
});
