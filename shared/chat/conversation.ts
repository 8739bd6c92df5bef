import type { ChatAttachments, Conversation, ConversationPage } from '../contracts/chat';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { ConversationRepository, StoredConversation } from './ports';
import { withItems, type PageRequest } from '../domain/page';
import { DISCLAIMER } from '../triage/result';
import type { FieldPlace } from '../vault/sealed-field';
import { chatKey, userKey } from '../data/keys';

/** One stored message; the list is sealed as a whole under the patient's data key. */
export interface StoredMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  readonly at: string;
  readonly source?: 'rules' | 'model' | 'offline';
  /** An assistant reply's citations: the published posts it answered from. */
  readonly citations?: readonly Citation[];
  /** An assistant reply's tool findings for the patient alone (their appointments, a symptom-check link); never sent to the model. */
  readonly attachments?: ChatAttachments;
}

/** A published post a reply cites. */
export interface Citation {
  readonly postId: string;
  readonly slug: string;
  readonly title: string;
}

/** What reading conversations needs. */
type ReadDeps = Pick<AppDeps, 'vault' | 'audit'> & { conversations: ConversationRepository };

/** Messages kept per conversation; older ones are dropped. */
export const MAX_MESSAGES = 40;

export const conversationPlace = (patientId: string, conversationId: string): FieldPlace => ({
  userId: patientId,
  table: 'records',
  pk: userKey(patientId),
  sk: chatKey(conversationId),
  attribute: 'messagesSealed',
});

export const openMessages = (deps: { readonly vault: Pick<AppDeps['vault'], 'openJson'> }, stored: StoredConversation): Promise<StoredMessage[]> =>
  deps.vault.openJson<StoredMessage[]>(conversationPlace(stored.patientId, stored.id), stored.messagesSealed);

export const conversationView = (
  stored: Pick<StoredConversation, 'id' | 'status'>,
  messages: readonly StoredMessage[],
  emergency?: Conversation['emergency'],
): Conversation => ({
  conversationId: stored.id,
  status: stored.status,
  messages: messages.map((m) => ({
    role: m.role,
    content: m.content,
    at: m.at,
    ...(m.source ? { source: m.source } : {}),
    ...(m.citations?.length ? { citations: m.citations.map(({ postId, slug, title }) => ({ postId, slug, title })) } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
  })),
  ...(emergency ? { emergency } : {}),
  disclaimer: DISCLAIMER,
});

/** One of the caller's conversations (someone else's is 404). Audited after the read: it writes nothing to undo. */
export const getConversation = async (deps: ReadDeps, caller: Caller, conversationId: string, meta: RequestMeta): Promise<Conversation> => {
  const stored = await deps.conversations.getConversation(caller.userId, conversationId);
  if (stored === undefined) throw new NotFoundError();
  const view = conversationView(stored, await openMessages(deps, stored));
  await deps.audit.append({
    action: 'ai.chat_read',
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'conversation', id: conversationId },
    ...requestFacts(meta),
  });
  return view;
};

/** Characters of the first message a conversation list shows. */
const PREVIEW_CHARS = 80;

/** The caller's conversations, newest first (ids are time-ordered), without their messages. Audited after the read, like `getConversation`. */
export const listConversations = async (deps: ReadDeps, caller: Caller, page: PageRequest, meta: RequestMeta): Promise<ConversationPage> => {
  const result = await deps.conversations.conversationsOf(caller.userId, page);
  const items = await Promise.all(
    result.items.map(async (stored) => {
      const messages = await openMessages(deps, stored);
      const first = messages[0]?.content ?? '';
      return {
        conversationId: stored.id,
        persona: stored.persona,
        status: stored.status,
        preview: first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS - 1)}…` : first,
        messageCount: messages.length,
        createdAt: stored.createdAt,
        updatedAt: stored.updatedAt,
      };
    }),
  );
  await deps.audit.append({
    action: 'ai.chat_list',
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'conversation', id: 'all' },
    ...requestFacts(meta),
  });
  return withItems(result, items);
};
