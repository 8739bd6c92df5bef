import { randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoProductFigures } from '../../shared/adapters/aws/dynamo-product-figures';
import { readOutbox } from '../../shared/adapters/local/outbox-channel';
import { isoWeek } from '../../shared/content/figures';
import { TRIAGE_LEVELS } from '../../shared/contracts/triage-scale';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { tokenFor } from '../helpers/tokens';
import { MILD_COLD, waitForResult } from '../helpers/triage';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * The product figures (issue 12) through the local backend: registration, the triage worker, the notifications
 * worker and the appointment status count into the content table, each source once; the dashboard shows the last
 * 8 ISO weeks with every figure under 11 as `<11`, and neither the answer nor the content table holds a user id,
 * an e-mail or a session id. The tests run in order: the first counts every account this file registers.
 */
let backend: TestBackend;
let care: CareNetwork;
let editorToken: string;
/** Every id and address the tests make: none may appear in the stats or in the content table. */
const personal: string[] = [];

beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
  // An editor by token only: registering one would count an account.
  editorToken = await tokenFor(backend.dataDir, randomUUID(), ['editor']);
});
afterAll(async () => {
  await backend?.stop();
});

const DAY_MS = 86_400_000;

const stats = async () => {
  const response = await backend.call('GET', '/api/v1/content/dashboard/stats', { token: editorToken });
  expect(response.status, response.text).toBe(200);
  return response;
};

/** The raw counters of the current ISO week (`FIGURES#<week> / FIGURES`). */
const thisWeek = async (): Promise<Record<string, unknown>> =>
  (await backend.items('content')).find((item) => item['pk'] === `FIGURES#${isoWeek(new Date())}` && item['sk'] === 'FIGURES') ?? {};

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('Product figures: new accounts', () => {
  it('counts 13 registrations (the admin’s and 12 patients’) as 13 in the current week, and shows a week of 3 as <11', async () => {
    // Prepare: the care network registered its admin
    for (let i = 0; i < 12; i++) {
      const email = `figures-${randomUUID().slice(0, 8)}@example.com`;
      const registered = await backend.call('POST', '/api/v1/auth/register', { body: { email, password: 'a perfectly long passphrase' } });
      expect(registered.status, registered.text).toBe(201);
      personal.push(email, registered.json.user.id);
    }
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const twoWeeksAgo = new Date(Date.now() - 14 * DAY_MS);
    try {
      const figures = new DynamoProductFigures(client, backend.tables.content);
      for (let i = 0; i < 3; i++) await figures.count({ figure: 'accounts', kind: 'account', sourceId: randomUUID(), at: twoWeeksAgo });
    } finally {
      client.destroy();
    }

    // Act
    const response = await stats();

    // Assess
    const weeks = response.json.product.weeks as { week: string; newAccounts: number | string }[];
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toMatchObject({ week: isoWeek(new Date()), newAccounts: 13 });
    expect(weeks.at(-3)).toMatchObject({ week: isoWeek(twoWeeksAgo), newAccounts: '<11' });
    expect(weeks.filter((w) => w.newAccounts !== '<11')).toHaveLength(1);
  });

  it('keeps the counter and its markers in the content table, each marker keyed by a digest and expiring after 120 days', async () => {
    // Prepare
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const figures = new DynamoProductFigures(client, backend.tables.content);
    const sourceId = randomUUID();
    const now = new Date();

    // Act
    let counted: boolean[];
    try {
      counted = [
        await figures.count({ figure: 'appointments_cancelled', kind: 'appointment', sourceId, at: now }),
        await figures.count({ figure: 'appointments_cancelled', kind: 'appointment', sourceId, at: now }),
      ];
    } finally {
      client.destroy();
    }

    // Assess
    expect(counted).toEqual([true, false]);
    expect(await thisWeek()).toMatchObject({ accounts: 13, appointments_cancelled: 1 });
    const markers = (await backend.items('content')).filter((item) => item['sk'] === 'COUNTED');
    expect(markers.length).toBeGreaterThanOrEqual(14);
    for (const marker of markers) {
      expect(marker['pk']).toMatch(/^COUNTED#(account|session|appointment)#[A-Za-z0-9_-]{43}$/);
      // 120 days after what it counted (three of them two weeks ago).
      expect(Number(marker['expiresAt'])).toBeGreaterThan(Date.now() / 1000 + 105 * 86_400);
      expect(Number(marker['expiresAt'])).toBeLessThanOrEqual(Date.now() / 1000 + 120 * 86_400);
    }
    expect(JSON.stringify(markers)).not.toContain(sourceId);
  });
});

describe('Product figures: symptom sessions', () => {
  it('counts a session once, at its first result’s level, though the worker processes it twice (follow-up answers)', async () => {
    // Prepare
    const patient = await signUp(backend, `figures-${randomUUID().slice(0, 8)}@example.com`);
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.accessToken, body: MILD_COLD });
    expect(queued.status, queued.text).toBe(202);
    personal.push(patient.userId, queued.json.id);
    const first = await waitForResult(backend, patient.accessToken, queued.json.id);

    // Act
    const answered = await backend.call('POST', `/api/v1/symptom-sessions/${queued.json.id}/answers`, {
      token: patient.accessToken,
      body: { answers: [{ question: 'Any trouble breathing?', answer: 'yes, I cannot breathe properly and my lips look blue' }] },
    });
    expect(answered.status, answered.text).toBe(202);
    const second = await waitFor(
      () => waitForResult(backend, patient.accessToken, queued.json.id),
      (session) => session.revision === 2,
    );

    // Assess
    expect(second.result.level).not.toBe(first.result.level);
    const week = await thisWeek();
    const sessions = Object.fromEntries(TRIAGE_LEVELS.map((level) => [level, week[`sessions_${level}`] ?? 0]));
    expect(sessions).toEqual({ ...Object.fromEntries(TRIAGE_LEVELS.map((level) => [level, 0])), [first.result.level]: 1 });
  });
});

