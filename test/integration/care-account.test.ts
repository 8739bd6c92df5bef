import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoDataKeyRepository } from '../../shared/adapters/aws/dynamo-data-key-repository';
import { LocalDataKeyService } from '../../shared/adapters/local/local-data-keys';
import { appointmentPlaces } from '../../shared/care/places';
import { DataKeyDestroyedError } from '../../shared/vault/errors';
import { Vault } from '../../shared/vault/vault';
import { PLACES, providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { type CareNetwork, careNetwork } from '../helpers/care-network';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * Account deletion and export with the care area, through the local backend on dynalite
 * (docs/security.md #10, #12): a patient's deletion cancels their future visits (the practitioner's
 * schedule shows it, the slot is free again) and shreds the sealed reason with the data key; a
 * practitioner's deletion removes the profile (404, out of the directory, no PRACTITIONER item left)
 * and the availability, and cancels their visits; the export holds the appointments, and for a
 * practitioner their own profile and availability. One audit event per request.
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
  displayName: 'Dr Leaving Soon',
  timeZone: 'Asia/Kolkata',
  location: PLACES.pune,
  credentials: [{ kind: 'medical_license', number: 'LIC-GONE-1', expiresOn: '2031-03-31' }],
});
const AVAILABILITY = weeklyHours('09:00', '17:00');

/** A verified provider with availability. */
const practitioner = () => care.practitioner({ profile: PROFILE, availability: AVAILABILITY });

/** The free slots of the day after tomorrow (Kolkata). */
const slotsOf = async (practitionerId: string, token: string) => (await care.slots(practitionerId, token)).items.map((s) => s.start);

const book = (token: string, practitionerId: string, start: string, reason: string) => care.booked(token, { practitionerId, start, reason });

const itemOf = async (userId: string, sk: string) => (await backend.items('records')).find((item) => item['pk'] === `USER#${userId}` && item['sk'] === sk);

describe('Route: DELETE /api/v1/me with appointments (docs/security.md #10)', () => {
  it('a patient: the future visit is cancelled in the practitioner’s schedule, the slot free again, the reason shredded', async () => {
    const provider = await practitioner();
    const patient = await care.account();
    const [slot] = await slotsOf(provider.userId, patient.token);
    const visit = await book(patient.token, provider.userId, slot!, 'Recurring migraines');
    expect(await slotsOf(provider.userId, patient.token)).not.toContain(slot);
    const sealed = String((await itemOf(patient.userId, `APPT#${visit.id}`))!['reasonSealed']);

    const deleted = await backend.call('DELETE', '/api/v1/me', { token: patient.token });

    expect(deleted.status).toBe(204);
    const schedule = await backend.call('GET', '/api/v1/appointments', { token: provider.token });
    expect(schedule.json.items).toEqual([expect.objectContaining({ id: visit.id, status: 'cancelled', patientId: patient.userId })]);
    const other = await care.account();
    expect(await slotsOf(provider.userId, other.token)).toContain(slot);
    expect((await itemOf(patient.userId, `APPT#${visit.id}`))!['status']).toBe('cancelled');
    const forensic = new Vault(
      new DynamoDataKeyRepository(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.keys),
      new LocalDataKeyService(backend.dataDir),
    );
    await expect(forensic.open(appointmentPlaces.reason(patient.userId, visit.id), sealed)).rejects.toThrow(DataKeyDestroyedError);
    expect(await care.eventsOf(deleted.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'account.delete', subjectId: patient.userId, reason: expect.stringContaining('appointments_cancelled:1') }),
    ]);
  });

  it('a practitioner: profile 404 and out of the directory, no PRACTITIONER or AVAILABILITY item, the patient’s visit cancelled', async () => {
    const provider = await practitioner();
    const patient = await care.account();
    const [slot] = await slotsOf(provider.userId, patient.token);
    const visit = await book(patient.token, provider.userId, slot!, 'Knee pain');
    const near = { kind: 'provider', near: `${PROFILE.location.lat},${PROFILE.location.lon}`, radiusKm: '5' };
    const listed = await backend.call('GET', `/api/v1/practitioners?${new URLSearchParams(near)}`, { token: patient.token });
    expect(listed.json.items.map((p: { id: string }) => p.id)).toContain(provider.userId);

    const deleted = await backend.call('DELETE', '/api/v1/me', { token: provider.token });

    expect(deleted.status).toBe(204);
    expect((await backend.call('GET', `/api/v1/practitioners/${provider.userId}`, { token: patient.token })).status).toBe(404);
    const after = await backend.call('GET', `/api/v1/practitioners?${new URLSearchParams(near)}`, { token: patient.token });
    expect(after.status).toBe(200);
    expect(after.json.items.map((p: { id: string }) => p.id)).not.toContain(provider.userId);
    const raw = (await backend.items('records')).filter((item) => item['pk'] === `USER#${provider.userId}`);
    expect(raw.filter((item) => item['sk'] === 'PRACTITIONER' || item['sk'] === 'AVAILABILITY')).toEqual([]);
    expect(JSON.stringify(raw)).not.toContain('LIC-GONE-1');
    const mine = await backend.call('GET', `/api/v1/appointments/${visit.id}`, { token: patient.token });
    expect(mine.json).toMatchObject({ status: 'cancelled', reason: 'Knee pain' });
    expect((await care.slotsCall(provider.userId, patient.token)).status).toBe(404);
    expect(await care.eventsOf(deleted.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({ action: 'account.delete', subjectId: provider.userId, reason: expect.stringContaining('appointments_cancelled:1') }),
    ]);
  });
});

