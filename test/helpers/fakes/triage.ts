import type { TriageMessage } from '../../../shared/triage/process-session';
import type {
  ModelUsage,
  StoredSymptomSession,
  SymptomSessionRepository,
  TriageMetrics,
  TriageModel,
  TriageQueue,
  WorkMessage,
} from '../../../shared/triage/ports';
import type { MinimizedCase, ModelAssessment } from '../../../shared/triage/model';
import { pageOf } from './page';

/**
 * Symptom sessions in memory, honouring `SymptomSessionRepository` like `DynamoSymptomSessions`:
 * `create` never overwrites (it throws, as the conditional put does), `requeue` only from the
 * expected revision, `complete` once per revision and only for the current one, `markProcessing`
 * only while that revision is unanswered, `fail` only an existing session (else nothing), `discard` only at
 * revision 1, `countSince`
 * over every session, and sessions page newest first (uuidv7 ids).
 */
export const inMemorySymptomSessions = () => {
  /** By `patientId/sessionId`. */
  const rows = new Map<string, StoredSymptomSession>();
  const key = (patientId: string, sessionId: string) => `${patientId}/${sessionId}`;
  const change = (patientId: string, sessionId: string, next: (s: StoredSymptomSession) => StoredSymptomSession | undefined): boolean => {
    const row = rows.get(key(patientId, sessionId));
    const updated = row === undefined ? undefined : next(row);
    if (updated !== undefined) rows.set(key(patientId, sessionId), Object.freeze(updated));
    return updated !== undefined;
  };

  const repository: SymptomSessionRepository = {
    create: async (session) => {
      if (rows.has(key(session.patientId, session.id))) {
        throw Object.assign(new Error(`session ${session.id} exists (ConditionalCheckFailed)`), { name: 'ConditionalCheckFailedException' });
      }
      rows.set(key(session.patientId, session.id), Object.freeze({ ...session }));
    },
    getSession: async (patientId, sessionId) => rows.get(key(patientId, sessionId)),
    sessionsOf: async (patientId, page) =>
      pageOf(
        [...rows.values()].filter((s) => s.patientId === patientId),
        `sessions:${patientId}`,
        page,
        { key: (s) => s.id, descending: true },
      ),
    countSince: async (patientId, since) => [...rows.values()].filter((s) => s.patientId === patientId && s.createdAt >= since).length,
    requeue: async (patientId, sessionId, inputSealed, expectedRevision, at) =>
      change(patientId, sessionId, (s) =>
        s.revision === expectedRevision ? { ...s, inputSealed, revision: expectedRevision + 1, status: 'queued', updatedAt: at } : undefined,
      ),
    complete: async (patientId, sessionId, revision, resultSealed, at) =>
      change(patientId, sessionId, (s) =>
        s.processedRevision < revision && s.revision === revision
          ? { ...s, resultSealed, processedRevision: revision, status: 'completed', updatedAt: at }
          : undefined,
      ),
    markProcessing: async (patientId, sessionId, revision, at) =>
      void change(patientId, sessionId, (s) =>
        s.revision === revision && s.processedRevision < revision ? { ...s, status: 'processing', updatedAt: at } : undefined,
      ),
    // A no-op for a missing session, as the adapter's `attribute_exists(pk)` condition makes it.
    fail: async (patientId, sessionId, at) => void change(patientId, sessionId, (s) => ({ ...s, status: 'failed', updatedAt: at })),
    revertRequeue: async (previous) =>
      rows.get(key(previous.patientId, previous.id))?.revision === previous.revision + 1 && !!rows.set(key(previous.patientId, previous.id), previous),
    discard: async (patientId, sessionId) => rows.get(key(patientId, sessionId))?.revision === 1 && rows.delete(key(patientId, sessionId)),
  };
  return { rows, repository };
};

/** The triage queue in memory: what was sent, in order; `failNext` makes the next sends throw like an SQS outage. */
export const inMemoryQueue = () => {
  const messages: WorkMessage[] = [];
  let failures = 0;
  const queue: TriageQueue = {
    enqueue: async (message) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('queue unavailable');
      }
      messages.push(structuredClone(message));
    },
  };
  return { messages, queue, failNext: (count = 1) => void (failures = count) };
};

/** Session messages only (not chat), typed for `processSession`. */
export const sessionMessages = (messages: readonly WorkMessage[]): TriageMessage[] => messages.filter((m): m is TriageMessage => !('kind' in m));

/** Triage metrics, recorded. */
export const recordingMetrics = () => {
  const usage: Parameters<TriageMetrics['modelUsage']>[0][] = [];
  const outcomes: { source: string; level: string }[] = [];
  const fallbacks: string[] = [];
  const metrics: TriageMetrics = {
    modelUsage: (u) => void usage.push(u),
    outcome: (source, level) => void outcomes.push({ source, level }),
    fallback: (reason) => void fallbacks.push(reason),
  };
  return { usage, outcomes, fallbacks, metrics };
};

export const MODEL_USAGE: ModelUsage = { model: 'fake-model-2026-01-01', inputTokens: 321, outputTokens: 123, costUsd: 0.0004, costKnown: true };

/** A model that plays `script` in order (an answer, or an error to throw; the last step repeats) and records what it was asked. */
export const scriptedModel = (script: readonly (ModelAssessment | Error)[]) => {
  const asked: MinimizedCase[] = [];
  let next = 0;
  const model: TriageModel = {
    name: 'fake-model',
    assess: async (input) => {
      asked.push(structuredClone(input));
      const step = script[Math.min(next++, script.length - 1)];
      if (step === undefined) throw new Error('the scripted model has no answers');
      if (step instanceof Error) throw step;
      return { assessment: step, usage: MODEL_USAGE };
    },
  };
  return { model, asked };
};
