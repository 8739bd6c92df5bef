import { routes } from '../routes';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { logout } from '../../shared/identity/logout';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** POST /api/v1/auth/logout: revokes the refresh token's family. */
export const handler = httpRoute(routes.logout, 'logout', async ({ body, meta }: HttpRequest<{ refreshToken: string }>) => {
  await logout(deps, body.refreshToken, meta);
  return {};
});
