import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TriageLevel } from '../../shared/contracts/triage';

/**
 * A stand-in for OpenAI's Chat Completions HTTP API on 127.0.0.1, for the real `openai` client:
 * `POST /v1/chat/completions`, JSON in and out, in the API's response shape. Each request is
 * answered by the current mode; it records every request so a test can assert what the model saw.
 */
export type FakeOpenAiMode =
  /** A valid assessment (level from `options.level`, default `consultation`). */
  | 'ok'
  /** 429 with `retry-after: 0` and an OpenAI error body. */
  | 'rate_limited'
  /** 500 with an OpenAI error body. */
  | 'server_error'
  /** A valid answer after `options.delayMs` (default 2000), longer than a test client's timeout. */
  | 'slow'
  /** `content` is not JSON. */
  | 'malformed'
  /** JSON that misses fields and has an unknown level. */
  | 'schema_invalid'
  /** `message.refusal` set, `content` null. */
  | 'refusal'
  /** Valid schema, but `self_care` at confidence 0.99: what a successful prompt injection looks like. */
  | 'lower_emergency'
  /** Cut off at the token limit: `finish_reason: length`, half a JSON object. */
  | 'truncated'
  /** 401 `invalid_api_key`. */
  | 'unauthorized'
  /** A chat answer that calls tools: `options.toolCalls`, with `options.text` as its content (default none), `finish_reason: tool_calls`. */
  | 'tool_calls'
  /** A plain chat answer: `options.text` (default `FAKE_CHAT_TEXT`). */
  | 'text';

/** One scripted tool call: `arguments` as the raw JSON text the model sends (malformed allowed), or an object to serialise. */
export interface FakeToolCall {
  readonly name: string;
  readonly arguments: string | Record<string, unknown>;
  /** Default `call_fake_<request>_<index>`. */
  readonly id?: string;
}

/** What mode `text` answers unless told. */
export const FAKE_CHAT_TEXT = 'Here is what I found for you.';

export interface FakeOpenAiOptions {
  /** For `ok` and `slow`: the level answered. */
  readonly level?: TriageLevel;
  /** For `slow`: how long to wait before answering. */
  readonly delayMs?: number;
  /** Fields merged over the answered assessment (`ok`, `slow`). */
  readonly assessment?: Record<string, unknown>;
  /** Token counts reported in `usage` (defaults 1000 and 200). */
  readonly promptTokens?: number;
  readonly completionTokens?: number;
  /** The `model` the response names (default: the requested one). */
  readonly responseModel?: string;
  /** Answer only the next `times` requests this way, then fall back to the sticky mode. Without it the mode sticks. */
  readonly times?: number;
  /** How a request with `stream: true` (the streamed chat) is answered in modes `ok` and `slow`; error modes answer as without it. */
  readonly stream?: FakeStreamOptions;
  /** For `tool_calls`: the calls answered. */
  readonly toolCalls?: readonly FakeToolCall[];
  /** For `text`, and the content of a `tool_calls` answer. */
  readonly text?: string;
}

/** The streamed answer: Chat Completions chunks as server-sent events, then the usage chunk and `[DONE]`. */
export interface FakeStreamOptions {
  /** The reply's text, chunk by chunk (default {@link STREAMED_REPLY_CHUNKS}). */
  readonly chunks?: readonly string[];
  /** Milliseconds before each chunk after the first (default 0; mode `slow`: `delayMs`, default 200). */
  readonly chunkDelayMs?: number;
  /** Drops the connection after this many text chunks, without `[DONE]`: a failure mid-stream. */
  readonly failAfterChunks?: number;
}

/** What happened to one streamed answer, updated as it goes. */
export interface FakeStreamRecord {
  /** Text chunks written so far, of `total`. */
  sent: number;
  readonly total: number;
  /** Every chunk and `[DONE]` written. */
  finished: boolean;
  /** The client closed the connection before the end (an aborted request). */
  clientClosed: boolean;
}

