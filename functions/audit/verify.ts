import { auditVerify as route } from '../routes/audit';
import { verifyAuditAnchored } from '../../shared/audit/verify-anchored-route';
import { httpRoute } from '../../shared/http/http-route';
import { anchoredVerifyPorts } from '../../shared/runtime/audit-verify';
import { accountReader, auditLog, auditTrail } from '../../shared/runtime/composition';

const deps = { auditTrail: auditTrail(), users: accountReader(), audit: auditLog(), anchor: anchoredVerifyPorts() };

/** GET /api/v1/audit/verify?subjectId=: checks one subject's hash chain on its own and against the signed digests (ADR 0014). */
export const handler = httpRoute(
  route,
  async ({ query, caller, meta }) => ({
    body: await verifyAuditAnchored(deps, caller, query.subjectId, meta),
  }),
  { audit: deps.audit },
);
