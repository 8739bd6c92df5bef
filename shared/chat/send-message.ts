import type { ChatRequest, Conversation } from '../contracts/chat';
import { aiConsentId } from '../records/consents';
import { uuidV7 } from '../domain/uuid-v7';
import { allowsAiProcessing } from '../records/consent-policy';
import type { AppDeps } from '../deps';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { AiQuota } from '../assessment/ports';
import type { ConversationRepository, StoredConversation } from './ports';
import type { TriageQueue } from '../triage/ports';
import { isEmergency } from '../triage/levels';
import { DEFAULT_EMERGENCY_ADVICE } from '../triage/result';
import { redFlagsInText } from '../triage/rules/engine';
import { conversationPlace, conversationView, MAX_MESSAGES, openMessages, type StoredMessage } from './conversation';

export type ChatDeps = Pick<AppDeps, 'vault' | 'audit' | 'clock' | 'consents'> & {
  conversations: ConversationRepository;
  quota: AiQuota;
  queue: TriageQueue;
  /** Whether a model is configured; without one (or without consent) the offline reply answers. */
  modelConfigured: boolean;
};

/** What the assistant says when no model may answer: honest, and pointing at what helps. */
export const OFFLINE_REPLY =
  'I can’t give a personal answer to that right now. For an assessment of your symptoms, start a symptom check; if you feel worse, or unsure, contact a clinician.';

/**
 * Sends a chat message. A red-flag phrase gets the emergency answer at once, without waiting for
 * any model (200). With a model configured and the patient's `ai_processing` consent, the
 * message is queued for the worker to answer (202; poll `GET /api/v1/ai/chat/{id}`): the `openai`
 * client lives in the worker only. Otherwise an offline reply answers at once (200). History is
 * sealed; every reply carries the disclaimer; the call spends the AI quota and is audited. If queueing or the audit
 * append fails, the conversation is put back as it was and the request fails.
 */
export const sendChatMessage = async (
  deps: ChatDeps,
  caller: Caller,
  request: ChatRequest,
  meta: RequestMeta,
): Promise<{ pending: boolean; conversation: Conversation }> => {
  // Ownership first: asking for someone else's conversation is a 404 that spends no quota.
  const { conversationId } = request;
  const existing = conversationId ? await deps.conversations.getConversation(caller.userId, conversationId) : undefined;
  if (conversationId && !existing) throw new NotFoundError();
  const quota = await deps.quota.take(caller.userId);
  if (!quota.allowed) throw new TooManyRequestsError(quota.retryAfterSeconds, 'Your AI quota is used up for now; retry later.');
  const now = deps.clock.now();
  const at = now.toISOString();
  const messages: StoredMessage[] = [...(existing ? await openMessages(deps, existing) : []), { role: 'user', content: request.message, at }];

  const flags = redFlagsInText(request.message);
  let emergency: Conversation['emergency'];
  let pending = false;
  if (flags !== undefined && isEmergency(flags.level)) {
    emergency = { level: flags.level, advice: flags.emergencyAdvice ?? DEFAULT_EMERGENCY_ADVICE };
    messages.push({ role: 'assistant', content: emergency.advice, at, source: 'rules' });
  } else if (deps.modelConfigured && allowsAiProcessing(await deps.consents.get(caller.userId, aiConsentId(caller.userId)), now)) {
    pending = true;
  } else {
    messages.push({ role: 'assistant', content: OFFLINE_REPLY, at, source: 'offline' });
  }

  const id = existing?.id ?? uuidV7(now.getTime()); // time-ordered: the list is newest first
  const kept = messages.slice(-MAX_MESSAGES);
  const revision = existing?.revision ?? 0;
  const conversation: StoredConversation = {
    id,
    patientId: caller.userId,
    persona: request.persona ?? existing?.persona ?? 'health_assistant',
    status: pending ? 'pending' : 'answered',
    revision: revision + 1,
    messagesSealed: await deps.vault.sealJson(conversationPlace(caller.userId, id), kept),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  if (!(await deps.conversations.saveConversation(conversation, revision))) throw new ConflictError('The conversation changed meanwhile; reload and retry.');
  try {
    if (pending) await deps.queue.enqueue({ kind: 'chat', conversationId: id, patientId: caller.userId, revision: conversation.revision });
    await deps.audit.append({
      action: 'ai.chat',
      outcome: 'success',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'conversation', id },
      reason: emergency ? 'red_flag' : pending ? 'queued_for_model' : 'offline',
      ...requestFacts(meta),
    });
  } catch (error) {
    // Nothing unaudited, nothing pending that no worker will answer: put the conversation back as it was (unless
    // it changed meanwhile), then fail. A retry starts from the same state; a message already queued for the
    // undone revision finds it gone or superseded, and the worker skips it.
    await deps.conversations.undoSave(conversation, existing);
    throw error;
  }
  return { pending, conversation: conversationView(conversation, kept, emergency) };
};
