import { availabilityPut as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { putOwnAvailability } from '../../shared/care/schedule';
import { etagOf } from '../../shared/records/profile';
import { accountReader, auditLog, availabilityStore, clock, practitionerReader } from '../../shared/runtime/composition';

const deps = { practitioners: practitionerReader(), availability: availabilityStore(), users: accountReader(), audit: auditLog(), clock };

/** PUT /api/v1/practitioners/me/availability: creates the caller's availability, or replaces it given `If-Match` (412 if missing or stale); 409 without a practitioner profile. */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    const view = await putOwnAvailability(deps, caller, body, meta, headers['if-match']);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
