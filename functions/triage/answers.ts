import { sessionAnswers as route } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import { idempotent } from '../../shared/http/idempotency';
import { auditLog, clock, idempotencyStore, symptomSessions, triageQueue, usageCounters, vault } from '../../shared/runtime/composition';
import { answerFollowUps } from '../../shared/triage/sessions';

const deps = {
  sessions: symptomSessions(),
  queue: triageQueue(),
  vault: vault(),
  audit: auditLog(),
  clock,
  idempotency: idempotencyStore(),
  counters: usageCounters(),
};

/** POST /api/v1/symptom-sessions/{id}/answers: adds answers and queues a re-triage; honours Idempotency-Key. */
export const handler = httpRoute(
  route,
  async ({ body, params, caller, headers, meta }) =>
    idempotent(
      deps,
      {
        caller,
        meta,
        key: headers['idempotency-key'],
        routeId: route.id,
        body: { sessionId: params.id, ...body },
        replayed: () => ({ type: 'symptom_session', id: params.id }),
      },
      async () => ({
        status: route.status,
        body: await answerFollowUps(deps, caller, params.id, body.answers, meta),
      }),
    ),
  { audit: deps.audit },
);
