import { triageRoutes as routes } from '../routes/triage';
import type { FollowUpAnswers } from '../../shared/contracts/triage';
import { httpRoute } from '../../shared/http/http-route';
import { idempotent } from '../../shared/http/idempotency';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, clock, idempotencyStore, symptomSessions, triageQueue, vault } from '../../shared/runtime/app';
import { answerFollowUps } from '../../shared/triage/sessions';

const deps = { sessions: symptomSessions(), queue: triageQueue(), vault: vault(), audit: auditLog(), clock, idempotency: idempotencyStore() };

/** POST /api/v1/symptom-sessions/{id}/answers: adds answers and queues a re-triage; honours Idempotency-Key. */
export const handler = httpRoute(routes.sessionAnswers, 'sessionAnswers', async ({ body, params, caller, headers, meta }: HttpRequest<FollowUpAnswers, unknown, { id: string }>) =>
  idempotent(deps, {
    caller: caller!, meta, key: headers['idempotency-key'], routeId: 'sessionAnswers', body: { sessionId: params.id, ...body },
    replayed: () => ({ type: 'symptom_session', id: params.id }),
  }, async () => ({
    status: routes.sessionAnswers.status,
    body: await answerFollowUps(deps, caller!, params.id, body.answers, meta),
  })), { audit: deps.audit });
