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
