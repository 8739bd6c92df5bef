import { CHAT_MAX_TOKENS, checkBaseUrl, MAX_CHAT_CHARS, MAX_CHAT_TURNS, safeId, tokens } from './wire-values';
import { ConfigError } from '../../errors';
import type { ChatStream, StreamedReply } from '../../chat/ports';
import {
  ModelError,
  ModelOutputError,
  ModelUnavailableError,
  chatSystemPrompt,
  type ChatPersona,
  type ChatTurn,
  type LibraryPassage,
  type ModelErrorDetails,
} from '../../triage/model';
import type { ModelUsage } from '../../triage/ports';
import { costOf, DEFAULT_PRICING, priceOf } from './pricing';

/**
 * Streamed chat replies on OpenAI's Chat Completions API (`stream: true`) with `fetch` and a server-sent
 * events parser, without the `openai` client: that client (~385 KB, not tree-shakable) fits no route's
 * 100 KB budget (docs/adr/0012-streamed-chat.md). What the client would give is done here: the key loaded
 * lazily and reloaded after a 401/403, a timeout (until the first byte, then between chunks), one retry
 * (only before the first delta) on 408/409/429/5xx, timeouts and connection errors, and every failure
 * turned into a `ModelError` with a fixed message (never prompt, answer or provider text).
 */

/** A server-sent event larger than this is not OpenAI's: the stream is treated as broken. */
const MAX_EVENT_CHARS = 256 * 1024;
/** The longest `retry-after` honoured before the one retry; a longer wait fails the call instead. */
const MAX_RETRY_WAIT_MS = 2_000;

export interface OpenAiChatStreamOptions {
  /** The API key, or its loader (Secrets Manager in AWS): called on first use, again only after a 401/403. */
  readonly apiKey: string | (() => Promise<string>);
  /** The model id, e.g. `gpt-4o-mini`. */
  readonly model: string;
  /** From configuration only (docs/security.md #20): https, or http to a loopback host. Defaults to OpenAI's. */
  readonly baseURL?: string;
  /** Until the response's first byte, then the longest silence between two chunks, in ms. */
  readonly timeoutMs?: number;
  /** Injected for tests; the global `fetch` otherwise. */
  readonly fetch?: typeof fetch;
}

/** One server-sent event: its `event` field (`message` when absent) and its data lines joined with `\n`. */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/**
 * An incremental parser of `text/event-stream` (the WHATWG event stream format): feed it decoded text in
 * chunks cut anywhere; it returns the events completed so far. Handles `\n`, `\r\n` and `\r` line ends,
 * multi-line `data`, comments and a missing space after the colon; `id` and `retry` are ignored. An event
 * not ended by a blank line when the stream ends is dropped, as the format says.
 */
export const sseParser = () => {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let pendingCr = false;
  const line = (text: string, out: SseMessage[]): void => {
    if (text === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  };
  return {
    push(chunk: string): SseMessage[] {
      const out: SseMessage[] = [];
      // A `\r\n` may be cut between two chunks: a `\n` right after a trailing `\r` ends no line.
      let text = pendingCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      pendingCr = text.endsWith('\r');
      text = buffer + text;
      let start = 0;
      for (const match of text.matchAll(/\r\n|\r|\n/g)) {
        line(text.slice(start, match.index), out);
        start = match.index + match[0].length;
      }
      buffer = text.slice(start);
      if (buffer.length + data.reduce((n, d) => n + d.length, 0) > MAX_EVENT_CHARS)
        throw new ModelUnavailableError('The model stream is malformed.', { reason: 'malformed' });
      return out;
    },
  };
};

/** Why the idle timer aborted the call: told apart from the caller's own abort. */
class StreamTimeout extends Error {}
/** A failure already mapped, with a `retry-after` wait if the provider sent one. */
class Mapped extends Error {
  public constructor(
    public readonly error: ModelError,
    public readonly waitMs = 0,
  ) {
    super(error.message);
  }
}

/** A provider's HTTP error: the class the `openai` client would have thrown, as a `ModelError`. */
const httpError = async (response: Response): Promise<Mapped> => {
  let code: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown } } | null;
    code = safeId(body?.error?.code);
  } catch {
    // Not JSON: the status says enough.
  }
  const { status } = response;
  const requestId = safeId(response.headers.get('x-request-id'));
  const details: ModelErrorDetails = { status, ...(code ? { code } : {}), ...(requestId ? { requestId } : {}) };
  if (status === 429) {
    if (code === 'insufficient_quota') return new Mapped(new ModelUnavailableError('The model quota is exhausted.', { reason: 'quota_exhausted', ...details }));
    const seconds = Number(response.headers.get('retry-after') ?? '0');
    return new Mapped(
      new ModelUnavailableError('The model is rate limited.', { reason: 'rate_limited', ...details }),
      Number.isFinite(seconds) ? seconds * 1000 : 0,
    );
  }
  if (status >= 500 || status === 408 || status === 409)
    return new Mapped(new ModelUnavailableError('The model service failed.', { reason: 'server_error', ...details }));
  if (status === 401 || status === 403) return new Mapped(new ModelError('The model rejected the API key.', { reason: 'auth', ...details }));
  return new Mapped(new ModelError('The model rejected the request.', { reason: 'rejected', ...details }));
};

