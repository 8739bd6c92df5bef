import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careNetwork, kolkataDay, type CareNetwork } from '../helpers/care-network';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { expectRetryLater } from '../helpers/fault-sweep';
import type { ApiResponse, TestBackend } from '../helpers/test-backend';
import { startTestBackend } from '../helpers/test-backend';
import { MILD_COLD, waitForResult } from '../helpers/triage';

/**
 * docs/security.md (faults): with DynamoDB, SQS and the model failing for a while, the queues redeliver and the
 * workers finish the work once the fault clears. Every accepted symptom session gets a result (the model's
 * fallback where the model failed); every accepted booking exists exactly once, however often its client sent it
 * again with the same Idempotency-Key. The workers run behind their queues through the fault proxy.
 */
let backend: TestBackend;
let dynamo: FaultProxy;
let sqs: FaultProxy;
let fake: FakeOpenAi;
let care: CareNetwork;
let sqsClient: SQSClient;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  backend = await startTestBackend(
    { SDK_REQUEST_TIMEOUT_MS: '2000', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '300', OPENAI_MODEL: 'gpt-4o-mini' },
    {
      route: async (standIns) => {
        dynamo = await startFaultProxy('dynamodb', standIns.dynamodbEndpoint);
        sqs = await startFaultProxy('sqs', standIns.sqsEndpoint);
        return { dynamodbEndpoint: dynamo.url, sqsEndpoint: sqs.url };
      },
    },
  );
  care = await careNetwork(backend);
  sqsClient = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
}, 60_000);
afterAll(async () => {
  sqsClient?.destroy();
  await backend?.stop();
  await dynamo?.stop();
  await sqs?.stop();
  await fake?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Messages a dead-letter queue holds (visible or in flight). */
const dlqDepth = async (queueUrl: string): Promise<number> => {
  const { Attributes } = await sqsClient.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
};
const expectAcceptedOrRetryLater = (response: ApiResponse, accepted: number): void => {
  if (response.status !== accepted) expectRetryLater(response);
};

describe('Faults: the queues redeliver and the workers finish the work', () => {
  it('gives every accepted symptom session a result through DynamoDB, SQS and model faults', async () => {
    // Prepare
    const withModel = await care.account();
    const rulesOnly = await care.account();
    expect((await backend.call('POST', '/api/v1/consents', { token: withModel.token, body: { kind: 'ai_processing' } })).status).toBe(201);
    fake.setMode('rate_limited', { times: 3 });
    sqs.inject({ fault: 'server_error', operation: 'SendMessage', resource: 'carebow-local-triage', window: { forMs: 400 } });
    dynamo.inject({ fault: 'throttle', resource: backend.tables.records, window: { every: 2 } });
    dynamo.inject({ fault: 'drop', window: { every: 5 } });

    // Act
    const posted = await Promise.all(
      Array.from({ length: 8 }, (_, index) => {
        const patient = index % 2 === 0 ? withModel : rulesOnly;
        return backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: MILD_COLD }).then((response) => ({ patient, response }));
      }),
    );
    await pause(800);
    dynamo.clear();
    sqs.clear();
    const accepted = posted.filter(({ response }) => response.status === 202);
    const results = await Promise.all(accepted.map(({ patient, response }) => waitForResult(backend, patient.token, response.json.id, 25_000)));

    // Assess
    for (const { response } of posted) expectAcceptedOrRetryLater(response, 202);
    expect(accepted.length).toBeGreaterThan(0);
    expect(results.map((session) => session.status)).toEqual(accepted.map(() => 'completed'));
    // The model failed first (three 429s): each consented session got its answer or the fallback, the other the rules'.
    for (const [index, session] of results.entries()) {
      expect(accepted[index]!.patient === withModel ? ['model', 'fallback'] : ['rules']).toContain(session.result.source);
    }
    if (accepted.some(({ patient }) => patient === withModel)) expect(fake.count).toBeGreaterThanOrEqual(3);
    expect(await dlqDepth(backend.triageDlqUrl)).toBe(0);
    // A refused one is stored `failed` (its enqueue failed), never left `queued` for a worker that will not come.
    const stored = (await backend.items('records')).filter(
      (item) => String(item['sk']).startsWith('SESSION#') && [`USER#${withModel.userId}`, `USER#${rulesOnly.userId}`].includes(String(item['pk'])),
    );
    expect(stored.filter((item) => item['status'] === 'completed')).toHaveLength(accepted.length);
    expect(stored.every((item) => ['completed', 'failed'].includes(String(item['status'])))).toBe(true);
  }, 60_000);

  it('books every accepted appointment exactly once while its client sends it again after each 503', async () => {
    // Prepare: the records table fails every third call for the whole run, so a refused attempt's undo can fail too
    // (ADR 0020): the retry under the same key must clear what that attempt left before it books.
    const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('00:00', '23:30') });
    // One patient per slot: a client sending its booking again after every 503 could pass one patient's 30 changes an hour.
    const patients = await Promise.all(Array.from({ length: 6 }, () => care.account()));
    const starts = (await care.slots(provider.userId, patients[0]!.token, kolkataDay())).items.slice(0, 6).map((slot) => slot.start);
    const patientOf = (start: string) => patients[starts.indexOf(start)]!;
    dynamo.inject({ fault: 'server_error', window: { forMs: 300 } });
    dynamo.inject({ fault: 'server_error', resource: backend.tables.records, window: { every: 3 } });
    sqs.inject({ fault: 'drop', operation: 'SendMessage', window: { every: 2 } });
    const keys = new Map(starts.map((start) => [start, randomUUID()]));
    const send = (start: string) => care.book(patientOf(start).token, { practitionerId: provider.userId, start }, keys.get(start));

    // Act: each client sends its booking again after every 503, then once more when the faults have cleared.
    const finals = await Promise.all(
      starts.map(async (start) => {
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 12; attempt++) {
          const response = await send(start);
          statuses.push(response.status);
          if (response.status !== 503) return { start, response, statuses };
          expectRetryLater(response);
          await pause(100);
        }
        return { start, response: undefined, statuses };
      }),
    );
    dynamo.clear();
    sqs.clear();
    for (const final of finals.filter(({ response }) => response === undefined)) {
      final.response = await send(final.start);
      final.statuses.push(final.response.status);
    }

    // Assess
    const records = await backend.items('records');
    const bookedCopies = records.filter((item) => String(item['sk']).startsWith('APPT#') && item['status'] === 'booked');
    const ledgerIds = records
      .filter((item) => String(item['sk']).startsWith('LEDGER#') && item['pk'] === `USER#${provider.userId}`)
      .flatMap((item) => (item['entries'] as { appointmentId: string }[]).map((entry) => entry.appointmentId));
    const accepted = finals.filter(({ response }) => response?.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    for (const { start, response, statuses } of finals) {
      const copies = bookedCopies.filter((copy) => copy['start'] === start);
      const trail = `${start}: ${statuses.join('/')} ${response?.text}`;
      // Never two appointments on one slot, and never a booked copy the ledger does not hold.
      expect(new Set(copies.map((copy) => copy['id'])).size, trail).toBeLessThanOrEqual(1);
      for (const copy of copies) expect(ledgerIds, trail).toContain(copy['id']);
      if (response?.status !== 201) {
        // Not accepted: a refused attempt whose key release failed too keeps its key claimed (409 until the 60 s lease
        // ends); what it left is cleared by the client's next retry under the key.
        expect(response?.status, trail).toBe(409);
        expect(response!.json.error.code, trail).toBe('idempotency_in_progress');
        continue;
      }
      expect(copies.map((copy) => [copy['pk'], copy['id']]).sort(), trail).toEqual(
        [
          [`USER#${patientOf(start).userId}`, response.json.id],
          [`USER#${provider.userId}`, response.json.id],
        ].sort(),
      );
      expect(ledgerIds.filter((id) => id === response.json.id)).toHaveLength(1);
    }
    const audited = (await backend.items('audit')).filter(
      (event) => event['action'] === 'appointment.book' && event['outcome'] === 'success' && patients.some((p) => p.userId === event['subjectId']),
    );
    expect(audited.map((event) => (event['resource'] as { id: string }).id).sort()).toEqual(accepted.map(({ response }) => response!.json.id).sort());
  }, 60_000);
});
