import { randomUUID } from 'node:crypto';
import type { UserRecord } from '../../shared/identity/ports';
import { describe, expect, it } from 'vitest';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { cancelFutureAppointments } from '../../shared/care/cancel-future-appointments';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import type { BookAppointmentRequest } from '../../shared/contracts/care-appointments';
import type { Caller } from '../../shared/domain/caller';
import { NotFoundError } from '../../shared/errors';
import { createConsent, revokeConsent } from '../../shared/records/consents';
import { getPatientProfile, putOwnProfile } from '../../shared/records/profile';
import { getPatientSession } from '../../shared/triage/patient-session';
import { CONSULTATION_24_RESULT as RESULT, providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld, failingAudit } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * Booking with `shareProfile` (issue 10): the share consent it creates, revokes on cancel and moves on
 * reschedule, each inside the request's one audit event and undone with it; and the practitioner's
 * read of the one session a booking shared (`getPatientSession`).
 */

const PROFILE = providerProfile();
const HOURS = weeklyHours('09:00', '17:00');
/** The clock starts at 2026-11-25T12:00Z. */
const NINE = '2026-11-27T09:00:00+00:00';
const NEXT_DAY = '2026-11-28T09:00:00+00:00';
/** NINE's end (09:30) plus 7 days. */
const NINE_EXPIRY = '2026-12-04T09:30:00.000Z';

/** A verified provider with HOURS, a second one, a patient with a profile and two completed sessions, every port in memory; events cleared. */
const world = async () => {
  const { app, bookings, deps, verifiedProvider, storedSession } = await careWorld();
  const provider = await verifiedProvider(PROFILE, HOURS);
  const other = await verifiedProvider(PROFILE, HOURS);
  const patient = await app.addUser(['patient']);
  const stranger = await app.addUser(['patient']);
  await putOwnProfile(deps, patient, { allergies: ['penicillin'] }, undefined, META);
  const sessionId = await storedSession(patient);
  const otherSessionId = await storedSession(patient);
  const strangersSessionId = await storedSession(stranger);
  app.events.length = 0;
  const book = (extra: Partial<BookAppointmentRequest> = {}, start = NINE, audited = deps) =>
    bookAppointment(
      audited,
      patient,
      { practitionerId: provider.userId, start, mode: 'video', shareProfile: true, symptomSessionId: sessionId, ...extra },
      META,
    );
  const readSession = (caller: Caller, id = sessionId) => getPatientSession(deps, caller, patient.userId, id, META);
  const consents = () => [...app.records.consents.values()].filter((c) => c.appointmentId !== undefined);
  return {
    app,
    deps,
    bookings,
    provider,
    other,
    patient,
    stranger,
    sessionId,
    otherSessionId,
    strangersSessionId,
    book,
    readSession,
    consents,
    events: app.events,
  };
};

