import { me as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { getMe } from '../../shared/identity/me';
import { users, auditLog, vault } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog(), vault: vault() };

/** GET /api/v1/me: the caller's account. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => ({
    body: await getMe(deps, caller, meta),
  }),
  { audit: deps.audit },
);
