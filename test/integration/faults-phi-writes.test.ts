import { randomUUID } from 'node:crypto';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careNetwork, kolkataDay, type CareNetwork, type Member } from '../helpers/care-network';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { changedKeys, expectRetryLater, faultSweep, lostAnswerSweep, SDK_ATTEMPTS, storeSnapshot, type SweepOutcome } from '../helpers/fault-sweep';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { MILD_COLD } from '../helpers/triage';
import { base32Decode, hotp, totpStep } from '../../shared/domain/totp';

/**
 * docs/security.md (faults): a PHI write under a failing DynamoDB or SQS call, at every position of its calls,
 * either completes with exactly one audit event or fails as a clear 503 with Retry-After and leaves every table as
 * it was; a PHI read never answers 200 without its audit event. The functions' clients go through the fault proxy
 * (test/helpers/fault-proxy.ts); the workers are left out, so every call the proxy sees is the request's own.
 */
let backend: TestBackend;
let dynamo: FaultProxy;
let sqs: FaultProxy;
let care: CareNetwork;
let patient: Member;
let provider: Member;
let slots: string[];
beforeAll(async () => {
  backend = await startTestBackend(
    { SDK_REQUEST_TIMEOUT_MS: '2000' },
    {
      // Without the workers, every call the proxy sees is the request's own (the queued events wait).
      worker: false,
      route: async (standIns) => {
        dynamo = await startFaultProxy('dynamodb', standIns.dynamodbEndpoint);
        sqs = await startFaultProxy('sqs', standIns.sqsEndpoint);
        return { dynamodbEndpoint: dynamo.url, sqsEndpoint: sqs.url };
      },
    },
  );
  care = await careNetwork(backend);
  patient = await care.account();
  provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('00:00', '23:30') });
  slots = (await care.slots(provider.userId, patient.token, kolkataDay())).items.map((slot) => slot.start);
}, 60_000);
afterAll(async () => {
  await backend?.stop();
  await dynamo?.stop();
  await sqs?.stop();
});

/** Ends the 60 s lease of `userId`'s claim on an Idempotency-Key, as a minute passing would, straight on the stand-in. */
const leaseRunsOut = async (userId: string, key: string): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint: backend.dynamodbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: backend.tables.records,
        Key: { pk: { S: `USER#${userId}` }, sk: { S: `IDEMPOTENCY#${key}` } },
        UpdateExpression: 'SET leaseUntil = :over',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':over': { N: '0' } },
      }),
    );
  } finally {
    client.destroy();
  }
};

const tally = (outcomes: SweepOutcome[]) => ({ ok: outcomes.filter((o) => o.status < 300).length, refused: outcomes.filter((o) => o.status === 503).length });

