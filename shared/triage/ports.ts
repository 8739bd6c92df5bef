import type { ChatPersona, ChatTurn, MinimizedCase, ModelAssessment } from './model';
import type { Page, PageRequest } from '../domain/page';

export type SessionStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** A symptom session as stored: the input and result sealed under the patient's data key. */
export interface StoredSymptomSession {
  readonly id: string;
  readonly patientId: string;
  readonly status: SessionStatus;
  /** Bumped by every follow-up answer; a result is for one revision. */
  readonly revision: number;
  /** The highest revision a result was stored for (idempotency of the worker). */
  readonly processedRevision: number;
  readonly inputSealed: string;
  readonly resultSealed?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Reading a patient's symptom sessions. */
export interface SymptomSessionReader {
  getSession(patientId: string, sessionId: string): Promise<StoredSymptomSession | undefined>;
  sessionsOf(patientId: string, page: PageRequest): Promise<Page<StoredSymptomSession>>;
}

export interface SymptomSessionRepository extends SymptomSessionReader {
  create(session: StoredSymptomSession): Promise<void>;
  /** Sessions of `patientId` created at or after `since` (for repeat-visit escalation). */
  countSince(patientId: string, since: string): Promise<number>;
  /** Replaces the input and queues a new revision iff `expectedRevision` is current; `false` otherwise. */
  requeue(patientId: string, sessionId: string, inputSealed: string, expectedRevision: number, at: string): Promise<boolean>;
  /** Stores the result of `revision` iff no result for it (or a later one) was stored; `false` if one was. */
  complete(patientId: string, sessionId: string, revision: number, resultSealed: string, at: string): Promise<boolean>;
  /** Shows the worker has picked up `revision` (no effect if a newer revision or a result arrived). */
  markProcessing(patientId: string, sessionId: string, revision: number, at: string): Promise<void>;
  /** Marks the session failed (enqueueing it failed). */
  fail(patientId: string, sessionId: string, at: string): Promise<void>;
}

/** What the worker is asked to do: ids and a revision, never PHI. */
export type WorkMessage =
  | { readonly sessionId: string; readonly patientId: string; readonly revision: number }
  | { readonly kind: 'chat'; readonly conversationId: string; readonly patientId: string; readonly revision: number };

/** The triage queue: carries ids only, never PHI. */
export interface TriageQueue {
  enqueue(message: WorkMessage): Promise<void>;
}

/** Per-triage figures for dashboards (EMF metrics): counts and money, never PHI. */
export interface TriageMetrics {
  modelUsage(usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void;
  outcome(source: 'rules' | 'model' | 'fallback', level: string): void;
}

export interface ModelUsage {
  /** The model that answered, as the provider names it (may be a dated snapshot of `TriageModel.name`). */
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** USD; 0 when the model has no price in the adapter's table (then `costKnown` is false). */
  costUsd: number;
  /** False when the model was not in the pricing table, so `costUsd` (0) is not a real figure. */
  costKnown: boolean;
}

export interface TriageModel {
  /** The model id, for the result's `model`. */
  readonly name: string;
  /**
   * One assessment of a minimised case. Throws `ModelUnavailableError` (retry later) or
   * `ModelOutputError` (the answer was unusable); never returns an unvalidated answer.
   */
  assess(input: MinimizedCase, signal?: AbortSignal): Promise<{ assessment: ModelAssessment; usage: ModelUsage }>;
}

/** A model that can hold a short health conversation (free text out, bounded). */
export interface ChatModel {
  readonly name: string;
  reply(turns: readonly ChatTurn[], persona: ChatPersona, signal?: AbortSignal): Promise<{ text: string; usage: ModelUsage }>;
}
