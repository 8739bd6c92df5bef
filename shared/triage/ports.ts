import type { ChatPersona, ChatTurn, LibraryPassage, MinimizedCase, ModelAssessment } from './model';
import type { Page, PageRequest } from '../domain/page';

/**
 * What triage (and the assistant's worker) needs from outside: storage for symptom sessions
 * (`DynamoSymptomSessions`, and `DynamoSymptomSessionReader` for functions that only read: the records table, on
 * dynalite locally), the work queue (`SqsTriageQueue`; fauxqs locally), dashboard metrics (`PowertoolsTriageMetrics`)
 * and the models (`OpenAiTriageModel`, both `TriageModel` and `ChatModel`). Fakes: test/helpers/fakes/triage.ts.
 */

/** `queued` until the worker picks a revision up, `processing`, then `completed`; `failed` when it could not be queued. */
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
  /** The session, read consistently; `undefined` if `patientId` has none with that id. */
  getSession(patientId: string, sessionId: string): Promise<StoredSymptomSession | undefined>;
  /** One page of the patient's sessions, newest first (uuidv7 ids); the opaque cursor is bound to `patientId`. */
  sessionsOf(patientId: string, page: PageRequest): Promise<Page<StoredSymptomSession>>;
}

/** Symptom sessions, read and written; every state change is one conditional write. */
export interface SymptomSessionRepository extends SymptomSessionReader {
  /** Stores a new session in one conditional put: it never overwrites, and throws if the id exists. */
  create(session: StoredSymptomSession): Promise<void>;
  /** Sessions of `patientId` created at or after `since` (for repeat-visit escalation; eventually consistent; every page is read, not just the first 1 MB). */
  countSince(patientId: string, since: string): Promise<number>;
  /** Replaces the input and queues a new revision iff `expectedRevision` is current; `false` otherwise (or no such session). */
  requeue(patientId: string, sessionId: string, inputSealed: string, expectedRevision: number, at: string): Promise<boolean>;
  /** Stores the result of `revision` iff it is still current and has no result yet; `false` otherwise (a redelivery, or a newer revision). */
  complete(patientId: string, sessionId: string, revision: number, resultSealed: string, at: string): Promise<boolean>;
  /** Shows the worker has picked up `revision` (no effect if a newer revision or a result arrived). */
  markProcessing(patientId: string, sessionId: string, revision: number, at: string): Promise<void>;
  /** Marks the session failed (enqueueing it failed), whatever its status; a no-op (no error, nothing created) if there is no such session. */
  fail(patientId: string, sessionId: string, at: string): Promise<void>;
  /**
   * The undo of `create` whose audit append failed: deletes the session iff it is still at revision 1 (no answers
   * were added; the worker may have completed it). `false` when it is not, or is gone: nothing is deleted.
   */
  discard(patientId: string, sessionId: string): Promise<boolean>;
  /**
   * Puts `previous` back, iff the session is still the revision `requeue` made of it (`previous.revision + 1`): the
   * undo of follow-up answers whose audit event could not be written. `false` when it changed meanwhile.
   */
  revertRequeue(previous: StoredSymptomSession): Promise<boolean>;
}

/** What the worker is asked to do: ids and a revision, never PHI. */
export type WorkMessage =
  | { readonly sessionId: string; readonly patientId: string; readonly revision: number }
  | { readonly kind: 'chat'; readonly conversationId: string; readonly patientId: string; readonly revision: number };

/** The triage queue: carries ids only, never PHI. */
export interface TriageQueue {
  /** Sends one message; throws if the queue refuses it. Delivery is at least once, not deduplicated: the worker is idempotent. */
  enqueue(message: WorkMessage): Promise<void>;
}

/** Per-triage figures for dashboards (EMF metrics): counts and money, never PHI. */
export interface TriageMetrics {
  /** Records one model call's tokens and cost (emitted at once, cost as micro-USD). */
  modelUsage(usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void;
  /** Counts one finished triage by where its answer came from and its urgency level. */
  outcome(source: 'rules' | 'model' | 'fallback', level: string): void;
  /**
   * Counts one model answer that was not used, by why (`ModelErrorReason`: `unavailable` after the last
   * delivery, `auth`, `invalid_output`, `refusal`, `truncated`, …): a low-cardinality code, never text.
   */
  fallback(reason: string): void;
}

/** What one model call consumed, as the provider reported it (0 tokens where it did not). */
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

/** The model behind triage assessments. */
export interface TriageModel {
  /** The model id, for the result's `model`. */
  readonly name: string;
  /**
   * One assessment of a minimised case. Throws `ModelUnavailableError` (retry later, also when `signal` aborts),
   * `ModelOutputError` (the answer was unusable) or a plain `ModelError` (bad case, request or key); never returns an
   * unvalidated answer.
   */
  assess(input: MinimizedCase, signal?: AbortSignal): Promise<{ assessment: ModelAssessment; usage: ModelUsage }>;
}

/** A model that can hold a short health conversation (free text out, bounded). */
export interface ChatModel {
  /** The model id. */
  readonly name: string;
  /**
   * A trimmed, length-capped reply to the last turns in `persona`'s voice; throws `ModelError`s like `assess` (a refused,
   * filtered or empty answer is a `ModelOutputError`). With `library`, the reply is grounded in those passages of the
   * published library (cited as [1]..[n]); an empty `library` means nothing relevant was found (`chatSystemPrompt`).
   * With `tools`, the model may instead ask for tool calls: then `toolCalls` is non-empty (and `text` may be empty), and
   * the caller runs them and asks again with the calls and their results in `tools.rounds`. Without `tools`, never.
   */
  reply(
    turns: readonly ChatTurn[],
    persona: ChatPersona,
    signal?: AbortSignal,
    library?: readonly LibraryPassage[],
    tools?: ChatToolContext,
  ): Promise<{ text: string; usage: ModelUsage; toolCalls?: readonly ChatToolCall[] }>;
}

/** A tool the chat model may call: its name, what it does (for the model), and its arguments as a JSON Schema. */
export interface ChatToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A tool call the model asked for: untrusted, `arguments` is the model's raw JSON text (validated by the caller). */
export interface ChatToolCall {
  /** The provider's id of the call, echoed back with its result. */
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** One answer of the model that asked for tools, and what each call gave back (`content`: JSON text, PHI-free). */
export interface ChatToolRound {
  readonly calls: readonly ChatToolCall[];
  readonly results: readonly { readonly callId: string; readonly content: string }[];
}

/** The tools of one reply: what may be called, what was called so far in this reply, and whether more calls are allowed. */
export interface ChatToolContext {
  readonly specs: readonly ChatToolSpec[];
  /** Added to the system prompt: how to use the tools. */
  readonly rules: string;
  readonly rounds: readonly ChatToolRound[];
  /** `false` once the reply's calls are used up: the model must answer in text (`tool_choice: none`). */
  readonly allowCalls: boolean;
}
