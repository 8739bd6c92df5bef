import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { bookAppointment } from '../../shared/care/book-appointment';
import { STALE_PENDING_MS } from '../../shared/care/booking-leftovers';
import { careOptions } from '../../shared/care/care-options';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { searchPractitioners } from '../../shared/care/directory';
import { emptyLedger, book as holdInLedger } from '../../shared/care/ledger';
import type { AppointmentRecord, PractitionerRecord } from '../../shared/care/ports';
import { putOwnPractitioner } from '../../shared/care/practitioners';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { getOwnAvailability, listSlots, putOwnAvailability } from '../../shared/care/schedule';
import { hasValidCredential, localToday, offersMode, standingOf } from '../../shared/care/standing';
import type { PractitionerProfileRequest } from '../../shared/contracts/care';
import type { PractitionerSearchQuery } from '../../shared/contracts/care-directory';
import type { Caller } from '../../shared/domain/caller';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * The correctness gaps of booking and practitioner data (ADR 0006, "Who can be booked" and "Crash
 * leftovers"), on the in-memory ports: a practitioner whose account is gone, the visit modes, expired
 * credentials, a time-zone change under booked days, If-Match on availability, and what a dead
 * booking or a half-done cancel leaves behind.
 */

const HOURS = weeklyHours('09:00', '17:00');
/** The clock of `careWorld` reads 2026-11-25T12:00Z; the provider keeps UTC hours. */
const NINE = '2026-11-27T09:00:00+00:00';
const TEN = '2026-11-27T10:00:00+00:00';
const NEXT_DAY = '2026-11-28T09:00:00+00:00';
const CAREGIVER: PractitionerProfileRequest = {
  displayName: 'Ravi K',
  languages: ['en'],
  timeZone: 'UTC',
  location: { lat: 12.97, lon: 77.59, city: 'Bengaluru' },
  telehealth: false,
  skills: ['elder_care'],
  serviceRadiusKm: 15,
  credentials: [{ kind: 'caregiver_certification', number: 'CG-1', expiresOn: '2030-01-31' }],
};

/** A verified provider (UTC, video allowed) with HOURS, a patient, every port in memory; events cleared. */
const world = async (profile: PractitionerProfileRequest = providerProfile()) => {
  const w = await careWorld();
  const provider = await w.verifiedProvider(profile, HOURS);
  const patient = await w.app.addUser(['patient']);
  w.app.events.length = 0;
  const book = (start = NINE, mode: 'video' | 'in_person' | 'home_visit' = 'video', who: Caller = patient) =>
    bookAppointment(w.deps, who, { practitionerId: provider.userId, start, mode }, META);
  /** Replaces the stored profile (a store-level change, as an admin tool or an expiry would leave it). */
  const storeProfile = (change: Partial<PractitionerRecord>) => {
    const record = w.care.practitioners.get(provider.userId)!;
    w.care.practitioners.set(provider.userId, { ...record, ...change });
  };
  /** Changes the provider's account, as deletion, an admin's disabling or a role revocation leave it. */
  const storeAccount = (change: { status?: 'active' | 'disabled' | 'deleted'; roles?: ('patient' | 'provider')[] }) => {
    const account = w.app.users.get(provider.userId)!;
    w.app.users.set(provider.userId, { ...account, ...change });
  };
  const ledger = (date = '2026-11-27') => w.bookings.ledgers.get(`${provider.userId}|${date}`)?.entries ?? [];
  const copies = () => [...w.bookings.appointments.values()];
  return { ...w, provider, patient, book, storeProfile, storeAccount, ledger, copies };
};

describe('Rules: who can be booked (shared/care/standing.ts)', () => {
  it('shows a practitioner only while verified, the account active and still holding the profile’s role', () => {
    // Prepare
    const record = { kind: 'provider' as const, verified: true };
    const active = { status: 'active' as const, roles: ['patient', 'provider'] as const };

    // Act
    const reasons = [
      standingOf(record, active),
      standingOf(undefined, active),
      standingOf({ ...record, verified: false }, active),
      standingOf(record, { ...active, status: 'deleted' }),
      standingOf(record, { ...active, status: 'disabled' }),
      standingOf(record, undefined),
      standingOf(record, { ...active, roles: ['patient', 'caregiver'] }),
    ];

    // Assess
    expect(reasons).toEqual([undefined, 'not_found', 'not_verified', 'account_inactive', 'account_inactive', 'account_inactive', 'role_revoked']);
  });

  it('counts a credential valid through its expiry date, and a profile without one as having none', () => {
    // Prepare
    const credentials = [{ expiresOn: '2027-03-14' }, { expiresOn: '2027-01-31' }];

    // Act
    const valid = ['2027-01-31', '2027-03-14', '2027-03-15'].map((date) => hasValidCredential(credentials, date));

    // Assess
    expect(valid).toEqual([true, true, false]);
    expect(hasValidCredential([], '2027-01-01')).toBe(false);
  });

  it('reads today on the practitioner’s own calendar', () => {
    // Prepare
    const now = new Date('2027-03-14T20:00:00Z');

    // Act
    const dates = ['Asia/Kolkata', 'UTC', 'America/New_York', 'Pacific/Kiritimati'].map((zone) => localToday(zone, now));

    // Assess
    expect(dates).toEqual(['2027-03-15', '2027-03-14', '2027-03-14', '2027-03-15']);
  });

  it('offers in-person visits at a provider’s, home visits by a caregiver, and video wherever telehealth is on', () => {
    // Prepare
    const modes = ['in_person', 'home_visit', 'video'] as const;
    const offered = (kind: 'provider' | 'caregiver', telehealth: boolean) => modes.filter((mode) => offersMode({ kind, telehealth }, mode));

    // Act
    const table = [offered('provider', true), offered('provider', false), offered('caregiver', true), offered('caregiver', false)];

    // Assess
    expect(table).toEqual([['in_person', 'video'], ['in_person'], ['home_visit', 'video'], ['home_visit']]);
  });
});

describe('Use case: booking a practitioner whose account is gone', () => {
  it.each([
    ['deleted', { status: 'deleted' as const }, 'account_inactive'],
    ['disabled', { status: 'disabled' as const }, 'account_inactive'],
    ['out of the role', { roles: ['patient' as const] }, 'role_revoked'],
  ])('answers 404 for an account %s, writes nothing and audits why', async (_, change, reason) => {
    // Prepare
    const { book, storeAccount, copies, ledger, events, patient } = await world();
    storeAccount(change);

    // Act
    const attempt = book();

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(copies()).toEqual([]);
    expect(ledger()).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'failure', subjectId: patient.userId, reason })]);
  });

  it('undoes a booking whose practitioner’s account is deleted while it is written (read again after the writes)', async () => {
    // Prepare
    const { deps, provider, patient, storeAccount, copies, ledger, events } = await world();
    let reads = 0;
    const users = {
      get: async (id: string) => {
        const account = await deps.users.get(id);
        // The second read of the practitioner's account is the one after the writes: the deletion landed in between.
        if (id === provider.userId && ++reads === 2) storeAccount({ status: 'deleted' });
        return id === provider.userId && reads === 2 ? { ...account!, status: 'deleted' as const } : account;
      },
    };

    // Act
    const attempt = bookAppointment({ ...deps, users }, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 404 });
    expect(copies()).toEqual([]);
    expect(ledger()).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'failure', reason: 'account_inactive' })]);
  });

  it('undoes a booking whose practitioner changed time zone while it was written (409, the slot free again)', async () => {
    // Prepare
    const { deps, provider, patient, care, copies, ledger, events } = await world();
    let reads = 0;
    const practitioners = {
      get: async (id: string) => {
        const record = await deps.practitioners.get(id);
        return ++reads === 2 ? { ...record!, timeZone: 'Asia/Kolkata' } : record;
      },
    };

    // Act
    const attempt = bookAppointment({ ...deps, practitioners }, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'slot_unavailable', details: { reason: 'practitioner_changed' } });
    expect(copies()).toEqual([]);
    expect(ledger()).toEqual([]);
    expect(care.practitioners.get(provider.userId)?.timeZone).toBe('UTC');
    expect(events).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'practitioner_changed' })]);
  });

  it('refuses to reschedule with a practitioner no longer shown (404) and keeps the old time', async () => {
    // Prepare
    const { deps, patient, book, storeAccount, ledger, events } = await world();
    const booked = await book(NINE);
    storeAccount({ status: 'disabled' });
    events.length = 0;

    // Act
    const attempt = rescheduleAppointment(deps, patient, booked.id, TEN, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 404 });
    expect(ledger().map((e) => e.appointmentId)).toEqual([booked.id]);
    expect(ledger()[0]!.start).toBe(Date.parse(NINE));
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.reschedule', outcome: 'failure', reason: 'account_inactive' })]);
  });
});

