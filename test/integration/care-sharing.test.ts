import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountReader } from '../../shared/adapters/aws/dynamo-account-reader';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoAppointmentCopies, DynamoAvailability, DynamoLedgers, DynamoPractitionerReader } from '../../shared/adapters/aws/dynamo-bookings';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoRecords } from '../../shared/adapters/aws/dynamo-records';
import { DynamoShareConsentGrants, DynamoShareConsents } from '../../shared/adapters/aws/dynamo-share-consents';
import { DynamoSymptomSessionReader } from '../../shared/adapters/aws/dynamo-symptom-sessions';
import { DynamoUsageCounters } from '../../shared/adapters/aws/dynamo-usage-counters';
import { bookAppointment } from '../../shared/care/book-appointment';
import type { ConsentRecord } from '../../shared/records/ports';
import { PLACES, providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { CHEST_PAIN } from '../helpers/triage';

/**
 * Booking with `shareProfile` through the local backend on dynalite (issue 10): the practitioner then
 * reads the patient's profile and the one session the booking named, nobody else does, a cancellation
 * ends it, an idempotent replay makes no second consent, and a failed audit append leaves no consent;
 * one audit event per request on the new route.
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

const PROFILE = providerProfile({
  displayName: 'Dr Leela Iyer',
  timeZone: 'Asia/Kolkata',
  location: PLACES.bengaluru,
  credentials: [{ kind: 'medical_license', number: 'LIC-SHARE-1', expiresOn: '2031-03-31' }],
});

const practitioner = () => care.practitioner({ profile: PROFILE, availability: weeklyHours('09:00', '17:00') });

/** A patient with a health profile and one symptom session (an emergency: its result is stored at once). */
const patientWithSession = async () => {
  const patient = await care.account();
  expect((await backend.call('PUT', '/api/v1/profile', { token: patient.token, body: { allergies: ['penicillin'] } })).status).toBe(201);
  const session = await backend.call('POST', '/api/v1/symptom-sessions', { token: patient.token, body: CHEST_PAIN });
  expect(session.status, session.text).toBe(201);
  return { ...patient, sessionId: session.json.id as string };
};

/** The day-after-tomorrow free slots (Kolkata), in order. */
const slots = async (practitionerId: string, token: string) => (await care.slots(practitionerId, token)).items.map((s) => s.start);

const book = (token: string, body: Record<string, unknown>, key?: string) => care.book(token, { shareProfile: true, ...body }, key);
const readProfile = (token: string, patientId: string) => backend.call('GET', `/api/v1/patients/${patientId}/profile`, { token });
const readSession = (token: string, patientId: string, sessionId: string) =>
  backend.call('GET', `/api/v1/patients/${patientId}/symptom-sessions/${sessionId}`, { token });
/** The booking consents of a patient, as stored. */
const consentsOf = async (patientId: string) =>
  (await backend.items('records')).filter((i) => i['pk'] === `USER#${patientId}` && String(i['sk']).startsWith('CONSENT#') && i['appointmentId'] !== undefined);

describe('Route: POST /api/v1/appointments with shareProfile, then GET /api/v1/patients/{patientId}/symptom-sessions/{id}', () => {
  it('lets the booked practitioner read the profile and the named session, and nobody else', async () => {
    // Prepare
    const provider = await practitioner();
    const other = await practitioner();
    const patient = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);

    // Act
    const booked = await book(patient.token, { practitionerId: provider.userId, start, symptomSessionId: patient.sessionId });
    const profile = await readProfile(provider.token, patient.userId);
    const session = await readSession(provider.token, patient.userId, patient.sessionId);
    const asOther = [await readProfile(other.token, patient.userId), await readSession(other.token, patient.userId, patient.sessionId)];
    const received = await backend.call('GET', '/api/v1/consents?direction=received', { token: provider.token });

    // Assess
    expect(booked.status, booked.text).toBe(201);
    expect(booked.json).toMatchObject({ symptomSessionId: patient.sessionId, shareProfile: true });
    expect(profile.status).toBe(200);
    expect(profile.json.profile).toEqual({ allergies: ['penicillin'] });
    expect(session.status, session.text).toBe(200);
    expect(session.json).toMatchObject({ id: patient.sessionId, status: 'completed', result: { level: 'emergency_ambulance' } });
    expect(asOther.map((r) => r.status)).toEqual([404, 404]);
    expect(received.json.items).toEqual([
      expect.objectContaining({
        patientId: patient.userId,
        scopes: ['profile.read', 'triage.read'],
        purpose: 'treatment',
        appointmentId: booked.json.id,
        status: 'active',
      }),
    ]);
    const [event] = await care.eventsOf(session.headers.get('x-request-id'));
    expect(event).toMatchObject({
      action: 'triage.read',
      outcome: 'success',
      subjectId: patient.userId,
      resource: { type: 'symptom_session', id: patient.sessionId },
    });
  });

  it('answers 404 for the profile and the session once the practitioner cancels', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);
    const booked = await book(patient.token, { practitionerId: provider.userId, start, symptomSessionId: patient.sessionId });
    expect((await readSession(provider.token, patient.userId, patient.sessionId)).status).toBe(200);

    // Act
    const cancelled = await backend.call('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { token: provider.token, body: {} });

    // Assess
    expect(cancelled.status).toBe(200);
    expect((await readProfile(provider.token, patient.userId)).status).toBe(404);
    expect((await readSession(provider.token, patient.userId, patient.sessionId)).status).toBe(404);
    expect((await consentsOf(patient.userId)).map((c) => typeof c['revokedAt'])).toEqual(['string']);
    const [event] = await care.eventsOf(cancelled.headers.get('x-request-id'));
    expect(event).toMatchObject({
      action: 'appointment.cancel',
      outcome: 'success',
      reason: `consent_revoked:${(await consentsOf(patient.userId))[0]!['id']}`,
    });
  });

  it('makes one consent for an idempotent replay', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);
    const key = randomUUID();
    const body = { practitionerId: provider.userId, start, symptomSessionId: patient.sessionId };

    // Act
    const first = await book(patient.token, body, key);
    const replay = await book(patient.token, body, key);

    // Assess
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.json).toEqual(first.json);
    expect(await consentsOf(patient.userId)).toHaveLength(1);
  });

  it('answers 404 for another patient’s session, with no appointment and no consent written', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await patientWithSession();
    const someoneElse = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);

    // Act
    const refused = await book(patient.token, { practitionerId: provider.userId, start, symptomSessionId: someoneElse.sessionId });

    // Assess
    expect(refused.status).toBe(404);
    expect(await consentsOf(patient.userId)).toEqual([]);
    expect((await backend.items('records')).filter((i) => i['pk'] === `USER#${patient.userId}` && String(i['sk']).startsWith('APPT#'))).toEqual([]);
    expect(await slots(provider.userId, patient.token)).toContain(start);
    expect(await care.eventsOf(refused.headers.get('x-request-id'))).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'session_not_found' })]);
  });

  it('writes exactly one audit event per request on the session route, whoever asks', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);
    await book(patient.token, { practitionerId: provider.userId, start, symptomSessionId: patient.sessionId });

    // Act
    const calls = [
      await readSession(provider.token, patient.userId, patient.sessionId),
      await readSession(provider.token, patient.userId, randomUUID()),
      await readSession(provider.token, randomUUID(), patient.sessionId),
      await readSession(patient.token, patient.userId, patient.sessionId),
    ];

    // Assess
    expect(calls.map((c) => c.status)).toEqual([200, 404, 404, 403]);
    for (const call of calls) expect(await care.eventsOf(call.headers.get('x-request-id')), call.text).toHaveLength(1);
  });
});

