import type { Page, PageRequest } from '../domain/page';
import type { ChatPersona, ChatTurn, LibraryPassage } from '../triage/model';
import type { ModelUsage, WorkMessage } from '../triage/ports';

/**
 * What the assistant chat needs from outside: storage for conversations, their turns sealed. Implemented by
 * `DynamoConversations` (the patient's partition of the records table; on dynalite locally); the fake is
 * `inMemoryConversations` (test/helpers/fakes/chat.ts). The chat model is triage's port; the chat queue carries
 * triage's message shape (`kind: 'chat'`), so the same SQS adapter sends it, to the chat queue.
 */

/** What the chat worker is asked to do: a conversation's id and revision, never PHI. */
export type ChatWorkMessage = Extract<WorkMessage, { readonly kind: 'chat' }>;

/** The chat queue (`SqsTriageQueue` on `CHAT_QUEUE_URL`): carries ids only, never PHI. */
export interface ChatQueue {
  /** Sends one message; throws if the queue refuses it. Delivery is at least once, not deduplicated: the worker is idempotent. */
  enqueue(message: ChatWorkMessage): Promise<void>;
}

/** An assistant conversation as stored: the turns sealed under the patient's data key. */
export interface StoredConversation {
  readonly id: string;
  readonly patientId: string;
  readonly persona: string;
  readonly status: 'answered' | 'pending';
  /** Bumped by every user message; the worker answers one revision once. */
  readonly revision: number;
  readonly messagesSealed: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A patient's conversations; every write is conditional on the stored revision. */
export interface ConversationRepository {
  /** The conversation, read consistently; `undefined` if `patientId` has none with that id. */
  getConversation(patientId: string, conversationId: string): Promise<StoredConversation | undefined>;
  /** The patient's conversations, one page at a time, newest first (uuidv7 ids); the opaque cursor is bound to `patientId`. */
  conversationsOf(patientId: string, page: PageRequest): Promise<Page<StoredConversation>>;
  /**
   * Writes the whole conversation, overwriting it, iff its stored revision is `expectedRevision` (0: iff new); `false`
   * otherwise. The new `revision` is the caller's to set.
   */
  saveConversation(conversation: StoredConversation, expectedRevision: number): Promise<boolean>;
  /**
   * Undoes a `saveConversation` whose queueing or audit append failed: puts `previous` back exactly, or deletes the
   * conversation when it was new (`undefined`), iff the stored one is still `saved` (the same revision and sealed
   * messages: no newer message and no reply since). `false` when it is not: then nothing is written.
   */
  undoSave(saved: StoredConversation, previous: StoredConversation | undefined): Promise<boolean>;
}

/**
 * A reply streamed by a chat model (`POST /api/v1/ai/chat/stream`): iterating it yields the reply's text deltas as the
 * model sends them; `usage` is set once iteration ends, if the provider reported it.
 */
export interface StreamedReply extends AsyncIterable<string> {
  readonly usage: ModelUsage | undefined;
}

/**
 * A chat model that streams (implemented by `OpenAiChatStream`, shared/adapters/openai/chat-stream.ts: fetch and
 * server-sent events, no SDK). The model sees the persona's system prompt with the library `passages` (as
 * `ChatModel.reply`: an empty list means nothing relevant was found) and the last turns. Iterating throws `ModelError`s
 * with fixed messages (never prompt or answer text): `ModelUnavailableError` for 429, 5xx, timeouts, a broken or
 * cancelled stream (`reason: 'aborted'` once `signal` aborted); `ModelOutputError` for a refused or filtered answer;
 * `ModelError` (`auth`, `rejected`) for 401/403 and other 4xx. A failed call is retried once, and only before the first
 * delta. Aborting `signal` stops the model call at once.
 */
export interface ChatStream {
  /** The model id. */
  readonly name: string;
  stream(turns: readonly ChatTurn[], persona: ChatPersona, passages: readonly LibraryPassage[] | undefined, signal: AbortSignal): StreamedReply;
}
