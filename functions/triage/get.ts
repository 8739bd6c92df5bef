import { sessionGet as route } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import { auditLog, symptomSessionReader, vault } from '../../shared/runtime/composition';
import { getSession } from '../../shared/triage/session-view';

const deps = { sessions: symptomSessionReader(), vault: vault(), audit: auditLog() };

/** GET /api/v1/symptom-sessions/{id}: status and, once done, the result. */
export const handler = httpRoute(
  route,
  async ({ params, caller, meta }) => ({
    body: await getSession(deps, caller, params.id, meta),
  }),
  { audit: deps.audit },
);
