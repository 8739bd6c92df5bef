import { auditEvents as route } from '../routes/audit';
import { searchAudit } from '../../shared/audit/trail';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { accountReader, auditLog, auditTrail } from '../../shared/runtime/composition';

const deps = { auditTrail: auditTrail(), users: accountReader(), audit: auditLog() };

/** GET /api/v1/audit/events: compliance searches the trail by subject or actor. */
export const handler = httpRoute(
  route,
  async ({ query, caller, meta }) => {
    const { limit: _limit, cursor: _cursor, ...search } = query;
    return { body: await searchAudit(deps, caller, search, pageOf(query), meta) };
  },
  { audit: deps.audit },
);
