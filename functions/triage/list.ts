import { sessionList as route } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import { pageOf } from '../../shared/http/page';
import { auditLog, symptomSessionReader, vault } from '../../shared/runtime/composition';
import { listSessions } from '../../shared/triage/session-view';

const deps = { sessions: symptomSessionReader(), vault: vault(), audit: auditLog() };

/** GET /api/v1/symptom-sessions: the caller's sessions, newest first. */
export const handler = httpRoute(
  route,
  async ({ query, caller, meta }) => ({
    body: await listSessions(deps, caller, pageOf(query), meta),
  }),
  { audit: deps.audit },
);
