import type { TriageInput } from '../contracts/triage';
import { aiConsentId } from '../records/consents';
import { allowsAiProcessing } from '../records/consent-policy';
import type { AppDeps } from '../deps';
import type { SymptomSessionRepository, TriageMetrics } from './ports';
import { DataKeyDestroyedError } from '../vault/errors';
import { minimizeForModel } from './minimize';
import { log } from '../logger';
import { ModelError, ModelOutputError, ModelUnavailableError, PROMPT_VERSION, type ModelAssessment, type ModelErrorReason, type MinimizedCase } from './model';
import type { ModelUsage, TriageModel } from './ports';
import { composeResult, type AssessmentContent } from './result';
import { assessWithRules, RULES_VERSION } from './rules/engine';
import { applySafetyFloor } from './safety-floor';
import { sessionPlaces } from './places';
import type { SessionInput } from './sessions';
import { derivedEventId } from '../notifications/events';
import type { NotificationQueue } from '../notifications/ports';
import { countOnce } from '../content/count-figure';
import type { FigureCounter } from '../content/figures-ports';

/** Deliveries of one message that may wait for an unavailable model; the last one falls back. */
export const MODEL_ATTEMPTS = 3;
/** Asks per delivery when the answer was invalid or refused (an immediate retry, not a requeue). */
const OUTPUT_ATTEMPTS = 2;

/**
 * Asks the model, retrying an invalid or refused answer at once. Throws `ModelUnavailableError`
 * for the queue to retry later; any other model error (an invalid answer twice, a rejected key)
 * means the fallback answers now, since waiting would not help.
 */
const askModel = async (
  model: TriageModel,
  input: MinimizedCase,
): Promise<{ assessment: ModelAssessment; usage: ModelUsage } | { unusable: ModelErrorReason }> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await model.assess(input);
    } catch (error) {
      if (error instanceof ModelUnavailableError) throw error;
      if (!(error instanceof ModelError)) throw error;
      if (!(error instanceof ModelOutputError) || attempt >= OUTPUT_ATTEMPTS) return { unusable: error.reason };
    }
  }
};
const DAY_MS = 86_400_000;

export interface WorkerDeps extends Pick<AppDeps, 'vault' | 'consents' | 'audit' | 'clock'> {
  readonly sessions: SymptomSessionRepository;
  /** Absent when no model is configured: the rules engine answers alone. */
  readonly model?: TriageModel;
  readonly metrics: TriageMetrics;
  /** The notifications queue: `triage_ready` once a result is stored. */
  readonly notifications: NotificationQueue;
  /** The product figures: a session counts once, at its first stored result's level (best effort). */
  readonly figures?: FigureCounter;
}

export interface TriageMessage {
  readonly sessionId: string;
  readonly patientId: string;
  readonly revision: number;
}

export type ProcessOutcome = 'completed' | 'duplicate' | 'gone';

/** The input the rules and the model see: answers to follow-up questions join the free text. */
const withAnswers = ({ input, answers }: SessionInput): TriageInput =>
  answers.length === 0
    ? input
    : { ...input, freeText: [input.freeText, ...answers.map((a) => `${a.question} ${a.answer}`)].filter(Boolean).join('\n').slice(0, 4000) };

/**
 * Tells the patient their assessment is ready: a `triage_ready` event (ids only) whose id is derived
 * from the session, the revision and the instant the result was stored, so every delivery of the
 * same work message queues the same event and the notifications worker sends it at most once per
 * channel (one conditional write per event id and channel).
 */
const notifyReady = (deps: Pick<WorkerDeps, 'notifications'>, message: TriageMessage, completedAtMs: number): Promise<void> =>
  deps.notifications.enqueue({
    id: derivedEventId(completedAtMs, `triage_ready|${message.sessionId}|${message.revision}`),
    type: 'triage_ready',
    recipientId: message.patientId,
    refs: { sessionId: message.sessionId },
    occurredAt: new Date(completedAtMs).toISOString(),
  });

/**
 * The triage worker's use case for one queued session revision. Idempotent: a redelivered message
 * finds its revision already processed and does nothing. The model is asked only with the
 * patient's `ai_processing` consent, sees only the minimised case, and its answer passes the
 * safety floor; while it is unavailable the message is retried through the queue, and on the last
 * attempt the rules engine's fallback answers and says so.
 *
 * Once the result is stored and audited, `triage_ready` is queued for the patient: never before, so
 * no message announces a result that is not there. If queueing fails the message fails, and its
 * redelivery, finding the result stored, queues the same event again (a redelivery after a
 * successful queueing does too, harmlessly). The worker stores no failed result: a model that stays
 * unavailable ends in the rules' fallback, which is a completed result and is announced like any
 * other. An emergency answered at once by `POST /symptom-sessions` (201) never reaches the worker,
 * so it sends nothing: the patient is reading it.
 */
