import { recordRoutes as routes } from '../routes/records';
import type { HealthProfile } from '../../shared/contracts/profile';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { etagOf, putOwnProfile } from '../../shared/records/profile';
import { records, vault, auditLog, clock } from '../../shared/runtime/app';

const deps = { profiles: records(), vault: vault(), audit: auditLog(), clock };

/** PUT /api/v1/profile: creates the profile, or replaces it given `If-Match` (412 if stale). */
export const handler = httpRoute(routes.profilePut, 'profilePut', async ({ body, caller, headers, meta }: HttpRequest<HealthProfile>) => {
  const view = await putOwnProfile(deps, caller!, body, headers['if-match'], meta);
  return { status: view.version === 1 ? 201 : 200, body: view, headers: { ETag: etagOf(view.version) } };
}, { audit: deps.audit });
