import type { Conversation } from '../contracts/chat';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../http/request';
import { actorOf, requestFacts } from '../identity/audit-actor';
import type { ConversationRepository, StoredConversation } from '../ports';
import { DISCLAIMER } from '../triage/result';
import type { FieldPlace } from '../vault/sealed-field';

/** One stored message; the list is sealed as a whole under the patient's data key. */
export interface StoredMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  readonly at: string;
  readonly source?: 'rules' | 'model' | 'offline';
}

/** Messages kept per conversation; older ones are dropped. */
export const MAX_MESSAGES = 40;

export const conversationPlace = (patientId: string, conversationId: string): FieldPlace => ({
  userId: patientId, table: 'records', pk: `USER#${patientId}`, sk: `CHAT#${conversationId}`, attribute: 'messagesSealed',
});

export const openMessages = (deps: Pick<AppDeps, 'vault'>, stored: StoredConversation): Promise<StoredMessage[]> =>
  deps.vault.openJson<StoredMessage[]>(conversationPlace(stored.patientId, stored.id), stored.messagesSealed);

export const conversationView = (stored: Pick<StoredConversation, 'id' | 'status'>, messages: readonly StoredMessage[], emergency?: Conversation['emergency']): Conversation => ({
  conversationId: stored.id,
  status: stored.status,
  messages: messages.map((m) => ({ role: m.role, content: m.content, at: m.at, ...(m.source ? { source: m.source } : {}) })),
  ...(emergency ? { emergency } : {}),
  disclaimer: DISCLAIMER,
});

/** One of the caller's conversations (someone else's is 404). Audited. */
export const getConversation = async (
  deps: Pick<AppDeps, 'vault' | 'audit'> & { conversations: ConversationRepository },
  caller: Caller,
  conversationId: string,
  meta: RequestMeta,
): Promise<Conversation> => {
  const stored = await deps.conversations.getConversation(caller.userId, conversationId);
  if (stored === undefined) throw new NotFoundError();
  const view = conversationView(stored, await openMessages(deps, stored));
  await deps.audit.append({
    action: 'ai.chat_read', outcome: 'success', subjectId: caller.userId, actor: actorOf(caller), resource: { type: 'conversation', id: conversationId }, ...requestFacts(meta),
  });
  return view;
};