describe('Product figures: appointments', () => {
  it('counts a booking once though both parties are notified, and again not when the patient’s event is delivered twice', async () => {
    // Prepare
    const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('09:00', '17:00', { slotMinutes: 30 }) });
    const patient = await care.account();
    personal.push(provider.userId, patient.userId);
    const { items } = await care.slots(provider.userId, patient.token);

    // Act
    const appointment = await care.booked(patient.token, { practitionerId: provider.userId, start: items[0]!.start });
    const messages = await waitFor(
      async () =>
        (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.type === 'appointment_booked' && l.text.includes(appointment.id) && l.channel === 'email'),
      (lines) => lines.length >= 2,
    );
    const patientEvent = messages.find((m) => m.recipientId === patient.userId)!;
    const { handler } = await import('../../functions/notifications/worker');
    const redelivered = await handler({
      Records: [
        {
          messageId: `redelivery-${randomUUID()}`,
          receiptHandle: 'local',
          body: JSON.stringify({
            id: patientEvent.eventId,
            type: 'appointment_booked',
            recipientId: patient.userId,
            refs: { appointmentId: appointment.id },
            occurredAt: new Date().toISOString(),
          }),
          attributes: { ApproximateReceiveCount: '2' },
        },
      ],
    } as unknown as SQSEvent);

    // Assess
    expect(messages.map((m) => m.recipientId).sort()).toEqual([patient.userId, provider.userId].sort());
    expect(redelivered).toEqual({ batchItemFailures: [] });
    expect((await thisWeek())['appointments_booked']).toBe(1);
    personal.push(appointment.id);
  });

  it('counts a visit’s outcome once, through the status route', async () => {
    // Prepare
    const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('09:00', '17:00', { slotMinutes: 30 }) });
    const patient = await care.account();
    personal.push(provider.userId, patient.userId);
    const { items } = await care.slots(provider.userId, patient.token);

    // Act
    const id = await care.fulfilledVisit(provider, patient, { start: items[0]!.start });
    const again = await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: provider.token, body: { status: 'fulfilled' } });

    // Assess
    expect(again.status).toBe(409);
    expect((await thisWeek())['appointments_fulfilled']).toBe(1);
    personal.push(id);
  });
});

describe('Product figures: no person', () => {
  it('answers counts only: no user id, e-mail, session or appointment id in the stats or in the content table', async () => {
    // Prepare
    expect(personal.length).toBeGreaterThan(20);

    // Act
    const response = await stats();
    const table = JSON.stringify(await backend.items('content'));

    // Assess
    for (const value of personal) {
      expect(response.text, 'the stats name a person').not.toContain(value);
      expect(table, 'the content table names a person').not.toContain(value);
    }
    for (const week of response.json.product.weeks as Record<string, unknown>[]) {
      const numbers = JSON.stringify(week).match(/:\d+/g) ?? [];
      for (const n of numbers) expect(Number(n.slice(1))).toBeGreaterThanOrEqual(11);
    }
  });
});
