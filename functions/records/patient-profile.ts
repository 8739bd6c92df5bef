import { patientProfile as route } from '../routes/records';
import { httpRoute } from '../../shared/http/http-route';
import { etagOf, getPatientProfile } from '../../shared/records/profile';
import { accountReader, records, vault, auditLog, clock } from '../../shared/runtime/composition';

const deps = { profiles: records(), consents: records(), users: accountReader(), vault: vault(), audit: auditLog(), clock };

/** GET /api/v1/patients/{patientId}/profile: for a caregiver or provider under consent; else 404. */
export const handler = httpRoute(
  route,
  async ({ params, caller, meta }) => {
    const view = await getPatientProfile(deps, caller, params.patientId, meta);
    return { body: view, headers: { ETag: etagOf(view.version) } };
  },
  { audit: deps.audit },
);
