import { careRoutes as routes } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { getOwnAvailability } from '../../shared/care/schedule';
import { auditLog, availabilityStore, practitionerReader } from '../../shared/runtime/composition';

const deps = { practitioners: practitionerReader(), availability: availabilityStore(), audit: auditLog() };

/** GET /api/v1/practitioners/me/availability: the caller's availability and their profile's time zone; 404 before either. */
export const handler = httpRoute(routes.availabilityGetOwn, async ({ caller, meta }) => ({ body: await getOwnAvailability(deps, caller, meta) }), {
  audit: deps.audit,
});
