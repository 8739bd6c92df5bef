import { profileGet as route } from '../routes/records';
import { httpRoute } from '../../shared/http/http-route';
import { etagOf, getOwnProfile } from '../../shared/records/profile';
import { records, vault, auditLog, clock } from '../../shared/runtime/composition';

const deps = { profiles: records(), vault: vault(), audit: auditLog(), clock };

/** GET /api/v1/profile: the caller's health profile, with its ETag. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => {
    const view = await getOwnProfile(deps, caller, meta);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
