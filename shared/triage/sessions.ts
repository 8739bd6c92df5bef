import type { SymptomSession, TriageInput, TriageResult } from '../contracts/triage';
import type { AppDeps } from '../deps';
import { ConflictError, NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../http/request';
import { actorOf, requestFacts } from '../identity/audit-actor';
import { uuidV7 } from '../domain/uuid-v7';
import type { Page, PageRequest, StoredSymptomSession, SymptomSessionRepository, TriageQueue } from '../ports';
import { isEmergency } from './levels';
import { composeResult } from './result';
import { assessWithRules, RULES_VERSION } from './rules/engine';
import { sessionPlaces } from './places';

export type SessionDeps = Pick<AppDeps, 'vault' | 'audit' | 'clock'> & { sessions: SymptomSessionRepository; queue: TriageQueue };

/** What the worker reads: the input, plus every follow-up answer given since. */
export interface SessionInput {
  readonly input: TriageInput;
  readonly answers: readonly { question: string; answer: string }[];
}

const view = async (deps: Pick<SessionDeps, 'vault'>, stored: StoredSymptomSession): Promise<SymptomSession> => ({
  id: stored.id,
  status: stored.status,
  revision: stored.revision,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
  ...(stored.resultSealed
    ? { result: await deps.vault.openJson<TriageResult>(sessionPlaces.result(stored.patientId, stored.id), stored.resultSealed) }
    : {}),
});

const audit = (deps: Pick<SessionDeps, 'audit'>, caller: Caller, meta: RequestMeta, action: string, sessionId: string, outcome: 'success' | 'failure' = 'success') =>
  deps.audit.append({
    action, outcome, subjectId: caller.userId, actor: actorOf(caller), resource: { type: 'symptom_session', id: sessionId }, ...requestFacts(meta),
  });

/**
 * Starts a symptom session. The red-flag rules run first, synchronously: an emergency is settled
 * at once (201 with the result: what to do now), without waiting for any model. Anything else is
 * stored and queued for the worker (202); the queue message holds ids only.
 */
export const startSession = async (deps: SessionDeps, caller: Caller, input: TriageInput, meta: RequestMeta): Promise<{ emergency: boolean; session: SymptomSession }> => {
  const now = deps.clock.now().toISOString();
  const id = uuidV7();
  const rules = assessWithRules(input);
  const emergency = isEmergency(rules.level);
  const inputSealed = await deps.vault.sealJson(sessionPlaces.input(caller.userId, id), { input, answers: [] } satisfies SessionInput);
  const result = emergency ? composeResult(rules, { level: rules.level, source: 'rules', rulesFired: rules.rulesFired, promptVersion: RULES_VERSION }) : undefined;
  const stored: StoredSymptomSession = {
    id, patientId: caller.userId, status: emergency ? 'completed' : 'queued', revision: 1, processedRevision: emergency ? 1 : 0,
    inputSealed, ...(result ? { resultSealed: await deps.vault.sealJson(sessionPlaces.result(caller.userId, id), result) } : {}),
    createdAt: now, updatedAt: now,
  };
  await deps.sessions.create(stored);
  if (!emergency) await enqueueOrFail(deps, stored);
  await audit(deps, caller, meta, 'triage.create', id);
  return { emergency, session: await view(deps, stored) };
};

const enqueueOrFail = async (deps: SessionDeps, session: Pick<StoredSymptomSession, 'id' | 'patientId' | 'revision'>): Promise<void> => {
  try {
    await deps.queue.enqueue({ sessionId: session.id, patientId: session.patientId, revision: session.revision });
  } catch (error) {
    await deps.sessions.fail(session.patientId, session.id, deps.clock.now().toISOString());
    throw error;
  }
};

/** One of the caller's sessions; someone else's is 404. Audited. */
export const getSession = async (deps: Pick<SessionDeps, 'sessions' | 'vault' | 'audit'>, caller: Caller, sessionId: string, meta: RequestMeta): Promise<SymptomSession> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  if (stored === undefined) throw new NotFoundError();
  const session = await view(deps, stored);
  await audit(deps, caller, meta, 'triage.read', sessionId);
  return session;
};

/** The caller's sessions, newest first, with each result's level. Audited. */
export const listSessions = async (deps: Pick<SessionDeps, 'sessions' | 'vault' | 'audit'>, caller: Caller, page: PageRequest, meta: RequestMeta) => {
  const result: Page<StoredSymptomSession> = await deps.sessions.sessionsOf(caller.userId, page);
  const items = await Promise.all(result.items.map(async (stored) => {
    const full = await view(deps, stored);
    return { id: full.id, status: full.status, createdAt: full.createdAt, ...(full.result ? { level: full.result.level } : {}) };
  }));
  await audit(deps, caller, meta, 'triage.list', 'all');
  return { items, ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
};

/** Adds answers to the follow-up questions and queues a new revision for re-triage (202). */
export const answerFollowUps = async (
  deps: SessionDeps,
  caller: Caller,
  sessionId: string,
  answers: readonly { question: string; answer: string }[],
  meta: RequestMeta,
): Promise<SymptomSession> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  if (stored === undefined) throw new NotFoundError();
  const previous = await deps.vault.openJson<SessionInput>(sessionPlaces.input(caller.userId, sessionId), stored.inputSealed);
  const inputSealed = await deps.vault.sealJson(sessionPlaces.input(caller.userId, sessionId), { input: previous.input, answers: [...previous.answers, ...answers].slice(-30) } satisfies SessionInput);
  const now = deps.clock.now().toISOString();
  if (!(await deps.sessions.requeue(caller.userId, sessionId, inputSealed, stored.revision, now))) {
    throw new ConflictError('The session changed meanwhile; reload and retry.');
  }
  const requeued = { ...stored, inputSealed, revision: stored.revision + 1, status: 'queued' as const, updatedAt: now };
  await enqueueOrFail(deps, requeued);
  await audit(deps, caller, meta, 'triage.answer', sessionId);
  return view(deps, requeued);
};
