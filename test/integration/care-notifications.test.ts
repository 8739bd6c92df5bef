import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQSClient } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { SqsNotificationQueue } from '../../shared/adapters/aws/sqs-notification-queue';
import { readOutbox, type OutboxLine } from '../../shared/adapters/local/outbox-channel';
import { readReminders } from '../../shared/adapters/local/timer-wheel-reminders';
import { userKey } from '../../shared/data/keys';
import { reminderFor } from '../../shared/notifications/reminders';
import { whenText } from '../../shared/notifications/render';
import type { Reminder } from '../../shared/notifications/ports';
import { CANARY } from '../helpers/canaries';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork, dayAfterTomorrow } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * The care routes as producers of notifications (issue 11), through the local backend: booking,
 * rescheduling and cancelling enqueue events for both parties (ids only), the local worker sends
 * them to the outbox with the time in the practitioner's zone and no PHI, and keeps the patient's
 * reminders on the local timer wheel (`$CAREBOW_DATA_DIR/reminders.json`, EventBridge Scheduler's
 * stand-in): created on booking, replaced on a move, deleted on cancellation. A reminder that fires
 * for a cancelled visit sends nothing.
 */
let backend: TestBackend;
let care: CareNetwork;
let sqs: SQSClient;
let queue: SqsNotificationQueue;
beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
  sqs = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  queue = new SqsNotificationQueue(backend.notificationsQueueUrl, sqs);
});
afterAll(async () => {
  sqs?.destroy();
  await backend?.stop();
});

const ZONE = 'Europe/London';
/** PHI a message must never show: the practitioner's name, their specialty, the patient's reason. */
const PHI = { name: `Dr ${CANARY.name}`, specialty: 'cardiology', reason: `canary reason: recurring chest pain ${randomUUID().slice(0, 8)}` };
const PROFILE = providerProfile({ displayName: PHI.name, specialties: ['cardiology'], timeZone: ZONE });
const DAY = dayAfterTomorrow();
const LONDON_DAY = { from: `${DAY}T00:00:00Z`, to: `${DAY}T23:59:00Z` };

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The outbox lines of `type` about `appointmentId` (the link names it), waiting until there are `count`. */
const messagesOf = (type: OutboxLine['type'], appointmentId: string, count: number, timeoutMs?: number) =>
  waitFor(
    async () => (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.type === type && l.text.includes(appointmentId)),
    (lines) => lines.length >= count,
    timeoutMs,
  );

/** The pending reminders of `appointmentId` on the local wheel, waiting until `done` holds. */
const remindersOf = (appointmentId: string, done: (reminders: Reminder[]) => boolean) =>
  waitFor(async () => readReminders(backend.dataDir).filter((r) => r.name.startsWith(`appt-${appointmentId}-`)), done);

/** A verified London provider with weekday hours, a patient, and a booking of the first free slot the day after tomorrow with a canary reason. */
const booking = async () => {
  const provider = await care.practitioner({ profile: PROFILE, availability: weeklyHours('09:00', '17:00', { slotMinutes: 30 }) });
  const patient = await care.account();
  const { items } = await care.slots(provider.userId, patient.token, LONDON_DAY);
  const response = await care.book(patient.token, { practitionerId: provider.userId, start: items[0]!.start, reason: PHI.reason });
  expect(response.status, response.text).toBe(201);
  return { provider, patient, slots: items, appointment: response.json as { id: string; start: string }, response };
};

const expectNoPhi = (lines: readonly OutboxLine[]) => {
  const text = JSON.stringify(lines);
  for (const canary of [PHI.name, PHI.reason, PHI.specialty, 'Cardiology']) expect(text, `a message shows ${canary}`).not.toContain(canary);
};

const recipients = (lines: readonly OutboxLine[], channel: OutboxLine['channel'] = 'email') =>
  lines
    .filter((l) => l.channel === channel)
    .map((l) => l.recipientId)
    .sort();

describe('Producers: booking', () => {
  it('tells the patient and the practitioner, at the time in the practitioner’s zone, with no PHI, and sets the patient’s two reminders', async () => {
    // Prepare
    const { provider, patient, appointment, response } = await booking();
    const startMs = Date.parse(appointment.start);

    // Act
    const messages = await messagesOf('appointment_booked', appointment.id, 2);
    const reminders = await remindersOf(appointment.id, (r) => r.length === 2);

    // Assess
    expect(recipients(messages)).toEqual([patient.userId, provider.userId].sort());
    for (const message of messages) {
      expect(message).toMatchObject({ subject: 'Appointment booked' });
      expect(message.text).toContain(`${whenText(startMs, ZONE)} (${ZONE})`);
      expect(message.text).toContain(`/appointments/${appointment.id}`);
    }
    expectNoPhi(messages);
    expect(reminders).toEqual([reminderFor(appointment.id, patient.userId, '24h', startMs), reminderFor(appointment.id, patient.userId, '1h', startMs)]);
    expect(reminders.map((r) => r.at)).toEqual([startMs - 86_400_000, startMs - 3_600_000]);
    expect(await care.eventsOf(response.headers.get('x-request-id'))).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'success' })]);
  });
});

