import type { AppDeps } from '../deps';
import type { ConversationRepository } from './ports';
import type { TriageMetrics } from '../triage/ports';
import { ModelError, ModelUnavailableError, type ChatPersona } from '../triage/model';
import type { ChatModel } from '../triage/ports';
import { MODEL_ATTEMPTS } from '../triage/process-session';
import { DataKeyDestroyedError } from '../vault/errors';
import { conversationPlace, MAX_MESSAGES, openMessages, type StoredMessage } from './conversation';
import { redactIdentifiers } from './redact';
import { OFFLINE_REPLY } from './send-message';

export interface AnswerChatDeps extends Pick<AppDeps, 'vault' | 'audit' | 'clock'> {
  readonly conversations: ConversationRepository;
  readonly chatModel?: ChatModel;
  readonly metrics: TriageMetrics;
}

/**
 * The worker's half of the chat: answers one pending revision of a conversation with the model,
 * once. A newer message (a newer revision) supersedes it; an unavailable model is retried through
 * the queue, and the last delivery (or an unusable answer) gives the offline reply.
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
  try {
    if (deps.chatModel === undefined) throw new ModelError('No model configured.');
    // The model gets what was said, minus contact data, exact dates, links and record numbers.
    const answer = await deps.chatModel.reply(
      messages.map(({ role, content }) => ({ role, content: redactIdentifiers(content) })),
      stored.persona as ChatPersona,
    );
    deps.metrics.modelUsage(answer.usage);
    reply = { role: 'assistant', content: answer.text, at, source: 'model' };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    if (error instanceof ModelUnavailableError && delivery < MODEL_ATTEMPTS) throw error;
    reply = { role: 'assistant', content: OFFLINE_REPLY, at, source: 'offline' };
  }
  const sealed = await deps.vault.sealJson(conversationPlace(stored.patientId, stored.id), [...messages, reply].slice(-MAX_MESSAGES));
  const saved = await deps.conversations.saveConversation({ ...stored, status: 'answered', messagesSealed: sealed, updatedAt: at }, stored.revision);
  if (!saved) return 'duplicate';
  await deps.audit.append({
    action: 'ai.chat_reply',
    outcome: 'success',
    subjectId: stored.patientId,
    actor: { userId: 'system:triage-worker', roles: [] },
    resource: { type: 'conversation', id: stored.id },
    reason: `source:${reply.source}`,
    requestId: `${stored.id}#${stored.revision}`,
    sourceIp: 'internal',
  });
  return 'completed';
};