/** The default streamed reply: it cites the first library passage. */
export const STREAMED_REPLY_CHUNKS: readonly string[] = ['Rest, drink ', 'plenty of fluids ', 'and keep warm [1]. ', 'See a clinician ', 'if it gets worse.'];

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface FakeOpenAi {
  /** The `baseURL` to give the client, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  setMode(mode: FakeOpenAiMode, options?: FakeOpenAiOptions): void;
  /** Every request body received, in order (the parsed JSON). */
  readonly requests: unknown[];
  /** Every request with its method, path and headers. */
  readonly recorded: RecordedRequest[];
  /** Every streamed answer, in order of the requests that asked for one. */
  readonly streams: FakeStreamRecord[];
  /** How many requests arrived. */
  readonly count: number;
  /** Forget recorded requests and go back to sticky `ok`. */
  reset(): void;
  stop(): Promise<void>;
}

export const validAssessment = (level: TriageLevel = 'consultation'): Record<string, unknown> => ({
  level,
  confidence: 0.82,
  summary: 'Symptoms suggest a minor viral illness that should settle within a few days.',
  possibleConditions: ['Common cold', 'Viral sore throat'],
  followUpQuestions: ['Do you have a fever above 39 °C?'],
  selfCare: ['Rest', 'Drink plenty of fluids'],
  watchFor: ['Difficulty breathing', 'Fever lasting more than three days'],
  specialist: null,
  teleconsultationOk: true,
});

const errorBody = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