describe('Routes that seal nothing, with a token that outlives its account (docs/security.md #8)', () => {
  it('books no slot, and writes no preferences, practitioner profile or availability after DELETE /me (404)', async () => {
    // Prepare: a provider with hours and a patient, each deleting their account while their tokens still live
    const provider = await practitioner();
    const ann = await care.account();
    const [slot] = await slotsOf(provider.userId, ann.token);
    const gone = await care.practitioner({ profile: PROFILE, availability: AVAILABILITY });
    expect((await backend.call('DELETE', '/api/v1/me', { token: ann.token })).status).toBe(204);
    expect((await backend.call('DELETE', '/api/v1/me', { token: gone.token })).status).toBe(204);
    // What the refused writes would touch (the worker meanwhile sends and clears the deletion notices).
    const touched = async () =>
      (await backend.items('records')).filter(
        (item) =>
          [ann.userId, gone.userId, provider.userId].some((id) => item['pk'] === `USER#${id}`) &&
          /^(APPT#|LEDGER#|BUDGET#|NOTIFYPREFS|PRACTITIONER|AVAILABILITY)/.test(String(item['sk'])),
      );
    const before = await touched();

    // Act
    const answers = [
      await care.book(ann.token, { practitionerId: provider.userId, start: slot! }),
      await backend.call('PUT', '/api/v1/me/notification-preferences', { token: ann.token, body: { channels: { email: true, sms: false } } }),
      await backend.call('PUT', '/api/v1/practitioners/me', { token: gone.token, body: PROFILE }),
      await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: gone.token, body: AVAILABILITY }),
    ];

    // Assess: found by a sequence of requests (issue 14); before, these answered 201, 200, 201 and 200
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(await touched()).toEqual(before);
  });

  it('rates no visit and leaves no feedback with stars alone, and records no visit’s outcome, after DELETE /me (404)', async () => {
    // Prepare: a fulfilled visit of Ann's, and a started one of Ben's with a provider who then leaves
    const provider = await practitioner();
    const ann = await care.account();
    const ben = await care.account();
    const [first] = await slotsOf(provider.userId, ann.token);
    const fulfilled = await care.fulfilledVisit(provider, ann, { start: first! });
    const leaving = await practitioner();
    const [slot] = await slotsOf(leaving.userId, ben.token);
    const started = await care.startedVisit(leaving, ben, { start: slot! });
    for (const token of [ann.token, leaving.token]) expect((await backend.call('DELETE', '/api/v1/me', { token })).status).toBe(204);
    const touched = async () =>
      (await backend.items('records')).filter((item) =>
        [ann.userId, ben.userId, provider.userId, leaving.userId].some(
          (id) => item['pk'] === `USER#${id}` && /^(APPT#|RATING|FEEDBACK#)/.test(String(item['sk'])),
        ),
      );
    const before = await touched();

    // Act
    const answers = [
      await backend.call('POST', `/api/v1/appointments/${fulfilled}/review`, { token: ann.token, body: { rating: 1 } }),
      await backend.call('POST', '/api/v1/feedback', { token: ann.token, body: { rating: 1 } }),
      await backend.call('POST', `/api/v1/appointments/${started}/status`, { token: leaving.token, body: { status: 'noshow' } }),
    ];

    // Assess: before, 201, 201 and 200: a deleted patient's stars counted in the provider's rating, a deleted
    // provider marked a patient a no-show
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    expect(await touched()).toEqual(before);
    for (const answer of answers)
      expect(await care.eventsOf(answer.headers.get('x-request-id'))).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'account_inactive' })]);
  });
});

