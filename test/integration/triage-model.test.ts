import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../local/proxy-event';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiMode } from '../helpers/fake-openai';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { MILD_COLD, waitForResult } from '../helpers/triage';

/**
 * docs/security.md #19, #23, #24 and the triage issue's fault modes: the worker behind the local queue,
 * the real `openai` client against a fake OpenAI server. Nothing invalid is stored, retries are
 * bounded, the safety floor holds, the fallback answers past the retry budget.
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
beforeEach(() => fake.reset());

/** A case the rules put at consultation_24 (a high fever for days), so the model's answer matters. */
const FEVER = {
  symptoms: [
    { name: 'fever', severity: 6, durationHours: 96 },
    { name: 'cough', severity: 4, durationHours: 96 },
  ],
  freeText: `temperature 39.5 for four days, my doctor ${CANARY.name} is away`,
  age: 45,
  sex: 'female',
};
const RANK = ['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care'];

const patient = async (aiConsent = true) => {
  const email = canaryEmail(randomUUID().slice(0, 8));
  const user = await signUp(backend, email);
  const token = await tokenFor(backend.dataDir, user.userId, ['patient']);
  if (aiConsent) expect((await backend.call('POST', '/api/v1/consents', { token, body: { kind: 'ai_processing' } })).status).toBe(201);
  return { ...user, email, token };
};
const triage = async (token: string, body: unknown = FEVER) => {
  const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token, body });
  expect(queued.status).toBe(202);
  return waitForResult(backend, token, queued.json.id);
};

describe('Worker: triage with a model', () => {
  it('uses the model under consent, sends it only the minimised case, and records model and prompt version', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('ok', { level: 'consultation_24', assessment: { confidence: 0.9 } });

    // Act
    const session = await triage(ann.token);

    // Assess
    expect(session.result).toMatchObject({
      source: 'model',
      level: 'consultation_24',
      model: 'gpt-4o-mini',
      promptVersion: expect.stringMatching(/^triage-prompt-/),
    });
    const sent = JSON.stringify(fake.requests);
    for (const secret of [CANARY.name, ann.email, ann.userId, CANARY.emailLocalPart]) expect(sent).not.toContain(secret);
    expect(sent).toContain('40-64');
    expect(sent).not.toContain('"age":45');
  });

  it('never calls the model without the patient’s ai_processing consent', async () => {
    const bob = await patient(false);
    const session = await triage(bob.token);
    expect(session.result.source).toBe('rules');
    expect(fake.count).toBe(0);
  });

  it('holds the safety floor against an answer that tries to lower the level', async () => {
    const ann = await patient();
    fake.setMode('lower_emergency');
    const session = await triage(ann.token);
    expect(session.result.source).toBe('model');
    expect(RANK.indexOf(session.result.level)).toBeLessThanOrEqual(RANK.indexOf('consultation_24'));
    expect(session.result.rulesFired).toContain('floor:rules');
  });

  it('raises the level one step when the model is unsure', async () => {
    const ann = await patient();
    fake.setMode('ok', { level: 'consultation', assessment: { confidence: 0.3 } });
    const session = await triage(ann.token, MILD_COLD);
    expect(session.result.rulesFired).toContain('escalate:low_confidence');
    expect(RANK.indexOf(session.result.level)).toBeLessThan(RANK.indexOf('consultation'));
  });

  it.each<FakeOpenAiMode>(['rate_limited', 'server_error', 'slow', 'malformed', 'schema_invalid', 'refusal', 'truncated'])(
    'on %s: retries a bounded number of times, stores nothing invalid, then answers with the fallback',
    async (mode) => {
      // Prepare
      const ann = await patient();
      fake.setMode(mode, { delayMs: 2000 });

      // Act
      const session = await triage(ann.token);

      // Assess
      expect(session.result).toMatchObject({ source: 'fallback', promptVersion: expect.stringMatching(/^rules-/) });
      const unavailable = ['rate_limited', 'server_error', 'slow'].includes(mode);
      expect(session.result.rulesFired).toContain(unavailable ? 'fallback:model_unavailable' : 'fallback:model_answer_unusable');
      expect(RANK.indexOf(session.result.level)).toBeLessThanOrEqual(RANK.indexOf('consultation_24'));
      expect(fake.count).toBeGreaterThanOrEqual(1);
      expect(fake.count).toBeLessThanOrEqual(3 * 2);
    },
  );
});

