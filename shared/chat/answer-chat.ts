import type { AppDeps } from '../deps';
import { log } from '../logger';
import type { ConversationRepository } from './ports';
import type { TriageMetrics } from '../triage/ports';
import { ModelError, ModelUnavailableError, type ChatPersona } from '../triage/model';
import type { ChatModel } from '../triage/ports';
import { MODEL_ATTEMPTS } from '../triage/process-session';
import { DataKeyDestroyedError } from '../vault/errors';
import { conversationPlace, MAX_MESSAGES, openMessages, type StoredMessage } from './conversation';
import { redactIdentifiers } from './redact';
import { OFFLINE_REPLY } from './send-message';
import type { SearchIndexStore } from '../content/library-ports';
import { citationsOf, offlineLibraryNote, retrievePosts, type RetrievedPost } from './retrieve';
import { patientCaller, replyWithTools, type ChatToolDeps } from './tools';

export interface AnswerChatDeps extends Pick<AppDeps, 'vault' | 'audit' | 'clock'> {
  readonly conversations: ConversationRepository;
  readonly chatModel?: ChatModel;
  readonly metrics: TriageMetrics;
  /** The published library's search index (RAG); without it, replies are not grounded and cite nothing. */
  readonly library?: Pick<SearchIndexStore, 'current'>;
  /** The ports of the assistant's tools (shared/chat/tools.ts); without them, the model is offered no tools. */
  readonly tools?: ChatToolDeps;
}

/**
 * The chat worker's half of the chat (functions/chat/worker.ts): answers one pending revision of a conversation with the model,
 * once. A newer message (a newer revision) supersedes it; an unavailable model is retried through
 * the queue, and the last delivery (or an unusable answer) gives the offline reply.
 *
 * Grounded in the published library (RAG): the top posts for the patient's latest message (above a
 * relevance threshold, shared/chat/retrieve.ts) go to the model as numbered passages (title and
 * excerpt; the conversation it sees is the same as without them), and the reply's citations are the
 * posts its markers name. Nothing relevant: the model is told to say the library has nothing on it.
 * The offline reply lists the relevant posts' titles and cites them all. Red-flag messages never get
 * here: the route answers them at once.
 *
 * With `tools`, the model may call the assistant's tools (shared/chat/tools.ts) as the patient, at most
 * three per reply, each audited; what they found for the patient alone (their appointments, a link) is
 * stored with the reply as its `attachments`.
 */
export const answerChat = async (
  deps: AnswerChatDeps,
  message: { conversationId: string; patientId: string; revision: number },
  delivery: number,
): Promise<'completed' | 'duplicate' | 'gone'> => {
  const stored = await deps.conversations.getConversation(message.patientId, message.conversationId);
  if (stored === undefined) return 'gone';
  if (stored.revision !== message.revision || stored.status !== 'pending') return 'duplicate';
  let messages: StoredMessage[];
  try {
    messages = await openMessages(deps, stored);
  } catch (error) {
    if (error instanceof DataKeyDestroyedError) return 'gone';
    throw error;
  }
  let reply: StoredMessage;
  const at = deps.clock.now().toISOString();
  const question = messages.findLast((m) => m.role === 'user')?.content ?? '';
  const posts: RetrievedPost[] | undefined = deps.library === undefined ? undefined : await retrievePosts(deps.library, question);
  try {
    if (deps.chatModel === undefined) throw new ModelError('No model configured.');
    // The model gets what was said, minus contact data, exact dates, links and record numbers; and the library's passages.
    const turns = messages.map(({ role, content }) => ({ role, content: redactIdentifiers(content) }));
    const library = posts?.map(({ title, excerpt }) => ({ title, excerpt }));
    const answer =
      deps.tools === undefined
        ? await deps.chatModel.reply(turns, stored.persona as ChatPersona, undefined, library)
        : await replyWithTools(
            { ...deps.tools, audit: deps.audit, clock: deps.clock, ...(deps.library ? { library: deps.library } : {}) },
            deps.chatModel,
            { turns, persona: stored.persona as ChatPersona, ...(library ? { library } : {}) },
            {
              caller: patientCaller(stored.patientId, stored.id),
              meta: { requestId: `${stored.id}#${stored.revision}`, sourceIp: 'internal' },
              conversationId: stored.id,
              patientText: messages
                .filter((m) => m.role === 'user')
                .map((m) => m.content)
                .join('\n'),
            },
            (usage) => deps.metrics.modelUsage(usage),
          );
    if ('usage' in answer) deps.metrics.modelUsage(answer.usage);
    const citations = posts === undefined ? [] : citationsOf(answer.text, posts);
    const attachments = 'attachments' in answer ? answer.attachments : undefined;
    reply = {
      role: 'assistant',
      content: answer.text,
      at,
      source: 'model',
      ...(citations.length > 0 ? { citations } : {}),
      ...(attachments ? { attachments } : {}),
    };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    if (error instanceof ModelUnavailableError && delivery < MODEL_ATTEMPTS) throw error;
    if (deps.chatModel !== undefined) {
      // Never silent: why the model's answer was not used, as a code (the answer itself may quote PHI).
      deps.metrics.fallback(error.reason);
      log.warn('model answer not used; the offline reply answers', { action: 'chat.fallback', errorCode: error.reason });
    }
    reply =
      posts === undefined
        ? { role: 'assistant', content: OFFLINE_REPLY, at, source: 'offline' }
        : {
            role: 'assistant',
            content: `${OFFLINE_REPLY} ${offlineLibraryNote(posts)}`,
            at,
            source: 'offline',
            ...(posts.length > 0 ? { citations: posts.map(({ postId, slug, title }) => ({ postId, slug, title })) } : {}),
          };
  }
  const sealed = await deps.vault.sealJson(conversationPlace(stored.patientId, stored.id), [...messages, reply].slice(-MAX_MESSAGES));
  const saved = await deps.conversations.saveConversation({ ...stored, status: 'answered', messagesSealed: sealed, updatedAt: at }, stored.revision);
  if (!saved) return 'duplicate';
  await deps.audit.append({
    action: 'ai.chat_reply',
    outcome: 'success',
    subjectId: stored.patientId,
    actor: { userId: 'system:chat-worker', roles: [] },
    resource: { type: 'conversation', id: stored.id },
    reason: `source:${reply.source}`,
    requestId: `${stored.id}#${stored.revision}`,
    sourceIp: 'internal',
  });
  return 'completed';
};
