import { identityRoutes as routes } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { logout } from '../../shared/identity/logout';
import { sessions, auditLog } from '../../shared/runtime/app';

const deps = { sessions: sessions(), audit: auditLog() };

/** POST /api/v1/auth/logout: revokes the refresh token's family. */
export const handler = httpRoute(routes.logout, 'logout', async ({ body, meta }: HttpRequest<{ refreshToken: string }>) => {
  await logout(deps, body.refreshToken, meta);
  return {};
});