describe('Worker: the batch and the queue', () => {
  const record = (body: string, receiveCount = 1): SQSRecord => ({
    messageId: randomUUID(),
    receiptHandle: 'r',
    body,
    md5OfBody: '',
    messageAttributes: {},
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
    awsRegion: 'us-east-1',
    attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
  });

  it('fails a poisoned message alone in a batch of ten, and a redelivery stores no second result', async () => {
    // Prepare
    const ann = await patient(false);
    const done = await triage(ann.token, MILD_COLD);
    const valid = JSON.stringify({ sessionId: done.id, patientId: ann.userId, revision: 1 });
    const records = [...Array.from({ length: 9 }, () => record(valid)), record('{"sessionId": "not-a-uuid", "<script>": 1}')];
    const { handler } = await import('../../functions/triage/worker');
    const completions = async () =>
      (await backend.items('audit')).filter((e) => e['action'] === 'triage.complete' && (e['resource'] as { id: string }).id === done.id).length;
    const before = await completions();

    // Act
    const response = await handler({ Records: records }, lambdaContext('worker'));

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: records[9]!.messageId }]);
    expect(await completions()).toBe(before);
    expect(before).toBe(1);
  });

  it('moves a poison message to the DLQ after maxReceiveCount deliveries', async () => {
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: backend.triageQueueUrl, MessageBody: 'not json at all' }));
    const deadline = Date.now() + 20_000;
    let dead: string[] = [];
    while (dead.length === 0 && Date.now() < deadline) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: backend.triageDlqUrl, WaitTimeSeconds: 1 }));
      dead = Messages.map((m) => m.Body ?? '');
    }

    // Assess
    expect(dead).toEqual(['not json at all']);
  }, 30_000);
});

