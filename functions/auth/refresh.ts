import { identityRoutes as routes } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { refresh } from '../../shared/identity/refresh';
import { users, sessions, auditLog, signer, clock, tokenSettings } from '../../shared/runtime/app';

const deps = { users: users(), sessions: sessions(), audit: auditLog(), signer: signer(), clock, tokens: tokenSettings() };

/** POST /api/v1/auth/refresh: rotates a refresh token. */
export const handler = httpRoute(routes.refresh, 'refresh', async ({ body, meta }: HttpRequest<{ refreshToken: string }>) => ({
  body: await refresh(deps, body.refreshToken, meta),
}));
