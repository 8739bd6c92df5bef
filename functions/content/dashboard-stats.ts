import { contentRoutes as routes } from '../routes/content';
import { httpRoute } from '../../shared/http/http-route';
import { dashboardStats } from '../../shared/content/dashboard-stats';
import { auditLog, clock, contentCounters, contentPosts } from '../../shared/runtime/composition';

const deps = { posts: contentPosts(), counters: contentCounters(), audit: auditLog(), clock };

/** GET /api/v1/content/dashboard/stats: the library's figures, counts only (never per person). */
export const handler = httpRoute(routes.contentStats, async () => ({ body: await dashboardStats(deps) }), { audit: deps.audit });
