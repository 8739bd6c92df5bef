import { contentStats as route } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { dashboardStats } from '../../shared/content/dashboard-stats';
import { auditLog, clock, contentCounters, contentPosts, productFigures } from '../../shared/runtime/composition';

const deps = { posts: contentPosts(), counters: contentCounters(), figures: productFigures(), audit: auditLog(), clock };

/** GET /api/v1/content/dashboard/stats: the library's figures and the product figures per week, counts only (never per person; under 11 shown as `<11`). */
export const handler = httpRoute(route, async () => ({ body: await dashboardStats(deps) }), { audit: deps.audit });
