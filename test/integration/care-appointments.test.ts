import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAccountReader } from '../../shared/adapters/aws/dynamo-account-reader';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoAppointments, DynamoLedgers, DynamoPractitionerReader } from '../../shared/adapters/aws/dynamo-bookings';
import { DynamoShareConsents } from '../../shared/adapters/aws/dynamo-share-consents';
import { DynamoUsageCounters } from '../../shared/adapters/aws/dynamo-usage-counters';
import { DynamoRatings, DynamoReviews } from '../../shared/adapters/aws/dynamo-ratings';
import { reviewAppointment } from '../../shared/care/review-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { emptyLedger, book as holdInLedger } from '../../shared/care/ledger';
import type { LedgerRepository } from '../../shared/care/ports';
import { META } from '../helpers/in-memory';
import { TABLES, type TableName } from '../../shared/data/tables';
import { CAPTURE_DIR } from '../helpers/canaries';
import { PLACES, providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork, type Party } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * Availability, slots and appointments through the local backend with real tokens on dynalite
 * (docs/security.md #26, a slot is never booked twice): concurrent bookings of one slot, of
 * overlapping starts and of buffers; idempotent replays; cancel and rebook; a reschedule racing a
 * booking; who may see and change an appointment; the reason in no stored item and no log line; one
 * audit event per request.
 */
let backend: TestBackend;
let care: CareNetwork;
let adminToken: string;
/** The care network's steps (test/helpers/care-network.ts): accounts granted roles over HTTP, one request's audit events. */
let account: CareNetwork['account'];
let eventsOf: CareNetwork['eventsOf'];
/** The store itself. */
let client: DynamoDBDocumentClient;
beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
  ({ adminToken, account, eventsOf } = care);
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
});
afterAll(async () => {
  client?.destroy();
  await backend?.stop();
});

const PROFILE = providerProfile({
  displayName: 'Dr Kavya Menon',
  timeZone: 'Asia/Kolkata',
  location: PLACES.mumbai,
  credentials: [{ kind: 'medical_license', number: 'LIC-APPT-1', expiresOn: '2031-03-31' }],
});
const availability = (buffers = 0, slotMinutes = 30) =>
  weeklyHours('09:00', '17:00', { slotMinutes, bufferBeforeMinutes: buffers, bufferAfterMinutes: buffers });

/** A verified provider with `availability(buffers)`. */
const practitioner = (buffers = 0, slotMinutes = 30) => care.practitioner({ profile: PROFILE, availability: availability(buffers, slotMinutes) });

/** The free slots of the day after tomorrow (Kolkata). */
const slotsOf = (practitionerId: string, token: string) => care.slots(practitionerId, token);

const bookAs = (token: string, body: Record<string, unknown>, key?: string) => care.book(token, body, key);

const appointmentItems = async () => (await backend.items('records')).filter((item) => String(item['sk']).startsWith('APPT#'));

describe('Route: PUT/GET /api/v1/practitioners/me/availability and GET /api/v1/practitioners/{id}/slots', () => {
  it('stores availability in the profile’s zone and lists free slots with the zone’s offset', async () => {
    const provider = await practitioner();
    const patient = await account();
    const own = await backend.call('GET', '/api/v1/practitioners/me/availability', { token: provider.token });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ timeZone: 'Asia/Kolkata', availability: availability(), version: 1 });
    const slots = await slotsOf(provider.userId, patient.token);
    expect(slots.timeZone).toBe('Asia/Kolkata');
    expect(slots.items).toHaveLength(16);
    expect(slots.items[0]!.start).toMatch(/T09:00:00\+05:30$/);
  });

  it('answers 409 without a profile, 404 for own availability before any, and 404 for the slots of an unverified practitioner', async () => {
    const caregiver = await account('caregiver');
    const patient = await account();
    const put = await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: caregiver.token, body: availability() });
    expect(put.status).toBe(409);
    expect(put.json.error.code).toBe('practitioner_profile_required');
    expect((await backend.call('GET', '/api/v1/practitioners/me/availability', { token: caregiver.token })).status).toBe(404);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    expect((await backend.call('GET', `/api/v1/practitioners/${caregiver.userId}/slots?${q}`, { token: patient.token })).status).toBe(404);
    const long = new Date(Date.now() + 40 * 86_400_000).toISOString();
    expect(
      (
        await backend.call('GET', `/api/v1/practitioners/${caregiver.userId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(long)}`, {
          token: patient.token,
        })
      ).status,
    ).toBe(400);
  });
});

