import { notificationPreferencesGet as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { getPreferences } from '../../shared/notifications/preferences';
import { auditLog, notificationPreferences } from '../../shared/runtime/composition';

const deps = { preferences: notificationPreferences(), audit: auditLog() };

/** GET /api/v1/me/notification-preferences: the stored preferences, else the defaults (version 0). */
export const handler = httpRoute(route, async ({ caller, meta }) => ({ body: await getPreferences(deps, caller, meta) }), {
  audit: deps.audit,
});