/** One chunk of the Chat Completions stream, as far as it is read. */
interface CompletionChunk {
  readonly model?: unknown;
  readonly choices?: readonly { readonly delta?: { readonly content?: unknown; readonly refusal?: unknown }; readonly finish_reason?: unknown }[];
  readonly usage?: { readonly prompt_tokens?: unknown; readonly completion_tokens?: unknown } | null;
  readonly error?: unknown;
}

export class OpenAiChatStream implements ChatStream {
  public readonly name: string;
  private readonly apiKey: OpenAiChatStreamOptions['apiKey'];
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private key: Promise<string> | undefined;

  public constructor(options: OpenAiChatStreamOptions) {
    const { model, apiKey, baseURL = 'https://api.openai.com/v1', timeoutMs = 8_000 } = options;
    if (safeId(model) === undefined) throw new ConfigError('OpenAiChatStream: model must be a model id');
    if (apiKey === '') throw new ConfigError('OpenAiChatStream: apiKey is required');
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000)
      throw new ConfigError('OpenAiChatStream: timeoutMs must be an integer from 1 to 120000');
    this.name = model;
    this.apiKey = apiKey;
    this.url = `${checkBaseUrl(baseURL, 'OpenAiChatStream')}/chat/completions`;
    this.timeoutMs = timeoutMs;
    this.fetch = options.fetch ?? fetch;
  }

  public stream(turns: readonly ChatTurn[], persona: ChatPersona, passages: readonly LibraryPassage[] | undefined, signal: AbortSignal): StreamedReply {
    const body = JSON.stringify({
      model: this.name,
      messages: [
        { role: 'system', content: chatSystemPrompt(persona, passages) },
        ...turns.slice(-MAX_CHAT_TURNS).map((t) => ({ role: t.role, content: t.content.slice(0, MAX_CHAT_CHARS) })),
      ],
      temperature: 0.3,
      max_completion_tokens: CHAT_MAX_TOKENS,
      n: 1,
      // The conversation is PHI: not kept for OpenAI's evals or distillation.
      store: false,
      stream: true,
      stream_options: { include_usage: true },
    });
    const reply = { usage: undefined as ModelUsage | undefined, [Symbol.asyncIterator]: () => this.attempts(body, signal, reply) };
    return reply;
  }

  /** The call, retried once when it failed before its first delta with a transient error. */
  private async *attempts(body: string, signal: AbortSignal, reply: { usage: ModelUsage | undefined }): AsyncGenerator<string> {
    for (let attempt = 1; ; attempt += 1) {
      let forwarded = false;
      try {
        for await (const text of this.once(body, signal, reply)) {
          forwarded = true;
          yield text;
        }
        return;
      } catch (thrown) {
        const mapped = thrown instanceof Mapped ? thrown : new Mapped(this.toModelError(thrown, signal));
        if (mapped.error.reason === 'auth') this.key = undefined;
        const retry =
          !forwarded && attempt === 1 && !signal.aborted && mapped.error instanceof ModelUnavailableError && mapped.error.reason !== 'quota_exhausted';
        if (!retry || mapped.waitMs > MAX_RETRY_WAIT_MS) throw mapped.error;
        await new Promise((resolve) => setTimeout(resolve, mapped.waitMs));
      }
    }
  }

  /** One request: its deltas as they arrive; throws on anything but a complete stream ended by `[DONE]`. */
  private async *once(body: string, signal: AbortSignal, reply: { usage: ModelUsage | undefined }): AsyncGenerator<string> {
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new StreamTimeout()), this.timeoutMs);
    };
    arm();
    try {
      const key = await this.loadKey();
      const response = await this.fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
        body,
        signal: AbortSignal.any([signal, idle.signal]),
      });
      if (!response.ok || response.body === null) throw await httpError(response);
      const parser = sseParser();
      const decoder = new TextDecoder();
      for await (const bytes of response.body) {
        arm();
        for (const message of parser.push(decoder.decode(bytes as Uint8Array, { stream: true }))) {
          if (message.data === '[DONE]') return;
          const text = this.deltaOf(message, reply);
          if (text !== '') yield text;
        }
      }
      throw new ModelUnavailableError('The model stream ended early.', { reason: 'connection' });
    } finally {
      clearTimeout(timer);
      // Leaving early (the caller stopped, or an error) cancels the request: the model stops generating.
      idle.abort(new StreamTimeout());
    }
  }

  /** A chunk's text; its usage (the last chunk, `stream_options.include_usage`) is kept on the reply. */
  private deltaOf(message: SseMessage, reply: { usage: ModelUsage | undefined }): string {
    let chunk: CompletionChunk;
    try {
      chunk = JSON.parse(message.data) as CompletionChunk;
    } catch {
      throw new ModelUnavailableError('The model stream is malformed.', { reason: 'malformed' });
    }
    if (typeof chunk !== 'object' || chunk === null) throw new ModelUnavailableError('The model stream is malformed.', { reason: 'malformed' });
    if (message.event === 'error' || chunk.error !== undefined) throw new ModelUnavailableError('The model service failed.', { reason: 'server_error' });
    if (chunk.usage) {
      const model = safeId(chunk.model) ?? this.name;
      const inputTokens = tokens(chunk.usage.prompt_tokens);
      const outputTokens = tokens(chunk.usage.completion_tokens);
      const price = priceOf(DEFAULT_PRICING, model, this.name);
      reply.usage = { model, inputTokens, outputTokens, costUsd: price ? costOf(price, inputTokens, outputTokens) : 0, costKnown: price !== undefined };
    }
    const choice = chunk.choices?.[0];
    if (choice === undefined) return '';
    if (typeof choice.delta?.refusal === 'string' && choice.delta.refusal !== '')
      throw new ModelOutputError('The model refused to answer.', { reason: 'refusal' });
    if (choice.finish_reason === 'content_filter') throw new ModelOutputError('The model answer was filtered.', { reason: 'content_filter' });
    return typeof choice.delta?.content === 'string' ? choice.delta.content : '';
  }

  private loadKey(): Promise<string> {
    if (this.key === undefined) {
      const loading = (async () => {
        let key: unknown;
        try {
          key = typeof this.apiKey === 'function' ? await this.apiKey() : this.apiKey;
        } catch {
          throw new ModelUnavailableError('The model API key could not be loaded.', { reason: 'credentials' });
        }
        if (typeof key !== 'string' || key === '') throw new ModelUnavailableError('The model API key is empty.', { reason: 'credentials' });
        return key;
      })();
      this.key = loading;
      loading.catch(() => {
        if (this.key === loading) this.key = undefined;
      });
    }
    return this.key;
  }

  /** Transient (retry once) or not. Fixed messages: a provider's message may quote the request. */
  private toModelError(error: unknown, signal: AbortSignal): ModelError {
    if (error instanceof ModelError) return error;
    if (signal.aborted) return new ModelUnavailableError('The model call was cancelled.', { reason: 'aborted' });
    if (error instanceof StreamTimeout || (error as { name?: unknown } | null)?.name === 'AbortError' || error instanceof DOMException)
      return new ModelUnavailableError(`The model did not answer within ${this.timeoutMs} ms.`, { reason: 'timeout' });
    if (error instanceof TypeError) return new ModelUnavailableError('The model endpoint could not be reached.', { reason: 'connection' });
    return new ModelError('The model call failed unexpectedly.', { reason: 'unexpected' });
  }
}
