import type { Page, PageRequest } from '../domain/page';

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

export interface ConversationRepository {
  getConversation(patientId: string, conversationId: string): Promise<StoredConversation | undefined>;
  /** The patient's conversations, one page at a time. */
  conversationsOf(patientId: string, page: PageRequest): Promise<Page<StoredConversation>>;
  /** Writes the conversation iff its stored revision is `expectedRevision` (0: iff new); `false` otherwise. */
  saveConversation(conversation: StoredConversation, expectedRevision: number): Promise<boolean>;
}
