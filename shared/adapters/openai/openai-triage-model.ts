import { CHAT_MAX_TOKENS, checkBaseUrl, MAX_CHAT_CHARS, MAX_CHAT_TURNS, safeId, tokens } from './wire-values';
import type OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { ConfigError } from '../../errors';
import {
  MinimizedCaseSchema,
  ModelAssessmentSchema,
  ModelError,
  ModelOutputError,
  ModelUnavailableError,
  TRIAGE_SYSTEM_PROMPT,
  chatSystemPrompt,
  type ChatPersona,
  type ChatTurn,
  type LibraryPassage,
  type MinimizedCase,
  type ModelAssessment,
  type ModelErrorDetails,
} from '../../triage/model';
import type { ChatModel, ChatToolCall, ChatToolContext, ModelUsage, TriageModel } from '../../triage/ports';
import * as z from '../../zod';

/** Tool calls read from one answer, and the longest arguments text kept (longer is passed on cut, so it fails validation). */
const MAX_TOOL_CALLS_READ = 8;
const MAX_TOOL_ARGUMENTS_CHARS = 2000;
import { costOf, DEFAULT_PRICING, priceOf, type PricingTable } from './pricing';
import { TRIAGE_RESPONSE_FORMAT } from './response-format';
import { loadOpenAiSdk, type OpenAiSdk } from './sdk';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The client's package (ADR 0024); one that cannot be loaded is a model that is unavailable, retried like one. */
const sdk = (): Promise<OpenAiSdk> =>
  loadOpenAiSdk().catch(() => {
    throw new ModelUnavailableError('The model client could not be loaded.', { reason: 'unavailable' });
  });

export interface OpenAiTriageModelOptions {
  /**
   * The API key, or a loader for it (Secrets Manager in AWS), called on the first assessment and
   * again only after the key was rejected (401/403), so a rotated key is picked up. Not needed
   * when a client is injected: the client brings its own credentials.
   */
  readonly apiKey?: string | (() => Promise<string>);
  /** The model id, e.g. `gpt-4o-mini`; becomes `name`, and the result's `model`. */
  readonly model: string;
  /**
   * From configuration only, never from a request (docs/security.md #20). https, or http to a loopback
   * host (tests, the local stage). Defaults to OpenAI's, and never to `OPENAI_BASE_URL`.
   */
  readonly baseURL?: string;
  /** Per attempt, in ms. */
  readonly timeoutMs?: number;
  /** Retries by the client on 408/409/429/5xx, timeouts and connection errors. */
  readonly maxRetries?: number;
  /**
   * The whole call, retries and `retry-after` waits included, in ms. Defaults to every attempt's
   * timeout plus a second per retry, so a worker can size its own timeout from it.
   */
  readonly deadlineMs?: number;
  /** The bound on the answer's length (`max_completion_tokens`). */
  readonly maxOutputTokens?: number;
  /** USD per 1M tokens by model, merged over `DEFAULT_PRICING`. */
  readonly pricing?: PricingTable;
  /** The client's `fetch` (traced and timed: shared/adapters/aws/xray.ts); the global one otherwise. */
  readonly fetch?: typeof fetch;
}

const int = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`OpenAiTriageModel: ${name} must be an integer from ${min} to ${max}`);
  return value;
};

/**
 * The triage model on OpenAI's Chat Completions API with Structured Outputs (strict JSON schema
 * derived from `ModelAssessmentSchema`). Sends only the minimised case, validates every answer
 * with zod, and turns every failure into a `ModelError` whose message and details hold no PHI.
 *
 * @example
 * const model = new OpenAiTriageModel({ model: 'gpt-4o-mini', apiKey: secretsManagerString(secretId) });
 * const { assessment, usage } = await model.assess(minimizeForModel(input));
 */
export class OpenAiTriageModel implements TriageModel, ChatModel {
  public readonly name: string;
  private readonly apiKey: OpenAiTriageModelOptions['apiKey'];
  private readonly baseURL: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly deadlineMs: number;
  private readonly maxOutputTokens: number;
  private readonly pricing: PricingTable;
  private readonly injected: OpenAI | undefined;
  private readonly fetch: typeof fetch | undefined;
  private pending: Promise<OpenAI> | undefined;

