import { recordRoutes as routes } from '../routes/records';
import type { CreateConsentRequest } from '../../shared/contracts/consent';
import { createConsent } from '../../shared/consent/consents';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { records, users, auditLog, clock } from '../../shared/runtime/app';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** POST /api/v1/consents: share with a caregiver or provider, or allow AI processing. */
export const handler = httpRoute(routes.consentCreate, 'consentCreate', async ({ body, caller, meta }: HttpRequest<CreateConsentRequest>) => ({
  body: await createConsent(deps, caller!, body, meta),
}), { audit: deps.audit });