describe('Use case: bookAppointment with shareProfile', () => {
  it('creates the share consent for the practitioner (profile.read, triage.read, treatment, 7 days after the end) and names it in the one audit event', async () => {
    // Prepare
    const { bookings, provider, patient, sessionId, book, consents, events } = await world();

    // Act
    const view = await book();

    // Assess
    expect(view).toMatchObject({ status: 'booked', symptomSessionId: sessionId, shareProfile: true });
    const [consent] = consents();
    expect(consents()).toHaveLength(1);
    expect(consent).toEqual({
      id: expect.any(String),
      kind: 'share',
      patientId: patient.userId,
      granteeId: provider.userId,
      scopes: ['profile.read', 'triage.read'],
      purpose: 'treatment',
      expiresAt: NINE_EXPIRY,
      createdAt: '2026-11-25T12:00:00.000Z',
      appointmentId: view.id,
    });
    for (const holder of [patient.userId, provider.userId]) {
      expect(bookings.appointments.get(`${holder}|${view.id}`)).toMatchObject({ shareConsentId: consent!.id, symptomSessionId: sessionId });
    }
    expect(events).toEqual([
      expect.objectContaining({ action: 'appointment.book', outcome: 'success', subjectId: patient.userId, reason: `consent:${consent!.id}` }),
    ]);
  });

  it('stores the session without any consent when shareProfile is absent', async () => {
    // Prepare
    const { sessionId, book, consents, events } = await world();

    // Act
    const view = await book({ shareProfile: undefined });

    // Assess
    expect(view).toMatchObject({ symptomSessionId: sessionId });
    expect(view).not.toHaveProperty('shareProfile');
    expect(consents()).toEqual([]);
    expect(events[0]).not.toHaveProperty('reason');
  });

  it('answers 404 for a session that is not the patient’s own, writing nothing but the failure’s audit event', async () => {
    // Prepare
    const { bookings, strangersSessionId, book, consents, events } = await world();

    // Act
    const attempts = [book({ symptomSessionId: strangersSessionId }), book({ symptomSessionId: randomUUID() })];

    // Assess
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(bookings.appointments.size).toBe(0);
    expect(bookings.ledgers.size).toBe(0);
    expect(consents()).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({ action: 'appointment.book', outcome: 'failure', reason: 'session_not_found' }),
      expect.objectContaining({ action: 'appointment.book', outcome: 'failure', reason: 'session_not_found' }),
    ]);
  });

  it('leaves no consent, no copy and a free slot when the audit append fails', async () => {
    // Prepare
    const { deps, bookings, provider, book, consents } = await world();

    // Act
    const attempt = book({}, NINE, { ...deps, audit: failingAudit });

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(consents()).toEqual([]);
    expect(bookings.appointments.size).toBe(0);
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
  });

  it('undoes the booking when the consent cannot be written', async () => {
    // Prepare
    const { deps, bookings, provider, book, events } = await world();
    const refusing = { ...deps, consents: { ...deps.consents, create: async () => false } };

    // Act
    const attempt = book({}, NINE, refusing);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 409 });
    expect(bookings.appointments.size).toBe(0);
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('Use case: cancelAppointment and rescheduleAppointment with a shared booking', () => {
  it('revokes the consent when either party cancels, naming it in the one audit event', async () => {
    // Prepare
    const { deps, provider, patient, book, consents, events } = await world();
    const byPatient = await book();
    const byProvider = await book({}, NEXT_DAY);
    events.length = 0;

    // Act
    await cancelAppointment(deps, patient, byPatient.id, {}, META);
    await cancelAppointment(deps, provider, byProvider.id, {}, META);

    // Assess
    expect(consents().map((c) => c.revokedAt)).toEqual([expect.any(String), expect.any(String)]);
    expect(events).toEqual(
      consents().map((c) => expect.objectContaining({ action: 'appointment.cancel', outcome: 'success', reason: `consent_revoked:${c.id}` })),
    );
  });

  it('puts the consent back with the copies when the cancellation’s audit append fails', async () => {
    // Prepare
    const { deps, bookings, patient, book, consents } = await world();
    const { id } = await book();

    // Act
    const attempt = cancelAppointment({ ...deps, audit: failingAudit }, patient, id, {}, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(consents()[0]).not.toHaveProperty('revokedAt');
    expect(bookings.appointments.get(`${patient.userId}|${id}`)?.status).toBe('booked');
  });

  it('cancels an appointment whose consent the patient revoked already, leaving it as the patient left it', async () => {
    // Prepare
    const { deps, patient, book, consents, events } = await world();
    const { id } = await book();
    await revokeConsent(deps, patient, consents()[0]!.id, META);
    const revokedAt = consents()[0]!.revokedAt;
    events.length = 0;

    // Act
    const view = await cancelAppointment(deps, patient, id, {}, META);

    // Assess
    expect(view.status).toBe('cancelled');
    expect(consents()[0]!.revokedAt).toBe(revokedAt);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.cancel', outcome: 'success' })]);
    expect(events[0]).not.toHaveProperty('reason');
  });

  it('moves the consent’s expiry with a reschedule, and back when its audit append fails', async () => {
    // Prepare
    const { deps, patient, book, consents, events } = await world();
    const { id } = await book();
    events.length = 0;

    // Act
    const failed = rescheduleAppointment({ ...deps, audit: failingAudit }, patient, id, NEXT_DAY, META);
    await expect(failed).rejects.toThrow('audit store down');
    const afterFailure = consents()[0]!.expiresAt;
    await rescheduleAppointment(deps, patient, id, NEXT_DAY, META);

    // Assess
    expect(afterFailure).toBe(NINE_EXPIRY);
    expect(consents()[0]!.expiresAt).toBe('2026-12-05T09:30:00.000Z');
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.reschedule', reason: `consent_moved:${consents()[0]!.id}` })]);
  });

  it('revokes the consents of the appointments an account deletion cancels', async () => {
    // Prepare
    const { deps, provider, book, consents } = await world();
    await book();

    // Act
    const { cancelled, unreleased } = await cancelFutureAppointments(deps, provider.userId, deps.clock.now());

    // Assess
    expect(cancelled).toHaveLength(1);
    expect(unreleased).toEqual([]);
    expect(consents()[0]!.revokedAt).toEqual(expect.any(String));
  });
});

describe('Use case: getPatientSession', () => {
  it('shows the practitioner the session the booking shared, and the profile, each audited on the patient’s chain', async () => {
    // Prepare
    const { deps, provider, patient, sessionId, book, readSession, consents, events } = await world();
    await book();
    events.length = 0;

    // Act
    const session = await readSession(provider);
    const profile = await getPatientProfile(deps, provider, patient.userId, META);

    // Assess
    expect(session).toMatchObject({ id: sessionId, status: 'completed', result: RESULT });
    expect(profile.profile).toEqual({ allergies: ['penicillin'] });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'triage.read',
        outcome: 'success',
        subjectId: patient.userId,
        actor: expect.objectContaining({ userId: provider.userId }),
        resource: { type: 'symptom_session', id: sessionId },
        reason: `consent:${consents()[0]!.id}`,
      }),
      expect.objectContaining({ action: 'profile.read', outcome: 'success', subjectId: patient.userId }),
    ]);
  });

  it.each([
    ['whose account was disabled', (account: UserRecord): UserRecord => ({ ...account, status: 'disabled' }), 'account_inactive'],
    ['whose provider role was revoked', (account: UserRecord): UserRecord => ({ ...account, roles: ['patient'] }), 'role_revoked'],
  ] as const)('answers 404 for the session and the profile to a practitioner %s, under live consents, audited why', async (_label, change, reason) => {
    // Prepare: the booking shared both; the token still claims the provider role for up to 15 minutes
    const { app, deps, provider, patient, book, readSession, events } = await world();
    await book();
    app.users.set(provider.userId, change(app.users.get(provider.userId)!));
    events.length = 0;

    // Act
    const session = await readSession(provider).catch((error: unknown) => error);
    const profile = await getPatientProfile(deps, provider, patient.userId, META).catch((error: unknown) => error);

    // Assess
    expect(session).toBeInstanceOf(NotFoundError);
    expect(profile).toBeInstanceOf(NotFoundError);
    expect(events.map((e) => [e.action, e.outcome, e.subjectId, e.reason])).toEqual([
      ['triage.read', 'denied', patient.userId, reason],
      ['profile.read', 'denied', patient.userId, reason],
    ]);
  });

  it('answers 404 for another session of the patient, another practitioner, and a consent given by hand', async () => {
    // Prepare
    const { deps, provider, other, patient, otherSessionId, book, readSession, events } = await world();
    await book();
    await createConsent(deps, patient, { granteeId: other.userId, scopes: ['triage.read'], purpose: 'treatment' }, META);
    events.length = 0;

    // Act
    const errors: unknown[] = [];
    for (const [caller, id] of [
      [provider, otherSessionId],
      [other, undefined],
      [other, otherSessionId],
    ] as const) {
      errors.push(await readSession(caller, id).catch((error: unknown) => error));
    }

    // Assess
    expect(errors.every((error) => error instanceof NotFoundError)).toBe(true);
    expect(events.map((e) => [e.action, e.outcome, e.reason])).toEqual([
      ['triage.read', 'denied', 'session_not_shared'],
      ['triage.read', 'denied', 'no_active_consent'],
      ['triage.read', 'denied', 'no_active_consent'],
    ]);
  });

  it('answers 404 once the appointment is cancelled, and once the consent has expired', async () => {
    // Prepare
    const { app, deps, provider, patient, book, readSession } = await world();
    const cancelled = await book();
    await book({}, NEXT_DAY);
    await cancelAppointment(deps, patient, cancelled.id, {}, META);

    // Act
    const whileBooked = await readSession(provider);
    app.clock.set('2026-12-05T09:30:00.000Z');
    const expired = readSession(provider);

    // Assess
    expect(whileBooked.id).toBeDefined();
    await expect(expired).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 404 when the appointment no longer holds the consent (its copy says otherwise)', async () => {
    // Prepare
    const { bookings, provider, book, readSession } = await world();
    const { id } = await book();
    const key = `${provider.userId}|${id}`;
    bookings.appointments.set(key, { ...bookings.appointments.get(key)!, status: 'cancelled' });

    // Act
    const attempt = readSession(provider);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});
