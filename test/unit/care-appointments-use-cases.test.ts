import { describe, expect, it } from 'vitest';
import { LEDGER_ATTEMPTS } from '../../shared/care/appointment-access';
import { getAppointment, listAppointments } from '../../shared/care/appointment-queries';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { getOwnAvailability, listSlots, putOwnAvailability } from '../../shared/care/schedule';
import { SlotUnavailableError } from '../../shared/care/errors';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld, failingAudit } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';
import { reviewAppointment } from '../../shared/care/review-appointment';
import { getPractitioner } from '../../shared/care/practitioners';
import { ratingView } from '../../shared/care/views';
import { deleteAccount } from '../../shared/account/delete-account';
import { type ExportDeps, exportAccount } from '../../shared/account/export';
import { inMemoryRatings } from '../helpers/fakes/care';
import { appointmentPlaces } from '../../shared/care/places';

const PROFILE = providerProfile({ specialties: ['cardiology'] });
const HOURS = weeklyHours('09:00', '17:00', { bufferAfterMinutes: 10 });
const NINE = '2026-11-27T09:00:00+00:00';
const NINE_THIRTY = '2026-11-27T09:30:00+00:00';
const TEN = '2026-11-27T10:00:00+00:00';
const NEXT_DAY = '2026-11-28T09:00:00+00:00';

/** A verified provider with HOURS, a patient, and every booking port in memory; events cleared. */
const world = async () => {
  const { app, bookings, deps, admin, verifiedProvider } = await careWorld();
  const provider = await verifiedProvider(PROFILE, HOURS);
  const patient = await app.addUser(['patient']);
  const stranger = await app.addUser(['patient']);
  app.events.length = 0;
  const book = (start = NINE, reason?: string) =>
    bookAppointment(deps, patient, { practitionerId: provider.userId, start, mode: 'video', ...(reason ? { reason } : {}) }, META);
  return { app, deps, bookings, provider, patient, stranger, admin, book, events: app.events };
};

describe('Use case: availability and slots', () => {
  it('refuses availability before a profile (409) and reads it back with the profile’s zone', async () => {
    const { deps, app, provider } = await world();
    const other = await app.addUser(['patient', 'caregiver']);
    await expect(putOwnAvailability(deps, other, HOURS, META)).rejects.toMatchObject({ code: 'practitioner_profile_required' });
    await expect(getOwnAvailability(deps, other, META)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getOwnAvailability(deps, provider, META)).toMatchObject({ timeZone: 'UTC', availability: HOURS, version: 1 });
  });

  it('puts the previous availability back when the audit append fails', async () => {
    const { deps, provider, bookings } = await world();
    const replace = putOwnAvailability({ ...deps, audit: failingAudit }, provider, { ...HOURS, slotMinutes: 60 }, META, '"1"');
    await expect(replace).rejects.toThrow('audit store down');
    expect(bookings.availability.get(provider.userId)).toMatchObject({ version: 1, availability: { slotMinutes: 30 } });
  });

  it('lists free slots without the booked ones and their buffers; 404 for an unknown practitioner', async () => {
    const { deps, provider, patient, book, events } = await world();
    await book(NINE);
    const window = { from: '2026-11-27T00:00:00+00:00', to: '2026-11-28T00:00:00+00:00' };
    const { items } = await listSlots(deps, patient, provider.userId, window, META);
    expect(items.map((s) => s.start).slice(0, 2)).toEqual(['2026-11-27T10:00:00+00:00', '2026-11-27T10:30:00+00:00']);
    await expect(listSlots(deps, patient, patient.userId, window, META)).rejects.toBeInstanceOf(NotFoundError);
    expect(events.filter((e) => e.action === 'practitioner.slots')).toHaveLength(2);
  });
});

