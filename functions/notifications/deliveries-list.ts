import { notificationList as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { listDeliveries } from '../../shared/notifications/deliveries';
import { auditLog, deliveries } from '../../shared/runtime/composition';

const deps = { deliveries: deliveries(), audit: auditLog() };

/** GET /api/v1/me/notifications: one page of the caller's own deliveries, newest first. */
export const handler = httpRoute(route, async ({ query, caller, meta }) => ({ body: await listDeliveries(deps, caller, pageOf(query), meta) }), {
  audit: deps.audit,
});
