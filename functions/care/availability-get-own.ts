import { availabilityGetOwn as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { getOwnAvailability } from '../../shared/care/schedule';
import { etagOf } from '../../shared/records/profile';
import { auditLog, availabilityStore, practitionerReader } from '../../shared/runtime/composition';

const deps = { practitioners: practitionerReader(), availability: availabilityStore(), audit: auditLog() };

/** GET /api/v1/practitioners/me/availability: the caller's availability and their profile's time zone, with its `ETag`; 404 before either. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => {
    const view = await getOwnAvailability(deps, caller, meta);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