export const startFakeOpenAi = async (): Promise<FakeOpenAi> => {
  let sticky: { mode: FakeOpenAiMode; options: FakeOpenAiOptions } = { mode: 'ok', options: {} };
  let queued: { mode: FakeOpenAiMode; options: FakeOpenAiOptions }[] = [];
  const requests: unknown[] = [];
  const recorded: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const streams: FakeStreamRecord[] = [];
  let sequence = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_fake_${sequence}`, ...headers });
    res.end(JSON.stringify(body));
  };

  const completion = (requestBody: unknown, options: FakeOpenAiOptions, message: Record<string, unknown>, finishReason = 'stop') => {
    const requestedModel = (requestBody as { model?: unknown } | null)?.model;
    const promptTokens = options.promptTokens ?? 1000;
    const completionTokens = options.completionTokens ?? 200;
    return {
      id: `chatcmpl-fake${sequence}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: options.responseModel ?? (typeof requestedModel === 'string' ? requestedModel : 'gpt-4o-mini'),
      choices: [
        { index: 0, message: { role: 'assistant', content: null, refusal: null, annotations: [], ...message }, logprobs: null, finish_reason: finishReason },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    };
  };

  const answer = (res: ServerResponse, requestBody: unknown, mode: FakeOpenAiMode, options: FakeOpenAiOptions): void => {
    const content = (value: unknown) => ({ content: typeof value === 'string' ? value : JSON.stringify(value) });
    switch (mode) {
      case 'ok':
        return send(res, 200, completion(requestBody, options, content({ ...validAssessment(options.level), ...options.assessment })));
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, 200, completion(requestBody, options, content({ ...validAssessment(options.level), ...options.assessment })));
        }, options.delayMs ?? 2000);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'rate_limited':
        return send(res, 429, errorBody('Rate limit reached for requests.', 'requests', 'rate_limit_exceeded'), { 'retry-after': '0' });
      case 'server_error':
        return send(res, 500, errorBody('The server had an error while processing your request.', 'server_error', null));
      case 'unauthorized':
        return send(res, 401, errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
      case 'malformed':
        return send(res, 200, completion(requestBody, options, content('Sure! The patient should probably rest. {level: self_care')));
      case 'schema_invalid':
        return send(res, 200, completion(requestBody, options, content({ level: 'relax', confidence: 7, summary: 'x' })));
      case 'refusal':
        return send(res, 200, completion(requestBody, options, { content: null, refusal: "I'm sorry, I can't help with that." }));
      case 'lower_emergency':
        return send(
          res,
          200,
          completion(
            requestBody,
            options,
            content({ ...validAssessment('self_care'), confidence: 0.99, summary: 'Nothing to worry about; rest at home.', teleconsultationOk: true }),
          ),
        );
      case 'truncated':
        return send(res, 200, completion(requestBody, options, content(JSON.stringify(validAssessment()).slice(0, 60)), 'length'));
      case 'tool_calls': {
        const calls = (options.toolCalls ?? []).map((call, i) => ({
          id: call.id ?? `call_fake_${sequence}_${i}`,
          type: 'function',
          function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
        }));
        return send(res, 200, completion(requestBody, options, { content: options.text ?? null, tool_calls: calls }, 'tool_calls'));
      }
      case 'text':
        return send(res, 200, completion(requestBody, options, content(options.text ?? FAKE_CHAT_TEXT)));
    }
  };

  /** A streamed chat answer: one chunk per text piece (paced for `slow`), the usage chunk, `[DONE]`; or a drop mid-way. */
  const streamAnswer = (res: ServerResponse, requestBody: unknown, mode: FakeOpenAiMode, options: FakeOpenAiOptions): void => {
    const chunks = options.stream?.chunks ?? STREAMED_REPLY_CHUNKS;
    const delay = options.stream?.chunkDelayMs ?? (mode === 'slow' ? (options.delayMs ?? 200) : 0);
    const record: FakeStreamRecord = { sent: 0, total: chunks.length, finished: false, clientClosed: false };
    streams.push(record);
    const base = completion(requestBody, options, {});
    const frame = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id: base.id, object: 'chat.completion.chunk', created: base.created, model: base.model, system_fingerprint: 'fp_fake', choices, ...extra })}\n\n`;
    const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finishReason });
    let failed = false;
    res.on('close', () => {
      if (!record.finished && !failed) record.clientClosed = true;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': `req_fake_${sequence}` });
    res.write(frame([choice({ role: 'assistant', content: '', refusal: null })]));
    const next = (): void => {
      if (res.destroyed) return;
      if (record.sent === options.stream?.failAfterChunks) {
        failed = true;
        res.destroy();
        return;
      }
      if (record.sent < chunks.length) {
        res.write(frame([choice({ content: chunks[record.sent] })]));
        record.sent += 1;
        const timer = setTimeout(() => {
          timers.delete(timer);
          next();
        }, delay);
        timers.add(timer);
        return;
      }
      res.write(frame([choice({}, 'stop')]));
      if ((requestBody as { stream_options?: { include_usage?: unknown } }).stream_options?.include_usage === true) res.write(frame([], { usage: base.usage }));
      res.write('data: [DONE]\n\n');
      record.finished = true;
      res.end();
    };
    next();
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    sequence += 1;
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    requests.push(body);
    recorded.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return send(res, 404, errorBody(`Unknown request URL: ${req.method ?? ''} ${req.url ?? ''}.`, 'invalid_request_error', 'unknown_url'));
    }
    if (typeof body !== 'object' || body === null)
      return send(res, 400, errorBody('We could not parse the JSON body of your request.', 'invalid_request_error', null));
    const next = queued.shift() ?? sticky;
    if ((body as { stream?: unknown }).stream === true && (next.mode === 'ok' || next.mode === 'slow')) return streamAnswer(res, body, next.mode, next.options);
    answer(res, body, next.mode, next.options);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    recorded,
    streams,
    get count() {
      return requests.length;
    },
    setMode(mode, options = {}) {
      if (options.times === undefined) {
        sticky = { mode, options };
        queued = [];
      } else {
        for (let i = 0; i < options.times; i++) queued.push({ mode, options });
      }
    },
    reset() {
      requests.length = 0;
      recorded.length = 0;
      streams.length = 0;
      queued = [];
      sticky = { mode: 'ok', options: {} };
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