describe('Use case: bookAppointment', () => {
  it('books a slot: the ledger holds the id and instants only, the reason sealed in the patient’s copy only', async () => {
    const { bookings, provider, patient, book, events } = await world();
    const view = await book(NINE, 'Palpitations at night');
    expect(view).toMatchObject({ status: 'booked', start: NINE, end: '2026-11-27T09:30:00+00:00', reason: 'Palpitations at night' });
    const ledger = bookings.ledgers.get(`${provider.userId}|2026-11-27`)!;
    expect(ledger.entries).toEqual([expect.objectContaining({ appointmentId: view.id })]);
    expect(JSON.stringify(ledger)).not.toContain(patient.userId);
    expect(bookings.appointments.get(`${patient.userId}|${view.id}`)?.reasonSealed).toMatch(/^cb1\./);
    expect(bookings.appointments.get(`${provider.userId}|${view.id}`)?.reasonSealed).toBeUndefined();
    expect(JSON.stringify([...bookings.appointments.values()])).not.toContain('Palpitations');
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'success', subjectId: patient.userId })]);
  });

  it('refuses a taken slot, a buffer collision and an off-grid start with slot_unavailable, leaving no record behind', async () => {
    const { bookings, book } = await world();
    await book(NINE);
    await expect(book(NINE)).rejects.toMatchObject({ code: 'slot_unavailable', details: { reason: 'taken' } });
    await expect(book(NINE_THIRTY)).rejects.toMatchObject({ details: { reason: 'buffer' } });
    await expect(book('2026-11-27T09:10:00+00:00')).rejects.toMatchObject({ details: { reason: 'off_grid' } });
    expect(bookings.appointments.size).toBe(2);
  });

  it('re-reads and retries a lost ledger write, and gives up with contention after the attempts', async () => {
    const { bookings, book } = await world();
    bookings.failLedgerWrites(LEDGER_ATTEMPTS - 1);
    await expect(book(NINE)).resolves.toMatchObject({ status: 'booked' });
    bookings.failLedgerWrites(LEDGER_ATTEMPTS);
    await expect(book(TEN)).rejects.toMatchObject({ details: { reason: 'contention' } });
    expect(bookings.appointments.size).toBe(2);
  });

  it('releases the ledger entry and deletes both copies when the audit append fails', async () => {
    const { deps, bookings, provider, patient } = await world();
    const failing = bookAppointment({ ...deps, audit: failingAudit }, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);
    await expect(failing).rejects.toThrow('audit store down');
    expect(bookings.appointments.size).toBe(0);
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
  });

  it('answers 404 for an unverified practitioner or oneself', async () => {
    const { deps, patient, stranger } = await world();
    await expect(bookAppointment(deps, patient, { practitionerId: stranger.userId, start: NINE, mode: 'video' }, META)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Use case: reading, cancelling, rescheduling, status', () => {
  it('shows an appointment to both parties only, and lists it for each side', async () => {
    const { deps, provider, patient, stranger, book } = await world();
    const { id } = await book(NINE, 'Follow-up');
    expect(await getAppointment(deps, provider, id, META)).toMatchObject({ id, reason: 'Follow-up' });
    await expect(getAppointment(deps, stranger, id, META)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAppointments(deps, patient, {}, META)).items.map((a) => a.id)).toEqual([id]);
    expect((await listAppointments(deps, provider, {}, META)).items.map((a) => a.id)).toEqual([id]);
    expect((await listAppointments(deps, provider, { as: 'patient' }, META)).items).toEqual([]);
  });

  it('cancels and releases the slot; an audit failure restores both copies and keeps the slot', async () => {
    const { deps, bookings, provider, patient, book } = await world();
    const first = await book(NINE);
    await expect(cancelAppointment({ ...deps, audit: failingAudit }, patient, first.id, {}, META)).rejects.toThrow('audit store down');
    expect(bookings.appointments.get(`${provider.userId}|${first.id}`)?.status).toBe('booked');
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toHaveLength(1);
    expect(await cancelAppointment(deps, provider, first.id, { reason: 'Unwell' }, META)).toMatchObject({ status: 'cancelled' });
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
    expect(await cancelAppointment(deps, patient, first.id, {}, META)).toMatchObject({ status: 'cancelled' });
    await expect(book(NINE)).resolves.toMatchObject({ status: 'booked' });
  });

  it('reschedules within a day in one ledger write, and to another day releasing the old day after', async () => {
    const { deps, bookings, provider, patient, book } = await world();
    const { id } = await book(NINE);
    const writes = bookings.ledgerWrites();
    expect(await rescheduleAppointment(deps, patient, id, TEN, META)).toMatchObject({ id, start: TEN });
    expect(bookings.ledgerWrites() - writes).toBe(1);
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries.map((e) => e.start)).toEqual([Date.parse(TEN)]);
    expect(await rescheduleAppointment(deps, patient, id, NEXT_DAY, META)).toMatchObject({ start: NEXT_DAY });
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-27`)?.entries).toEqual([]);
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-28`)?.entries).toHaveLength(1);
  });

  it('keeps the old time when the new one is taken, and refuses the practitioner', async () => {
    const { deps, provider, patient, book } = await world();
    const mine = await book(NINE);
    await book(TEN);
    await expect(rescheduleAppointment(deps, patient, mine.id, TEN, META)).rejects.toBeInstanceOf(SlotUnavailableError);
    await expect(rescheduleAppointment(deps, provider, mine.id, NEXT_DAY, META)).rejects.toBeInstanceOf(ConflictError);
    expect(await getAppointment(deps, patient, mine.id, META)).toMatchObject({ start: NINE });
  });

  it('lets only the practitioner record the outcome, once the visit has started', async () => {
    const { app, deps, provider, patient, book } = await world();
    const { id } = await book(NINE);
    await expect(setAppointmentStatus(deps, provider, id, 'fulfilled', META)).rejects.toMatchObject({ code: 'status_not_allowed' });
    app.clock.set('2026-11-27T09:05:00Z');
    await expect(setAppointmentStatus(deps, patient, id, 'noshow', META)).rejects.toMatchObject({ code: 'not_the_practitioner' });
    expect(await setAppointmentStatus(deps, provider, id, 'noshow', META)).toMatchObject({ status: 'noshow' });
  });
});

