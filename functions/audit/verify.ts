import { accountRoutes as routes } from '../routes/account';
import { verifyAudit } from '../../shared/audit/trail';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, auditTrail } from '../../shared/runtime/app';

const deps = { auditTrail: auditTrail(), audit: auditLog() };

/** GET /api/v1/audit/verify?subjectId=: checks one subject's hash chain. */
export const handler = httpRoute(routes.auditVerify, 'auditVerify', async ({ query, caller, meta }: HttpRequest<unknown, { subjectId: string }>) => ({
  body: await verifyAudit(deps, caller!, query.subjectId, meta),
}), { audit: deps.audit });
