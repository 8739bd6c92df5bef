import { practitionerGetOwn as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { getOwnPractitioner } from '../../shared/care/practitioners';
import { etagOf } from '../../shared/records/profile';
import { practitioners, auditLog } from '../../shared/runtime/composition';

const deps = { practitioners: practitioners(), audit: auditLog() };

/** GET /api/v1/practitioners/me: the caller's practitioner profile, credentials included, with its ETag. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => {
    const view = await getOwnPractitioner(deps, caller, meta);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
