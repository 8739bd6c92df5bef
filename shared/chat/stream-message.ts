import type { ChatRequest } from '../contracts/chat';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import { CareBowError } from '../errors';
import type { SearchIndexStore } from '../content/library-ports';
import { ModelError, ModelOutputError, type ChatPersona } from '../triage/model';
import type { TriageMetrics } from '../triage/ports';
import type { Citation, StoredMessage } from './conversation';
import type { ChatStream } from './ports';
import { redactIdentifiers } from './redact';
import { citationsOf, offlineLibraryNote, retrievePosts, type RetrievedPost } from './retrieve';
import { OFFLINE_REPLY, openChatTurn, saveChatTurn, type ChatTurnDeps, type OpenedChatTurn } from './send-message';

export type ChatStreamDeps = ChatTurnDeps & {
  /** The streaming model; without it (no key on this stage) every message gets the offline reply, as on the queued route. */
  readonly chatStream?: ChatStream;
  /** The published library's search index (RAG); without it, replies are not grounded and cite nothing. */
  readonly library?: Pick<SearchIndexStore, 'current'>;
  /** Where a finished model call's tokens and cost go, if anywhere. */
  readonly metrics?: Pick<TriageMetrics, 'modelUsage'>;
};

/** The events of a streamed reply, in order: deltas, then citations, then `done`; `error` (then `done` if stored). */
export type ChatStreamEvent =
  | { readonly event: 'delta'; readonly data: { readonly text: string } }
  | { readonly event: 'citation'; readonly data: Citation }
  | { readonly event: 'done'; readonly data: { readonly conversationId: string; readonly revision: number } }
  | { readonly event: 'error'; readonly data: { readonly code: string; readonly message: string } };

/** The longest reply kept (the stored message's bound): the model is stopped there. */
export const MAX_STREAMED_CHARS = 2000;

const MODEL_FAILED = { code: 'model_unavailable', message: 'The assistant could not finish this reply. Reload the conversation for what was kept.' };
const NOT_SAVED = { code: 'internal_error', message: 'The reply could not be saved. Send the message again.' };

/**
 * A chat message answered as a stream (`POST /api/v1/ai/chat/stream`). Everything that can refuse the request
 * happens first, before any byte is sent, so it is the usual JSON error: ownership (404), the AI quota (429), and
 * for a red flag or the offline reply the whole turn (stored and audited like `sendChatMessage`: those answer at
 * once, before any model or retrieval runs). Retrieval runs before the stream too. It then resolves to the events.
 *
 * With a model: the model's deltas are forwarded as they arrive; the conversation (the patient's message and the
 * whole reply, with the citations its markers name) is sealed and written ONCE when the reply completes, with the
 * request's one audit event (`ai.chat`, `streamed_model`). A model failure, before or mid-stream, stores the patient's
 * message with the offline reply (as the worker's last fallback does; `reason: model_failed`) and sends `error`, then
 * `done`. A client that goes away (`signal`) stops the model call; nothing is stored, and the one audit event is a
 * `failure` (`client_closed`). A reply is cut at {@link MAX_STREAMED_CHARS}, where the model is stopped.
 */
export const streamChatMessage = async (
  deps: ChatStreamDeps,
  caller: Caller,
  request: ChatRequest,
  meta: RequestMeta,
  signal: AbortSignal,
): Promise<AsyncIterable<ChatStreamEvent> | Iterable<ChatStreamEvent>> => {
  const turn = await openChatTurn(deps, caller, request, deps.chatStream !== undefined);
  if (turn.answer !== 'model' || deps.chatStream === undefined) {
    const { conversation } = await saveChatTurn(
      deps,
      caller,
      turn,
      { messages: turn.messages, pending: false, reason: turn.answer === 'rules' ? 'red_flag' : 'offline' },
      meta,
    );
    const text = turn.messages.at(-1)!.content;
    return [
      { event: 'delta', data: { text } },
      { event: 'done', data: { conversationId: conversation.id, revision: conversation.revision } },
    ] satisfies ChatStreamEvent[];
  }
  const posts = deps.library === undefined ? undefined : await retrievePosts(deps.library, request.message);
  return modelReply(deps, deps.chatStream, caller, turn, posts, meta, signal);
};

async function* modelReply(
  deps: ChatStreamDeps,
  model: ChatStream,
  caller: Caller,
  turn: OpenedChatTurn,
  posts: RetrievedPost[] | undefined,
  meta: RequestMeta,
  signal: AbortSignal,
): AsyncGenerator<ChatStreamEvent> {
  // The model gets what was said, minus contact data, exact dates, links and record numbers; and the library's passages.
  const reply = model.stream(
    turn.messages.map(({ role, content }) => ({ role, content: redactIdentifiers(content) })),
    turn.persona as ChatPersona,
    posts?.map(({ title, excerpt }) => ({ title, excerpt })),
    signal,
  );
  let text = '';
  let failed: ModelError | undefined;
  try {
    for await (const delta of reply) {
      const kept = delta.slice(0, MAX_STREAMED_CHARS - text.length);
      text += kept;
      if (kept !== '') yield { event: 'delta', data: { text: kept } };
      if (text.length >= MAX_STREAMED_CHARS) break;
    }
    if (text.trim() === '') throw new ModelOutputError('The model answer is empty.', { reason: 'empty' });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    failed = error;
  }
  if (signal.aborted) {
    // The client went away: the model call is stopped, nothing is stored, and the request's one audit event says so.
    await deps.audit.append({
      action: 'ai.chat',
      outcome: 'failure',
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'conversation', id: turn.id },
      reason: 'client_closed',
      ...requestFacts(meta),
    });
    return;
  }
  if (reply.usage !== undefined) deps.metrics?.modelUsage(reply.usage);
  const at = turn.at;
  const answer: StoredMessage =
    failed === undefined
      ? { role: 'assistant', content: text.trim(), at, source: 'model', ...withCitations(posts === undefined ? [] : citationsOf(text, posts)) }
      : posts === undefined
        ? { role: 'assistant', content: OFFLINE_REPLY, at, source: 'offline' }
        : { role: 'assistant', content: `${OFFLINE_REPLY} ${offlineLibraryNote(posts)}`, at, source: 'offline', ...withCitations(posts) };
  let saved: { id: string; revision: number };
  try {
    ({ conversation: saved } = await saveChatTurn(
      deps,
      caller,
      turn,
      { messages: [...turn.messages, answer], pending: false, reason: failed === undefined ? 'streamed_model' : 'model_failed' },
      meta,
    ));
  } catch (error) {
    // Headers are sent: the failure becomes an `error` event (generic: no internals), and the stream ends.
    yield { event: 'error', data: error instanceof CareBowError && error.status < 500 ? { code: error.code, message: error.message } : NOT_SAVED };
    return;
  }
  if (failed !== undefined) yield { event: 'error', data: MODEL_FAILED };
  else for (const citation of answer.citations ?? []) yield { event: 'citation', data: citation };
  yield { event: 'done', data: { conversationId: saved.id, revision: saved.revision } };
}

const withCitations = (citations: readonly Citation[]): { citations?: Citation[] } =>
  citations.length > 0 ? { citations: citations.map(({ postId, slug, title }) => ({ postId, slug, title })) } : {};
