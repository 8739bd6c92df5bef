import { describe, expect, it } from 'vitest';
import { LEDGER_ATTEMPTS } from '../../shared/care/appointment-access';
import { getAppointment, listAppointments } from '../../shared/care/appointment-queries';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { putOwnPractitioner, verifyPractitioner } from '../../shared/care/practitioners';
import { getOwnAvailability, listSlots, putOwnAvailability } from '../../shared/care/schedule';
import type { Availability } from '../../shared/contracts/care-availability';
import type { PractitionerProfileRequest } from '../../shared/contracts/care';
import { SlotUnavailableError } from '../../shared/care/errors';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { inMemoryBookings, inMemoryPractitioners } from '../helpers/fakes/care';
import { inMemoryApp, META } from '../helpers/in-memory';

const PROFILE: PractitionerProfileRequest = {
  displayName: 'Dr Asha Rao',
  languages: ['en'],
  timeZone: 'UTC',
  location: { lat: 12.97, lon: 77.59, city: 'Bengaluru' },
  telehealth: true,
  specialties: ['cardiology'],
  credentials: [{ kind: 'medical_license', number: 'KMC-1', expiresOn: '2030-06-30' }],
};
const HOURS: Availability = {
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
  exceptions: [],
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  horizonDays: 30,
};
const NINE = '2026-11-27T09:00:00+00:00';
const NINE_THIRTY = '2026-11-27T09:30:00+00:00';
const TEN = '2026-11-27T10:00:00+00:00';
const NEXT_DAY = '2026-11-28T09:00:00+00:00';
const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

/** A verified provider with HOURS, a patient, and every booking port in memory; events cleared. */
const world = async () => {
  const app = inMemoryApp();
  const care = inMemoryPractitioners();
  const bookings = inMemoryBookings();
  const deps = {
    practitioners: care.repository,
    users: app.deps.users,
    audit: app.deps.audit,
    clock: app.clock,
    availability: bookings.availabilityRepository,
    ledgers: bookings.ledgerRepository,
    appointments: bookings.appointmentRepository,
    vault: app.deps.vault,
  };
  const provider = await app.addUser(['patient', 'provider']);
  const admin = await app.addUser(['admin']);
  const patient = await app.addUser(['patient']);
  const stranger = await app.addUser(['patient']);
  await putOwnPractitioner(deps, provider, PROFILE, undefined, META);
  await verifyPractitioner(deps, admin, provider.userId, true, undefined, META);
  await putOwnAvailability(deps, provider, HOURS, META);
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
    await expect(putOwnAvailability({ ...deps, audit: failingAudit }, provider, { ...HOURS, slotMinutes: 60 }, META)).rejects.toThrow('audit store down');
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
    await expect(cancelAppointment(deps, patient, first.id, {}, META)).rejects.toBeInstanceOf(ConflictError);
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
