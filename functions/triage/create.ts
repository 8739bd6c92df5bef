import { triageRoutes as routes } from '../routes/triage';
import type { TriageInput } from '../../shared/contracts/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, clock, symptomSessions, triageQueue, vault } from '../../shared/runtime/app';
import { startSession } from '../../shared/triage/start-session';

const deps = { sessions: symptomSessions(), queue: triageQueue(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/symptom-sessions: 201 with the finished result for an emergency, else 202 queued. */
export const handler = httpRoute(routes.sessionCreate, 'sessionCreate', async ({ body, caller, meta }: HttpRequest<TriageInput>) => {
  const { emergency, session } = await startSession(deps, caller!, body, meta);
  return { status: emergency ? 201 : 202, body: session, headers: { Location: `/api/v1/symptom-sessions/${session.id}` } };
}, { audit: deps.audit });
