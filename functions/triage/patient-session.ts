import { patientSession as route } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import { accountReader, appointments, auditLog, clock, records, symptomSessionReader, vault } from '../../shared/runtime/composition';
import { getPatientSession } from '../../shared/triage/patient-session';

const deps = {
  consents: records(),
  appointments: appointments(),
  sessions: symptomSessionReader(),
  users: accountReader(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** GET /api/v1/patients/{patientId}/symptom-sessions/{id}: the session a booking shared with the calling practitioner; else 404. */
export const handler = httpRoute(
  route,
  async ({ params, caller, meta }) => ({ body: await getPatientSession(deps, caller, params.patientId, params.id, meta) }),
  { audit: deps.audit },
);
