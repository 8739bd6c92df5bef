import { practitionerSlots as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { listSlots } from '../../shared/care/schedule';
import { auditLog, availabilityStore, clock, ledgers, practitionerReader } from '../../shared/runtime/composition';

const deps = { practitioners: practitionerReader(), availability: availabilityStore(), ledgers: ledgers(), audit: auditLog(), clock };

/** GET /api/v1/practitioners/{id}/slots?from=&to=: a verified practitioner's free slots (≤ 31 days); else 404. */
export const handler = httpRoute(route, async ({ params, query, caller, meta }) => ({ body: await listSlots(deps, caller, params.id, query, meta) }), {
  audit: deps.audit,
});
