import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../shared/data/tables';
import type { Role } from '../../shared/domain/roles';
import { CAPTURE_DIR } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/**
 * Availability, slots and appointments through the local backend with real tokens on dynalite
 * (docs/security.md #26, a slot is never booked twice): concurrent bookings of one slot, of
 * overlapping starts and of buffers; idempotent replays; cancel and rebook; a reschedule racing a
 * booking; who may see and change an appointment; the reason in no stored item and no log line; one
 * audit event per request.
 */
let backend: TestBackend;
let adminToken: string;
beforeAll(async () => {
  backend = await startTestBackend();
  adminToken = await tokenFor(backend.dataDir, randomUUID(), ['admin']);
});
afterAll(async () => {
  await backend?.stop();
});

const PROFILE = {
  displayName: 'Dr Kavya Menon',
  specialties: ['general_practice'],
  languages: ['en'],
  timeZone: 'Asia/Kolkata',
  location: { lat: 19.076, lon: 72.8777, city: 'Mumbai' },
  telehealth: true,
  credentials: [{ kind: 'medical_license', number: 'LIC-APPT-1', expiresOn: '2031-03-31' }],
};
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const availability = (buffers = 0, slotMinutes = 30) => ({
  weekly: WEEK.map((day) => ({ day, start: '09:00', end: '17:00' })),
  exceptions: [],
  slotMinutes,
  bufferBeforeMinutes: buffers,
  bufferAfterMinutes: buffers,
  horizonDays: 30,
});

const account = async (...roles: Role[]) => {
  const user = await signUp(backend, `appt-${randomUUID().slice(0, 8)}@example.com`);
  for (const role of roles) {
    const granted = await backend.call('POST', `/api/v1/admin/users/${user.userId}/roles`, { token: adminToken, body: { action: 'grant', role } });
    expect(granted.status).toBe(200);
  }
  return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient', ...roles]) };
};

/** A verified provider with `availability(buffers)`. */
const practitioner = async (buffers = 0, slotMinutes = 30) => {
  const provider = await account('provider');
  expect((await backend.call('PUT', '/api/v1/practitioners/me', { token: provider.token, body: PROFILE })).status).toBe(201);
  expect((await backend.call('POST', `/api/v1/admin/practitioners/${provider.userId}/verify`, { token: adminToken, body: { verified: true } })).status).toBe(
    200,
  );
  const put = await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: provider.token, body: availability(buffers, slotMinutes) });
  expect(put.status, put.text).toBe(200);
  return provider;
};

/** The free slots of the day after tomorrow (Kolkata). */
const slotsOf = async (practitionerId: string, token: string) => {
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const from = `${day}T00:00:00+05:30`;
  const to = `${day}T23:59:00+05:30`;
  const response = await backend.call('GET', `/api/v1/practitioners/${practitionerId}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
    token,
  });
  expect(response.status, response.text).toBe(200);
  return response.json as { timeZone: string; items: { start: string; end: string }[] };
};

const bookAs = (token: string, body: Record<string, unknown>, key = randomUUID()) =>
  backend.call('POST', '/api/v1/appointments', { token, body: { mode: 'video', ...body }, headers: { 'idempotency-key': key } });

const appointmentItems = async () => (await backend.items('records')).filter((item) => String(item['sk']).startsWith('APPT#'));
const eventsOf = async (requestId: string | null) => (await backend.items('audit')).filter((e) => e['requestId'] === requestId);

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
    const patient = await account();
    const slots = (await slotsOf(provider.userId, patient.token)).items.slice(0, 6);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bookAs(patient.token, { practitionerId: provider.userId, start: slots[i % 6]!.start, durationMinutes: 60 })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
  });

  it('books one of 50 adjacent starts whose buffers collide', async () => {
    const provider = await practitioner(15);
    const patient = await account();
    const [first, second] = (await slotsOf(provider.userId, patient.token)).items;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bookAs(patient.token, { practitionerId: provider.userId, start: (i % 2 ? first : second)!.start })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
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
    expect((await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: patient.token, body: {} })).status).toBe(409);
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
      await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: provider.token, body: availability() }),
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
    ];
    expect(calls.map((c) => c.status)).toEqual([201, 200, 200, 200, 409, 200, 200, 404, 200, 409, 200]);
    for (const call of calls) expect(await eventsOf(call.headers.get('x-request-id')), call.text).toHaveLength(1);
  });
});
