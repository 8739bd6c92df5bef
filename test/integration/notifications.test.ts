import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { routes } from '../../functions/routes';
import { DynamoAppointments } from '../../shared/adapters/aws/dynamo-bookings';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { SqsNotificationQueue } from '../../shared/adapters/aws/sqs-notification-queue';
import { SqsRedelivery } from '../../shared/adapters/aws/sqs-redelivery';
import { outboxDir, readOutbox, type OutboxLine } from '../../shared/adapters/local/outbox-channel';
import type { AppointmentRecord } from '../../shared/care/ports';
import { PRACTITIONER, userKey } from '../../shared/data/keys';
import { notificationEvent, type NotificationEvent } from '../../shared/notifications/events';
import { CANARY, CAPTURE_DIR } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * Notifications through the local backend on dynalite and fauxqs: the contact, preference and
 * delivery routes with real tokens, and every event type through the notifications queue, the
 * local worker (the SQS event source mapping's stand-in) and the outbox. Canary PHI planted in every
 * record a message could reach (the appointment's reason, the practitioner's name and specialty,
 * the patient's profile and symptoms) appears in no message, no delivery record and no log line
 * (docs/security.md #27).
 */
let backend: TestBackend;
let client: DynamoDBDocumentClient;
let sqs: SQSClient;
let queue: SqsNotificationQueue;
beforeAll(async () => {
  backend = await startTestBackend();
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  sqs = new SQSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  queue = new SqsNotificationQueue(backend.notificationsQueueUrl, sqs);
});
afterAll(async () => {
  client?.destroy();
  sqs?.destroy();
  await backend?.stop();
});

const PHI = {
  reason: `canary reason: recurring chest pain ${randomUUID().slice(0, 8)}`,
  practitionerName: `Dr ${CANARY.name}`,
  specialty: 'canary-cardiology-7q',
  condition: `Canary-Condition-Haemophilia-${randomUUID().slice(0, 8)}`,
  symptoms: `canary free text: bleeding gums ${randomUUID().slice(0, 8)}`,
};
const phiValues = Object.values(PHI);

const user = async () => {
  const account = await signUp(backend, `notify-${randomUUID().slice(0, 8)}@example.com`);
  return { ...account, token: account.accessToken };
};

/** Messages in the outbox for one recipient (optionally of one event), waiting up to `timeoutMs` until there are `count`. */
const outboxOf = async (recipientId: string, count: number, eventId?: string, timeoutMs = 15_000): Promise<OutboxLine[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.recipientId === recipientId && (eventId === undefined || l.eventId === eventId));
    if (lines.length >= count || Date.now() > deadline) return lines.reverse();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const deliveryItems = async (recipientId: string) =>
  (await backend.items('records')).filter((i) => i['pk'] === userKey(recipientId) && String(i['sk']).startsWith('DELIVERY#'));

const auditOf = async (requestId: string | null) => (await backend.items('audit')).filter((e) => e['requestId'] === requestId);

/** Verifies `person`'s phone over HTTP, reading the code from the outbox. */
const verifyPhone = async (person: { userId: string; token: string }, phone: string) => {
  const put = await backend.call('PUT', '/api/v1/me/contact', { token: person.token, body: { phone } });
  expect(put.status, put.text).toBe(200);
  const [sms] = (await outboxOf(person.userId, 1)).filter((l) => l.type === 'phone_verification').slice(-1);
  const code = /\b(\d{6})\b/.exec(sms!.text)![1]!;
  const verified = await backend.call('POST', '/api/v1/me/contact/verify', { token: person.token, body: { code } });
  expect(verified.status, verified.text).toBe(200);
  return { put, sms: sms!, verified };
};

/** An appointment of `patient` with `practitioner` in 12 hours (`status` booked unless told), in both partitions as booking writes it, its reason a canary; the practitioner's profile too. */
const appointment = async (patientId: string, practitionerId: string, status: AppointmentRecord['status'] = 'booked') => {
  await client.send(
    new PutCommand({
      TableName: backend.tables.records,
      Item: {
        pk: userKey(practitionerId),
        sk: PRACTITIONER,
        userId: practitionerId,
        kind: 'provider',
        verified: true,
        displayName: PHI.practitionerName,
        specialties: [PHI.specialty],
        languages: ['en'],
        timeZone: 'Asia/Kolkata',
        location: { lat: 19, lon: 72, city: 'Mumbai' },
        telehealth: true,
        credentials: [],
        version: 1,
        updatedAt: new Date().toISOString(),
      },
    }),
  );
  const startMs = Math.ceil((Date.now() + 12 * 3600_000) / 60_000) * 60_000;
  const now = new Date().toISOString();
  const record: AppointmentRecord = {
    id: randomUUID(),
    patientId,
    practitionerId,
    status,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 1800_000).toISOString(),
    startMs,
    endMs: startMs + 1800_000,
    date: new Date(startMs).toISOString().slice(0, 10),
    mode: 'video',
    createdAt: now,
    updatedAt: now,
    version: 2,
    reasonSealed: PHI.reason,
  };
  const appointments = new DynamoAppointments(client, backend.tables.records);
  expect(await appointments.create(patientId, record)).toBe(true);
  expect(await appointments.create(practitionerId, { ...record, reasonSealed: undefined } as AppointmentRecord)).toBe(true);
  return record;
};

describe('Routes: /api/v1/me/contact', () => {
  it('stores the phone sealed, sends its code once by SMS through the queue and the worker, and verifies it; one audit event per request', async () => {
    // Prepare
    const ann = await user();

    // Act
    const { put, sms, verified } = await verifyPhone(ann, '+447700900461');
    const read = await backend.call('GET', '/api/v1/me/contact', { token: ann.token });

    // Assess
    expect(put.json).toMatchObject({ phone: '+447700900461', phoneVerified: false, verification: { attemptsLeft: 5 }, emailSuppressed: false });
    expect(sms).toMatchObject({ channel: 'sms', to: '+447700900461', type: 'phone_verification' });
    expect(verified.json).toMatchObject({ phone: '+447700900461', phoneVerified: true });
    expect(read.json).toMatchObject({ phone: '+447700900461', phoneVerified: true });
    const contact = (await backend.items('records')).find((i) => i['pk'] === userKey(ann.userId) && i['sk'] === 'CONTACT')!;
    expect(JSON.stringify(contact)).not.toContain('7700900461');
    expect(contact['verification']).toBeUndefined();
    for (const [response, action] of [
      [put, 'contact.write'],
      [verified, 'contact.verify'],
      [read, 'contact.read'],
    ] as const) {
      const events = await auditOf(response.headers.get('x-request-id'));
      expect(events.map((e) => [e['action'], e['outcome'], e['subjectId']])).toEqual([[action, 'success', ann.userId]]);
    }
    expect(await outboxOf(ann.userId, 2, sms.eventId, 1500)).toHaveLength(1);
  });

  it('locks the code after five wrong attempts: 400 with the attempts left, then 409 verification_locked even for the right code', async () => {
    // Prepare
    const bob = await user();
    expect((await backend.call('PUT', '/api/v1/me/contact', { token: bob.token, body: { phone: '+447700900462' } })).status).toBe(200);
    const [sms] = await outboxOf(bob.userId, 1);
    const code = /\b(\d{6})\b/.exec(sms!.text)![1]!;
    const wrong = code === '000000' ? '000001' : '000000';

    // Act
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await backend.call('POST', '/api/v1/me/contact/verify', { token: bob.token, body: { code: wrong } }));
    const sixth = await backend.call('POST', '/api/v1/me/contact/verify', { token: bob.token, body: { code } });

    // Assess
    expect(attempts.map((a) => [a.status, a.json.error.code, a.json.error.details.attemptsLeft])).toEqual([
      [400, 'invalid_code', 4],
      [400, 'invalid_code', 3],
      [400, 'invalid_code', 2],
      [400, 'invalid_code', 1],
      [400, 'invalid_code', 0],
    ]);
    expect([sixth.status, sixth.json.error.code]).toEqual([409, 'verification_locked']);
    const read = await backend.call('GET', '/api/v1/me/contact', { token: bob.token });
    expect(read.json).toMatchObject({ phoneVerified: false, verification: { attemptsLeft: 0 } });
  });

  it.each([
    ['PUT', '/api/v1/me/contact', { phone: '07700900123' }],
    ['PUT', '/api/v1/me/contact', { phone: '+0447700900123' }],
    ['PUT', '/api/v1/me/contact', { phone: '+1234567' }],
    ['PUT', '/api/v1/me/contact', { phone: '+447700900123', email: 'x@example.com' }],
    ['PUT', '/api/v1/me/contact', {}],
    ['POST', '/api/v1/me/contact/verify', { code: '12345' }],
    ['POST', '/api/v1/me/contact/verify', { code: '12345a' }],
    ['PUT', '/api/v1/me/notification-preferences', { quietHours: { start: '21:00', end: '8:00', timeZone: 'Europe/London' } }],
    ['PUT', '/api/v1/me/notification-preferences', { quietHours: { start: '24:00', end: '08:00', timeZone: 'Europe/London' } }],
    ['PUT', '/api/v1/me/notification-preferences', { quietHours: { start: '21:00', end: '08:00', timeZone: 'Mars/Olympus_Mons' } }],
    ['PUT', '/api/v1/me/notification-preferences', { quietHours: { start: '21:00', end: '08:00', timeZone: '+05:30' } }],
    ['PUT', '/api/v1/me/notification-preferences', { quietHours: { start: '08:00', end: '08:00', timeZone: 'UTC' } }],
    ['PUT', '/api/v1/me/notification-preferences', { types: { security: false } }],
    ['PUT', '/api/v1/me/notification-preferences', { types: { newsletters: true } }],
    ['PUT', '/api/v1/me/notification-preferences', { channels: { email: 'yes' } }],
  ])('%s %s answers 400 to %j and writes nothing', async (method, path, body) => {
    // Prepare
    const carol = await user();

    // Act
    const response = await backend.call(method, path, { token: carol.token, body });

    // Assess
    expect(response.status, response.text).toBe(400);
    const written = (await backend.items('records')).filter((i) => i['pk'] === userKey(carol.userId) && ['CONTACT', 'NOTIFYPREFS'].includes(String(i['sk'])));
    expect(written).toEqual([]);
  });
});

describe('Routes: /api/v1/me/notification-preferences and /api/v1/me/notifications', () => {
  it('answers the defaults, replaces them, and lists only the caller’s own deliveries, paged', async () => {
    // Prepare
    const dan = await user();
    const erin = await user();
    const quietHours = { start: '23:00', end: '06:00', timeZone: 'Asia/Kolkata' };

    // Act
    const defaults = await backend.call('GET', '/api/v1/me/notification-preferences', { token: dan.token });
    const put = await backend.call('PUT', '/api/v1/me/notification-preferences', { token: dan.token, body: { channels: { sms: true }, quietHours } });
    const read = await backend.call('GET', '/api/v1/me/notification-preferences', { token: dan.token });
    const event = notificationEvent('security_password_changed', dan.userId, {}, new Date());
    await queue.enqueue(event);
    await outboxOf(dan.userId, 1, event.id);
    const first = await backend.call('GET', '/api/v1/me/notifications?limit=1', { token: dan.token });
    const second = await backend.call('GET', `/api/v1/me/notifications?limit=1&cursor=${first.json.nextCursor}`, { token: dan.token });
    const theirs = await backend.call('GET', '/api/v1/me/notifications', { token: erin.token });
    const crafted = await backend.call('GET', `/api/v1/me/notifications?cursor=${first.json.nextCursor}`, { token: erin.token });

    // Assess
    expect(defaults.json).toEqual({
      channels: { email: true, sms: false },
      types: { appointment_reminder: true, appointment_change: true, triage_ready: true, security: true, marketing: false },
      version: 0,
    });
    expect(put.status).toBe(200);
    expect(read.json).toMatchObject({ channels: { email: true, sms: true }, quietHours, version: 1 });
    expect(
      [...first.json.items, ...second.json.items].map((d: { channel: string; status: string; reason?: string }) => [d.channel, d.status, d.reason]),
    ).toEqual([
      ['sms', 'suppressed', 'no_phone'],
      ['email', 'sent', undefined],
    ]);
    expect(JSON.stringify(first.json)).not.toContain('@');
    expect(theirs.json).toEqual({ items: [] });
    expect(crafted.status).toBe(400);
    for (const response of [defaults, put, read, first]) expect(await auditOf(response.headers.get('x-request-id'))).toHaveLength(1);
  });
});

describe('Worker: notifications through the queue to the outbox', () => {
  it('delivers every event type, and no canary PHI reaches a message, a delivery record or a log line', async () => {
    // Prepare: PHI everywhere a message could reach for it.
    const patient = await user();
    const provider = await user();
    await verifyPhone(patient, '+447700900463');
    await backend.call('PUT', '/api/v1/me/notification-preferences', { token: patient.token, body: { channels: { sms: true } } });
    expect((await backend.call('PUT', '/api/v1/profile', { token: patient.token, body: { conditions: [PHI.condition] } })).status).toBe(201);
    const session = await backend.call('POST', '/api/v1/symptom-sessions', {
      token: patient.token,
      body: { symptoms: [{ name: 'cough', severity: 2 }], freeText: PHI.symptoms },
    });
    expect([201, 202]).toContain(session.status);
    const visit = await appointment(patient.userId, provider.userId);
    const cancelled = await appointment(patient.userId, provider.userId, 'cancelled');
    // A booking announces itself at the instant it was made (its `createdAt`): the worker sends no other attempt's event.
    const at = new Date(visit.createdAt);
    const events: NotificationEvent[] = [
      notificationEvent('appointment_booked', patient.userId, { appointmentId: visit.id }, at),
      notificationEvent('appointment_booked', provider.userId, { appointmentId: visit.id }, at),
      notificationEvent('appointment_rescheduled', patient.userId, { appointmentId: visit.id }, at),
      notificationEvent('appointment_cancelled', provider.userId, { appointmentId: cancelled.id }, at),
      notificationEvent('appointment_reminder', patient.userId, { appointmentId: visit.id, offset: '24h' }, at),
      notificationEvent('triage_ready', patient.userId, { sessionId: session.json.id }, at),
      notificationEvent('security_new_login', patient.userId, {}, at),
      notificationEvent('security_password_changed', patient.userId, {}, at),
      // security_account_deleted goes only to a deleted account's notice: test/integration/notifications-producers.test.ts.
    ];

    // Act
    for (const event of events) await queue.enqueue(event);
    // Each event's own lines first: the outbox as a whole may reach its count early or late under load (the triage
    // worker sends its own triage_ready for the session).
    for (const event of events) await outboxOf(event.recipientId, event.recipientId === patient.userId ? 2 : 1, event.id, 30_000);
    const toPatient = await outboxOf(patient.userId, 1 + 6 * 2);
    const toProvider = await outboxOf(provider.userId, 2);

    // Assess
    const sent = [...toPatient, ...toProvider];
    for (const event of events) {
      const lines = sent.filter((l) => l.eventId === event.id);
      const expected = event.recipientId === patient.userId ? ['email', 'sms'] : ['email'];
      expect(lines.map((l) => l.channel).sort(), event.type).toEqual(expected);
      expect(lines.every((l) => l.type === event.type)).toBe(true);
    }
    const booked = sent.find((l) => l.eventId === events[0]!.id && l.channel === 'email')!;
    expect(booked).toMatchObject({ subject: 'Appointment booked', to: expect.stringMatching(/^notify-.*@example\.com$/) });
    expect(booked.text).toContain('(Asia/Kolkata)');
    expect(booked.text).toContain(`http://localhost:5173/appointments/${visit.id}`);
    const outboxFiles = readdirSync(outboxDir(backend.dataDir)).map((file) => readFileSync(join(outboxDir(backend.dataDir), file), 'utf8'));
    const deliveries = JSON.stringify([...(await deliveryItems(patient.userId)), ...(await deliveryItems(provider.userId))]);
    const logs = readdirSync(CAPTURE_DIR)
      .map((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8'))
      .join('\n');
    for (const canary of phiValues) {
      for (const [where, text] of [
        ['outbox', outboxFiles.join('\n')],
        ['delivery records', deliveries],
        ['logs', logs],
      ]) {
        expect(text, `${where} holds ${canary}`).not.toContain(canary);
      }
    }
    expect(deliveries).not.toContain('7700900463');
    expect(deliveries).not.toContain('@example.com');
  }, 30_000);

  it('holds a message in quiet hours: recorded queued until they end, re-enqueued with a delay, nothing sent yet', async () => {
    // Prepare: quiet hours around now, in UTC.
    const ivy = await user();
    const hhmm = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(11, 16);
    const quietHours = { start: hhmm(-3600_000), end: hhmm(3600_000), timeZone: 'UTC' };
    expect((await backend.call('PUT', '/api/v1/me/notification-preferences', { token: ivy.token, body: { quietHours } })).status).toBe(200);
    const event = notificationEvent('triage_ready', ivy.userId, { sessionId: randomUUID() }, new Date());

    // Act
    await queue.enqueue(event);
    const deadline = Date.now() + 10_000;
    let email: Record<string, unknown> | undefined;
    while (email === undefined && Date.now() < deadline) {
      email = (await deliveryItems(ivy.userId)).find((d) => d['channel'] === 'email');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Assess
    expect(email).toMatchObject({ status: 'queued', reason: 'quiet_hours', notBefore: expect.any(String) });
    expect(Date.parse(String(email!['notBefore']))).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(await outboxOf(ivy.userId, 1, event.id, 500)).toEqual([]);
  }, 90_000);

  it('fails a poison message alone in its batch; an untagged SES event is done with, a valid event delivered', async () => {
    // Prepare
    const jay = await user();
    const valid = notificationEvent('security_new_login', jay.userId, {}, new Date());
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
    const untagged = { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'x@example.com' }] }, mail: { messageId: 'm' } };
    const records = [
      record(JSON.stringify(valid)),
      record('{"type": "appointment_booked", "<script>": 1}'),
      record(JSON.stringify({ ...valid, id: randomUUID(), refs: { appointmentId: randomUUID() } })),
      record(JSON.stringify(untagged)),
    ];
    const { handler } = await import('../../functions/notifications/worker');

    // Act
    const response = await handler({ Records: records });

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.messageId }, { itemIdentifier: records[2]!.messageId }]);
    expect((await outboxOf(jay.userId, 1, valid.id)).map((l) => l.channel)).toEqual(['email']);
  });

  it('sends a redelivered event once per channel', async () => {
    // Prepare
    const fay = await user();
    const event = notificationEvent('security_new_login', fay.userId, {}, new Date());

    // Act
    await Promise.all([queue.enqueue(event), queue.enqueue(event), queue.enqueue(event)]);
    await outboxOf(fay.userId, 1, event.id);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Assess
    expect((await outboxOf(fay.userId, 1, event.id, 0)).map((l) => l.channel)).toEqual(['email']);
    expect((await deliveryItems(fay.userId)).map((d) => [d['channel'], d['status']]).sort()).toEqual([
      ['email', 'sent'],
      ['sms', 'suppressed'],
    ]);
  });

  it('suppresses the address on an SES bounce arriving through SNS (raw delivery), then e-mails it nothing', async () => {
    // Prepare
    const gus = await user();
    const email = (await backend.call('GET', '/api/v1/me', { token: gus.token })).json.email as string;
    const sns = new SNSClient({ endpoint: backend.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const bounce = {
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        feedbackId: 'fb-1',
      },
      mail: { messageId: 'ses-msg-1', destination: [email], tags: { 'carebow-recipient': [gus.userId], 'carebow-event': [randomUUID()] } },
    };

    // Act
    await sns.send(new PublishCommand({ TopicArn: backend.sesEventsTopicArn, Message: JSON.stringify(bounce) }));
    const deadline = Date.now() + 10_000;
    let contact: Record<string, unknown> | undefined;
    while (contact?.['emailSuppressed'] === undefined && Date.now() < deadline) {
      contact = (await backend.items('records')).find((i) => i['pk'] === userKey(gus.userId) && i['sk'] === 'CONTACT');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const event = notificationEvent('security_new_login', gus.userId, {}, new Date());
    await queue.enqueue(event);
    const deliveryDeadline = Date.now() + 10_000;
    let records: Record<string, unknown>[] = [];
    while (records.length < 2 && Date.now() < deliveryDeadline) {
      records = await deliveryItems(gus.userId);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    sns.destroy();

    // Assess
    expect(contact?.['emailSuppressed']).toMatchObject({ reason: 'bounce' });
    expect((await backend.call('GET', '/api/v1/me/contact', { token: gus.token })).json.emailSuppressed).toBe(true);
    expect(records.find((r) => r['channel'] === 'email')).toMatchObject({ status: 'suppressed', reason: 'address_suppressed' });
    expect(await outboxOf(gus.userId, 1, event.id, 0)).toEqual([]);
    expect((await backend.items('audit')).filter((e) => e['action'] === 'notification.suppress' && e['subjectId'] === gus.userId)).toHaveLength(1);
  });

  it('serves the latest outbox messages at GET /api/v1/dev/outbox, which is no route of the route table', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/dev/outbox?limit=2');
    const bad = await backend.call('GET', '/api/v1/dev/outbox?limit=0');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json.items).toHaveLength(2);
    expect(response.json.items[0]).toMatchObject({ channel: expect.any(String), text: expect.any(String), eventId: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(bad.status).toBe(400);
    expect(Object.values(routes).some((route) => route.path.includes('/dev/'))).toBe(false);
  });

  it('retries a failing channel through the queue with back-off, then the message lands in the DLQ and nothing is sent', async () => {
    // Prepare: the outbox file of today (and tomorrow, around midnight) is a folder, so every write fails (transient).
    // Locally the back-off starts at 250 ms (local/backend.ts): 1, 1, 1–2, 2–3 s. The poller leaves failed messages alone, so
    // only the worker's ChangeMessageVisibility brings them back before the local queue's 60 s visibility timeout.
    const hal = await user();
    const files = [0, 1].map((d) => join(outboxDir(backend.dataDir), `${new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10)}.jsonl`));
    for (const file of files) {
      if (existsSync(file)) renameSync(file, `${file}.aside`);
      mkdirSync(file, { recursive: true });
    }
    const event = notificationEvent('security_password_changed', hal.userId, {}, new Date());

    // Act
    try {
      const started = Date.now();
      await sqs.send(new SendMessageCommand({ QueueUrl: backend.notificationsQueueUrl, MessageBody: JSON.stringify(event) }));
      const deadline = Date.now() + 25_000;
      let dead: string[] = [];
      while (dead.length === 0 && Date.now() < deadline) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: backend.notificationsDlqUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
        );
        dead = Messages.map((m) => m.Body ?? '').filter((body) => body.includes(event.id));
      }
      const elapsed = Date.now() - started;

      // Assess
      expect(dead.map((body) => JSON.parse(body).id)).toEqual([event.id]);
      // Four holds of at least 1, 1, 1 and 2 s between the five receives: backed off, not redelivered at once.
      expect(elapsed).toBeGreaterThanOrEqual(4_500);
      expect(await outboxOf(hal.userId, 1, event.id, 0)).toEqual([]);
      const email = (await deliveryItems(hal.userId)).find((d) => d['channel'] === 'email');
      expect(email).toMatchObject({ status: 'queued', reason: 'transient', attempts: 5 });
    } finally {
      for (const file of files) {
        rmSync(file, { recursive: true, force: true });
        if (existsSync(`${file}.aside`)) renameSync(`${file}.aside`, file);
      }
    }
  }, 40_000);

  it('holds a received message back for the seconds asked (ChangeMessageVisibility on fauxqs), then delivers it again', async () => {
    // Prepare: a queue no poller reads (the triage DLQ of this backend), one message received once.
    const redelivery = new SqsRedelivery(backend.triageDlqUrl, sqs);
    const body = `backoff-${randomUUID()}`;
    await sqs.send(new SendMessageCommand({ QueueUrl: backend.triageDlqUrl, MessageBody: body }));
    const receive = async (waitSeconds: number) => {
      const request = { QueueUrl: backend.triageDlqUrl, WaitTimeSeconds: waitSeconds, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All' as const] };
      return (await sqs.send(new ReceiveMessageCommand(request))).Messages?.find((m) => m.Body === body);
    };
    const first = await receive(1);

    // Act
    await redelivery.retryLater(first!.ReceiptHandle!, 2);
    const held = await receive(1);
    const again = await receive(5);
    await redelivery.retryLater(again!.ReceiptHandle!, 0);
    const released = await receive(0);

    // Assess
    expect(first?.Attributes?.['ApproximateReceiveCount']).toBe('1');
    expect(held).toBeUndefined();
    expect(again?.Attributes?.['ApproximateReceiveCount']).toBe('2');
    expect(released?.Attributes?.['ApproximateReceiveCount']).toBe('3');
    await expect(redelivery.retryLater('not-a-receipt-handle', 1)).rejects.toThrow();
  }, 20_000);
});
