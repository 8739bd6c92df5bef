import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../local/proxy-event';
import { canaryEmail } from '../helpers/canaries';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * The chat's own queue and worker (lib/chat.ts, functions/chat/worker.ts): a queued chat message goes to the chat
 * queue, never the triage queue; the chat worker fails a bad message alone and answers a revision once; a chat message
 * that reaches the triage worker is poison there (docs/security.md #24).
 */
let fake: FakeOpenAi;
let backend: TestBackend;
let sqs: SQSClient;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  backend = await startTestBackend({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '300', OPENAI_MODEL: 'gpt-4o-mini' });
  sqs = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  sqs?.destroy();
  await backend?.stop();
  await fake?.stop();
});

const patient = async () => {
  const user = await signUp(backend, canaryEmail(randomUUID().slice(0, 8)));
  const token = await tokenFor(backend.dataDir, user.userId, ['patient']);
  expect((await backend.call('POST', '/api/v1/consents', { token, body: { kind: 'ai_processing' } })).status).toBe(201);
  return { ...user, token };
};

const waitForReply = async (token: string, conversationId: string) => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await backend.call('GET', `/api/v1/ai/chat/${conversationId}`, { token });
    if (response.json?.status === 'answered' || Date.now() > deadline) return response.json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const record = (body: string): SQSRecord => ({
  messageId: randomUUID(),
  receiptHandle: 'r',
  body,
  md5OfBody: '',
  messageAttributes: {},
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
  awsRegion: 'us-east-1',
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
});

describe('Worker: chat, on its own queue', () => {
  it('answers a queued chat message through the chat worker, and one audit event for the reply names it', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('ok');

    // Act
    const sent = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'Is ginger tea good for a mild cold?' } });
    const answered = await waitForReply(ann.token, sent.json.conversationId);

    // Assess
    expect(sent.status).toBe(202);
    expect(answered.messages.at(-1)).toMatchObject({ role: 'assistant', source: 'model' });
    const replies = (await backend.items('audit')).filter(
      (e) => e['action'] === 'ai.chat_reply' && (e['resource'] as { id: string }).id === sent.json.conversationId,
    );
    expect(replies.map((e) => (e['actor'] as { userId: string }).userId)).toEqual(['system:chat-worker']);
  });

  it('fails a poisoned or triage-shaped message alone in a batch, and a redelivered revision stores no second reply', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('ok');
    const sent = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'Should I rest with a sore throat?' } });
    await waitForReply(ann.token, sent.json.conversationId);
    const valid = JSON.stringify({ kind: 'chat', conversationId: sent.json.conversationId, patientId: ann.userId, revision: 1 });
    const triageShaped = JSON.stringify({ sessionId: randomUUID(), patientId: ann.userId, revision: 1 });
    const records = [record(valid), record(valid), record('not json'), record(triageShaped)];
    const { handler } = await import('../../functions/chat/worker');
    const requestsBefore = fake.count;

    // Act
    const response = await handler({ Records: records }, lambdaContext('chat-worker'));

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([records[2]!.messageId, records[3]!.messageId].sort());
    expect(fake.count).toBe(requestsBefore);
    const conversation = await backend.call('GET', `/api/v1/ai/chat/${sent.json.conversationId}`, { token: ann.token });
    expect(conversation.json.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
  });

  it('is poison for the triage worker: a chat message there fails alone', async () => {
    // Prepare
    const chat = record(JSON.stringify({ kind: 'chat', conversationId: randomUUID(), patientId: randomUUID(), revision: 1 }));
    const { handler } = await import('../../functions/triage/worker');

    // Act
    const response = await handler({ Records: [chat] }, lambdaContext('triage-worker'));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: chat.messageId }]);
  });

  it('moves a poison message on the chat queue to the chat DLQ after maxReceiveCount deliveries', async () => {
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: backend.chatQueueUrl, MessageBody: 'not a chat message' }));
    const deadline = Date.now() + 20_000;
    let dead: string[] = [];
    while (dead.length === 0 && Date.now() < deadline) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: backend.chatDlqUrl, WaitTimeSeconds: 1 }));
      dead = Messages.map((m) => m.Body ?? '');
    }

    // Assess
    expect(dead).toEqual(['not a chat message']);
  }, 30_000);
});
