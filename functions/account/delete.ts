import { accountRoutes as routes } from '../routes/account';
import { deleteAccount } from '../../shared/account/delete-account';
import { httpRoute } from '../../shared/http/http-route';
import { users, sessions, records, vault, auditLog, clock } from '../../shared/runtime/app';

const deps = { users: users(), sessions: sessions(), consents: records(), vault: vault(), audit: auditLog(), clock };

/** DELETE /api/v1/me: revokes everything and crypto-shreds the caller's PHI. */
export const handler = httpRoute(routes.deleteMe, 'deleteMe', async ({ caller, meta }) => {
  await deleteAccount(deps, caller!, meta);
  return {};
}, { audit: deps.audit });
