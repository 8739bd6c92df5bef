import { routes } from '../routes';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { login, type LoginInput } from '../../shared/identity/login';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** POST /api/v1/auth/login: credentials for a token pair. */
export const handler = httpRoute(routes.login, 'login', async ({ body, meta }: HttpRequest<LoginInput>) => ({
  body: await login(deps, body, meta),
}));