describe('Routes on appointments, with a token that outlives its account (docs/security.md #8)', () => {
  it('cancels, moves and shows nothing after DELETE /me (404): the deletion cancelled the visit and freed its slot', async () => {
    // Prepare
    const provider = await practitioner();
    const ann = await care.account();
    const [first, second] = await slotsOf(provider.userId, ann.token);
    const visit = await book(ann.token, provider.userId, first!, 'Ear ache');
    expect((await backend.call('DELETE', '/api/v1/me', { token: ann.token })).status).toBe(204);
    const before = await itemOf(provider.userId, `APPT#${visit.id}`);

    // Act
    const answers = [
      await backend.call('POST', `/api/v1/appointments/${visit.id}/cancel`, { token: ann.token, body: {} }),
      await backend.call('POST', `/api/v1/appointments/${visit.id}/reschedule`, { token: ann.token, body: { start: second! } }),
      await backend.call('GET', `/api/v1/appointments/${visit.id}`, { token: ann.token }),
    ];

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    expect(await itemOf(provider.userId, `APPT#${visit.id}`)).toEqual(before);
    expect(await slotsOf(provider.userId, provider.token)).toEqual(expect.arrayContaining([first, second]));
  });
});

describe('Route: GET /api/v1/me/export with appointments (docs/security.md #12)', () => {
  it('holds the patient’s appointments with their reasons, and the practitioner’s schedule, own profile and availability', async () => {
    const provider = await practitioner();
    const patient = await care.account();
    const [slot] = await slotsOf(provider.userId, patient.token);
    const visit = await book(patient.token, provider.userId, slot!, 'Persistent cough');

    const mine = await backend.call('GET', '/api/v1/me/export', { token: patient.token });
    const theirs = await backend.call('GET', '/api/v1/me/export', { token: provider.token });

    expect(mine.status, mine.text).toBe(200);
    expect(mine.json.appointments).toEqual([
      expect.objectContaining({ id: visit.id, status: 'booked', practitionerId: provider.userId, start: slot, reason: 'Persistent cough' }),
    ]);
    expect(mine.json).toMatchObject({ practitioner: null, availability: null });
    expect(theirs.status, theirs.text).toBe(200);
    expect(theirs.json.appointments).toEqual([expect.objectContaining({ id: visit.id, patientId: patient.userId })]);
    expect(theirs.json.appointments[0].reason).toBeUndefined();
    expect(theirs.json.practitioner).toMatchObject({ id: provider.userId, verified: true, displayName: PROFILE.displayName, credentials: PROFILE.credentials });
    expect(theirs.json.availability).toMatchObject({ availability: AVAILABILITY, timeZone: 'Asia/Kolkata', version: 1 });
    for (const call of [mine, theirs]) {
      expect(await care.eventsOf(call.headers.get('x-request-id'))).toEqual([expect.objectContaining({ action: 'account.export' })]);
    }
  });
});
