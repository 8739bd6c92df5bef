import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../local/seed-library/posts';
import { POST, postKey, postStatusSort, PUBLISHED, SEARCH_INDEX, SEARCH_INDEX_POINTER, slugKey } from '../../shared/data/keys';
import { canaryEmail } from '../helpers/canaries';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * RAG end to end (issue 12): the seed library stored as published posts, a draft beside it; the
 * content worker behind its local queue renders the snapshots and publishes the search index; then
 * a chat message goes through the chat route, the triage worker retrieves from that index and the
 * real `openai` client asks the fake model. The stored reply cites published posts only.
 */

/** Only in a draft: never retrieved, never sent to the model, never cited. */
const CANARY_WORD = 'zanzibarquokka';

let fake: FakeOpenAi;
let backend: TestBackend;
let db: DynamoDBDocumentClient;
let sqs: SQSClient;
const postIds = new Map<string, string>();

const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

beforeAll(async () => {
  fake = await startFakeOpenAi();
  backend = await startTestBackend({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '2000', OPENAI_MODEL: 'gpt-4o-mini' });
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: backend.dynamodbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  );
  sqs = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const TableName = backend.tables.content;
  const at = '2026-11-20T10:00:00.000Z';
  // The library as the editorial routes leave it: published working copies and their snapshots (without html).
  for (const seed of SEED_POSTS) {
    const id = randomUUID();
    postIds.set(seed.slug, id);
    const content = { title: seed.title, summary: seed.summary, body: seed.body, category: seed.category, tags: seed.tags, language: seed.language };
    await db.send(
      new PutCommand({
        TableName,
        Item: {
          pk: postKey(id),
          sk: POST,
          id,
          slug: seed.slug,
          ...content,
          status: 'published',
          authorId: randomUUID(),
          publishedAt: at,
          publishedVersion: 4,
          createdAt: at,
          updatedAt: at,
          version: 4,
          postStatus: 'published',
          updatedSort: postStatusSort(at, id),
        },
      }),
    );
    await db.send(
      new PutCommand({
        TableName,
        Item: {
          pk: slugKey(seed.slug),
          sk: PUBLISHED,
          postId: id,
          slug: seed.slug,
          ...content,
          reviewedByName: 'Dr. Demo Reviewer',
          reviewedAt: at,
          publishedAt: at,
          publishedVersion: 4,
        },
      }),
    );
  }
  const draftId = randomUUID();
  await db.send(
    new PutCommand({
      TableName,
      Item: {
        pk: postKey(draftId),
        sk: POST,
        id: draftId,
        slug: 'draft-remedy',
        title: `The ${CANARY_WORD} cold remedy`,
        summary: `Ginger tea with ${CANARY_WORD} for a cold.`,
        body: `Unreviewed: ginger tea and ${CANARY_WORD} cure a cold.`,
        category: 'infections',
        tags: ['cold'],
        language: 'en',
        status: 'draft',
        authorId: randomUUID(),
        createdAt: at,
        updatedAt: at,
        version: 1,
        postStatus: 'draft',
        updatedSort: postStatusSort(at, draftId),
      },
    }),
  );
  // "The library changed": the content worker renders the snapshots and publishes the index.
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.CONTENT_QUEUE_URL!, MessageBody: JSON.stringify({ kind: 'rebuild' }) }));
  await waitFor(async () => (await db.send(new GetCommand({ TableName, Key: { pk: SEARCH_INDEX, sk: SEARCH_INDEX_POINTER } }))).Item);
}, 60_000);

afterAll(async () => {
  sqs?.destroy();
  db?.destroy();
  await backend?.stop();
  await fake?.stop();
});

const patient = async () => {
  const user = await signUp(backend, canaryEmail(randomUUID().slice(0, 8)));
  const token = await tokenFor(backend.dataDir, user.userId, ['patient']);
  expect((await backend.call('POST', '/api/v1/consents', { token, body: { kind: 'ai_processing' } })).status).toBe(201);
  return { ...user, token };
};

const askAndWait = async (token: string, message: string) => {
  const sent = await backend.call('POST', '/api/v1/ai/chat', { token, body: { message } });
  expect(sent.status).toBe(202);
  return waitFor(async () => {
    const response = await backend.call('GET', `/api/v1/ai/chat/${sent.json.conversationId}`, { token });
    return response.json?.status === 'answered' ? response.json : undefined;
  });
};

/** The system prompt of the last request the fake model received. */
const lastSystemPrompt = (): string => (fake.requests.at(-1) as { messages: { role: string; content: string }[] }).messages[0]!.content;

describe('Worker: chat replies grounded in the published library', () => {
  it('renders every published snapshot and indexes them, never the draft', async () => {
    // Act
    const items = await backend.items('content');

    // Assess
    const snapshots = items.filter((item) => item['sk'] === PUBLISHED);
    expect(snapshots).toHaveLength(SEED_POSTS.length);
    for (const snapshot of snapshots) expect(snapshot).toMatchObject({ html: expect.stringContaining('<'), renderedVersion: 4 });
    expect(items.find((item) => item['pk'] === SEARCH_INDEX)).toMatchObject({ version: 1, docCount: SEED_POSTS.length });
  });

  it('answers from the retrieved posts and stores the reply with the published posts it cites', async () => {
    // Prepare
    const ann = await patient();
    fake.reset();
    // The fake model answers with its canned JSON; this summary carries the marker of the first passage.
    fake.setMode('ok', { assessment: { summary: 'Rest, fluids and a warm drink may ease it [1].' } });

    // Act
    const answered = await askAndWait(ann.token, 'Is ginger tea good for a cold?');

    // Assess
    const reply = answered.messages.at(-1);
    expect(reply).toMatchObject({
      role: 'assistant',
      source: 'model',
      citations: [{ postId: postIds.get('colds-and-flu'), slug: 'colds-and-flu', title: expect.any(String) }],
    });
    expect(reply.citations).toHaveLength(1);
    const prompt = lastSystemPrompt();
    expect(prompt).toContain('Library passages:');
    expect(prompt).toContain(`[1] ${SEED_POSTS.find((post) => post.slug === 'colds-and-flu')!.title}`);
    expect(JSON.stringify(fake.requests)).not.toContain(CANARY_WORD);
    // The citations are sealed with the conversation: nothing of the reply is readable in the records table.
    expect(JSON.stringify(await backend.items('records'))).not.toContain('colds-and-flu');
  }, 30_000);

  it('cites nothing for a question only a draft could answer, and tells the model the library has nothing', async () => {
    // Prepare
    const bob = await patient();
    fake.reset();
    fake.setMode('ok', { assessment: { summary: `Nothing in the library on ${CANARY_WORD} [1].` } });

    // Act
    const answered = await askAndWait(bob.token, `Tell me about ${CANARY_WORD}`);

    // Assess
    const reply = answered.messages.at(-1);
    expect(reply).toMatchObject({ role: 'assistant', source: 'model' });
    expect(reply.citations).toBeUndefined();
    expect(lastSystemPrompt()).toContain('The CareBow library has no reviewed article on this question');
    expect(lastSystemPrompt()).not.toContain('Library passages:');
    expect(JSON.stringify(fake.requests.map((r) => (r as { messages: { role: string; content: string }[] }).messages[0]))).not.toContain(CANARY_WORD);
  }, 30_000);
});
