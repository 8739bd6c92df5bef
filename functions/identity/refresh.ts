import { refresh as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { refresh } from '../../shared/identity/refresh';
import { users, refreshFamilies, auditLog, signer, clock, tokenSettings } from '../../shared/runtime/composition';

const deps = { users: users(), refreshFamilies: refreshFamilies(), audit: auditLog(), signer: signer(), clock, tokens: tokenSettings() };

/** POST /api/v1/auth/refresh: rotates a refresh token. */
export const handler = httpRoute(route, async ({ body, meta }) => ({
  body: await refresh(deps, body.refreshToken, meta),
}));
