import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { CHEST_PAIN, waitForResult } from '../helpers/triage';

/**
 * `GET /api/v1/symptom-sessions/{id}/care-options` through the local backend on dynalite, with the
 * real rules engine and worker: a `consultation_24` result lists general practitioners free within
 * 24 hours, video first; an emergency result gives the advice and no providers; someone else's
 * session is 404; one audit event per request.
 */
let backend: TestBackend;
let care: CareNetwork;
beforeAll(async () => {
  backend = await startTestBackend();
  care = await careNetwork(backend);
});
afterAll(async () => {
  await backend?.stop();
});

/** The rules answer `consultation_24`, general practice, teleconsultation fine. */
const HIGH_FEVER = { symptoms: [{ name: 'fever', severity: 7, durationHours: 72 }], age: 30 };
/** Open round the clock (UTC), so a slot is always free within the hour. */
const AROUND_THE_CLOCK = weeklyHours('00:00', '23:30');

/** A verified general practitioner in UTC, open round the clock. */
const practitioner = (telehealth: boolean) =>
  care.practitioner({
    profile: providerProfile({
      displayName: telehealth ? 'Dr Video' : 'Dr Clinic',
      location: { lat: 51.5072, lon: -0.1276, city: 'London' },
      telehealth,
      credentials: [{ kind: 'medical_license', number: `GMC-${randomUUID().slice(0, 6)}`, expiresOn: '2031-03-31' }],
    }),
    availability: AROUND_THE_CLOCK,
  });

const optionsOf = (token: string, sessionId: string) => backend.call('GET', `/api/v1/symptom-sessions/${sessionId}/care-options`, { token });

describe('Route: GET /api/v1/symptom-sessions/{id}/care-options', () => {
  it('lists, for consultation_24, providers free within 24 hours, video first, each with its earliest slot', async () => {
    // Prepare
    const clinic = await practitioner(false);
    const video = await practitioner(true);
    const patient = await care.account();
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
    const booked = await care.book(patient.token, {
      practitionerId: video.userId,
      start: answer.json.items[0].earliestSlot.start,
      mode: 'video',
      symptomSessionId: created.json.id,
    });
    expect(booked.status, booked.text).toBe(201);
  });

  it('gives the emergency advice and no providers for an emergency result', async () => {
    // Prepare
    await practitioner(true);
    const patient = await care.account();
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
    const patient = await care.account();
    const other = await care.account();
    const created = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: CHEST_PAIN });

    // Act
    const calls = [await optionsOf(patient.token, created.json.id), await optionsOf(other.token, created.json.id), await optionsOf(other.token, randomUUID())];

    // Assess
    expect(calls.map((c) => c.status)).toEqual([200, 404, 404]);
    for (const call of calls) expect(await care.eventsOf(call.headers.get('x-request-id')), call.text).toHaveLength(1);
    const [refused] = await care.eventsOf(calls[1]!.headers.get('x-request-id'));
    expect(refused).toMatchObject({ action: 'care.options', outcome: 'failure', subjectId: other.userId, reason: 'not_found' });
  });
});
