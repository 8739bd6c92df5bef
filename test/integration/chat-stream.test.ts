import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../local/seed-library/posts';
import { OFFLINE_REPLY } from '../../shared/chat/send-message';
import { POST, postKey, postStatusSort, PUBLISHED, SEARCH_INDEX, SEARCH_INDEX_POINTER, slugKey } from '../../shared/data/keys';
import { canaryEmail } from '../helpers/canaries';
import { startFakeOpenAi, type FakeOpenAi, type FakeStreamRecord } from '../helpers/fake-openai';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * Streamed chat replies (issue 12, "Streaming"; docs/adr/0012-streamed-chat.md) through the local server over real
 * HTTP: `POST /api/v1/ai/chat/stream` answers server-sent events as the fake model sends its chunks, grounded in the
 * published library (the content worker builds the index from the seed posts), and stores the conversation sealed,
 * once, when the reply completes.
 */

/** Typed by the patient; must never be readable in the store. */
const CANARY_MESSAGE = 'canarymsg-5d1e my throat is sore and I have a cold, what helps?';
/** A piece of the model's reply; must never be readable in the store either. */
const CANARY_REPLY = 'canaryreply-8c2f ';

let fake: FakeOpenAi;
let backend: TestBackend;
let base: string;
const postIds = new Map<string, string>();

const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Publishes the seed library as the editorial routes leave it, then lets the content worker index it. */
const publishSeedLibrary = async (): Promise<void> => {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: backend.dynamodbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  const sqs = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const TableName = backend.tables.content;
  const at = '2026-11-20T10:00:00.000Z';
  for (const seed of SEED_POSTS) {
    const id = randomUUID();
    postIds.set(seed.slug, id);
    const content = { title: seed.title, summary: seed.summary, body: seed.body, category: seed.category, tags: seed.tags, language: seed.language };
    const post = {
      pk: postKey(id),
      sk: POST,
      id,
      slug: seed.slug,
      ...content,
      status: 'published',
      authorId: randomUUID(),
      publishedAt: at,
      publishedVersion: 4,
    };
    await db.send(
      new PutCommand({ TableName, Item: { ...post, createdAt: at, updatedAt: at, version: 4, postStatus: 'published', updatedSort: postStatusSort(at, id) } }),
    );
    const snapshot = { pk: slugKey(seed.slug), sk: PUBLISHED, postId: id, slug: seed.slug, ...content, reviewedByName: 'Dr. Demo Reviewer', reviewedAt: at };
    await db.send(new PutCommand({ TableName, Item: { ...snapshot, publishedAt: at, publishedVersion: 4 } }));
  }
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.CONTENT_QUEUE_URL!, MessageBody: JSON.stringify({ kind: 'rebuild' }) }));
  await waitFor(async () => (await db.send(new GetCommand({ TableName, Key: { pk: SEARCH_INDEX, sk: SEARCH_INDEX_POINTER } }))).Item);
  sqs.destroy();
  db.destroy();
};

beforeAll(async () => {
  fake = await startFakeOpenAi();
  // No triage worker: a streamed reply never goes through the queue.
  backend = await startTestBackend({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '2000', OPENAI_MODEL: 'gpt-4o-mini' });
  base = backend.url.replace('localhost', '127.0.0.1');
  await publishSeedLibrary();
}, 60_000);

afterAll(async () => {
  await backend?.stop();
  await fake?.stop();
});

beforeEach(() => fake.reset());

const patient = async (consent = true) => {
  const user = await signUp(backend, canaryEmail(randomUUID().slice(0, 8)));
  const token = await tokenFor(backend.dataDir, user.userId, ['patient']);
  if (consent) expect((await backend.call('POST', '/api/v1/consents', { token, body: { kind: 'ai_processing' } })).status).toBe(201);
  return { ...user, token };
};

interface ReceivedEvent {
  readonly event: string;
  readonly data: any;
  /** What the fake model had sent when this event reached the client. */
  readonly fakeAt: { sent: number; finished: boolean } | undefined;
}

