import { recordRoutes as routes } from '../routes/records';
import { revokeConsent } from '../../shared/consent/consents';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { records, users, auditLog, clock } from '../../shared/runtime/app';

const deps = { consents: records(), users: users(), audit: auditLog(), clock };

/** DELETE /api/v1/consents/{id}: revokes one of the caller's consents at once. */
export const handler = httpRoute(routes.consentRevoke, 'consentRevoke', async ({ params, caller, meta }: HttpRequest<unknown, unknown, { id: string }>) => {
  await revokeConsent(deps, caller!, params.id, meta);
  return {};
}, { audit: deps.audit });