describe('Route: POST /api/v1/appointments (docs/security.md #26: a slot is never booked twice)', () => {
  it('books one slot exactly once among 50 concurrent patients with distinct Idempotency-Keys', async () => {
    const provider = await practitioner();
    const patients = await Promise.all(Array.from({ length: 5 }, () => account()));
    const [slot] = (await slotsOf(provider.userId, patients[0]!.token)).items;
    const before = (await appointmentItems()).length;

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bookAs(patients[i % 5]!.token, { practitionerId: provider.userId, start: slot!.start })),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'slot_unavailable')).toBe(true);
    const won = answers.find((a) => a.status === 201)!;
    expect(won.json).toMatchObject({ status: 'booked', practitionerId: provider.userId, start: slot!.start, end: slot!.end, mode: 'video' });
    // One appointment: one copy per party.
    expect((await appointmentItems()).length - before).toBe(2);
    expect((await slotsOf(provider.userId, patients[0]!.token)).items.map((s) => s.start)).not.toContain(slot!.start);
  });

  it('books one of 50 overlapping but different starts (60-minute visits on a 10-minute grid)', async () => {
    const provider = await practitioner(0, 10);
    // Two patients, 25 each: within each one's 30 appointment changes an hour (the `appointmentChanges` budget).
    const patients = [await account(), await account()];
    const slots = (await slotsOf(provider.userId, patients[0]!.token)).items.slice(0, 6);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bookAs(patients[i % 2]!.token, { practitionerId: provider.userId, start: slots[i % 6]!.start, durationMinutes: 60 }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
  });

  it('books one of 50 adjacent starts whose buffers collide', async () => {
    const provider = await practitioner(15);
    // Two patients, 25 each: within each one's budget of appointment changes.
    const patients = [await account(), await account()];
    const [first, second] = (await slotsOf(provider.userId, patients[0]!.token)).items;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bookAs(patients[Math.floor(i / 25)]!.token, { practitionerId: provider.userId, start: (i % 2 ? first : second)!.start }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    const reasons = new Set(answers.filter((a) => a.status === 409).map((a) => a.json.error.details.reason));
    expect([...reasons].every((r) => ['taken', 'buffer', 'contention'].includes(r))).toBe(true);
  });

  it('refuses a start off the grid, outside the hours, in the past or with the wrong offset (409 slot_unavailable)', async () => {
    const provider = await practitioner();
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const day = slot!.start.slice(0, 10);
    const cases = [
      [`${day}T09:10:00+05:30`, 'off_grid'],
      [`${day}T20:00:00+05:30`, 'outside_hours'],
      ['2020-01-01T09:00:00+05:30', 'past'],
      [`${day}T09:00:00+05:00`, 'wrong_offset'],
    ] as const;
    for (const [start, reason] of cases) {
      const answer = await bookAs(patient.token, { practitionerId: provider.userId, start });
      expect(answer.status, start).toBe(409);
      expect(answer.json.error).toMatchObject({ code: 'slot_unavailable', details: { reason } });
    }
  });

  it('replays the same key and body (no second appointment) and refuses the same key with another body', async () => {
    const provider = await practitioner();
    const patient = await account();
    const [a, b] = (await slotsOf(provider.userId, patient.token)).items;
    const key = randomUUID();
    const first = await bookAs(patient.token, { practitionerId: provider.userId, start: a!.start }, key);
    const again = await bookAs(patient.token, { practitionerId: provider.userId, start: a!.start }, key);
    const other = await bookAs(patient.token, { practitionerId: provider.userId, start: b!.start }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    const mine = await backend.call('GET', '/api/v1/appointments', { token: patient.token });
    expect(mine.json.items).toHaveLength(1);
  });

  it('frees the slot at once on cancel, so it can be booked again', async () => {
    const provider = await practitioner();
    const patient = await account();
    const other = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start });
    const cancelled = await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: provider.token, body: {} });
    const again = await bookAs(other.token, { practitionerId: provider.userId, start: slot!.start });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(again.status).toBe(201);
    const read = await backend.call('GET', `/api/v1/appointments/${booked.json.id}`, { token: patient.token });
    expect(read.json.status).toBe('cancelled');
    // The same cancel again answers 200 with it (a retry finishes a release), and releases only its own interval.
    const repeat = await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: patient.token, body: {} });
    expect([repeat.status, repeat.json.status]).toEqual([200, 'cancelled']);
    expect((await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start })).status).toBe(409);
  });

  it('lets a reschedule and a booking race for one slot: exactly one wins, and a losing reschedule keeps the old time', async () => {
    const provider = await practitioner();
    const patient = await account();
    const rival = await account();
    const [old, target] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: old!.start });
    const [moved, taken] = await Promise.all([
      backend.call('POST', `/api/v1/appointments/${booked.json.id}/reschedule`, { token: patient.token, body: { start: target!.start } }),
      bookAs(rival.token, { practitionerId: provider.userId, start: target!.start }),
    ]);
    expect(moved.status === 200 ? [moved.status, taken.status] : [moved.status, taken.status]).toEqual(moved.status === 200 ? [200, 409] : [409, 201]);
    const after = await backend.call('GET', `/api/v1/appointments/${booked.json.id}`, { token: patient.token });
    expect(after.json.start).toBe(moved.status === 200 ? target!.start : old!.start);
    const free = (await slotsOf(provider.userId, patient.token)).items.map((s) => s.start);
    expect(free).not.toContain(target!.start);
    expect(free.includes(old!.start)).toBe(moved.status === 200);
  });
});

