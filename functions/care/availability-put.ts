import { careRoutes as routes } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { putOwnAvailability } from '../../shared/care/schedule';
import { auditLog, availabilityStore, clock, practitionerReader } from '../../shared/runtime/composition';

const deps = { practitioners: practitionerReader(), availability: availabilityStore(), audit: auditLog(), clock };

/** PUT /api/v1/practitioners/me/availability: replaces the caller's availability; 409 without a practitioner profile. */
export const handler = httpRoute(routes.availabilityPut, async ({ body, caller, meta }) => ({ body: await putOwnAvailability(deps, caller, body, meta) }), {
  audit: deps.audit,
});