describe('Use case: the visit’s mode', () => {
  it('refuses video with a provider without telehealth and a home visit with any provider (409 mode_unavailable), writing nothing', async () => {
    // Prepare
    const { book, copies, ledger, events } = await world(providerProfile({ telehealth: false }));

    // Act
    const video = book(NINE, 'video');
    const home = book(NINE, 'home_visit');
    const inPerson = await book(NINE, 'in_person');

    // Assess
    await expect(video).rejects.toMatchObject({ status: 409, code: 'mode_unavailable' });
    await expect(home).rejects.toMatchObject({ status: 409, code: 'mode_unavailable' });
    expect(inPerson).toMatchObject({ status: 'booked', mode: 'in_person' });
    expect(copies()).toHaveLength(2);
    expect(ledger()).toHaveLength(1);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'mode_unavailable'],
      ['failure', 'mode_unavailable'],
      ['success', undefined],
    ]);
  });

  it('books a caregiver for a home visit only (video needs telehealth, in person is a provider’s)', async () => {
    // Prepare
    const w = await careWorld();
    const caregiver = await w.app.addUser(['patient', 'caregiver']);
    await w.verifiedProvider(CAREGIVER, HOURS, caregiver);
    const patient = await w.app.addUser(['patient']);
    const book = (mode: 'video' | 'in_person' | 'home_visit') =>
      bookAppointment(w.deps, patient, { practitionerId: caregiver.userId, start: NINE, mode }, META);

    // Act
    const refused = await Promise.allSettled([book('in_person'), book('video')]);
    const home = await book('home_visit');

    // Assess
    expect(refused.map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(['mode_unavailable', 'mode_unavailable']);
    expect(home).toMatchObject({ status: 'booked', mode: 'home_visit' });
  });
});