describe('Appointments: who sees and changes what', () => {
  it('shows an appointment to its two parties only; anyone else gets 404 on every appointment route', async () => {
    const provider = await practitioner();
    const otherProvider = await practitioner();
    const patient = await account();
    const stranger = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start, reason: 'Recurring headaches' });
    const id = booked.json.id;
    for (const token of [patient.token, provider.token]) {
      const read = await backend.call('GET', `/api/v1/appointments/${id}`, { token });
      expect(read.status).toBe(200);
      expect(read.json.reason).toBe('Recurring headaches');
    }
    const schedule = await backend.call('GET', '/api/v1/appointments', { token: provider.token });
    expect(schedule.json.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await backend.call('GET', '/api/v1/appointments', { token: otherProvider.token })).json.items).toEqual([]);
    for (const token of [stranger.token, otherProvider.token, adminToken]) {
      expect((await backend.call('GET', `/api/v1/appointments/${id}`, { token })).status).toBe(404);
      expect((await backend.call('POST', `/api/v1/appointments/${id}/cancel`, { token, body: {} })).status).toBe(404);
      expect((await backend.call('GET', '/api/v1/appointments', { token })).json.items).toEqual([]);
    }
    expect((await backend.call('POST', `/api/v1/appointments/${id}/reschedule`, { token: stranger.token, body: { start: slot!.start } })).status).toBe(404);
    expect((await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: otherProvider.token, body: { status: 'fulfilled' } })).status).toBe(404);
    // A review is the patient's alone: anyone else holding the patient role gets 404, a token without it 403 (the access line).
    for (const token of [stranger.token, otherProvider.token, provider.token]) {
      expect((await backend.call('POST', `/api/v1/appointments/${id}/review`, { token, body: { rating: 5 } })).status).toBe(404);
    }
    expect((await backend.call('POST', `/api/v1/appointments/${id}/review`, { token: adminToken, body: { rating: 5 } })).status).toBe(403);
    // The practitioner may not move it; the patient may not mark it; before its start nobody marks it.
    expect((await backend.call('POST', `/api/v1/appointments/${id}/reschedule`, { token: provider.token, body: { start: slot!.start } })).status).toBe(409);
    expect((await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: patient.token, body: { status: 'noshow' } })).status).toBe(403);
    expect((await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: provider.token, body: { status: 'fulfilled' } })).status).toBe(409);
    expect(
      (await backend.call('POST', '/api/v1/appointments', { token: adminToken, body: { practitionerId: provider.userId, start: slot!.start, mode: 'video' } }))
        .status,
    ).toBe(403);
  });

  it('never stores a reason in plain text, nor in the ledger, nor in a log line (raw-store canary)', async () => {
    const provider = await practitioner();
    const patient = await account();
    const canary = `chest pain canary ${randomUUID()}`;
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start, reason: canary });
    expect(booked.status).toBe(201);
    await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: patient.token, body: { reason: `${canary} cancel` } });
    for (const table of Object.keys(TABLES) as TableName[]) expect(JSON.stringify(await backend.items(table))).not.toContain(canary.slice(0, 30));
    const ledger = (await backend.items('records')).filter((i) => String(i['sk']).startsWith('LEDGER#') && i['pk'] === `USER#${provider.userId}`);
    expect(ledger.length).toBeGreaterThan(0);
    expect(JSON.stringify(ledger)).not.toContain(patient.userId);
    const logs = readdirSync(CAPTURE_DIR)
      .map((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8'))
      .join('\n');
    expect(logs).not.toContain(canary.slice(0, 30));
  });

  it('writes exactly one audit event per request on every route', async () => {
    const provider = await practitioner();
    const patient = await account();
    const [a, b] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: a!.start });
    const id = booked.json.id;
    const day = a!.start.slice(0, 10);
    const calls = [
      booked,
      await backend.call('GET', '/api/v1/practitioners/me/availability', { token: provider.token }),
      await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: provider.token, body: availability(), headers: { 'if-match': '"1"' } }),
      await backend.call(
        'GET',
        `/api/v1/practitioners/${provider.userId}/slots?from=${encodeURIComponent(`${day}T00:00:00+05:30`)}&to=${encodeURIComponent(`${day}T23:00:00+05:30`)}`,
        { token: patient.token },
      ),
      await bookAs(patient.token, { practitionerId: provider.userId, start: a!.start }),
      await backend.call('GET', '/api/v1/appointments', { token: patient.token }),
      await backend.call('GET', `/api/v1/appointments/${id}`, { token: provider.token }),
      await backend.call('GET', `/api/v1/appointments/${randomUUID()}`, { token: patient.token }),
      await backend.call('POST', `/api/v1/appointments/${id}/reschedule`, { token: patient.token, body: { start: b!.start } }),
      await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: provider.token, body: { status: 'noshow' } }),
      await backend.call('POST', `/api/v1/appointments/${id}/cancel`, { token: patient.token, body: {} }),
      await backend.call('POST', `/api/v1/appointments/${id}/review`, { token: patient.token, body: { rating: 5 } }),
    ];
    expect(calls.map((c) => c.status)).toEqual([201, 200, 200, 200, 409, 200, 200, 404, 200, 409, 200, 409]);
    for (const call of calls) expect(await eventsOf(call.headers.get('x-request-id')), call.text).toHaveLength(1);
  });
});

