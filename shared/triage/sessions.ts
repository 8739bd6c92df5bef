import { spendBudget, type BudgetDeps } from '../budgets/spend';
import type { SymptomSession, TriageInput } from '../contracts/triage';
import type { AppDeps } from '../deps';
import { ConflictError, NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { undoPersistently } from '../domain/undo';
import type { StoredSymptomSession, SymptomSessionRepository, TriageQueue } from './ports';
import { sessionPlaces } from './places';
import { auditSession, sessionView } from './session-view';

export type SessionDeps = Pick<AppDeps, 'vault' | 'audit' | 'clock'> & { sessions: SymptomSessionRepository; queue: TriageQueue };

/** What the worker reads: the input, plus every follow-up answer given since. */
export interface SessionInput {
  readonly input: TriageInput;
  readonly answers: readonly { question: string; answer: string }[];
}

export const enqueueOrFail = async (deps: SessionDeps, session: Pick<StoredSymptomSession, 'id' | 'patientId' | 'revision'>): Promise<void> => {
  try {
    await deps.queue.enqueue({ sessionId: session.id, patientId: session.patientId, revision: session.revision });
  } catch (error) {
    await undoPersistently(() => deps.sessions.fail(session.patientId, session.id, deps.clock.now().toISOString()));
    throw error;
  }
};

/** Adds answers to the follow-up questions and queues a new revision for re-triage (202); spends the `followUpAnswers` budget (429). */
export const answerFollowUps = async (
  deps: SessionDeps & Pick<BudgetDeps, 'counters'>,
  caller: Caller,
  sessionId: string,
  answers: readonly { question: string; answer: string }[],
  meta: RequestMeta,
): Promise<SymptomSession> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  if (stored === undefined) throw new NotFoundError();
  // After the ownership check, so someone else's session is a 404 that spends nothing.
  await spendBudget(deps, caller, meta, 'followUpAnswers', { action: 'triage.answer', resource: { type: 'symptom_session', id: sessionId } });
  const previous = await deps.vault.openJson<SessionInput>(sessionPlaces.input(caller.userId, sessionId), stored.inputSealed);
  const inputSealed = await deps.vault.sealJson(sessionPlaces.input(caller.userId, sessionId), {
    input: previous.input,
    answers: [...previous.answers, ...answers].slice(-30),
  } satisfies SessionInput);
  const now = deps.clock.now().toISOString();
  if (!(await deps.sessions.requeue(caller.userId, sessionId, inputSealed, stored.revision, now))) {
    throw new ConflictError('The session changed meanwhile; reload and retry.');
  }
  const requeued = { ...stored, inputSealed, revision: stored.revision + 1, status: 'queued' as const, updatedAt: now };
  await enqueueOrFail(deps, requeued);
  try {
    await auditSession(deps, caller, meta, 'triage.answer', sessionId);
  } catch (error) {
    // No unaudited answers (a load run found them kept: issue 14): the previous revision goes back, then the request
    // fails. The message already queued names the reverted revision, so the worker drops it as stale.
    await undoPersistently(() => deps.sessions.revertRequeue(stored));
    throw error;
  }
  return sessionView(deps, requeued);
};
