import type { ConsultationSummary } from '../contracts/assessment';
import type { TriageResult } from '../contracts/triage';
import type { AppDeps } from '../deps';
import { AiQuotaExceededError, NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import type { AiQuota } from './ports';
import type { SymptomSessionReader } from '../triage/ports';
import { sessionPlaces } from '../triage/places';
import { DISCLAIMER } from '../triage/result';
import { auditSession } from '../triage/session-view';
import type { SessionInput } from '../triage/sessions';

export type ConsultationDeps = Pick<AppDeps, 'vault' | 'audit' | 'clock'> & { sessions: SymptomSessionReader; quota: AiQuota };

/**
 * A structured consultation summary of one of the caller's symptom sessions, for the patient to
 * bring to (or share with) a clinician: the complaint, the symptoms and context as given, the
 * follow-up answers, the triage with how it was reached, and what to ask and watch for. Built
 * from what CareBow holds, deterministically; it spends the AI quota and is audited.
 */
export const consultationSummary = async (deps: ConsultationDeps, caller: Caller, sessionId: string, meta: RequestMeta): Promise<ConsultationSummary> => {
  const stored = await deps.sessions.getSession(caller.userId, sessionId);
  if (stored === undefined) throw new NotFoundError();
  const { allowed, retryAfterSeconds } = await deps.quota.take(caller.userId);
  if (!allowed) throw new AiQuotaExceededError(retryAfterSeconds);
  const { input, answers } = await deps.vault.openJson<SessionInput>(sessionPlaces.input(caller.userId, sessionId), stored.inputSealed);
  const result = stored.resultSealed ? await deps.vault.openJson<TriageResult>(sessionPlaces.result(caller.userId, sessionId), stored.resultSealed) : undefined;
  const chief = [...input.symptoms].sort((a, b) => b.severity - a.severity)[0]!;
  const summary: ConsultationSummary = {
    sessionId,
    generatedAt: deps.clock.now().toISOString(),
    chiefComplaint: `${chief.name} (severity ${chief.severity}/10${chief.durationHours !== undefined ? `, for ${chief.durationHours} h` : ''}${chief.onset ? `, ${chief.onset} onset` : ''})`,
    symptoms: input.symptoms,
    context: {
      ...(input.age !== undefined ? { age: input.age } : {}),
      ...(input.sex ? { sex: input.sex } : {}),
      ...(input.pregnant !== undefined ? { pregnant: input.pregnant } : {}),
      conditions: [...(input.conditions ?? [])],
    },
    ...(input.freeText ? { patientNotes: input.freeText } : {}),
    followUpAnswers: [...answers],
    triage: result
      ? {
          level: result.level,
          source: result.source,
          confidence: result.confidence,
          rulesFired: result.rulesFired,
          ...(result.model ? { model: result.model } : {}),
        }
      : null,
    suggestedQuestions: result?.followUpQuestions ?? [],
    watchFor: result?.watchFor ?? [],
    ...(result?.specialist ? { specialist: result.specialist } : {}),
    teleconsultationOk: result?.teleconsultationOk ?? false,
    disclaimer: DISCLAIMER,
  };
  await auditSession(deps, caller, meta, 'ai.consultation', sessionId);
  return summary;
};
