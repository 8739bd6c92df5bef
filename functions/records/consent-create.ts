import { consentCreate as route } from '../routes/records';
import { createConsent } from '../../shared/records/consents';
import { httpRoute } from '../../shared/http/http-route';
import { records, users, auditLog, clock } from '../../shared/runtime/composition';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** POST /api/v1/consents: share with a caregiver or provider, or allow AI processing. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await createConsent(deps, caller, body, meta),
  }),
  { audit: deps.audit },
);
