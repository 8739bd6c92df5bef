import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { CHEST_PAIN, waitForResult } from '../helpers/triage';

/**
 * `GET /api/v1/symptom-sessions/{id}/care-options` through the local backend on dynalite, with the
 * real rules engine and worker: a `consultation_24` result lists general practitioners free within
 * 24 hours, video first; an emergency result gives the advice and no providers; someone else's
 * session is 404; one audit event per request.
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

/** The rules answer `consultation_24`, general practice, teleconsultation fine. */
const HIGH_FEVER = { symptoms: [{ name: 'fever', severity: 7, durationHours: 72 }], age: 30 };
/** Open round the clock (UTC), so a slot is always free within the hour. */
const AROUND_THE_CLOCK = {
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, start: '00:00', end: '23:30' })),
  exceptions: [],
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  horizonDays: 30,
};

const account = async (...roles: Role[]) => {
  const user = await signUp(backend, `options-${randomUUID().slice(0, 8)}@example.com`);
  for (const role of roles) {
    const granted = await backend.call('POST', `/api/v1/admin/users/${user.userId}/roles`, { token: adminToken, body: { action: 'grant', role } });
    expect(granted.status).toBe(200);
  }
  return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient', ...roles]) };
};

/** A verified general practitioner in UTC, open round the clock. */
const practitioner = async (telehealth: boolean) => {
  const provider = await account('provider');
  const profile = {
    displayName: telehealth ? 'Dr Video' : 'Dr Clinic',
    specialties: ['general_practice'],
    languages: ['en'],
    timeZone: 'UTC',
    location: { lat: 51.5072, lon: -0.1276, city: 'London' },
    telehealth,
    credentials: [{ kind: 'medical_license', number: `GMC-${randomUUID().slice(0, 6)}`, expiresOn: '2031-03-31' }],
  };
  expect((await backend.call('PUT', '/api/v1/practitioners/me', { token: provider.token, body: profile })).status).toBe(201);
  const verified = await backend.call('POST', `/api/v1/admin/practitioners/${provider.userId}/verify`, { token: adminToken, body: { verified: true } });
  expect(verified.status).toBe(200);
  expect((await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: provider.token, body: AROUND_THE_CLOCK })).status).toBe(200);
  return provider;
};

const optionsOf = (token: string, sessionId: string) => backend.call('GET', `/api/v1/symptom-sessions/${sessionId}/care-options`, { token });
const eventsOf = async (requestId: string | null) => (await backend.items('audit')).filter((e) => e['requestId'] === requestId);

describe('Route: GET /api/v1/symptom-sessions/{id}/care-options', () => {
  it('lists, for consultation_24, providers free within 24 hours, video first, each with its earliest slot', async () => {
    // Prepare
    const clinic = await practitioner(false);
    const video = await practitioner(true);
    const patient = await account();
    const created = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: HIGH_FEVER });
    expect(created.status, created.text).toBe(202);
    const session = await waitForResult(backend, patient.token, created.json.id);
    expect(session.result).toMatchObject({ level: 'consultation_24', teleconsultationOk: true });
    const asked = Date.now();

    // Act
    const answer = await optionsOf(patient.token, created.json.id);

    // Assess
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ action: 'book', level: 'consultation_24', specialty: 'general_practice', teleconsultationOk: true });
    expect(answer.json.items.map((o: { practitioner: { id: string }; mode: string }) => [o.practitioner.id, o.mode])).toEqual([
      [video.userId, 'video'],
      [clinic.userId, 'in_person'],
    ]);
    for (const option of answer.json.items as { earliestSlot: { start: string } }[]) {
      const start = Date.parse(option.earliestSlot.start);
      expect(start).toBeGreaterThanOrEqual(asked - 60_000);
      expect(start).toBeLessThan(Date.parse(answer.json.before));
      expect(start - asked).toBeLessThan(86_400_000);
    }
    // Bookable as listed: echoing the earliest slot books it.
    const booked = await backend.call('POST', '/api/v1/appointments', {
      token: patient.token,
      body: { practitionerId: video.userId, start: answer.json.items[0].earliestSlot.start, mode: 'video', symptomSessionId: created.json.id },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(booked.status, booked.text).toBe(201);
  });

  it('gives the emergency advice and no providers for an emergency result', async () => {
    // Prepare
    await practitioner(true);
    const patient = await account();
    const created = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: CHEST_PAIN });
    expect(created.status).toBe(201);

    // Act
    const answer = await optionsOf(patient.token, created.json.id);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ action: 'emergency', level: 'emergency_ambulance', items: [] });
    expect(answer.json.advice).toBe(created.json.result.summary);
    expect(answer.json.advice).toMatch(/emergency/i);
  });

  it('answers 404 for another patient’s session, and writes one audit event per request', async () => {
    // Prepare
    const patient = await account();
    const other = await account();
    const created = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: CHEST_PAIN });

    // Act
    const calls = [await optionsOf(patient.token, created.json.id), await optionsOf(other.token, created.json.id), await optionsOf(other.token, randomUUID())];

    // Assess
    expect(calls.map((c) => c.status)).toEqual([200, 404, 404]);
    for (const call of calls) expect(await eventsOf(call.headers.get('x-request-id')), call.text).toHaveLength(1);
    const [refused] = await eventsOf(calls[1]!.headers.get('x-request-id'));
    expect(refused).toMatchObject({ action: 'care.options', outcome: 'failure', subjectId: other.userId, reason: 'not_found' });
  });
});
