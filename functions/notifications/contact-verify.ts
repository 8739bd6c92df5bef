import { contactVerify as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { verifyContact } from '../../shared/notifications/contact';
import { auditLog, clock, contacts, vault } from '../../shared/runtime/composition';

const deps = { contacts: contacts(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/me/contact/verify: checks the code (400 wrong, 409 locked after five attempts or expired). */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await verifyContact(deps, caller, body.code, meta) }), {
  audit: deps.audit,
});