describe('Use case on dynalite: bookAppointment with shareProfile whose audit append fails', () => {
  it('fails with the audit error and leaves no consent, no appointment and the slot free', async () => {
    // Prepare
    const provider = await practitioner();
    const patient = await patientWithSession();
    const [start] = await slots(provider.userId, patient.token);
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const table = backend.tables.records;
    const deps = {
      practitioners: new DynamoPractitionerReader(client, table),
      users: new DynamoAccountReader(client, backend.tables.identity),
      availability: new DynamoAvailability(client, table),
      ledgers: new DynamoLedgers(client, table),
      appointments: new DynamoAppointmentCopies(client, table),
      consents: new DynamoShareConsentGrants(client, table),
      sessions: new DynamoSymptomSessionReader(client, table),
      notifications: { enqueue: async () => undefined },
      // No reason is sealed in this booking.
      vault: { seal: async () => 'unused', open: async () => 'unused' },
      audit: new DynamoAuditLog(client, 'carebow-local-no-such-audit-table'),
      clock: { now: () => new Date() },
      counters: new DynamoUsageCounters(client, table),
    };
    const caller = { userId: patient.userId, roles: ['patient' as const], clientId: 'app', tokenId: randomUUID() };

    // Act
    const attempt = bookAppointment(
      deps,
      caller,
      { practitionerId: provider.userId, start: start!, mode: 'video', shareProfile: true, symptomSessionId: patient.sessionId },
      { requestId: 'req-audit-down', sourceIp: '203.0.113.9' },
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(await consentsOf(patient.userId)).toEqual([]);
    const appointments = (await backend.items('records')).filter((i) => String(i['sk']).startsWith('APPT#') && i['patientId'] === patient.userId);
    expect(appointments).toEqual([]);
    expect(await slots(provider.userId, patient.token)).toContain(start);
    client.destroy();
  });
});

describe('Class: DynamoShareConsents', () => {
  it('writes the consent item the records adapter reads, and revokes, moves and undoes only from the state it names', async () => {
    // Prepare
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const consents = new DynamoShareConsents(client, backend.tables.records);
    const records = new DynamoRecords(client, backend.tables.records);
    const consent: ConsentRecord = {
      id: randomUUID(),
      kind: 'share',
      patientId: randomUUID(),
      granteeId: randomUUID(),
      scopes: ['profile.read', 'triage.read'],
      purpose: 'treatment',
      expiresAt: '2030-01-08T10:00:00.000Z',
      createdAt: '2030-01-01T09:00:00.000Z',
      appointmentId: randomUUID(),
    };
    const later = '2030-01-09T10:00:00.000Z';

    // Act
    // A second consent under the same id (another request's) is refused; the same bytes again would be this one's own write.
    const created = [await consents.create(consent), await consents.create({ ...consent, createdAt: '2030-01-01T00:00:00.001Z' })];
    const moved = [
      await consents.moveExpiry(consent.patientId, consent.id, later, consent.expiresAt!),
      await consents.moveExpiry(consent.patientId, consent.id, consent.expiresAt!, later),
    ];
    const readBack = await records.between(consent.patientId, consent.granteeId!);
    const revoked = [
      await consents.revoke(consent.patientId, consent.id, '2030-01-02T00:00:00.000Z'),
      await consents.revoke(consent.patientId, consent.id, '2030-01-03T00:00:00.000Z'),
    ];
    const movedWhileRevoked = await consents.moveExpiry(consent.patientId, consent.id, later, consent.expiresAt!);
    const unrevoked = [
      await consents.undoRevoke(consent.patientId, consent.id, '2030-01-03T00:00:00.000Z'),
      await consents.undoRevoke(consent.patientId, consent.id, '2030-01-02T00:00:00.000Z'),
    ];
    const undone = [await consents.undoCreate(consent, undefined), await consents.undoCreate(consent, undefined)];

    // Assess
    expect(created).toEqual([true, false]);
    expect(moved).toEqual([false, true]);
    expect(readBack).toEqual([{ ...consent, expiresAt: later }]);
    expect(revoked).toEqual([true, false]);
    expect(movedWhileRevoked).toBe(false);
    expect(unrevoked).toEqual([false, true]);
    expect(undone).toEqual([true, false]);
    expect(await records.get(consent.patientId, consent.id)).toBeUndefined();
    client.destroy();
  });
});
