import type { AuditLog } from '../audit/ports';
import { actorOf, requestFacts } from '../audit/actor';
import type { Caller, RequestMeta } from '../domain/caller';
import type { Clock } from '../domain/clock';
import { BudgetExceededError } from '../errors';
import { BUDGETS, type BudgetName, type BudgetWindow } from './limits';
import type { UsageCounters } from './ports';

export interface BudgetDeps {
  readonly counters: UsageCounters;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/**
 * The window of `budget` that holds `nowMs`: its counter id, when the store may drop it (one window after its end,
 * so a late request never finds it gone early), and the seconds until it ends (the refusal's `Retry-After`).
 *
 * @example
 * windowAt('symptomSession', { limit: 10, seconds: 3600 }, Date.parse('2026-01-01T10:59:30Z'));
 * // { counterId: 'symptomSession#3600#1767261600', expiresAt: 1767268800, retryAfterSeconds: 30 }
 */
export const windowAt = (budget: BudgetName, window: BudgetWindow, nowMs: number) => {
  const start = Math.floor(nowMs / 1000 / window.seconds) * window.seconds;
  const end = start + window.seconds;
  return { counterId: `${budget}#${window.seconds}#${start}`, expiresAt: end + window.seconds, retryAfterSeconds: Math.max(1, Math.ceil(end - nowMs / 1000)) };
};

/**
 * Spends one unit of the caller's `budget`, shortest window first (a refusal by the hour then spends nothing of the
 * day). A full window refuses: the route's audit event is written as `denied` (`budget_exceeded`), then
 * `BudgetExceededError` (429, `Retry-After` until that window ends). Call it before the request writes anything.
 *
 * @example
 * await spendBudget(deps, caller, meta, 'symptomSession', { action: 'triage.create', resource: { type: 'symptom_session' } });
 */
export const spendBudget = async (
  deps: BudgetDeps,
  caller: Caller,
  meta: RequestMeta,
  budget: BudgetName,
  refusal: { action: string; resource: { type: string; id?: string } },
): Promise<void> => {
  const nowMs = deps.clock.now().getTime();
  for (const window of BUDGETS[budget]) {
    const { counterId, expiresAt, retryAfterSeconds } = windowAt(budget, window, nowMs);
    if (await deps.counters.increment(caller.userId, counterId, window.limit, expiresAt)) continue;
    await deps.audit.append({
      action: refusal.action,
      outcome: 'denied',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: refusal.resource,
      ...requestFacts(meta),
      reason: 'budget_exceeded',
    });
    throw new BudgetExceededError(retryAfterSeconds);
  }
};
