import { accountRoutes as routes } from '../routes/account';
import { deleteAccount } from '../../shared/account/delete-account';
import { httpRoute } from '../../shared/http/http-route';
import { users, refreshFamilies, records, vault, auditLog, clock } from '../../shared/runtime/composition';

const deps = { users: users(), refreshFamilies: refreshFamilies(), consents: records(), vault: vault(), audit: auditLog(), clock };

/** DELETE /api/v1/me: revokes everything and crypto-shreds the caller's PHI. */
export const handler = httpRoute(
  routes.deleteMe,
  async ({ caller, meta }) => {
    await deleteAccount(deps, caller, meta);
    return {};
  },
  { audit: deps.audit },
);
