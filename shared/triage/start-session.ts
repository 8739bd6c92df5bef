import { spendBudget, type BudgetDeps } from '../budgets/spend';
import type { SymptomSession, TriageInput } from '../contracts/triage';
import { uuidV7 } from '../domain/uuid-v7';
import type { Caller, RequestMeta } from '../domain/caller';
import type { StoredSymptomSession } from './ports';
import { isEmergency } from './levels';
import { sessionPlaces } from './places';
import { composeResult } from './result';
import { assessWithRules, RULES_VERSION } from './rules/engine';
import { auditSession, sessionView } from './session-view';
import { enqueueOrFail, type SessionDeps, type SessionInput } from './sessions';

/**
 * Starts a symptom session. The red-flag rules run first, synchronously: an emergency is settled
 * at once (201 with the result: what to do now), without waiting for any model. Anything else is
 * stored and queued for the worker (202); the queue message holds ids only. Only the latter spends the patient's
 * `symptomSession` budget (a 429 before anything is written): a red flag is never refused. If the creation
 * cannot be audited, the session is deleted and the request fails.
 */
export const startSession = async (
  deps: SessionDeps & Pick<BudgetDeps, 'counters'>,
  caller: Caller,
  input: TriageInput,
  meta: RequestMeta,
): Promise<{ emergency: boolean; session: SymptomSession }> => {
  const at = deps.clock.now();
  const now = at.toISOString();
  // Time-ordered from the injected clock, like `createdAt`. Within one millisecond the order is not
  // creation order: `uuidV7` fills the bits after the timestamp at random (no per-ms counter).
  const id = uuidV7(at.getTime());
  const rules = assessWithRules(input);
  const emergency = isEmergency(rules.level);
  if (!emergency) await spendBudget(deps, caller, meta, 'symptomSession', { action: 'triage.create', resource: { type: 'symptom_session' } });
  const inputSealed = await deps.vault.sealJson(sessionPlaces.input(caller.userId, id), { input, answers: [] } satisfies SessionInput);
  const result = emergency
    ? composeResult(rules, { level: rules.level, source: 'rules', rulesFired: rules.rulesFired, promptVersion: RULES_VERSION })
    : undefined;
  const stored: StoredSymptomSession = {
    id,
    patientId: caller.userId,
    status: emergency ? 'completed' : 'queued',
    revision: 1,
    processedRevision: emergency ? 1 : 0,
    inputSealed,
    ...(result ? { resultSealed: await deps.vault.sealJson(sessionPlaces.result(caller.userId, id), result) } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await deps.sessions.create(stored);
  if (!emergency) await enqueueOrFail(deps, stored);
  try {
    await auditSession(deps, caller, meta, 'triage.create', id);
  } catch (error) {
    // No unaudited session (a load run found them: issue 14): delete it, then fail. A queued message then finds
    // it gone, and the worker drops it; the caller never got its id.
    await deps.sessions.discard(caller.userId, id);
    throw error;
  }
  return { emergency, session: await sessionView(deps, stored) };
};