/** `world()` with the review ports, and a visit at NINE that the provider has marked fulfilled (the clock at 09:05). */
const reviewWorld = async () => {
  const w = await world();
  const ratings = inMemoryRatings();
  const deps = { ...w.deps, reviews: w.bookings.reviewRepository, ratings: ratings.repository };
  const visit = await w.book(NINE, 'Palpitations at night');
  w.app.clock.set('2026-11-27T09:05:00Z');
  await setAppointmentStatus(deps, w.provider, visit.id, 'fulfilled', META);
  w.events.length = 0;
  const copy = () => w.bookings.appointments.get(`${w.patient.userId}|${visit.id}`)!;
  return { ...w, deps, ratings, visit, copy };
};

describe('Use case: reviewAppointment', () => {
  it('stores the review once on the patient’s copy, the comment sealed, and adds its stars to the practitioner’s aggregate', async () => {
    // Prepare
    const { deps, ratings, provider, patient, visit, copy, bookings, events } = await reviewWorld();

    // Act
    const review = await reviewAppointment(deps, patient, visit.id, { rating: 4, comment: 'Kind and thorough' }, META);
    const again = reviewAppointment(deps, patient, visit.id, { rating: 1 }, META);

    // Assess
    expect(review).toEqual({
      appointmentId: visit.id,
      practitionerId: provider.userId,
      rating: 4,
      comment: 'Kind and thorough',
      createdAt: expect.any(String),
    });
    await expect(again).rejects.toMatchObject({ status: 409, code: 'already_reviewed' });
    expect(copy().review).toEqual({ rating: 4, commentSealed: expect.stringMatching(/^cb1\./), createdAt: review.createdAt });
    expect(copy().version).toBe(bookings.appointments.get(`${provider.userId}|${visit.id}`)!.version);
    expect(bookings.appointments.get(`${provider.userId}|${visit.id}`)!.review).toBeUndefined();
    expect(JSON.stringify([...bookings.appointments.values()])).not.toContain('Kind and thorough');
    expect(ratings.aggregates.get(provider.userId)).toEqual({ sum: 4, count: 1 });
    expect(events.map((e) => [e.action, e.outcome, e.subjectId, e.reason])).toEqual([
      ['appointment.review', 'success', patient.userId, undefined],
      ['appointment.review', 'failure', patient.userId, 'already_reviewed'],
    ]);
  });

  it('lets exactly one of two concurrent reviews through', async () => {
    // Prepare
    const { deps, ratings, provider, patient, visit } = await reviewWorld();

    // Act
    const results = await Promise.allSettled([
      reviewAppointment(deps, patient, visit.id, { rating: 5 }, META),
      reviewAppointment(deps, patient, visit.id, { rating: 2 }, META),
    ]);

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'already_reviewed' } });
    expect(ratings.aggregates.get(provider.userId)?.count).toBe(1);
  });

  it('refuses a visit that is booked or a no-show (409 not_reviewable), writing nothing', async () => {
    // Prepare
    const { app, deps, ratings, provider, patient, book, events } = await reviewWorld();
    const booked = await book('2026-11-28T09:00:00+00:00');
    const missed = await book(TEN);
    app.clock.set('2026-11-27T10:05:00Z');
    await setAppointmentStatus(deps, provider, missed.id, 'noshow', META);
    events.length = 0;

    // Act
    const early = reviewAppointment(deps, patient, booked.id, { rating: 5 }, META);
    const noshow = reviewAppointment(deps, patient, missed.id, { rating: 5 }, META);

    // Assess
    await expect(early).rejects.toMatchObject({ status: 409, code: 'not_reviewable' });
    await expect(noshow).rejects.toMatchObject({ status: 409, code: 'not_reviewable' });
    expect(ratings.aggregates.size).toBe(0);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'not_reviewable'],
      ['failure', 'not_reviewable'],
    ]);
  });

  it('answers 404 to the practitioner, a stranger and an unknown id, on the caller’s own chain', async () => {
    // Prepare
    const { deps, ratings, provider, stranger, admin, visit, copy, events } = await reviewWorld();

    // Act
    const attempts = [provider, stranger, admin].map((caller) => reviewAppointment(deps, caller, visit.id, { rating: 1 }, META));
    const unknown = reviewAppointment(deps, stranger, crypto.randomUUID(), { rating: 1 }, META);

    // Assess
    for (const attempt of [...attempts, unknown]) await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(copy().review).toBeUndefined();
    expect(ratings.aggregates.size).toBe(0);
    expect(events.map((e) => [e.subjectId, e.outcome, e.reason])).toEqual(
      [provider, stranger, admin, stranger].map((caller) => [caller.userId, 'failure', 'not_found']),
    );
  });

  it('takes the stars back out of the aggregate and removes the review when the audit append fails', async () => {
    // Prepare
    const { deps, ratings, provider, patient, visit, copy } = await reviewWorld();

    // Act
    const failing = reviewAppointment({ ...deps, audit: failingAudit }, patient, visit.id, { rating: 3, comment: 'Late' }, META);

    // Assess
    await expect(failing).rejects.toThrow('audit store down');
    expect(copy().review).toBeUndefined();
    expect(ratings.aggregates.get(provider.userId)).toEqual({ sum: 0, count: 0 });
    await expect(reviewAppointment(deps, patient, visit.id, { rating: 3 }, META)).resolves.toMatchObject({ rating: 3 });
    expect(ratings.aggregates.get(provider.userId)).toEqual({ sum: 3, count: 1 });
  });

  it('removes the review and audits one failure when the aggregate cannot be written', async () => {
    // Prepare
    const { deps, ratings, patient, visit, copy, events } = await reviewWorld();
    ratings.failAdds(1);

    // Act
    const failing = reviewAppointment(deps, patient, visit.id, { rating: 2 }, META);

    // Assess
    await expect(failing).rejects.toThrow('rating store down');
    expect(copy().review).toBeUndefined();
    expect(ratings.aggregates.size).toBe(0);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.review', outcome: 'failure', reason: 'error' })]);
  });

  it('refuses the visit of a practitioner whose account was deleted, so their aggregate never comes back', async () => {
    // Prepare
    const { deps, ratings, provider, patient, visit } = await reviewWorld();
    await deps.practitioners.remove(provider.userId);

    // Act
    const attempt = reviewAppointment(deps, patient, visit.id, { rating: 5 }, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'not_reviewable' });
    expect(ratings.aggregates.has(provider.userId)).toBe(false);
  });
});

