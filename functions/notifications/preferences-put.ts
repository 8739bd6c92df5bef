import { notificationPreferencesPut as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { putPreferences } from '../../shared/notifications/preferences';
import { accountReader, auditLog, clock, notificationPreferences } from '../../shared/runtime/composition';

const deps = { preferences: notificationPreferences(), users: accountReader(), audit: auditLog(), clock };

/** PUT /api/v1/me/notification-preferences: replaces them; omitted switches take their defaults, security stays on. */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await putPreferences(deps, caller, body, meta) }), {
  audit: deps.audit,
});