describe('Use case: expired credentials', () => {
  it('refuses a visit on a date no credential covers (409 outside_hours, the audit says why), even while verified', async () => {
    // Prepare
    const { book, storeProfile, copies, events } = await world();
    storeProfile({ credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2026-11-27' }] });

    // Act
    const onTheLastDay = await book(NINE);
    const dayAfter = book(NEXT_DAY);

    // Assess
    expect(onTheLastDay).toMatchObject({ status: 'booked' });
    await expect(dayAfter).rejects.toMatchObject({ code: 'slot_unavailable', details: { reason: 'outside_hours' } });
    expect(copies()).toHaveLength(2);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['success', undefined],
      ['failure', 'no_valid_credential'],
    ]);
  });

  it('lists no slot on a date without a valid credential', async () => {
    // Prepare
    const { deps, provider, patient, storeProfile } = await world();
    const window = { from: '2026-11-27T00:00:00+00:00', to: '2026-11-29T00:00:00+00:00' };
    const days = async () => [...new Set((await listSlots(deps, patient, provider.userId, window, META)).items.map((s) => s.start.slice(0, 10)))];
    const before = await days();

    // Act
    storeProfile({ credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2026-11-27' }] });
    const lapsing = await days();
    storeProfile({ credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2026-11-24' }] });
    const expired = await days();

    // Assess
    expect(before).toEqual(['2026-11-27', '2026-11-28']);
    expect(lapsing).toEqual(['2026-11-27']);
    expect(expired).toEqual([]);
  });

  it('leaves a verified practitioner whose every credential expired out of the directory', async () => {
    // Prepare
    const { deps, provider, patient, storeProfile } = await world();
    const query: PractitionerSearchQuery = { kind: 'provider', near: '12.97,77.59', radiusKm: 5 };
    const found = async () => (await searchPractitioners(deps, patient, query, META)).items.map((p) => p.id);
    const before = await found();

    // Act
    storeProfile({ credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2026-11-24' }] });
    const after = await found();

    // Assess
    expect(before).toEqual([provider.userId]);
    expect(after).toEqual([]);
  });

  it('leaves a provider whose every credential expired out of the care options', async () => {
    // Prepare
    const { deps, provider, patient, storeProfile, storedSession } = await world();
    const session = await storedSession(patient);
    const offered = async () => (await careOptions(deps, patient, session, META)).items.map((o) => o.practitioner.id);
    const before = await offered();

    // Act
    storeProfile({ credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2026-11-24' }] });
    const after = await offered();

    // Assess
    expect(before).toEqual([provider.userId]);
    expect(after).toEqual([]);
  });
});

describe('Use case: a time-zone change under booked days', () => {
  it('refuses a new time zone while a future visit is booked (409 time_zone_change_with_bookings), and allows it once none is', async () => {
    // Prepare
    const { deps, provider, book, care, events } = await world();
    const booked = await book(NINE);
    const moved = providerProfile({ timeZone: 'Asia/Kolkata' });
    events.length = 0;

    // Act
    const refused = await putOwnPractitioner(deps, provider, moved, '"2"', META).catch((error: unknown) => error);
    const otherChange = await putOwnPractitioner(deps, provider, providerProfile({ bio: 'Same zone.' }), '"2"', META);
    await cancelAppointment(deps, provider, booked.id, {}, META);
    const allowed = await putOwnPractitioner(deps, provider, moved, '"3"', META);

    // Assess
    expect(refused).toMatchObject({ status: 409, code: 'time_zone_change_with_bookings' });
    expect(otherChange).toMatchObject({ version: 3, timeZone: 'UTC', verified: true });
    expect(allowed).toMatchObject({ version: 4, timeZone: 'Asia/Kolkata' });
    expect(care.practitioners.get(provider.userId)?.timeZone).toBe('Asia/Kolkata');
    expect(events.filter((e) => e.action === 'practitioner.write').map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'time_zone_change_with_bookings'],
      ['success', undefined],
      ['success', undefined],
    ]);
  });

  it('allows it when every booked visit is over', async () => {
    // Prepare
    const { deps, app, provider, book } = await world();
    await book(NINE);
    app.clock.set('2026-11-27T09:30:00Z');

    // Act
    const view = await putOwnPractitioner(deps, provider, providerProfile({ timeZone: 'Europe/London' }), '"2"', META);

    // Assess
    expect(view).toMatchObject({ timeZone: 'Europe/London' });
  });
});

describe('Use case: If-Match on availability', () => {
  it('creates without If-Match, replaces only with the current ETag, and answers 412 when it is missing or stale', async () => {
    // Prepare
    const { deps, provider, bookings, events } = await world();
    const longer = { ...HOURS, slotMinutes: 60 };

    // Act
    const missing = putOwnAvailability(deps, provider, longer, META);
    const stale = putOwnAvailability(deps, provider, longer, META, '"7"');
    const malformed = putOwnAvailability(deps, provider, longer, META, 'W/"x"');
    const replaced = await putOwnAvailability(deps, provider, longer, META, '"1"');
    const again = putOwnAvailability(deps, provider, HOURS, META, '"1"');

    // Assess
    for (const refused of [missing, stale, malformed, again]) await expect(refused).rejects.toMatchObject({ status: 412, code: 'precondition_failed' });
    expect(replaced).toMatchObject({ version: 2, availability: { slotMinutes: 60 } });
    expect(bookings.availability.get(provider.userId)).toMatchObject({ version: 2, availability: { slotMinutes: 60 } });
    expect(await getOwnAvailability(deps, provider, META)).toMatchObject({ version: 2 });
    expect(events.filter((e) => e.action === 'availability.write').map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'precondition_failed'],
      ['failure', 'precondition_failed'],
      ['failure', 'precondition_failed'],
      ['success', undefined],
      ['failure', 'precondition_failed'],
    ]);
  });
});

describe('Use case: what a dead booking leaves', () => {
  /** What a booking that died after its ledger write leaves: the patient's copy pending, the ledger entry, maybe the practitioner's copy. */
  const leftover = async (w: Awaited<ReturnType<typeof world>>, createdAt: string, practitionerCopy: boolean): Promise<AppointmentRecord> => {
    const id = randomUUID();
    const record: AppointmentRecord = {
      id,
      patientId: w.patient.userId,
      practitionerId: w.provider.userId,
      status: 'pending',
      start: TEN,
      end: '2026-11-27T10:30:00+00:00',
      startMs: Date.parse(TEN),
      endMs: Date.parse(TEN) + 30 * 60_000,
      date: '2026-11-27',
      mode: 'video',
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
    await w.bookings.appointmentRepository.create(w.patient.userId, record);
    if (practitionerCopy) await w.bookings.appointmentRepository.create(w.provider.userId, { ...record, status: 'booked', version: 2 });
    const visit = { start: record.startMs, end: record.endMs, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    const claimed = holdInLedger(emptyLedger('UTC', '2026-11-27'), id, visit);
    if (!claimed.ok) throw new Error('test setup: the ledger refused the leftover');
    await w.bookings.ledgerRepository.write(w.provider.userId, claimed.ledger);
    return record;
  };

  it('deletes the patient’s stale pending copies on their next booking, with the practitioner’s copy and the ledger entry, so the slot frees', async () => {
    // Prepare
    const w = await world();
    const longAgo = new Date(w.app.clock.now().getTime() - STALE_PENDING_MS - 1).toISOString();
    const dead = await leftover(w, longAgo, true);
    const window = { from: TEN, to: '2026-11-27T10:30:00+00:00' };
    const listed = (await listSlots(w.deps, w.patient, w.provider.userId, window, META)).items;

    // Act
    const booked = await w.book(TEN);

    // Assess
    expect(listed).toEqual([]);
    expect(booked).toMatchObject({ status: 'booked', start: TEN });
    expect(w.bookings.appointments.has(`${w.patient.userId}|${dead.id}`)).toBe(false);
    expect(w.bookings.appointments.has(`${w.provider.userId}|${dead.id}`)).toBe(false);
    expect(w.ledger().map((e) => e.appointmentId)).toEqual([booked.id]);
  });

  it('leaves a pending copy younger than a minute alone: its booking may still be running', async () => {
    // Prepare
    const w = await world();
    const young = await leftover(w, new Date(w.app.clock.now().getTime() - 1000).toISOString(), false);

    // Act
    const booked = await w.book(NINE);

    // Assess
    expect(booked).toMatchObject({ status: 'booked' });
    expect(w.bookings.appointments.get(`${w.patient.userId}|${young.id}`)?.status).toBe('pending');
    expect(
      w
        .ledger()
        .map((e) => e.appointmentId)
        .sort(),
    ).toEqual([booked.id, young.id].sort());
  });

  it('never touches another patient’s pending copies', async () => {
    // Prepare
    const w = await world();
    const dead = await leftover(w, '2026-11-01T00:00:00.000Z', false);
    const other = await w.app.addUser(['patient']);

    // Act
    await w.book(NINE, 'video', other);

    // Assess
    expect(w.bookings.appointments.get(`${w.patient.userId}|${dead.id}`)?.status).toBe('pending');
  });
});

describe('Use case: a cancel whose ledger release failed', () => {
  it('answers the repeat of the cancel with 200 and the cancelled appointment, and releases the slot then', async () => {
    // Prepare
    const { deps, bookings, patient, book, ledger, events } = await world();
    const booked = await book(NINE);
    events.length = 0;
    bookings.breakLedgerWrites(1);

    // Act
    const first = cancelAppointment(deps, patient, booked.id, { reason: 'Feeling better' }, META);
    await expect(first).rejects.toThrow('ledger store down');
    const stillHeld = ledger().map((e) => e.appointmentId);
    const again = await cancelAppointment(deps, patient, booked.id, {}, META);

    // Assess
    expect(stillHeld).toEqual([booked.id]);
    expect(again).toMatchObject({ id: booked.id, status: 'cancelled' });
    expect(ledger()).toEqual([]);
    await expect(book(NINE)).resolves.toMatchObject({ status: 'booked' });
    expect(events.filter((e) => e.action === 'appointment.cancel').map((e) => [e.outcome, e.reason])).toEqual([
      ['success', undefined],
      ['success', 'already_cancelled'],
    ]);
  });

  it('finishes the practitioner’s copy when only the patient’s was written', async () => {
    // Prepare
    const { deps, bookings, patient, provider, book } = await world();
    const booked = await book(NINE);
    const mine = bookings.appointments.get(`${patient.userId}|${booked.id}`)!;
    await bookings.appointmentRepository.replace(patient.userId, { ...mine, status: 'cancelled', version: mine.version + 1 });

    // Act
    const view = await cancelAppointment(deps, provider, booked.id, {}, META);

    // Assess
    expect(view).toMatchObject({ status: 'cancelled' });
    expect(bookings.appointments.get(`${provider.userId}|${booked.id}`)).toMatchObject({ status: 'cancelled', version: mine.version + 1 });
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
  });

  it('answers 503 when the release keeps losing its write, and the next cancel finishes it', async () => {
    // Prepare
    const { deps, bookings, patient, book, ledger } = await world();
    const booked = await book(NINE);
    bookings.failLedgerWrites(10);

    // Act
    const first = cancelAppointment(deps, patient, booked.id, {}, META);
    await expect(first).rejects.toMatchObject({ status: 503 });
    bookings.failLedgerWrites(0);
    const again = await cancelAppointment(deps, patient, booked.id, {}, META);

    // Assess
    expect(again).toMatchObject({ status: 'cancelled' });
    expect(ledger()).toEqual([]);
  });

  it('still refuses to cancel a visit already fulfilled or missed (409 not_cancellable)', async () => {
    // Prepare
    const { deps, app, patient, provider, book } = await world();
    const booked = await book(NINE);
    app.clock.set('2026-11-27T09:05:00Z');
    await setAppointmentStatus(deps, provider, booked.id, 'noshow', META);

    // Act
    const attempt = cancelAppointment(deps, patient, booked.id, {}, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'not_cancellable' });
  });
});
