import { routes } from '../routes';
import { deleteAccount } from '../../shared/account/delete-account';
import { httpRoute } from '../../shared/http/http-route';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** DELETE /api/v1/me: revokes everything and crypto-shreds the caller's PHI. */
export const handler = httpRoute(routes.deleteMe, 'deleteMe', async ({ caller, meta }) => {
  await deleteAccount(deps, caller!, meta);
  return {};
}, { audit: deps.audit });