  public constructor(options: OpenAiTriageModelOptions, client?: OpenAI) {
    const { model, apiKey, baseURL = OPENAI_DEFAULT_BASE_URL, timeoutMs = 8_000, maxRetries = 1, maxOutputTokens = 600 } = options;
    if (safeId(model) === undefined) throw new ConfigError('OpenAiTriageModel: model must be a model id');
    if (client === undefined && (apiKey === undefined || apiKey === ''))
      throw new ConfigError('OpenAiTriageModel: apiKey is required without an injected client');
    this.name = model;
    this.apiKey = apiKey;
    this.baseURL = checkBaseUrl(baseURL, 'OpenAiTriageModel');
    this.timeoutMs = int('timeoutMs', timeoutMs, 1, 120_000);
    this.maxRetries = int('maxRetries', maxRetries, 0, 5);
    this.deadlineMs = int('deadlineMs', options.deadlineMs ?? timeoutMs * (maxRetries + 1) + 1_000 * maxRetries, 1, 600_000);
    this.maxOutputTokens = int('maxOutputTokens', maxOutputTokens, 100, 4_000);
    this.pricing = { ...DEFAULT_PRICING, ...options.pricing };
    this.injected = client;
    this.fetch = options.fetch;
  }

  public async assess(input: MinimizedCase, signal?: AbortSignal): Promise<{ assessment: ModelAssessment; usage: ModelUsage }> {
    const request = this.request(input);
    if (signal?.aborted) throw new ModelUnavailableError('The model call was cancelled.', { reason: 'aborted' });
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const [client, openai] = await Promise.all([this.client(), sdk()]);
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(request, {
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        timeout: this.timeoutMs,
        maxRetries: this.maxRetries,
      });
    } catch (error) {
      const mapped = this.toModelError(openai, error, signal, deadline);
      if (mapped.reason === 'auth' && this.pending !== undefined) this.pending = undefined;
      throw mapped;
    }
    return { assessment: this.validate(completion), usage: this.usage(completion) };
  }

  /**
   * A chat reply (the assistant endpoints): the persona's system prompt (with the library passages
   * retrieved for the question, if any), the last turns, plain text back. Refused, filtered, cut-off
   * or empty answers are `ModelOutputError`s, like assessments. With `tools`, Chat Completions function calling
   * (`tools`, `tool_choice` `auto` or, once the calls are used up, `none`): the earlier rounds follow the turns as an
   * assistant message with its `tool_calls` and one `tool` message per result; an answer that calls tools returns them.
   */
  public async reply(
    turns: readonly ChatTurn[],
    persona: ChatPersona,
    signal?: AbortSignal,
    library?: readonly LibraryPassage[],
    tools?: ChatToolContext,
  ): Promise<{ text: string; usage: ModelUsage; toolCalls?: readonly ChatToolCall[] }> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const [client, openai] = await Promise.all([this.client(), sdk()]);
    let completion: ChatCompletion;
    try {
      completion = await client.chat.completions.create(
        {
          model: this.name,
          messages: [
            { role: 'system', content: chatSystemPrompt(persona, library) + (tools ? ` ${tools.rules}` : '') },
            ...turns.slice(-MAX_CHAT_TURNS).map((t) => ({ role: t.role, content: t.content.slice(0, MAX_CHAT_CHARS) })),
            ...(tools ? toolMessages(tools) : []),
          ],
          ...(tools
            ? {
                tools: tools.specs.map((spec) => ({ type: 'function' as const, function: { ...spec, parameters: { ...spec.parameters } } })),
                tool_choice: tools.allowCalls ? ('auto' as const) : ('none' as const),
              }
            : {}),
          temperature: 0.3,
          max_completion_tokens: CHAT_MAX_TOKENS,
          n: 1,
          store: false,
        },
        { signal: signal ? AbortSignal.any([signal, deadline]) : deadline, timeout: this.timeoutMs, maxRetries: this.maxRetries },
      );
    } catch (error) {
      throw this.toModelError(openai, error, signal, deadline);
    }
    const choice = completion.choices[0];
    const message = choice?.message;
    if (!message || (typeof message.refusal === 'string' && message.refusal !== ''))
      throw new ModelOutputError('The model refused to answer.', { reason: 'refusal' });
    if (choice.finish_reason === 'content_filter') throw new ModelOutputError('The model answer was filtered.', { reason: 'content_filter' });
    const toolCalls = tools ? toolCallsOf(message.tool_calls) : [];
    if (toolCalls.length > 0) return { text: (message.content ?? '').trim().slice(0, MAX_CHAT_CHARS), usage: this.usage(completion), toolCalls };
    if (typeof message.content !== 'string' || message.content.trim() === '') throw new ModelOutputError('The model answer is empty.', { reason: 'empty' });
    return { text: message.content.trim().slice(0, MAX_CHAT_CHARS), usage: this.usage(completion) };
  }

  /** The whole request. The user message is the minimised case as JSON, and nothing else. */
  private request(input: MinimizedCase): ChatCompletionCreateParamsNonStreaming {
    const parsed = z.safeParse(MinimizedCaseSchema, input);
    if (!parsed.success) throw new ModelError('The case to assess is invalid.', { reason: 'invalid_input', issues: issuesOf(parsed.error) });
    return {
      model: this.name,
      messages: [
        { role: 'system', content: TRIAGE_SYSTEM_PROMPT },
        { role: 'user', content: JSON.stringify(parsed.data) },
      ],
      response_format: TRIAGE_RESPONSE_FORMAT,
      temperature: 0,
      max_completion_tokens: this.maxOutputTokens,
      n: 1,
      // The case is PHI: not kept for OpenAI's evals or distillation.
      store: false,
    };
  }

  /** The injected client, or one built on first use with the lazily loaded key. */
  private client(): Promise<OpenAI> {
    if (this.injected) return Promise.resolve(this.injected);
    if (this.pending === undefined) {
      const pending = this.createClient();
      this.pending = pending;
      pending.catch(() => {
        if (this.pending === pending) this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async createClient(): Promise<OpenAI> {
    let key: unknown;
    try {
      key = typeof this.apiKey === 'function' ? await this.apiKey() : this.apiKey;
    } catch {
      throw new ModelUnavailableError('The model API key could not be loaded.', { reason: 'credentials' });
    }
    if (typeof key !== 'string' || key === '') throw new ModelUnavailableError('The model API key is empty.', { reason: 'credentials' });
    const { OpenAI } = await sdk();
    return new OpenAI({
      apiKey: key,
      baseURL: this.baseURL,
      timeout: this.timeoutMs,
      maxRetries: this.maxRetries,
      // OPENAI_LOG=debug would log request bodies, i.e. PHI: the client never logs.
      logLevel: 'off',
      ...(this.fetch ? { fetch: this.fetch } : {}),
    });
  }

  /** Only a schema-valid answer comes out; anything else is a `ModelOutputError`. */
  private validate(completion: ChatCompletion): ModelAssessment {
    const ids: ModelErrorDetails = withRequestId(completion);
    const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
    const message = choice?.message;
    if (!choice || typeof message !== 'object' || message === null)
      throw new ModelOutputError('The model answer has no message.', { reason: 'malformed', ...ids });
    if (typeof message.refusal === 'string' && message.refusal !== '')
      throw new ModelOutputError('The model refused to answer.', { reason: 'refusal', ...ids });
    if (choice.finish_reason === 'content_filter') throw new ModelOutputError('The model answer was filtered.', { reason: 'content_filter', ...ids });
    if (choice.finish_reason === 'length') throw new ModelOutputError('The model answer was cut off at the token limit.', { reason: 'truncated', ...ids });
    if (typeof message.content !== 'string' || message.content.trim() === '')
      throw new ModelOutputError('The model answer is empty.', { reason: 'empty', ...ids });
    let data: unknown;
    try {
      data = JSON.parse(message.content);
    } catch {
      throw new ModelOutputError('The model answer is not JSON.', { reason: 'malformed', ...ids });
    }
    // The wire schema makes `specialist` nullable (strict mode has no optional properties).
    if (typeof data === 'object' && data !== null && 'specialist' in data && data.specialist === null) {
      const { specialist: _none, ...rest } = data;
      data = rest;
    }
    const result = z.safeParse(ModelAssessmentSchema, data);
    if (!result.success)
      throw new ModelOutputError('The model answer does not match the assessment schema.', {
        reason: 'schema_invalid',
        issues: issuesOf(result.error),
        ...ids,
      });
    return result.data;
  }

  private usage(completion: ChatCompletion): ModelUsage {
    const model = safeId(completion.model) ?? this.name;
    const inputTokens = tokens(completion.usage?.prompt_tokens);
    const outputTokens = tokens(completion.usage?.completion_tokens);
    const price = priceOf(this.pricing, model, this.name);
    return { model, inputTokens, outputTokens, costUsd: price ? costOf(price, inputTokens, outputTokens) : 0, costKnown: price !== undefined };
  }

  /** Transient (retry later), or not. Fixed messages: a provider's message may quote the request. */
  private toModelError(openai: OpenAiSdk, error: unknown, caller: AbortSignal | undefined, deadline: AbortSignal): ModelError {
    const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = openai;
    if (error instanceof ModelError) return error;
    if (caller?.aborted) return new ModelUnavailableError('The model call was cancelled.', { reason: 'aborted' });
    if (deadline.aborted) return new ModelUnavailableError(`The model did not answer within ${this.deadlineMs} ms.`, { reason: 'timeout' });
    if (error instanceof APIUserAbortError) return new ModelUnavailableError('The model call was cancelled.', { reason: 'aborted' });
    if (error instanceof APIConnectionTimeoutError)
      return new ModelUnavailableError(`The model did not answer within ${this.timeoutMs} ms.`, { reason: 'timeout' });
    if (error instanceof APIConnectionError) return new ModelUnavailableError('The model endpoint could not be reached.', { reason: 'connection' });
    if (error instanceof APIError && typeof error.status === 'number') {
      const details: ModelErrorDetails = {
        status: error.status,
        ...(safeId(error.code) ? { code: safeId(error.code) } : {}),
        ...(safeId(error.requestID) ? { requestId: safeId(error.requestID) } : {}),
      };
      if (error.status === 429) {
        return error.code === 'insufficient_quota'
          ? new ModelUnavailableError('The model quota is exhausted.', { reason: 'quota_exhausted', ...details })
          : new ModelUnavailableError('The model is rate limited.', { reason: 'rate_limited', ...details });
      }
      if (error.status >= 500 || error.status === 408 || error.status === 409)
        return new ModelUnavailableError('The model service failed.', { reason: 'server_error', ...details });
      if (error.status === 401 || error.status === 403) return new ModelError('The model rejected the API key.', { reason: 'auth', ...details });
      return new ModelError('The model rejected the request.', { reason: 'rejected', ...details });
    }
    return new ModelError('The model call failed unexpectedly.', { reason: 'unexpected' });
  }
}

/** The earlier tool rounds of a reply, as Chat Completions messages: the assistant's calls, then one `tool` message per result. */
const toolMessages = (tools: ChatToolContext): ChatCompletionMessageParam[] =>
  tools.rounds.flatMap((round): ChatCompletionMessageParam[] => [
    {
      role: 'assistant',
      content: null,
      tool_calls: round.calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
    },
    ...round.results.map((result) => ({ role: 'tool' as const, tool_call_id: result.callId, content: result.content })),
  ]);

/**
 * The function calls of an answer, untrusted: at most `MAX_TOOL_CALLS_READ`, arguments cut at `MAX_TOOL_ARGUMENTS_CHARS`
 * (the caller validates them). A call without a usable id or name is a `ModelOutputError`: it could not be answered.
 */
const toolCallsOf = (calls: unknown): ChatToolCall[] => {
  if (!Array.isArray(calls)) return [];
  return calls.slice(0, MAX_TOOL_CALLS_READ).map((call: { id?: unknown; type?: unknown; function?: { name?: unknown; arguments?: unknown } }) => {
    const id = safeId(call.id);
    const name = call.function?.name;
    if (call.type !== 'function' || id === undefined || typeof name !== 'string' || !/^[\w-]{1,64}$/.test(name))
      throw new ModelOutputError('The model asked for a tool call that cannot be answered.', { reason: 'malformed' });
    const args = call.function?.arguments;
    return { id, name, arguments: typeof args === 'string' ? args.slice(0, MAX_TOOL_ARGUMENTS_CHARS) : '' };
  });
};

/** Where validation failed: paths (schema keys and indexes) and codes, never the values. */
const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; code: string }[] }) =>
  error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));

const withRequestId = (completion: ChatCompletion): ModelErrorDetails => {
  const requestId = safeId((completion as { _request_id?: unknown })._request_id);
  return requestId ? { requestId } : {};
};
