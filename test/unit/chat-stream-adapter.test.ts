import { describe, expect, it } from 'vitest';
import { OpenAiChatStream, sseParser } from '../../shared/adapters/openai/chat-stream';
import { ModelError, ModelUnavailableError } from '../../shared/triage/model';

const chunk = (content: string): string =>
  `data: ${JSON.stringify({ model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const USAGE = `data: ${JSON.stringify({ model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 100, completion_tokens: 20 } })}\n\n`;

/** A fetch that answers each call with the next of `answers`: a Response, or an error to throw. */
const fetchOf = (...answers: (Response | Error)[]) => {
  const calls: RequestInit[] = [];
  const fake = (async (_url: unknown, init: RequestInit) => {
    calls.push(init);
    const next = answers.shift();
    if (next === undefined || next instanceof Error) throw next ?? new Error('no more answers');
    return next;
  }) as typeof fetch;
  return { fake, calls };
};

const sse = (...parts: string[]) => new Response(new Blob(parts).stream(), { status: 200, headers: { 'content-type': 'text/event-stream' } });
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const collect = async (model: OpenAiChatStream) => {
  const reply = model.stream([{ role: 'user', content: 'What helps a cold?' }], 'health_assistant', [], new AbortController().signal);
  const deltas: string[] = [];
  for await (const delta of reply) deltas.push(delta);
  return { deltas, usage: reply.usage };
};

describe('sseParser', () => {
  it('returns events completed across chunks cut anywhere, CRLF included', () => {
    // Prepare
    const parser = sseParser();

    // Act
    const first = parser.push('event: delta\r\nda');
    const second = parser.push('ta: {"a":1}\r');
    const third = parser.push('\n\r\ndata: [DONE]\n\n');

    // Assess
    expect(first).toEqual([]);
    expect(second).toEqual([]);
    expect(third).toEqual([
      { event: 'delta', data: '{"a":1}' },
      { event: 'message', data: '[DONE]' },
    ]);
  });

  it('joins multi-line data with newlines and skips comments and unknown fields', () => {
    // Prepare
    const parser = sseParser();

    // Act
    const events = parser.push(': keep-alive\nid: 7\ndata:first\ndata: second\nretry: 10\n\n');

    // Assess
    expect(events).toEqual([{ event: 'message', data: 'first\nsecond' }]);
  });
});

describe('OpenAiChatStream', () => {
  it('yields the deltas up to [DONE] and keeps the usage, streaming the request with the persona prompt', async () => {
    // Prepare
    const { fake, calls } = fetchOf(sse(chunk('Rest '), chunk('and fluids.'), USAGE, 'data: [DONE]\n\n', chunk('after done')));
    const model = new OpenAiChatStream({ apiKey: 'k', model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:1/v1', fetch: fake });

    // Act
    const { deltas, usage } = await collect(model);

    // Assess
    expect(deltas).toEqual(['Rest ', 'and fluids.']);
    expect(usage).toMatchObject({ model: 'gpt-4o-mini', inputTokens: 100, outputTokens: 20, costKnown: true });
    const body = JSON.parse(String(calls[0]!.body));
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, store: false });
    expect(body.messages[0].content).toContain('The CareBow library has no reviewed article');
  });

  it('retries once before the first delta (429, then a stream)', async () => {
    // Prepare
    const { fake, calls } = fetchOf(json(429, { error: { code: 'rate_limit_exceeded' } }, { 'retry-after': '0' }), sse(chunk('Hello.'), 'data: [DONE]\n\n'));
    const model = new OpenAiChatStream({ apiKey: 'k', model: 'gpt-4o-mini', fetch: fake });

    // Act
    const { deltas } = await collect(model);

    // Assess
    expect(deltas).toEqual(['Hello.']);
    expect(calls).toHaveLength(2);
  });

  it('never retries after a delta: a stream cut mid-way is a ModelUnavailableError', async () => {
    // Prepare
    const { fake, calls } = fetchOf(sse(chunk('Hel')), sse(chunk('never')));
    const model = new OpenAiChatStream({ apiKey: 'k', model: 'gpt-4o-mini', fetch: fake });

    // Act
    const outcome = collect(model);

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(ModelUnavailableError);
    expect(calls).toHaveLength(1);
  });

  it('maps 401 to ModelError auth without retrying, and reloads the key on the next call', async () => {
    // Prepare
    let loads = 0;
    const { fake, calls } = fetchOf(
      json(401, { error: { code: 'invalid_api_key', message: 'Incorrect API key provided: sk-…' } }),
      sse(chunk('Hi.'), 'data: [DONE]\n\n'),
    );
    const model = new OpenAiChatStream({ apiKey: async () => `key-${++loads}`, model: 'gpt-4o-mini', fetch: fake });

    // Act
    const failed = await collect(model).catch((error: unknown) => error);
    const again = await collect(model);

    // Assess
    expect(failed).toBeInstanceOf(ModelError);
    expect(failed).toMatchObject({ reason: 'auth', details: { status: 401, code: 'invalid_api_key' }, message: 'The model rejected the API key.' });
    expect(again.deltas).toEqual(['Hi.']);
    expect(calls.map((c) => (c.headers as Record<string, string>)['authorization'])).toEqual(['Bearer key-1', 'Bearer key-2']);
  });
});
