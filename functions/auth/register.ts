import { routes } from '../routes';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { register, type RegisterInput } from '../../shared/identity/register';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** POST /api/v1/auth/register: creates a patient account. */
export const handler = httpRoute(routes.register, 'register', async ({ body, meta }: HttpRequest<RegisterInput>) => ({
  body: await register(deps, body, meta),
}));