describe('Ratings: the aggregate in the public views', () => {
  it('averages the stars to one decimal, null before the first review', () => {
    expect(ratingView(undefined)).toEqual({ rating: null, reviewCount: 0 });
    expect(ratingView({ sum: 0, count: 0 })).toEqual({ rating: null, reviewCount: 0 });
    expect(ratingView({ sum: 17, count: 4 })).toEqual({ rating: 4.3, reviewCount: 4 });
    expect(ratingView({ sum: 13, count: 3 })).toEqual({ rating: 4.3, reviewCount: 3 });
    expect(ratingView({ sum: 11, count: 3 })).toEqual({ rating: 3.7, reviewCount: 3 });
    expect(ratingView({ sum: 5, count: 1 })).toEqual({ rating: 5, reviewCount: 1 });
  });

  it('shows the reviews of several patients on the practitioner’s public profile', async () => {
    // Prepare
    const { app, deps, provider, patient } = await reviewWorld();
    const others = [await app.addUser(['patient']), await app.addUser(['patient'])];
    app.clock.set('2026-11-26T12:00:00Z');
    const visits = [];
    const starts = ['2026-11-28T09:00:00+00:00', '2026-11-28T10:00:00+00:00'];
    for (const [i, other] of others.entries()) {
      visits.push(await bookAppointment(deps, other, { practitionerId: provider.userId, start: starts[i]!, mode: 'video' }, META));
    }
    app.clock.set('2026-11-28T11:00:00Z');
    for (const visit of visits) await setAppointmentStatus(deps, provider, visit.id, 'fulfilled', META);

    // Act
    await reviewAppointment(deps, others[0]!, visits[0]!.id, { rating: 5 }, META);
    await reviewAppointment(deps, others[1]!, visits[1]!.id, { rating: 4 }, META);
    const view = await getPractitioner(deps, patient, provider.userId, META);

    // Assess
    expect(view).toMatchObject({ rating: 4.5, reviewCount: 2 });
    expect(JSON.stringify(view)).not.toContain(others[0]!.userId);
  });
});

