import { practitionerGet as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { getPractitioner } from '../../shared/care/practitioners';
import { accountReader, auditLog, clock, practitioners, ratings } from '../../shared/runtime/composition';

const deps = { practitioners: practitioners(), users: accountReader(), ratings: ratings(), audit: auditLog(), clock };

/** GET /api/v1/practitioners/{id}: a verified practitioner's public profile (no credentials; a caregiver's city only); else 404. */
export const handler = httpRoute(route, async ({ params, caller, meta }) => ({ body: await getPractitioner(deps, caller, params.id, meta) }), {
  audit: deps.audit,
});
