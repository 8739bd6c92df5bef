import { sessionCreate as route } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import { idempotent } from '../../shared/http/idempotency';
import { auditLog, clock, idempotencyStore, symptomSessions, triageQueue, usageCounters, vault } from '../../shared/runtime/composition';
import { startSession } from '../../shared/triage/start-session';

const deps = {
  sessions: symptomSessions(),
  queue: triageQueue(),
  vault: vault(),
  audit: auditLog(),
  clock,
  idempotency: idempotencyStore(),
  counters: usageCounters(),
};

/** POST /api/v1/symptom-sessions: 201 with the finished result for an emergency, else 202 queued; honours Idempotency-Key. */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    const reply = await idempotent(
      deps,
      {
        caller,
        meta,
        key: headers['idempotency-key'],
        routeId: route.id,
        body,
        replayed: (r) => ({ type: 'symptom_session', id: r.body.id }),
      },
      async () => {
        const { emergency, session } = await startSession(deps, caller, body, meta);
        return { status: emergency ? 201 : 202, body: session };
      },
    );
    return { ...reply, headers: { Location: `/api/v1/symptom-sessions/${(reply.body as { id: string }).id}` } };
  },
  { audit: deps.audit },
);
