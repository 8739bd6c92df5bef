import { contactGet as route } from '../routes/notifications';
import { httpRoute } from '../../shared/http/http-route';
import { getContact } from '../../shared/notifications/contact';
import { auditLog, clock, contacts, vault } from '../../shared/runtime/composition';

const deps = { contacts: contacts(), vault: vault(), audit: auditLog(), clock };

/** GET /api/v1/me/contact: the caller's phone, whether it is verified, a pending code's expiry and attempts left. */
export const handler = httpRoute(route, async ({ caller, meta }) => ({ body: await getContact(deps, caller, meta) }), { audit: deps.audit });
