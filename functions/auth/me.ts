import { routes } from '../routes';
import { httpRoute } from '../../shared/http/http-route';
import { getMe } from '../../shared/identity/me';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** GET /api/v1/me: the caller's account. */
export const handler = httpRoute(routes.me, 'me', async ({ caller, meta }) => ({
  body: await getMe(deps, caller!, meta),
}), { audit: deps.audit });
