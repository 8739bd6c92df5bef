import { practitionerVerify as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { verifyPractitioner } from '../../shared/care/practitioners';
import { etagOf } from '../../shared/records/profile';
import { accountReader, practitioners, auditLog, clock } from '../../shared/runtime/composition';

const deps = { practitioners: practitioners(), users: accountReader(), audit: auditLog(), clock };

/** POST /api/v1/admin/practitioners/{id}/verify: an admin verifies a profile or withdraws it (`If-Match`: the version reviewed). */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, headers, meta }) => {
    const view = await verifyPractitioner(deps, caller, params.id, body.verified, headers['if-match'], meta);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
