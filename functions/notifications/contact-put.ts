import { contactPut as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { putContact } from '../../shared/notifications/contact';
import { auditLog, clock, contacts, notificationQueue, vault } from '../../shared/runtime/composition';

const deps = { contacts: contacts(), queue: notificationQueue(), vault: vault(), audit: auditLog(), clock };

/** PUT /api/v1/me/contact: stores the phone sealed and queues its verification code (or removes it on `null`). */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await putContact(deps, caller, body, meta) }), {
  audit: deps.audit,
});
