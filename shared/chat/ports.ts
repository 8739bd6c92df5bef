import type { Page, PageRequest } from '../domain/page';

/**
 * What the assistant chat needs from outside: storage for conversations, their turns sealed. Implemented by
 * `DynamoConversations` (the patient's partition of the records table; on dynalite locally); the fake is
 * `inMemoryConversations` (test/helpers/fakes/chat.ts). The chat model and the work queue are triage's ports.
 */

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
