import { profilePut as route } from '../routes/records';
import { httpRoute } from '../../shared/http/http-route';
import { etagOf, putOwnProfile } from '../../shared/records/profile';
import { records, vault, auditLog, clock } from '../../shared/runtime/composition';

const deps = { profiles: records(), vault: vault(), audit: auditLog(), clock };

/** PUT /api/v1/profile: creates the profile, or replaces it given `If-Match` (412 if stale). */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    const view = await putOwnProfile(deps, caller, body, headers['if-match'], meta);
    return { status: view.version === 1 ? 201 : 200, body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
