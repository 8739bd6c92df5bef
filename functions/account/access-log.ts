import { accessLog as route } from '../routes/account';
import { accessLog } from '../../shared/audit/trail';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { auditLog, auditTrail } from '../../shared/runtime/composition';

const deps = { auditTrail: auditTrail(), audit: auditLog() };

/** GET /api/v1/me/access-log: who accessed the caller's data and when, newest first. */
export const handler = httpRoute(
  route,
  async ({ query, caller }) => ({
    body: await accessLog(deps, caller, pageOf(query)),
  }),
  { audit: deps.audit },
);
