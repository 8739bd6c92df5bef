import { register as route } from '../routes/identity';
import { httpRoute } from '../../shared/http/http-route';
import { register } from '../../shared/identity/register';
import { users, auditLog, blindIndex, passwords, clock, vault, figureCounter } from '../../shared/runtime/composition';

const deps = { users: users(), audit: auditLog(), blindIndex: blindIndex(), passwords: passwords(), clock, vault: vault(), figures: figureCounter() };

/** POST /api/v1/auth/register: creates a patient account. */
export const handler = httpRoute(route, async ({ body, meta }) => ({
  body: await register(deps, body, meta),
}));
