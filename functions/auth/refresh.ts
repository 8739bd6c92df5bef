import { routes } from '../routes';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { refresh } from '../../shared/identity/refresh';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** POST /api/v1/auth/refresh: rotates a refresh token. */
export const handler = httpRoute(routes.refresh, 'refresh', async ({ body, meta }: HttpRequest<{ refreshToken: string }>) => ({
  body: await refresh(deps, body.refreshToken, meta),
}));