describe('Producers: rescheduling and cancelling', () => {
  it('tells both parties of a move and replaces the reminders at the new time; one audit event', async () => {
    // Prepare
    const { provider, patient, slots, appointment } = await booking();
    await remindersOf(appointment.id, (r) => r.length === 2);
    const next = slots.at(-1)!.start;

    // Act
    const moved = await care.backend.call('POST', `/api/v1/appointments/${appointment.id}/reschedule`, { token: patient.token, body: { start: next } });
    const messages = await messagesOf('appointment_rescheduled', appointment.id, 2);
    const reminders = await remindersOf(appointment.id, (r) => r[0]?.at === Date.parse(next) - 86_400_000);

    // Assess
    expect(moved.status, moved.text).toBe(200);
    expect(recipients(messages)).toEqual([patient.userId, provider.userId].sort());
    expect(messages[0]!.text).toContain(whenText(Date.parse(next), ZONE));
    expectNoPhi(messages);
    expect(reminders.map((r) => [r.name, r.at])).toEqual([
      [`appt-${appointment.id}-24h`, Date.parse(next) - 86_400_000],
      [`appt-${appointment.id}-1h`, Date.parse(next) - 3_600_000],
    ]);
    expect(await care.eventsOf(moved.headers.get('x-request-id'))).toHaveLength(1);
  });

  it('tells both parties of a cancellation by the practitioner and deletes the reminders; one audit event', async () => {
    // Prepare
    const { provider, patient, appointment } = await booking();
    await remindersOf(appointment.id, (r) => r.length === 2);

    // Act
    const cancelled = await care.backend.call('POST', `/api/v1/appointments/${appointment.id}/cancel`, { token: provider.token, body: {} });
    const messages = await messagesOf('appointment_cancelled', appointment.id, 2);
    const reminders = await remindersOf(appointment.id, (r) => r.length === 0);

    // Assess
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(recipients(messages)).toEqual([patient.userId, provider.userId].sort());
    expectNoPhi(messages);
    expect(reminders).toEqual([]);
    expect(await care.eventsOf(cancelled.headers.get('x-request-id'))).toHaveLength(1);
  });
});

describe('Producers: the reminder, when it fires', () => {
  /** Moves the visit (both copies' `startMs`, in the store) to 30 minutes from now, so that its 1 h reminder is due. */
  const dueSoon = async (appointmentId: string, holders: readonly string[]): Promise<number> => {
    const startMs = Date.now() + 30 * 60_000;
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    try {
      for (const holder of holders) {
        await client.send(
          new UpdateCommand({
            TableName: backend.tables.records,
            Key: { pk: userKey(holder), sk: `APPT#${appointmentId}` },
            UpdateExpression: 'SET startMs = :soon',
            ExpressionAttributeValues: { ':soon': startMs },
          }),
        );
      }
    } finally {
      client.destroy();
    }
    return startMs;
  };

  /** The deliveries of one event to `recipientId`, waiting until both channels are recorded. */
  const deliveriesOf = (recipientId: string, eventId: string) =>
    waitFor(
      async () => (await backend.items('records')).filter((i) => i['pk'] === userKey(recipientId) && String(i['sk']).startsWith(`DELIVERY#${eventId}#`)),
      (items) => items.length === 2,
    );

  it('reminds the patient, and only the patient, when the 1 h reminder fires, at the visit’s time in the practitioner’s zone', async () => {
    // Prepare
    const { provider, patient, appointment } = await booking();
    const [, hour] = await remindersOf(appointment.id, (r) => r.length === 2);
    const startMs = await dueSoon(appointment.id, [patient.userId, provider.userId]);

    // Act: what Scheduler (locally the wheel) puts on the queue at the reminder's instant.
    await queue.enqueue(hour!.event);
    const messages = await messagesOf('appointment_reminder', appointment.id, 1);

    // Assess
    expect(hour!.event).toMatchObject({ type: 'appointment_reminder', recipientId: patient.userId, refs: { appointmentId: appointment.id, offset: '1h' } });
    expect(recipients(messages)).toEqual([patient.userId]);
    expect(messages[0]).toMatchObject({ subject: 'Appointment reminder' });
    expect(messages[0]!.text).toContain(`${whenText(startMs, ZONE)} (${ZONE})`);
    expectNoPhi(messages);
  });

  it('sends nothing for a reminder that fires after its visit was cancelled (stale)', async () => {
    // Prepare: the same due reminder, but the visit cancelled first (its reminders are deleted; one already in flight still arrives).
    const { provider, patient, appointment } = await booking();
    const [, hour] = await remindersOf(appointment.id, (r) => r.length === 2);
    await dueSoon(appointment.id, [patient.userId, provider.userId]);
    const cancelled = await care.backend.call('POST', `/api/v1/appointments/${appointment.id}/cancel`, { token: patient.token, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);
    await messagesOf('appointment_cancelled', appointment.id, 2);

    // Act
    await queue.enqueue(hour!.event);
    const deliveries = await deliveriesOf(patient.userId, hour!.event.id);

    // Assess
    expect(deliveries.map((d) => [d['channel'], d['status'], d['reason']]).sort()).toEqual([
      ['email', 'suppressed', 'stale'],
      ['sms', 'suppressed', 'stale'],
    ]);
    expect(await messagesOf('appointment_reminder', appointment.id, 1, 0)).toEqual([]);
  });
});