/** A visit at the day-after-tomorrow's free slot number `slot` (Kolkata), fulfilled an hour ago. */
const fulfilledVisit = async (provider: Party, patient: Party, slot = 0) =>
  care.fulfilledVisit(provider, patient, { start: (await slotsOf(provider.userId, patient.token)).items[slot]!.start });

const review = (token: string, id: string, body: unknown) => backend.call('POST', `/api/v1/appointments/${id}/review`, { token, body });

/** The practitioner's entry in the directory (every page of their kind read), if listed. */
const directoryEntry = async (practitionerId: string, token: string) => {
  let cursor: string | undefined;
  do {
    const page = await backend.call('GET', `/api/v1/practitioners?kind=provider&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(page.status, page.text).toBe(200);
    const found = page.json.items.find((p: { id: string }) => p.id === practitionerId);
    if (found) return found;
    cursor = page.json.nextCursor;
  } while (cursor);
  return undefined;
};

const ratingItem = async (practitionerId: string) =>
  (await backend.items('records')).find((item) => item['pk'] === `USER#${practitionerId}` && item['sk'] === 'RATING');

describe('Route: POST /api/v1/appointments/{id}/review', () => {
  it('answers 201 with the review, then 409 already_reviewed; the rating shows on the public profile and in the directory', async () => {
    // Prepare
    const provider = await practitioner();
    const [patient, other, reader] = await Promise.all([account(), account(), account()]);
    const first = await fulfilledVisit(provider, patient, 0);
    const second = await fulfilledVisit(provider, other, 1);
    const before = await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: reader.token });

    // Act
    const created = await review(patient.token, first, { rating: 4, comment: 'Explained everything' });
    const again = await review(patient.token, first, { rating: 1 });
    await review(other.token, second, { rating: 5 });
    const profile = await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: reader.token });

    // Assess
    expect(before.json).toMatchObject({ rating: null, reviewCount: 0 });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({
      appointmentId: first,
      practitionerId: provider.userId,
      rating: 4,
      comment: 'Explained everything',
      createdAt: expect.any(String),
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('already_reviewed');
    expect(profile.json).toMatchObject({ rating: 4.5, reviewCount: 2 });
    expect(await directoryEntry(provider.userId, reader.token)).toMatchObject({ rating: 4.5, reviewCount: 2 });
    expect(await ratingItem(provider.userId)).toMatchObject({ ratingSum: 9, ratingCount: 2 });
    // The practitioner learns nothing of who wrote what: the aggregate names no one.
    expect(JSON.stringify(await ratingItem(provider.userId))).not.toContain(patient.userId);
  });

  it('lets exactly one of 10 concurrent reviews of one visit through', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const id = await fulfilledVisit(provider, patient);

    // Act
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => review(patient.token, id, { rating: (i % 5) + 1 })));

    // Assess
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.json.error.code === 'already_reviewed')).toHaveLength(9);
    const won = answers.find((a) => a.status === 201)!;
    expect(await ratingItem(provider.userId)).toMatchObject({ ratingSum: won.json.rating, ratingCount: 1 });
  });

  it('answers 409 not_reviewable before the visit is fulfilled, and 400 for bad input', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = (await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start })).json.id;
    const id = await fulfilledVisit(provider, patient, 1);
    const bad = [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: '5' },
      { rating: 5, comment: 'x'.repeat(2001) },
      { rating: 5, comment: '  ' },
      { rating: 5, stars: 5 },
    ];

    // Act
    const early = await review(patient.token, booked, { rating: 5 });
    const refused = await Promise.all(bad.map((body) => review(patient.token, id, body)));

    // Assess
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('not_reviewable');
    expect(refused.map((r) => r.status)).toEqual(bad.map(() => 400));
    expect(await ratingItem(provider.userId)).toBeUndefined();
  });

  it('answers 404 to another patient, the practitioner, another practitioner and an admin; the access line refuses a token without the patient role', async () => {
    // Prepare
    const provider = await practitioner();
    const otherProvider = await practitioner();
    const [patient, stranger, admin] = await Promise.all([account(), account(), account()]);
    const adminWithPatient = await tokenFor(backend.dataDir, admin.userId, ['patient', 'admin']);
    const id = await fulfilledVisit(provider, patient);

    // Act
    const hidden = await Promise.all([stranger.token, provider.token, otherProvider.token, adminWithPatient].map((token) => review(token, id, { rating: 1 })));
    const adminOnly = await review(adminToken, id, { rating: 1 });

    // Assess
    expect(hidden.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(adminOnly.status).toBe(403);
    expect(await ratingItem(provider.userId)).toBeUndefined();
    for (const answer of [...hidden, adminOnly]) expect(await eventsOf(answer.headers.get('x-request-id'))).toHaveLength(1);
    expect((await review(patient.token, id, { rating: 2 })).status).toBe(201);
  });

  it('never stores a review comment in plain text, nor in a log line (raw-store canary); the patient’s export opens it', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const canary = `my rash came back canary ${randomUUID()}`;
    const id = await fulfilledVisit(provider, patient);

    // Act
    const created = await review(patient.token, id, { rating: 3, comment: canary });
    const mine = await backend.call('GET', '/api/v1/me/export', { token: patient.token });
    const theirs = await backend.call('GET', '/api/v1/me/export', { token: provider.token });

    // Assess
    expect(created.status).toBe(201);
    for (const table of Object.keys(TABLES) as TableName[]) expect(JSON.stringify(await backend.items(table))).not.toContain(canary.slice(0, 30));
    const logs = readdirSync(CAPTURE_DIR)
      .map((file) => readFileSync(join(CAPTURE_DIR, file), 'utf8'))
      .join('\n');
    expect(logs).not.toContain(canary.slice(0, 30));
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json.appointments.find((a: { id: string }) => a.id === id).review).toMatchObject({ rating: 3, comment: canary });
    expect(theirs.status, theirs.text).toBe(200);
    expect(theirs.json.appointments.find((a: { id: string }) => a.id === id).review).toBeUndefined();
    expect(theirs.text).not.toContain(canary.slice(0, 30));
  });

  it('writes one audit event per review, success or not, on the patient’s chain', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const id = await fulfilledVisit(provider, patient);

    // Act
    const calls = [
      await review(patient.token, id, { rating: 5 }),
      await review(patient.token, id, { rating: 5 }),
      await review(patient.token, randomUUID(), { rating: 5 }),
    ];

    // Assess
    expect(calls.map((c) => c.status)).toEqual([201, 409, 404]);
    const events = await Promise.all(calls.map((c) => eventsOf(c.headers.get('x-request-id'))));
    expect(events.map((e) => e.map((x) => [x['action'], x['outcome'], x['subjectId'], x['reason']]))).toEqual([
      [['appointment.review', 'success', patient.userId, undefined]],
      [['appointment.review', 'failure', patient.userId, 'already_reviewed']],
      [['appointment.review', 'failure', patient.userId, 'not_found']],
    ]);
  });

  it('keeps a deleted patient’s stars in the aggregate; deleting the practitioner removes their RATING item', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const id = await fulfilledVisit(provider, patient);
    expect((await review(patient.token, id, { rating: 2, comment: 'Rushed' })).status).toBe(201);

    // Act
    const patientGone = await backend.call('DELETE', '/api/v1/me', { token: patient.token });
    const kept = await ratingItem(provider.userId);
    const practitionerGone = await backend.call('DELETE', '/api/v1/me', { token: provider.token });

    // Assess
    expect([patientGone.status, practitionerGone.status]).toEqual([204, 204]);
    expect(kept).toMatchObject({ ratingSum: 2, ratingCount: 1 });
    expect(await ratingItem(provider.userId)).toBeUndefined();
  });
});