describe('Reviews in the account’s export and deletion', () => {
  const accountDeps = (w: Awaited<ReturnType<typeof reviewWorld>>) => ({
    ...w.app.deps,
    ...w.deps,
    auditTrail: { chain: async () => [] } as unknown as ExportDeps['auditTrail'],
  });

  it('puts the review, its comment opened, in the patient’s export only', async () => {
    // Prepare
    const w = await reviewWorld();
    await reviewAppointment(w.deps, w.patient, w.visit.id, { rating: 5, comment: 'Listened well' }, META);

    // Act
    const mine = await exportAccount(accountDeps(w), w.patient, META);
    const theirs = await exportAccount(accountDeps(w), w.provider, META);

    // Assess
    const exported = mine.appointments.find((a) => a.id === w.visit.id)?.review;
    expect(exported).toMatchObject({ rating: 5, comment: 'Listened well', practitionerId: w.provider.userId });
    expect(theirs.appointments.find((a) => a.id === w.visit.id)?.review).toBeUndefined();
    expect(JSON.stringify(theirs)).not.toContain('Listened well');
  });

  it('a patient’s deletion shreds the comment and keeps the stars in the aggregate; a practitioner’s removes the aggregate', async () => {
    // Prepare
    const w = await reviewWorld();
    await reviewAppointment(w.deps, w.patient, w.visit.id, { rating: 5, comment: 'Listened well' }, META);
    const deps = accountDeps(w);

    // Act
    await deleteAccount(deps, w.patient, META);
    const sealed = w.copy().review!.commentSealed!;
    const opened = w.app.deps.vault.open(appointmentPlaces.reviewComment(w.patient.userId, w.visit.id), sealed);
    const kept = { ...w.ratings.aggregates.get(w.provider.userId) };
    await deleteAccount(deps, w.provider, META);

    // Assess
    await expect(opened).rejects.toThrow();
    expect(kept).toEqual({ sum: 5, count: 1 });
    expect(w.ratings.aggregates.has(w.provider.userId)).toBe(false);
  });
});
