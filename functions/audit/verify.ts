import { auditRoutes as routes } from '../routes/audit';
import { verifyAudit } from '../../shared/audit/trail';
import { httpRoute } from '../../shared/http/http-route';
import { auditLog, auditTrail } from '../../shared/runtime/composition';

const deps = { auditTrail: auditTrail(), audit: auditLog() };

/** GET /api/v1/audit/verify?subjectId=: checks one subject's hash chain. */
export const handler = httpRoute(
  routes.auditVerify,
  async ({ query, caller, meta }) => ({
    body: await verifyAudit(deps, caller, query.subjectId, meta),
  }),
  { audit: deps.audit },
);