describe('Adapters: DynamoReviews and DynamoRatings on dynalite', () => {
  const copyAt = (holder: string, id: string, patientId: string, status: string) =>
    client.send(
      new PutCommand({
        TableName: backend.tables.records,
        Item: { pk: `USER#${holder}`, sk: `APPT#${id}`, id, patientId, practitionerId: randomUUID(), status, version: 3 },
      }),
    );

  it('sets a review only on the patient’s own fulfilled copy, once, version untouched, and removes only the one written', async () => {
    // Prepare
    const reviews = new DynamoReviews(client, backend.tables.records);
    const appointments = new DynamoAppointments(client, backend.tables.records);
    const [patientId, practitionerId, fulfilled, booked, theirs] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await copyAt(patientId, fulfilled, patientId, 'fulfilled');
    await copyAt(patientId, booked, patientId, 'booked');
    await copyAt(practitionerId, theirs, patientId, 'fulfilled');
    const mine = { rating: 4, commentSealed: 'cb1.x', createdAt: '2026-11-27T10:00:00.000Z' };
    const later = { rating: 1, createdAt: '2026-11-27T10:00:01.000Z' };

    // Act
    const added = [
      await reviews.add(patientId, fulfilled, mine),
      await reviews.add(patientId, fulfilled, later),
      await reviews.add(patientId, booked, mine),
      await reviews.add(patientId, randomUUID(), mine),
      await reviews.add(practitionerId, theirs, mine),
    ];
    const stored = await appointments.get(patientId, fulfilled);
    const removed = [await reviews.remove(patientId, fulfilled, later), await reviews.remove(patientId, fulfilled, mine)];

    // Assess
    expect(added).toEqual([true, false, false, false, false]);
    expect(stored).toMatchObject({ review: mine, version: 3 });
    expect(removed).toEqual([false, true]);
    expect((await appointments.get(patientId, fulfilled))?.review).toBeUndefined();
  });

  it('counts concurrent reviews atomically, takes one back, reads one or many (batched), and removes the aggregate', async () => {
    // Prepare
    const ratings = new DynamoRatings(client, backend.tables.records);
    const [rated, unrated] = [randomUUID(), randomUUID()];
    const many = [rated, ...Array.from({ length: 149 }, () => randomUUID())];

    // Act
    await Promise.all(Array.from({ length: 20 }, (_, i) => ratings.add(rated, (i % 5) + 1)));
    const subtracted = [await ratings.subtract(rated, 5), await ratings.subtract(unrated, 5)];
    const one = await ratings.get(rated);
    const found = await ratings.getMany(many);
    await ratings.remove(rated);

    // Assess
    expect(subtracted).toEqual([true, false]);
    expect(one).toEqual({ sum: 55, count: 19 });
    expect(found.size).toBe(150);
    expect(found.get(rated)).toEqual({ sum: 55, count: 19 });
    expect(found.get(many[1]!)).toEqual({ sum: 0, count: 0 });
    expect(await ratings.get(rated)).toEqual({ sum: 0, count: 0 });
    expect(await ratingItem(unrated)).toBeUndefined();
  });

  it('leaves neither the review nor its stars behind when the audit append fails (a real audit log pointed at a missing table)', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const id = await fulfilledVisit(provider, patient);
    const deps = {
      appointments: new DynamoAppointments(client, backend.tables.records),
      reviews: new DynamoReviews(client, backend.tables.records),
      ratings: new DynamoRatings(client, backend.tables.records),
      practitioners: new DynamoPractitionerReader(client, backend.tables.records),
      users: { get: async () => ({ status: 'active', roles: ['patient'] }) },
      vault: { seal: async () => 'cb1.sealed', open: async () => '' },
      audit: new DynamoAuditLog(client, 'carebow-local-no-such-audit-table'),
      clock: { now: () => new Date() },
    };
    const caller = { userId: patient.userId, roles: ['patient' as const], clientId: 'app', tokenId: 't' };

    // Act
    const attempt = reviewAppointment(deps, caller, id, { rating: 5, comment: 'Great' }, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await deps.appointments.get(patient.userId, id))?.review).toBeUndefined();
    expect(await deps.ratings.get(provider.userId)).toEqual({ sum: 0, count: 0 });
    expect((await review(patient.token, id, { rating: 5 })).status).toBe(201);
  });
});