/** Posts to the stream route and reads its events as they arrive; `stopAfter` events, then the client goes away. */
const stream = async (token: string | undefined, body: unknown, options: { stopAfter?: number } = {}) => {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/ai/chat/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return { response, events, json: await response.json() };
  const decoder = new TextDecoder();
  let buffer = '';
  const record = (): FakeStreamRecord | undefined => fake.streams.at(-1);
  try {
    for await (const bytes of response.body!) {
      buffer += decoder.decode(bytes, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
        const state = record();
        events.push({ event: name, data, fakeAt: state ? { sent: state.sent, finished: state.finished } : undefined });
        if (options.stopAfter !== undefined && events.length >= options.stopAfter) {
          controller.abort();
          return { response, events, json: undefined };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { response, events, json: undefined };
};

const chatItems = async (patientId: string) =>
  (await backend.items('records')).filter((item) => String(item['pk']).includes(patientId) && String(item['sk']).startsWith('CHAT'));
const auditOf = async (requestId: string | null) => (await backend.items('audit')).filter((event) => event['requestId'] === requestId);

describe('Route: POST /api/v1/ai/chat/stream', () => {
  it('streams the first delta before the model has finished, then citations and done last', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('slow', {
      stream: { chunks: [CANARY_REPLY, 'Rest and fluids ', 'help a cold [1]. ', 'See a clinician ', 'if it gets worse.'], chunkDelayMs: 150 },
    });

    // Act
    const { response, events } = await stream(ann.token, { message: CANARY_MESSAGE });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(events[0]).toMatchObject({ event: 'delta', data: { text: CANARY_REPLY } });
    // Received while the fake model had not yet sent its last chunk: forwarded as it came, not buffered.
    expect(events[0]!.fakeAt).toMatchObject({ finished: false });
    expect(events[0]!.fakeAt!.sent).toBeLessThan(5);
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => e.data.text)
        .join(''),
    ).toBe(`${CANARY_REPLY}Rest and fluids help a cold [1]. See a clinician if it gets worse.`);
    const citations = events.filter((e) => e.event === 'citation');
    expect(citations).toHaveLength(1);
    expect(citations[0]!.data).toEqual({ postId: postIds.get('sore-throat'), slug: 'sore-throat', title: expect.any(String) });
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { conversationId: expect.any(String), revision: 1 } });
    expect(events.findIndex((e) => e.event === 'citation')).toBeGreaterThan(events.findLastIndex((e) => e.event === 'delta'));
    // The model was asked to stream, with the library's passages.
    const sent = fake.requests.at(-1) as { stream: boolean; messages: { content: string }[] };
    expect(sent.stream).toBe(true);
    expect(sent.messages[0]!.content).toContain('Library passages:');
  });

  it('stores the conversation sealed, once, with one audit event', async () => {
    // Prepare
    const bob = await patient();
    fake.setMode('ok', { stream: { chunks: [CANARY_REPLY, 'Warm drinks may help [1].'] } });

    // Act
    const { response, events } = await stream(bob.token, { message: CANARY_MESSAGE });

    // Assess
    const { conversationId, revision } = events.at(-1)!.data;
    expect(revision).toBe(1);
    const raw = JSON.stringify(await chatItems(bob.userId));
    expect(raw).toContain('messagesSealed');
    expect(raw).not.toContain('canarymsg-5d1e');
    expect(raw).not.toContain('canaryreply-8c2f');
    const audit = await auditOf(response.headers.get('x-request-id'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'ai.chat', outcome: 'success', reason: 'streamed_model' });
    const stored = await backend.call('GET', `/api/v1/ai/chat/${conversationId}`, { token: bob.token });
    expect(stored.json.messages).toEqual([
      expect.objectContaining({ role: 'user', content: CANARY_MESSAGE }),
      expect.objectContaining({
        role: 'assistant',
        source: 'model',
        content: `${CANARY_REPLY}Warm drinks may help [1].`,
        citations: [expect.objectContaining({ slug: 'sore-throat' })],
      }),
    ]);
  });

  it('stops the model when the client goes away, and stores nothing', async () => {
    // Prepare
    const cleo = await patient();
    fake.setMode('slow', { stream: { chunkDelayMs: 300 } });

    // Act
    const { response, events } = await stream(cleo.token, { message: 'How do I look after a cold at home?' }, { stopAfter: 1 });

    // Assess
    expect(events).toHaveLength(1);
    const record = fake.streams.at(-1)!;
    await waitFor(async () => (record.clientClosed ? true : undefined), 5_000);
    expect(record).toMatchObject({ finished: false, clientClosed: true });
    expect(record.sent).toBeLessThan(record.total);
    const audit = await waitFor(async () =>
      (await auditOf(response.headers.get('x-request-id'))).length > 0 ? auditOf(response.headers.get('x-request-id')) : undefined,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'ai.chat', outcome: 'failure', reason: 'client_closed' });
    expect(await chatItems(cleo.userId)).toEqual([]);
  });

  it('answers a red flag with the emergency advice, without any model request', async () => {
    // Prepare
    const dan = await patient();

    // Act
    const { response, events } = await stream(dan.token, { message: 'I have crushing chest pain spreading to my left arm' });

    // Assess
    expect(response.status).toBe(200);
    expect(events.map((e) => e.event)).toEqual(['delta', 'done']);
    expect(events[0]!.data.text).toMatch(/emergency|ambulance|999|911|112/i);
    expect(fake.count).toBe(0);
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([expect.objectContaining({ action: 'ai.chat', reason: 'red_flag' })]);
  });

  it('stores the offline reply and sends error then done when the model fails mid-stream', async () => {
    // Prepare
    const eve = await patient();
    fake.setMode('ok', { stream: { failAfterChunks: 2 } });

    // Act
    const { response, events } = await stream(eve.token, { message: 'What helps with a cold?' });

    // Assess
    expect(events.map((e) => e.event)).toEqual(['delta', 'delta', 'error', 'done']);
    expect(events[2]!.data).toEqual({ code: 'model_unavailable', message: expect.any(String) });
    const stored = await backend.call('GET', `/api/v1/ai/chat/${events[3]!.data.conversationId}`, { token: eve.token });
    expect(stored.json.messages.at(-1)).toMatchObject({ role: 'assistant', source: 'offline', content: expect.stringContaining(OFFLINE_REPLY) });
    expect(await auditOf(response.headers.get('x-request-id'))).toEqual([expect.objectContaining({ outcome: 'success', reason: 'model_failed' })]);
  });

  it('gives the offline reply without the patient’s AI consent, without any model request', async () => {
    // Prepare
    const fay = await patient(false);

    // Act
    const { events } = await stream(fay.token, { message: 'What helps with a cold?' });

    // Assess
    expect(events.map((e) => e.event)).toEqual(['delta', 'done']);
    expect(events[0]!.data.text).toBe(OFFLINE_REPLY);
    expect(fake.count).toBe(0);
  });

  it('sends nothing to the model for a token that outlived its account, and stores nothing (404)', async () => {
    // Prepare: a patient with AI consent deletes the account; the access token lives on for up to 15 minutes
    const hal = await patient();
    expect((await backend.call('DELETE', '/api/v1/me', { token: hal.token })).status).toBe(204);

    // Act
    const { response, json } = await stream(hal.token, { message: CANARY_MESSAGE });

    // Assess: no model request carried what the deleted patient typed, and no conversation came back
    expect(response.status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'not_found' } });
    expect(fake.count).toBe(0);
    expect(await chatItems(hal.userId)).toEqual([]);
  });

  it('refuses a missing token (401) and a bad body (400) as JSON, before any stream', async () => {
    // Prepare
    const gil = await patient();

    // Act
    const anonymous = await stream(undefined, { message: 'hello' });
    const bad = await stream(gil.token, { message: 'hello', extra: true });

    // Assess
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.json).toMatchObject({ error: { code: 'unauthorized' } });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toBe('application/json');
    expect(bad.response.headers.get('cache-control')).toBe('no-store');
    expect(bad.json).toMatchObject({ error: { code: 'invalid_body' } });
    expect(fake.count).toBe(0);
  });
});

describe('Route: POST /api/v1/ai/chat with Accept: text/event-stream', () => {
  it('is 406, pointing at the stream route', async () => {
    // Prepare
    const hal = await patient();

    // Act
    const response = await backend.call('POST', '/api/v1/ai/chat', { token: hal.token, body: { message: 'hello' }, headers: { accept: 'text/event-stream' } });

    // Assess
    expect(response.status).toBe(406);
    expect(response.json).toMatchObject({ error: { code: 'not_acceptable', message: expect.stringContaining('/api/v1/ai/chat/stream') } });
    expect(await chatItems(hal.userId)).toEqual([]);
  });
});
