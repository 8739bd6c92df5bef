import { practitionerPut as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { putOwnPractitioner } from '../../shared/care/practitioners';
import { etagOf } from '../../shared/records/profile';
import { accountReader, practitioners, auditLog, clock, ledgers } from '../../shared/runtime/composition';

const deps = { practitioners: practitioners(), ledgers: ledgers(), users: accountReader(), audit: auditLog(), clock };

/** PUT /api/v1/practitioners/me: creates the caller's practitioner profile, or replaces it given `If-Match` (412 if stale; 409 for a new time zone under future bookings). */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    const view = await putOwnPractitioner(deps, caller, body, headers['if-match'], meta);
    return { status: view.version === 1 ? 201 : 200, body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