describe('Faults: PHI writes and reads under DynamoDB and SQS faults', () => {
  it('PUT /api/v1/profile completes with its audit event or answers 503 and leaves nothing half-written', async () => {
    // Prepare
    const created = await backend.call('PUT', '/api/v1/profile', { token: patient.token, body: { sex: 'female' } });
    expect(created.status).toBe(201);
    let etag = created.headers.get('etag')!;
    let version = 0;
    const send = async () => {
      version += 1;
      const response = await backend.call('PUT', '/api/v1/profile', {
        token: patient.token,
        body: { sex: 'female', allergies: [`allergy ${version}`] },
        headers: { 'if-match': etag },
      });
      if (response.status === 200) etag = response.headers.get('etag')!;
      return response;
    };

    // Act
    const outcomes = await faultSweep({ backend, proxy: dynamo, send, success: 200, action: 'profile.write' });

    // Assess
    expect(tally(outcomes).refused).toBeGreaterThan(0);
  }, 60_000);

  it('POST /api/v1/consents completes with its audit event or answers 503 and leaves nothing half-written', async () => {
    // Prepare
    const caregiver = await care.account('caregiver');
    const send = () =>
      backend.call('POST', '/api/v1/consents', {
        token: patient.token,
        body: { granteeId: caregiver.userId, scopes: ['profile.read'], purpose: 'caregiving' },
      });

    // Act
    const outcomes = await faultSweep({ backend, proxy: dynamo, send, success: 201, action: 'consent.grant' });

    // Assess
    expect(tally(outcomes).refused).toBeGreaterThan(0);
  }, 60_000);

  it('POST /api/v1/appointments (sharing the profile) completes with its audit event or answers 503 and leaves nothing half-written', async () => {
    // Prepare
    let next = 0;
    // Three patients in turn: the sweep books about 40 times, past one patient's 30 appointment changes an hour.
    const bookers = [patient, await care.account(), await care.account()];
    const send = () => care.book(bookers[next % 3]!.token, { practitionerId: provider.userId, start: slots[next++]!, shareProfile: true });

    // Act
    const onSqs = await faultSweep({ backend, proxy: sqs, send, success: 201, action: 'appointment.book' });
    // The hard faults only on DynamoDB (17 calls): its recoveries are the exactly-once test's (faults-queues.test.ts).
    const onDynamo = await faultSweep({ backend, proxy: dynamo, send, success: 201, action: 'appointment.book', recoverable: false });

    // Assess
    expect(tally(onDynamo).refused).toBeGreaterThan(0);
    expect(tally(onSqs).refused).toBeGreaterThan(0);
  }, 90_000);

  it('POST /api/v1/auth/register completes with its audit event or answers 503 and leaves nothing half-written', async () => {
    // Prepare
    let next = 0;
    const send = () =>
      backend.call('POST', '/api/v1/auth/register', { body: { email: `fault-${next++}@example.com`, password: 'a perfectly long passphrase' } });

    // Act
    // A data key made for an account that then was not created may stay: wrapped, unused, nothing sealed under it (ADR 0020).
    const outcomes = await faultSweep({
      backend,
      proxy: dynamo,
      send,
      success: 201,
      action: 'account.register',
      recoverable: false,
      mayRemain: (key) => key.startsWith('keys:'),
    });

    // Assess
    expect(tally(outcomes).refused).toBeGreaterThan(0);
  }, 60_000);

  it('registers, signs in and starts a symptom session, each once, when the answer to any one of its DynamoDB calls is lost', async () => {
    // Prepare: each request loses the answer to one more of its calls (carried out, its answer never sent).
    const password = 'a perfectly long passphrase';
    const signedUp = await care.account();

    // Act
    const registrations = await lostAnswerSweep(dynamo, (position) =>
      backend.call('POST', '/api/v1/auth/register', { body: { email: `lost-${position}@example.com`, password } }),
    );
    const logins = await lostAnswerSweep(dynamo, (position) =>
      backend.call('POST', '/api/v1/auth/login', { body: { email: `lost-${position}@example.com`, password } }),
    );
    const sessions = await lostAnswerSweep(dynamo, () => backend.call('POST', '/api/v1/symptom-sessions', { token: signedUp.token, body: MILD_COLD }), {
      max: 9,
    });

    // Assess: the account, its e-mail claim, the refresh-token family and the session are their own writes, found again.
    const identity = await backend.items('identity');
    for (const [name, outcomes, status] of [
      ['register', registrations, 201],
      ['login', logins, 200],
      ['symptom session', sessions, 202],
    ] as const) {
      expect(outcomes.length, name).toBeGreaterThan(3);
      for (const { position, operation, response } of outcomes)
        expect(response.status, `${name} ${position} ${operation}: ${response.text.slice(0, 200)}`).toBe(status);
    }
    for (const { response } of registrations)
      expect(identity.filter((item) => item['kind'] === 'user' && item['id'] === response.json.user.id)).toHaveLength(1);
  }, 90_000);

  it('challenges an MFA account’s sign-in, once per attempt, when the answer to any one of its DynamoDB calls is lost', async () => {
    // Prepare: an account with a confirmed authenticator (its code from the secret, as an app computes it).
    const password = 'a perfectly long passphrase';
    const email = 'lost-mfa@example.com';
    const registered = await backend.call('POST', '/api/v1/auth/register', { body: { email, password } });
    const token = (await backend.call('POST', '/api/v1/auth/login', { body: { email, password } })).json.accessToken;
    const secret = String((await backend.call('POST', '/api/v1/me/mfa/totp', { token })).json.secret);
    const code = hotp(base32Decode(secret), totpStep(Date.now() / 1000));
    expect(registered.status).toBe(201);
    expect((await backend.call('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code } })).status).toBe(200);

    // Act
    const logins = await lostAnswerSweep(dynamo, () => backend.call('POST', '/api/v1/auth/login', { body: { email, password } }));

    // Assess: the challenge (and the device and throttle items) written once are its own, found again.
    expect(logins.length).toBeGreaterThan(3);
    for (const { position, operation, response } of logins) {
      expect(response.json, `${position} ${operation}: ${response.status} ${response.text.slice(0, 200)}`).toMatchObject({ mfa_required: true });
    }
  });

  it('saves availability, a practitioner profile, notification preferences and a chat message, each once, when an answer is lost', async () => {
    // Prepare: versioned puts, each sent with the version the last answer gave (If-Match), and a conversation's revision.
    const clinic = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('09:00', '17:00') });
    const member = await care.account();
    expect((await backend.call('POST', '/api/v1/consents', { token: member.token, body: { kind: 'ai_processing' } })).status).toBe(201);
    const tagOf = async (path: string) => (await backend.call('GET', path, { token: clinic.token })).headers.get('etag')!;
    let availabilityTag = await tagOf('/api/v1/practitioners/me/availability');
    let profileTag = await tagOf('/api/v1/practitioners/me');

    // Act
    const availability = await lostAnswerSweep(dynamo, async (position) => {
      const hours = weeklyHours(`0${position % 8}:00`, '17:00');
      const response = await backend.call('PUT', '/api/v1/practitioners/me/availability', {
        token: clinic.token,
        body: hours,
        headers: { 'if-match': availabilityTag },
      });
      availabilityTag = response.headers.get('etag') ?? availabilityTag;
      return response;
    });
    const profiles = await lostAnswerSweep(dynamo, async (position) => {
      const response = await backend.call('PUT', '/api/v1/practitioners/me', {
        token: clinic.token,
        body: { ...providerProfile(), displayName: `Dr Lost ${position}` },
        headers: { 'if-match': profileTag },
      });
      profileTag = response.headers.get('etag') ?? profileTag;
      return response;
    });
    const preferences = await lostAnswerSweep(dynamo, (position) =>
      backend.call('PUT', '/api/v1/me/notification-preferences', { token: member.token, body: { channels: { sms: position % 2 === 0 } } }),
    );
    const chats = await lostAnswerSweep(
      dynamo,
      (position) => backend.call('POST', '/api/v1/ai/chat', { token: member.token, body: { message: `hello ${position}` } }),
      {
        max: 12,
      },
    );

    // Assess: a resent put finds its own version, not a newer one (412 or 409 before).
    for (const [name, outcomes] of [
      ['availability', availability],
      ['practitioner profile', profiles],
      ['notification preferences', preferences],
      ['chat', chats],
    ] as const) {
      expect(outcomes.length, name).toBeGreaterThan(2);
      for (const { position, operation, response } of outcomes) {
        expect([200, 201, 202], `${name} ${position} ${operation}: ${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
      }
    }
  }, 120_000);

  it('writes a category and a post, and saves a post again, each once, when an answer is lost', async () => {
    // Prepare: an editor, and the category the posts are filed under (created by the admin)
    const editor = await care.account('editor');
    const content = {
      title: 'Lost answers',
      summary: 'A post written while answers go missing.',
      body: '# Hello',
      category: 'lost-answers',
      tags: [],
      language: 'en',
    };
    const category = await backend.call('POST', '/api/v1/content/categories', { token: care.adminToken, body: { slug: 'lost-answers', name: 'Lost answers' } });
    expect(category.status, category.text).toBe(201);
    const first = await backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...content, slug: `lost-${randomUUID().slice(0, 8)}` } });
    expect(first.status, first.text).toBe(201);
    let tag = first.headers.get('etag')!;

    // Act
    const categories = await lostAnswerSweep(dynamo, (position) =>
      backend.call('POST', '/api/v1/content/categories', {
        token: care.adminToken,
        body: { slug: `lost-${position}-${randomUUID().slice(0, 6)}`, name: `Lost ${position}` },
      }),
    );
    const posts = await lostAnswerSweep(dynamo, () =>
      backend.call('POST', '/api/v1/content/posts', { token: editor.token, body: { ...content, slug: `lost-${randomUUID().slice(0, 8)}` } }),
    );
    const updates = await lostAnswerSweep(dynamo, async (position) => {
      const response = await backend.call('PUT', `/api/v1/content/posts/${first.json.id}`, {
        token: editor.token,
        body: { ...content, title: `Lost answers, take ${position}` },
        headers: { 'if-match': tag },
      });
      tag = response.headers.get('etag') ?? tag;
      return response;
    });

    // Assess: a resent create finds its own item (409 or 412 before), and the post has one revision per save
    for (const [name, outcomes, status] of [
      ['category', categories, 201],
      ['post', posts, 201],
      ['post update', updates, 200],
    ] as const) {
      expect(outcomes.length, name).toBeGreaterThan(2);
      for (const { position, operation, response } of outcomes)
        expect(response.status, `${name} ${position} ${operation}: ${response.text.slice(0, 200)}`).toBe(status);
    }
    const revisions = await backend.call('GET', `/api/v1/content/manage/posts/${first.json.id}/revisions?limit=100`, { token: editor.token });
    // The create, each swept save, and the sweep's last save, which ran past its calls without losing an answer.
    expect(revisions.json.items).toHaveLength(1 + updates.length + 1);
  }, 120_000);

  it('GET /api/v1/profile never answers 200 without its audit event', async () => {
    // Prepare
    const send = () => backend.call('GET', '/api/v1/profile', { token: patient.token });

    // Act
    const outcomes = await faultSweep({ backend, proxy: dynamo, send, success: 200, action: 'profile.read' });

    // Assess
    expect(tally(outcomes).refused).toBeGreaterThan(0);
  }, 60_000);

  it('takes a booking back when its audit append fails and the store fails the first undo too', async () => {
    // Prepare: the audit append fails past the SDK's retries, then so does the undo's first delete (the share consent).
    const before = await storeSnapshot(backend);
    dynamo.inject({ fault: 'server_error', resource: backend.tables.audit, operation: 'PutItem', window: { next: SDK_ATTEMPTS } });
    dynamo.inject({ fault: 'server_error', operation: 'DeleteItem', window: { next: SDK_ATTEMPTS } });

    // Act
    const response = await care.book(patient.token, { practitionerId: provider.userId, start: slots.at(-1)!, shareProfile: true });
    dynamo.clear();

    // Assess
    expectRetryLater(response);
    expect(changedKeys(before, await storeSnapshot(backend))).toEqual([]);
  });

  it('books once when the client retries under the same key after a refused booking’s undo failed for good', async () => {
    // Prepare: the audit append fails, then every delete of the request fails: each run of the undo stops at the
    // practitioner's copy (ADR 0020), and the key's release fails too. The client retries once the key's lease ran out.
    const key = randomUUID();
    const start = slots.at(-2)!;
    dynamo.inject({ fault: 'server_error', resource: backend.tables.audit, operation: 'PutItem', window: { next: SDK_ATTEMPTS } });
    dynamo.inject({ fault: 'server_error', resource: backend.tables.records, operation: 'DeleteItem', window: { forMs: 60_000 } });
    const refused = await care.book(patient.token, { practitionerId: provider.userId, start }, key);
    dynamo.clear();
    await leaseRunsOut(patient.userId, key);
    const left = (await backend.items('records')).filter((item) => String(item['sk']).startsWith('APPT#') && item['start'] === start);

    // Act
    const retried = await care.book(patient.token, { practitionerId: provider.userId, start }, key);

    // Assess: what the refused attempt left was cleared, and the retry's booking is the only one on the slot.
    expectRetryLater(refused);
    expect(left.map((item) => item['status']).sort()).toEqual(['booked', 'pending']);
    expect(retried.status, retried.text).toBe(201);
    const records = await backend.items('records');
    const copies = records.filter((item) => String(item['sk']).startsWith('APPT#') && item['start'] === start);
    expect(copies.map((item) => [item['pk'], item['id'], item['status']]).sort()).toEqual(
      [
        [`USER#${patient.userId}`, retried.json.id, 'booked'],
        [`USER#${provider.userId}`, retried.json.id, 'booked'],
      ].sort(),
    );
    const held = records
      .filter((item) => String(item['sk']).startsWith('LEDGER#') && item['pk'] === `USER#${provider.userId}`)
      .flatMap((item) => (item['entries'] as { appointmentId: string }[]).map((entry) => entry.appointmentId));
    expect(held.filter((id) => left.some((item) => item['id'] === id) || id === retried.json.id)).toEqual([retried.json.id]);
    const booked = (await backend.items('audit')).filter((event) => event['action'] === 'appointment.book' && event['outcome'] === 'success');
    expect(booked.filter((event) => (event['resource'] as { id: string }).id === retried.json.id)).toHaveLength(1);
  });

  it('books once, answering 201, when the answer to any one of its records-table calls is lost and the SDK sends it again', async () => {
    // Prepare: the claim of its key, its budget, the sweep, the pending copy, the ledger, both copies, the key's completion…
    const booker = await care.account();
    const clinic = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('00:00', '23:30') });
    const free = (await care.slots(clinic.userId, booker.token, kolkataDay())).items.map((slot) => slot.start);

    // Act
    const outcomes = await lostAnswerSweep(
      dynamo,
      (position) => care.book(booker.token, { practitionerId: clinic.userId, start: free[position]! }, randomUUID()),
      {
        resource: backend.tables.records,
      },
    );

    // Assess: its own write found again is never a conflict, and never a second booking.
    const records = await backend.items('records');
    expect(outcomes.length).toBeGreaterThan(8);
    for (const { position, operation, response } of outcomes) {
      const label = `${position} ${operation}: ${response.status} ${response.text.slice(0, 200)}`;
      expect(response.status, label).toBe(201);
      const copies = records.filter(
        (item) => String(item['sk']).startsWith('APPT#') && item['practitionerId'] === clinic.userId && item['start'] === free[position],
      );
      expect(
        copies.map((item) => [item['id'], item['status']]),
        label,
      ).toEqual([
        [response.json.id, 'booked'],
        [response.json.id, 'booked'],
      ]);
      const held = records
        .filter((item) => String(item['sk']).startsWith('LEDGER#') && item['pk'] === `USER#${clinic.userId}`)
        .flatMap((item) => (item['entries'] as { appointmentId: string }[]).map((entry) => entry.appointmentId));
      expect(
        held.filter((id) => id === response.json.id),
        label,
      ).toHaveLength(1);
    }
  }, 90_000);

  it('takes a new profile back when its audit append fails and the store fails the first undo too', async () => {
    // Prepare
    const newcomer = await care.account();
    const before = await storeSnapshot(backend);
    dynamo.inject({ fault: 'throttle', resource: backend.tables.audit, operation: 'PutItem', window: { next: SDK_ATTEMPTS } });
    dynamo.inject({ fault: 'drop', operation: 'DeleteItem', window: { next: SDK_ATTEMPTS } });

    // Act
    const response = await backend.call('PUT', '/api/v1/profile', { token: newcomer.token, body: { sex: 'male' } });
    dynamo.clear();

    // Assess
    expectRetryLater(response);
    expect(changedKeys(before, await storeSnapshot(backend))).toEqual([]);
  });

  it('ends a DynamoDB call that never answers at the SDK’s request timeout, long before the function’s', async () => {
    // Prepare: the audit append is held for 20 s, far past the client's 2 s (and this test's 5 s).
    const seenBefore = dynamo.seen.length;
    dynamo.inject({ fault: 'timeout', resource: backend.tables.audit, operation: 'PutItem', window: { next: 1 }, delayMs: 20_000 });

    // Act
    const response = await backend.call('GET', '/api/v1/profile', { token: patient.token });
    dynamo.clear();

    // Assess: the SDK gave up on the held call and retried it, unless its retry quota was spent by the sweeps (then 503).
    expect(dynamo.seen.slice(seenBefore).filter((call) => call.fault === 'timeout')).toHaveLength(1);
    if (response.status !== 200) expectRetryLater(response);
    else expect((await backend.items('audit')).filter((event) => event['requestId'] === response.headers.get('x-request-id'))).toHaveLength(1);
  });

  it('answers through a slow DynamoDB', async () => {
    // Prepare
    const newcomer = await care.account();
    dynamo.inject({ fault: 'slow', window: { next: 2 }, delayMs: 200 });

    // Act
    const response = await backend.call('PUT', '/api/v1/profile', { token: newcomer.token, body: { sex: 'female' } });
    dynamo.clear();

    // Assess
    expect(response.status).toBe(201);
    expect((await backend.items('audit')).filter((event) => event['requestId'] === response.headers.get('x-request-id'))).toHaveLength(1);
  });
});
