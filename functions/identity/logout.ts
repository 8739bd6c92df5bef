import { logout as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { logout } from '../../shared/identity/logout';
import { refreshFamilies, auditLog } from '../../shared/runtime/composition';

const deps = { refreshFamilies: refreshFamilies(), audit: auditLog() };

/** POST /api/v1/auth/logout: revokes the refresh token's family. */
export const handler = httpRoute(route, async ({ body, meta }) => {
  await logout(deps, body.refreshToken, meta);
  return {};
});
