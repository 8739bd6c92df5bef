import { consentRevoke as route } from '../routes/records';
import { revokeConsent } from '../../shared/records/consents';
import { httpRoute } from '../../shared/http/http-route';
import { records, users, auditLog, clock } from '../../shared/runtime/composition';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** DELETE /api/v1/consents/{id}: revokes one of the caller's consents at once. */
export const handler = httpRoute(
  route,
  async ({ params, caller, meta }) => {
    await revokeConsent(deps, caller, params.id, meta);
    return {};
  },
  { audit: deps.audit },
);
