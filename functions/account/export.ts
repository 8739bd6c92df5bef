import { routes } from '../routes';
import { exportAccount } from '../../shared/account/export';
import { httpRoute } from '../../shared/http/http-route';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** GET /api/v1/me/export: everything CareBow holds about the caller, decrypted. */
export const handler = httpRoute(routes.exportMe, 'exportMe', async ({ caller, meta }) => ({
  body: await exportAccount(deps, caller!, meta),
  headers: { 'Content-Disposition': 'attachment; filename="carebow-export.json"' },
}), { audit: deps.audit });
