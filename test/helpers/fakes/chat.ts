import type { AiQuota } from '../../../shared/assessment/ports';
import type { ConversationRepository, StoredConversation } from '../../../shared/chat/ports';
import { pageOf } from './page';

/**
 * Conversations in memory, honouring `ConversationRepository` like `DynamoConversations`: a save
 * is conditional on the stored revision (0: only if new), an undo only while the stored one is
 * still the one saved (same revision and sealed messages), and conversations page newest first
 * (uuidv7 ids).
 */
export const inMemoryConversations = () => {
  /** By `patientId/conversationId`. */
  const rows = new Map<string, StoredConversation>();
  const key = (patientId: string, conversationId: string) => `${patientId}/${conversationId}`;
  const repository: ConversationRepository = {
    getConversation: async (patientId, conversationId) => rows.get(key(patientId, conversationId)),
    conversationsOf: async (patientId, page) =>
      pageOf(
        [...rows.values()].filter((c) => c.patientId === patientId),
        `conversations:${patientId}`,
        page,
        { key: (c) => c.id, descending: true },
      ),
    saveConversation: async (conversation, expectedRevision) => {
      const current = rows.get(key(conversation.patientId, conversation.id));
      if (expectedRevision === 0 ? current !== undefined : current?.revision !== expectedRevision) return false;
      rows.set(key(conversation.patientId, conversation.id), Object.freeze({ ...conversation }));
      return true;
    },
    undoSave: async (saved, previous) => {
      const current = rows.get(key(saved.patientId, saved.id));
      if (current?.revision !== saved.revision || current.messagesSealed !== saved.messagesSealed) return false;
      if (previous === undefined) rows.delete(key(saved.patientId, saved.id));
      else rows.set(key(saved.patientId, saved.id), Object.freeze({ ...previous }));
      return true;
    },
  };
  return { rows, repository };
};

/** An AI quota of `allowance` requests per user; `taken` counts every call, allowed or not. */
export const inMemoryAiQuota = (allowance = Number.POSITIVE_INFINITY, retryAfterSeconds = 60) => {
  const spent = new Map<string, number>();
  const counts = { taken: 0 };
  const quota: AiQuota = {
    take: async (userId) => {
      counts.taken += 1;
      const used = spent.get(userId) ?? 0;
      if (used >= allowance) return { allowed: false, retryAfterSeconds };
      spent.set(userId, used + 1);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
  return { quota, spent, counts };
};
