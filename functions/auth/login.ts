import { identityRoutes as routes } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { login, type LoginInput } from '../../shared/identity/login';
import { users, loginAttempts, sessions, auditLog, signer, blindIndex, passwords, clock, tokenSettings } from '../../shared/runtime/app';

const deps = { users: users(), loginAttempts: loginAttempts(), sessions: sessions(), audit: auditLog(), signer: signer(), blindIndex: blindIndex(), passwords: passwords(), clock, tokens: tokenSettings() };

/** POST /api/v1/auth/login: credentials for a token pair. */
export const handler = httpRoute(routes.login, 'login', async ({ body, meta }: HttpRequest<LoginInput>) => ({
  body: await login(deps, body, meta),
}));
