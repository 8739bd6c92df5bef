import { routes } from '../routes';
import type { CreateConsentRequest } from '../../shared/contracts/consent';
import { createConsent } from '../../shared/consent/consents';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { appDeps } from '../../shared/runtime/app';

const deps = appDeps();

/** POST /api/v1/consents: share with a caregiver or provider, or allow AI processing. */
export const handler = httpRoute(routes.consentCreate, 'consentCreate', async ({ body, caller, meta }: HttpRequest<CreateConsentRequest>) => ({
  body: await createConsent(deps, caller!, body, meta),
}), { audit: deps.audit });
