import type { TriageInput, TriageResult } from '../contracts/triage';
import { AiQuotaExceededError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { AiQuota } from './ports';
import type { AuditLog } from '../audit/ports';
import { composeResult, DISCLAIMER } from '../triage/result';
import { assessWithRules, RULES_VERSION } from '../triage/rules/engine';

/**
 * The synchronous, rules-only AI endpoints of the product surface (`/api/v1/enhanced-ai/*`).
 * Nothing is stored; each call spends the caller's AI quota and is audited (the symptoms are
 * PHI even when only processed).
 */
export interface InstantAiDeps {
  readonly quota: AiQuota;
  readonly audit: AuditLog;
}

const spend = async (deps: InstantAiDeps, caller: Caller, meta: RequestMeta, what: string): Promise<void> => {
  const { allowed, retryAfterSeconds } = await deps.quota.take(caller.userId);
  await deps.audit.append({
    action: 'ai.instant',
    outcome: allowed ? 'success' : 'denied',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'ai_request', id: what },
    ...requestFacts(meta),
    ...(allowed ? {} : { reason: 'quota_exceeded' }),
  });
  if (!allowed) throw new AiQuotaExceededError(retryAfterSeconds);
};

export const analyzeSymptoms = async (deps: InstantAiDeps, caller: Caller, input: TriageInput, meta: RequestMeta): Promise<TriageResult> => {
  await spend(deps, caller, meta, 'analyze-symptoms');
  const rules = assessWithRules(input);
  return composeResult(rules, { level: rules.level, source: 'rules', rulesFired: rules.rulesFired, promptVersion: RULES_VERSION });
};

export const followUpQuestions = async (deps: InstantAiDeps, caller: Caller, input: TriageInput, meta: RequestMeta) => {
  await spend(deps, caller, meta, 'follow-up-questions');
  return { questions: assessWithRules(input).followUpQuestions, disclaimer: DISCLAIMER };
};

export const quickAssessment = async (deps: InstantAiDeps, caller: Caller, input: TriageInput, meta: RequestMeta) => {
  await spend(deps, caller, meta, 'quick-assessment');
  const rules = assessWithRules(input);
  return {
    level: rules.level,
    summary: rules.summary,
    rulesFired: rules.rulesFired,
    disclaimer: DISCLAIMER,
    ...(rules.emergencyAdvice ? { emergencyAdvice: rules.emergencyAdvice } : {}),
  };
};