describe('Routes: /api/v1/ai/chat', () => {
  const waitForReply = async (token: string, conversationId: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await backend.call('GET', `/api/v1/ai/chat/${conversationId}`, { token });
      if (response.json?.status === 'answered' || Date.now() > deadline) return response.json;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('answers a red-flag message at once with the emergency advice, without the model', async () => {
    const ann = await patient();
    const response = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'I want to kill myself tonight' } });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'answered', emergency: { level: expect.stringMatching(/^emergency/) }, disclaimer: expect.any(String) });
    expect(response.json.messages.at(-1)).toMatchObject({ role: 'assistant', source: 'rules' });
    expect(fake.count).toBe(0);
  });

  it('queues a message for the model under consent, and keeps the history sealed', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('ok');

    // Act
    const sent = await backend.call('POST', '/api/v1/ai/chat', {
      token: ann.token,
      body: {
        message: `Is ginger tea good for a mild cold? ${CANARY.name}, ${canaryEmail('chat')}, +44 7700 900123, born 12/03/1985`,
        persona: 'ayurveda_guide',
      },
    });
    const answered = await waitForReply(ann.token, sent.json.conversationId);
    const followUp = await backend.call('POST', '/api/v1/ai/chat', {
      token: ann.token,
      body: { message: 'And honey?', conversationId: sent.json.conversationId },
    });

    // Assess
    expect(sent.status).toBe(202);
    expect(answered.status).toBe('answered');
    expect(answered.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(answered.messages[1].source).toBe('model');
    expect(followUp.status).toBe(202);
    const sentToModel = JSON.stringify(fake.requests);
    expect(sentToModel).toContain('Ayurveda');
    expect(sentToModel).toContain('ginger tea');
    for (const identifier of [CANARY.emailLocalPart, '7700 900123', '12/03/1985']) expect(sentToModel).not.toContain(identifier);
    expect(JSON.stringify(await backend.items('records'))).not.toContain(CANARY.name);
  });

  it('answers offline at once without the patient’s consent, and 404s someone else’s conversation', async () => {
    const bob = await patient(false);
    const eve = await patient(false);
    const response = await backend.call('POST', '/api/v1/ai/chat', { token: bob.token, body: { message: 'What helps with a stiff back after gardening?' } });
    expect(response.status).toBe(200);
    expect(response.json.messages.at(-1)).toMatchObject({ role: 'assistant', source: 'offline' });
    expect(fake.count).toBe(0);
    expect((await backend.call('GET', `/api/v1/ai/chat/${response.json.conversationId}`, { token: eve.token })).status).toBe(404);
  });

  it('honours Idempotency-Key: a retried send replays the first answer, is posted and answered once; the key is bound to its route', async () => {
    // Prepare
    const ann = await patient();
    fake.setMode('ok');
    const headers = { 'idempotency-key': `chat-${randomUUID()}` };
    const body = { message: 'Is it fine to walk with a mild cold?' };

    // Act
    const sent = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body, headers });
    const retried = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body, headers });
    const answered = await waitForReply(ann.token, sent.json.conversationId);
    const otherBody = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'And with a fever?' }, headers });
    const otherRoute = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD, headers });

    // Assess
    expect(sent.status).toBe(202);
    expect(retried.status).toBe(202);
    expect(retried.json.conversationId).toBe(sent.json.conversationId);
    expect(retried.headers.get('location')).toBe(`/api/v1/ai/chat/${sent.json.conversationId}`);
    expect(answered.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(fake.count).toBe(1);
    expect(otherBody.status).toBe(409);
    expect(otherRoute.status).toBe(409);
    expect(JSON.stringify(await backend.items('records'))).not.toContain('mild cold');
  });

  it('lists the caller’s conversations newest first with a preview, never another patient’s', async () => {
    // Prepare
    const bob = await patient(false);
    const eve = await patient(false);
    const older = await backend.call('POST', '/api/v1/ai/chat', {
      token: bob.token,
      body: { message: 'What helps with a stiff back after gardening all weekend in the rain and cold wind?' },
    });
    const newer = await backend.call('POST', '/api/v1/ai/chat', { token: bob.token, body: { message: 'Is it fine to run with a cold?' } });
    await backend.call('POST', '/api/v1/ai/chat', { token: eve.token, body: { message: 'Eve asks something' } });

    // Act
    const list = await backend.call('GET', '/api/v1/ai/chat', { token: bob.token });
    const firstPage = await backend.call('GET', '/api/v1/ai/chat?limit=1', { token: bob.token });

    // Assess
    expect(list.status).toBe(200);
    expect(list.json.items.map((c: { conversationId: string }) => c.conversationId)).toEqual([newer.json.conversationId, older.json.conversationId]);
    expect(list.json.items[0]).toMatchObject({ persona: 'health_assistant', status: 'answered', preview: 'Is it fine to run with a cold?', messageCount: 2 });
    expect(list.json.items[1].preview).toHaveLength(80);
    expect(list.json.items[1].preview.endsWith('…')).toBe(true);
    expect(JSON.stringify(list.json)).not.toContain('Eve asks');
    expect(firstPage.json.items).toHaveLength(1);
    expect(firstPage.json.nextCursor).toEqual(expect.any(String));
    const secondPage = await backend.call('GET', `/api/v1/ai/chat?limit=1&cursor=${firstPage.json.nextCursor}`, { token: bob.token });
    expect(secondPage.json.items.map((c: { conversationId: string }) => c.conversationId)).toEqual([older.json.conversationId]);
    // Bob's cursor names Bob's partition: Eve cannot use it to read on from there.
    expect((await backend.call('GET', `/api/v1/ai/chat?limit=1&cursor=${firstPage.json.nextCursor}`, { token: eve.token })).status).toBe(400);
    const events = (await backend.items('audit')).filter((e) => e['requestId'] === list.headers.get('x-request-id'));
    expect(events).toEqual([expect.objectContaining({ action: 'ai.chat_list', subjectId: bob.userId })]);
  });

  it('falls back to the offline reply when the model keeps failing', async () => {
    const ann = await patient();
    fake.setMode('server_error');
    const sent = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'Tips for sleeping better?' } });
    const answered = await waitForReply(ann.token, sent.json.conversationId);
    expect(answered.messages.at(-1)).toMatchObject({ source: 'offline' });
  });
});