describe('Booking integrity on dynalite (ADR 0006, "Who can be booked" and "Crash leftovers")', () => {
  const records = () => backend.tables.records;
  const asCaller = (userId: string) => ({ userId, roles: ['patient' as const], clientId: 'app', tokenId: randomUUID() });
  /** A provider alone at `place` (so a search around it finds them among a few), verified, with `availability()`. */
  const providerAt = (place: { lat: number; lon: number; city: string }) =>
    care.practitioner({ profile: { ...PROFILE, location: place }, availability: availability() });

  it('answers 404 to a booking with a practitioner whose account was deleted, disabled or lost the role, and stores nothing', async () => {
    // Prepare
    const [deleted, disabled, revoked] = [await practitioner(), await practitioner(), await practitioner()];
    const patient = await account();
    const [slot] = (await slotsOf(disabled.userId, patient.token)).items;
    expect((await backend.call('DELETE', '/api/v1/me', { token: deleted.token })).status).toBe(204);
    await client.send(
      new UpdateCommand({
        TableName: backend.tables.identity,
        Key: { pk: `USER#${disabled.userId}` },
        UpdateExpression: 'SET #status = :disabled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':disabled': 'disabled' },
      }),
    );
    const revoke = await backend.call('POST', `/api/v1/admin/users/${revoked.userId}/roles`, {
      token: adminToken,
      body: { action: 'revoke', role: 'provider' },
    });
    expect(revoke.status, revoke.text).toBe(200);

    // Act
    const refused = [];
    for (const gone of [deleted, disabled, revoked]) refused.push(await bookAs(patient.token, { practitionerId: gone.userId, start: slot!.start }));

    // Assess
    expect(refused.map((r) => [r.status, r.json.error.code])).toEqual([
      [404, 'not_found'],
      [404, 'not_found'],
      [404, 'not_found'],
    ]);
    expect((await appointmentItems()).filter((item) => item['patientId'] === patient.userId)).toEqual([]);
    const reasons = [];
    for (const r of refused) reasons.push((await eventsOf(r.headers.get('x-request-id'))).map((e) => [e['action'], e['outcome'], e['reason']]));
    expect(reasons).toEqual([
      [['appointment.book', 'failure', 'not_found']],
      [['appointment.book', 'failure', 'account_inactive']],
      [['appointment.book', 'failure', 'role_revoked']],
    ]);
  });

  it('refuses a home visit with a provider (409 mode_unavailable, nothing stored, one audit event) and books in person', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;

    // Act
    const home = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start, mode: 'home_visit' });
    const stored = (await appointmentItems()).filter((item) => item['patientId'] === patient.userId);
    const inPerson = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start, mode: 'in_person' });

    // Assess
    expect([home.status, home.json.error.code]).toEqual([409, 'mode_unavailable']);
    expect(stored).toEqual([]);
    expect((await eventsOf(home.headers.get('x-request-id'))).map((e) => e['reason'])).toEqual(['mode_unavailable']);
    expect([inPerson.status, inPerson.json.mode]).toEqual([201, 'in_person']);
  });

  it('hides a verified practitioner whose every credential expired from the directory and the slots, and refuses to book them', async () => {
    // Prepare
    const provider = await providerAt({ lat: 18.5204, lon: 73.8567, city: 'Pune' });
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const found = async () =>
      (await backend.call('GET', '/api/v1/practitioners?kind=provider&near=18.5204,73.8567&radiusKm=1', { token: patient.token })).json.items.map(
        (p: { id: string }) => p.id,
      );
    const listed = await found();

    // Act
    await client.send(
      new UpdateCommand({
        TableName: records(),
        Key: { pk: `USER#${provider.userId}`, sk: 'PRACTITIONER' },
        UpdateExpression: 'SET credentials = :expired',
        ExpressionAttributeValues: { ':expired': [{ kind: 'medical_license', number: 'LIC-APPT-1', expiresOn: '2020-01-31' }] },
      }),
    );
    const after = await found();
    const slots = await slotsOf(provider.userId, patient.token);
    const booking = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start });

    // Assess
    expect(listed).toContain(provider.userId);
    expect(after).not.toContain(provider.userId);
    expect(slots.items).toEqual([]);
    expect([booking.status, booking.json.error.details]).toEqual([409, { reason: 'outside_hours' }]);
    expect((await eventsOf(booking.headers.get('x-request-id'))).map((e) => e['reason'])).toEqual(['no_valid_credential']);
  });

  it('refuses a time-zone change while a future visit is booked (409 time_zone_change_with_bookings), and allows it after the cancel', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start });
    const move = () =>
      backend.call('PUT', '/api/v1/practitioners/me', {
        token: provider.token,
        body: { ...PROFILE, timeZone: 'Europe/London' },
        headers: { 'if-match': '"2"' },
      });

    // Act
    const refused = await move();
    const unchanged = await backend.call('GET', '/api/v1/practitioners/me', { token: provider.token });
    expect((await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: patient.token, body: {} })).status).toBe(200);
    const allowed = await move();

    // Assess
    expect([refused.status, refused.json.error.code]).toEqual([409, 'time_zone_change_with_bookings']);
    expect(unchanged.json).toMatchObject({ timeZone: 'Asia/Kolkata', version: 2 });
    expect((await eventsOf(refused.headers.get('x-request-id'))).map((e) => [e['outcome'], e['reason']])).toEqual([
      ['failure', 'time_zone_change_with_bookings'],
    ]);
    expect([allowed.status, allowed.json.timeZone, allowed.headers.get('etag')]).toEqual([200, 'Europe/London', '"3"']);
  });

  it('gives availability an ETag and replaces it only with If-Match (412 when missing or stale)', async () => {
    // Prepare
    const provider = await practitioner();
    const put = (headers?: Record<string, string>) =>
      backend.call('PUT', '/api/v1/practitioners/me/availability', { token: provider.token, body: availability(10), ...(headers ? { headers } : {}) });
    const first = await backend.call('GET', '/api/v1/practitioners/me/availability', { token: provider.token });

    // Act
    const missing = await put();
    const replaced = await put({ 'if-match': first.headers.get('etag')! });
    const stale = await put({ 'if-match': first.headers.get('etag')! });
    const now = await backend.call('GET', '/api/v1/practitioners/me/availability', { token: provider.token });

    // Assess
    expect(first.headers.get('etag')).toBe('"1"');
    expect([missing.status, missing.json.error.code, stale.status]).toEqual([412, 'precondition_failed', 412]);
    expect([replaced.status, replaced.headers.get('etag'), replaced.json.version]).toEqual([200, '"2"', 2]);
    expect([now.headers.get('etag'), now.json.availability.bufferBeforeMinutes]).toEqual(['"2"', 10]);
    for (const call of [missing, replaced, stale]) expect(await eventsOf(call.headers.get('x-request-id'))).toHaveLength(1);
  });

  it('deletes the pending copy a dead booking left, and frees its slot, on the patient’s next booking', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const [dead, next] = (await slotsOf(provider.userId, patient.token)).items;
    const id = randomUUID();
    const [startMs, endMs] = [Date.parse(dead!.start), Date.parse(dead!.end)];
    const date = dead!.start.slice(0, 10);
    const createdAt = new Date(Date.now() - 5 * 60_000).toISOString();
    // What a booking that died after its ledger write leaves: the patient's copy still pending, and the ledger entry.
    await client.send(
      new PutCommand({
        TableName: records(),
        Item: {
          pk: `USER#${patient.userId}`,
          sk: `APPT#${id}`,
          ...{ id, patientId: patient.userId, practitionerId: provider.userId, status: 'pending', start: dead!.start, end: dead!.end, startMs, endMs, date },
          ...{ mode: 'video', createdAt, updatedAt: createdAt, version: 1 },
        },
      }),
    );
    const ledgers = new DynamoLedgers(client, records());
    const held = holdInLedger((await ledgers.day(provider.userId, date)) ?? emptyLedger('Asia/Kolkata', date), id, {
      start: startMs,
      end: endMs,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    expect(held.ok && (await ledgers.write(provider.userId, held.ledger))).toBe(true);
    const blocked = (await slotsOf(provider.userId, patient.token)).items.map((s) => s.start);

    // Act
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: next!.start });

    // Assess
    expect(blocked).not.toContain(dead!.start);
    expect(booked.status, booked.text).toBe(201);
    expect((await appointmentItems()).filter((item) => item['id'] === id)).toEqual([]);
    expect((await slotsOf(provider.userId, patient.token)).items.map((s) => s.start)).toContain(dead!.start);
    expect((await ledgers.day(provider.userId, date))?.entries.map((e) => e.appointmentId)).toEqual([booked.json.id]);
  });

  it('finishes a cancel whose ledger release failed when the same cancel is sent again (200, the slot free)', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await account();
    const [slot] = (await slotsOf(provider.userId, patient.token)).items;
    const booked = await bookAs(patient.token, { practitionerId: provider.userId, start: slot!.start });
    const real = new DynamoLedgers(client, records());
    let failures = 1;
    const ledgers: Pick<LedgerRepository, 'day' | 'write'> = {
      day: (practitionerId, date) => real.day(practitionerId, date),
      write: async (practitionerId, ledger) => {
        if (failures-- > 0) throw Object.assign(new Error('ledger store down'), { name: 'InternalServerError' });
        return real.write(practitionerId, ledger);
      },
    };
    const deps = {
      appointments: new DynamoAppointments(client, records()),
      ledgers: ledgers as LedgerRepository,
      consents: new DynamoShareConsents(client, records()),
      notifications: { enqueue: async () => undefined },
      vault: { seal: async () => 'cb1.unused', open: async () => '' },
      audit: new DynamoAuditLog(client, backend.tables.audit),
      clock: { now: () => new Date() },
      counters: new DynamoUsageCounters(client, records()),
      users: new DynamoAccountReader(client, backend.tables.identity),
    };

    // Act
    const first = cancelAppointment(deps, asCaller(patient.userId), booked.json.id, {}, META);
    await expect(first).rejects.toThrow('ledger store down');
    const stillBlocked = (await slotsOf(provider.userId, patient.token)).items.map((s) => s.start);
    const again = await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: patient.token, body: {} });

    // Assess
    expect(stillBlocked).not.toContain(slot!.start);
    expect([again.status, again.json.status]).toEqual([200, 'cancelled']);
    expect((await eventsOf(again.headers.get('x-request-id'))).map((e) => [e['outcome'], e['reason']])).toEqual([['success', 'already_cancelled']]);
    expect((await slotsOf(provider.userId, patient.token)).items.map((s) => s.start)).toContain(slot!.start);
    expect((await appointmentItems()).filter((item) => item['id'] === booked.json.id).map((item) => item['status'])).toEqual(['cancelled', 'cancelled']);
  });
});
