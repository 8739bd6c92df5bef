import type { ChatRequest, Conversation } from '../contracts/chat';
import { aiConsentId } from '../records/consents';
import { uuidV7 } from '../domain/uuid-v7';
import { allowsAiProcessing } from '../records/consent-policy';
import type { AppDeps } from '../deps';
import { AiQuotaExceededError, ConflictError, NotFoundError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { AiQuota } from '../assessment/ports';
import type { ChatQueue, ConversationRepository, StoredConversation } from './ports';
import { isEmergency } from '../triage/levels';
import { DEFAULT_EMERGENCY_ADVICE } from '../triage/result';
import { redFlagsInText } from '../triage/rules/engine';
import { conversationPlace, conversationView, MAX_MESSAGES, openMessages, type StoredMessage } from './conversation';

export type ChatDeps = ChatTurnDeps & {
  queue: ChatQueue;
  /** Whether a model is configured; without one (or without consent) the offline reply answers. */
  modelConfigured: boolean;
};

/** What opening and saving a chat turn needs: shared by the queued route and the streamed one. */
export type ChatTurnDeps = Pick<AppDeps, 'audit' | 'clock' | 'consents'> & {
  /** Seals and opens with the patient's existing key only (`SealingVault`): a chat turn never makes or destroys a key. */
  vault: Pick<AppDeps['vault'], 'sealJson' | 'openJson'>;
  conversations: ConversationRepository;
  quota: AiQuota;
};

/** What the assistant says when no model may answer: honest, and pointing at what helps. */
export const OFFLINE_REPLY =
  'I can’t give a personal answer to that right now. For an assessment of your symptoms, start a symptom check; if you feel worse, or unsure, contact a clinician.';

/**
 * A chat turn opened (`openChatTurn`), not yet stored: the conversation's id, what was stored before (none for a new
 * conversation), the messages with the patient's new one, and who answers. For `rules` and `offline` the answer is
 * already the last message; for `model` the patient's message is.
 */
export interface OpenedChatTurn {
  readonly id: string;
  readonly existing: StoredConversation | undefined;
  readonly persona: string;
  readonly at: string;
  readonly messages: StoredMessage[];
  readonly answer: 'rules' | 'model' | 'offline';
  readonly emergency?: Conversation['emergency'];
}

/**
 * The first half of every chat message, queued or streamed; it writes nothing but the quota. Ownership first: asking
 * for someone else's conversation is a 404 that spends no quota. Then the AI quota (429), the history opened, and who
 * answers: a red-flag phrase gets the emergency advice at once, before any model or retrieval; with `modelAvailable`
 * and the patient's `ai_processing` consent, the model; otherwise the offline reply.
 */
export const openChatTurn = async (deps: ChatTurnDeps, caller: Caller, request: ChatRequest, modelAvailable: boolean): Promise<OpenedChatTurn> => {
  const { conversationId } = request;
  const existing = conversationId ? await deps.conversations.getConversation(caller.userId, conversationId) : undefined;
  if (conversationId && !existing) throw new NotFoundError();
  const quota = await deps.quota.take(caller.userId);
  if (!quota.allowed) throw new AiQuotaExceededError(quota.retryAfterSeconds);
  const now = deps.clock.now();
  const at = now.toISOString();
  const messages: StoredMessage[] = [...(existing ? await openMessages(deps, existing) : []), { role: 'user', content: request.message, at }];
  const turn = {
    id: existing?.id ?? uuidV7(now.getTime()), // time-ordered: the list is newest first
    existing,
    persona: request.persona ?? existing?.persona ?? 'health_assistant',
    at,
    messages,
  };

  const flags = redFlagsInText(request.message);
  if (flags !== undefined && isEmergency(flags.level)) {
    const emergency = { level: flags.level, advice: flags.emergencyAdvice ?? DEFAULT_EMERGENCY_ADVICE };
    messages.push({ role: 'assistant', content: emergency.advice, at, source: 'rules' });
    return { ...turn, answer: 'rules', emergency };
  }
  if (modelAvailable && allowsAiProcessing(await deps.consents.get(caller.userId, aiConsentId(caller.userId)), now)) return { ...turn, answer: 'model' };
  messages.push({ role: 'assistant', content: OFFLINE_REPLY, at, source: 'offline' });
  return { ...turn, answer: 'offline' };
};

/**
 * The second half: seals `messages` (the last `MAX_MESSAGES`) into the conversation and writes it once, iff it is still
 * at the revision the turn opened (409 otherwise), then runs `beforeAudit` (queueing) and appends the request's one
 * audit event (`ai.chat`, with `reason`). If either fails, the conversation is put back as it was (unless it changed
 * meanwhile) and the error is thrown: nothing unaudited stays written.
 */
export const saveChatTurn = async (
  deps: ChatTurnDeps,
  caller: Caller,
  turn: OpenedChatTurn,
  save: {
    readonly messages: readonly StoredMessage[];
    readonly pending: boolean;
    readonly reason: string;
    readonly beforeAudit?: (saved: StoredConversation) => Promise<void>;
  },
  meta: RequestMeta,
): Promise<{ conversation: StoredConversation; kept: StoredMessage[] }> => {
  const { existing, id } = turn;
  const kept = save.messages.slice(-MAX_MESSAGES);
  const revision = existing?.revision ?? 0;
  const conversation: StoredConversation = {
    id,
    patientId: caller.userId,
    persona: turn.persona,
    status: save.pending ? 'pending' : 'answered',
    revision: revision + 1,
    messagesSealed: await deps.vault.sealJson(conversationPlace(caller.userId, id), kept),
    createdAt: existing?.createdAt ?? turn.at,
    updatedAt: turn.at,
  };
  if (!(await deps.conversations.saveConversation(conversation, revision))) throw new ConflictError('The conversation changed meanwhile; reload and retry.');
  try {
    await save.beforeAudit?.(conversation);
    await deps.audit.append({
      action: 'ai.chat',
      outcome: 'success',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'conversation', id },
      reason: save.reason,
      ...requestFacts(meta),
    });
  } catch (error) {
    // Nothing unaudited, nothing pending that no worker will answer: put the conversation back as it was (unless
    // it changed meanwhile), then fail. A retry starts from the same state; a message already queued for the
    // undone revision finds it gone or superseded, and the worker skips it.
    await deps.conversations.undoSave(conversation, existing);
    throw error;
  }
  return { conversation, kept };
};

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
  const turn = await openChatTurn(deps, caller, request, deps.modelConfigured);
  const pending = turn.answer === 'model';
  const { conversation, kept } = await saveChatTurn(
    deps,
    caller,
    turn,
    {
      messages: turn.messages,
      pending,
      reason: turn.answer === 'rules' ? 'red_flag' : pending ? 'queued_for_model' : 'offline',
      beforeAudit: async (saved) => {
        if (pending) await deps.queue.enqueue({ kind: 'chat', conversationId: saved.id, patientId: caller.userId, revision: saved.revision });
      },
    },
    meta,
  );
  return { pending, conversation: conversationView(conversation, kept, turn.emergency) };
};
