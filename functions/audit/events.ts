import { accountRoutes as routes } from '../routes/account';
import { searchAudit } from '../../shared/audit/trail';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf, type PageQuery } from '../../shared/http/page';
import type { HttpRequest } from '../../shared/http/request';
import type { AuditSearch } from '../../shared/ports';
import { auditLog, auditTrail } from '../../shared/runtime/app';

const deps = { auditTrail: auditTrail(), audit: auditLog() };

/** GET /api/v1/audit/events: compliance searches the trail by subject or actor. */
export const handler = httpRoute(routes.auditEvents, 'auditEvents', async ({ query, caller, meta }: HttpRequest<unknown, AuditSearch & PageQuery>) => {
  const { limit: _limit, cursor: _cursor, ...search } = query;
  return { body: await searchAudit(deps, caller!, search, pageOf(query), meta) };
}, { audit: deps.audit });
