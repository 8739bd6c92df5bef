import { triageRoutes as routes } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, clock, symptomSessions, triageQueue, vault } from '../../shared/runtime/app';
import { answerFollowUps } from '../../shared/triage/sessions';

const deps = { sessions: symptomSessions(), queue: triageQueue(), vault: vault(), audit: auditLog(), clock };

type Body = { answers: { question: string; answer: string }[] };

/** POST /api/v1/symptom-sessions/{id}/answers: adds answers and queues a re-triage. */
export const handler = httpRoute(routes.sessionAnswers, 'sessionAnswers', async ({ body, params, caller, meta }: HttpRequest<Body, unknown, { id: string }>) => ({
  body: await answerFollowUps(deps, caller!, params.id, body.answers, meta),
}), { audit: deps.audit });