export const processSession = async (deps: WorkerDeps, message: TriageMessage, delivery: number): Promise<ProcessOutcome> => {
  const stored = await deps.sessions.getSession(message.patientId, message.sessionId);
  if (stored === undefined) return 'gone';
  if (stored.processedRevision >= message.revision || stored.revision !== message.revision) {
    // This very revision's result is stored (and `updatedAt` is when): the announcement may not have been queued yet.
    if (stored.status === 'completed' && stored.revision === message.revision && stored.processedRevision === message.revision) {
      await notifyReady(deps, message, Date.parse(stored.updatedAt));
    }
    return 'duplicate';
  }
  let session: SessionInput;
  try {
    session = await deps.vault.openJson<SessionInput>(sessionPlaces.input(message.patientId, message.sessionId), stored.inputSealed);
  } catch (error) {
    if (error instanceof DataKeyDestroyedError) return 'gone';
    throw error;
  }
  const now = deps.clock.now();
  await deps.sessions.markProcessing(message.patientId, message.sessionId, message.revision, now.toISOString());
  const input = withAnswers(session);
  const rules = assessWithRules(input);
  const recentSessions = Math.max(0, (await deps.sessions.countSince(message.patientId, new Date(now.getTime() - DAY_MS).toISOString())) - 1);
  const consent = deps.model ? await deps.consents.get(message.patientId, aiConsentId(message.patientId)) : undefined;

  let source: 'rules' | 'model' | 'fallback' = 'rules';
  let content: AssessmentContent = rules;
  let proposed = rules.level;
  let modelName: string | undefined;
  let fallbackReason: string | undefined;
  if (deps.model && allowsAiProcessing(consent, now)) {
    let answer: Awaited<ReturnType<typeof askModel>>;
    let unavailable = false;
    try {
      answer = await askModel(deps.model, minimizeForModel(input));
    } catch (error) {
      if (!(error instanceof ModelUnavailableError) || delivery < MODEL_ATTEMPTS) throw error;
      unavailable = true;
      answer = { unusable: error.reason };
    }
    if ('unusable' in answer) {
      source = 'fallback';
      fallbackReason = unavailable ? 'fallback:model_unavailable' : 'fallback:model_answer_unusable';
      // Never silent: why the model's answer was not used, as a code (the answer itself may quote PHI).
      deps.metrics.fallback(answer.unusable);
      log.warn('model answer not used; the rules answer', { action: 'triage.fallback', errorCode: answer.unusable });
    } else {
      deps.metrics.modelUsage(answer.usage);
      source = 'model';
      content = { ...answer.assessment, emergencyAdvice: rules.emergencyAdvice };
      proposed = answer.assessment.level;
      modelName = deps.model.name;
    }
  }
  const floor = applySafetyFloor({
    rulesLevel: rules.level,
    proposedLevel: proposed,
    ...(source === 'model' ? { modelConfidence: content.confidence } : {}),
    recentSessions,
  });
  const result = composeResult(content, {
    level: floor.level,
    source,
    rulesFired: [...rules.rulesFired, ...floor.adjustments, ...(fallbackReason ? [fallbackReason] : [])],
    ...(modelName ? { model: modelName } : {}),
    promptVersion: source === 'model' ? PROMPT_VERSION : RULES_VERSION,
  });
  const sealed = await deps.vault.sealJson(sessionPlaces.result(message.patientId, message.sessionId), result);
  if (!(await deps.sessions.complete(message.patientId, message.sessionId, message.revision, sealed, now.toISOString()))) return 'duplicate';
  deps.metrics.outcome(source, result.level);
  await countOnce(deps.figures, `sessions_${result.level}`, 'session', message.sessionId, now);
  await deps.audit.append({
    action: 'triage.complete',
    outcome: 'success',
    subjectId: message.patientId,
    actor: { userId: 'system:triage-worker', roles: [] },
    resource: { type: 'symptom_session', id: message.sessionId },
    reason: `source:${source}`,
    requestId: `${message.sessionId}#${message.revision}`,
    sourceIp: 'internal',
  });
  await notifyReady(deps, message, now.getTime());
  return 'completed';
};
