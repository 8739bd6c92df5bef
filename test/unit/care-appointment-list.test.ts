import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLedger, LEDGER_ATTEMPTS, ledgerBackoffMs } from '../../shared/care/appointment-access';
import { listAppointments } from '../../shared/care/appointment-queries';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { cancelFutureAppointments } from '../../shared/care/cancel-future-appointments';
import { book } from '../../shared/care/ledger';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { appointmentPartyKey, appointmentStartKey } from '../../shared/data/keys';
import { ValidationError } from '../../shared/errors';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * The appointment list by time (`listAppointments` on `AppointmentTimeline`), the ledger's jittered
 * back-off between lost writes (ADR 0006), and an account deletion that finishes, when sent again,
 * a ledger release it could not write (`cancelFutureAppointments`), on fakes.
 */

const HOURS = weeklyHours('09:00', '17:00');
/** The clock starts at 2026-11-25T12:00Z; the provider is in UTC. */
const at = (hour: number, day = 27) => `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00+00:00`;

/** A verified provider, a patient, and `book(start)` for that patient; events cleared. */
const world = async () => {
  const { app, bookings, deps, verifiedProvider } = await careWorld();
  const provider = await verifiedProvider(providerProfile(), HOURS);
  const patient = await app.addUser(['patient']);
  const other = await app.addUser(['patient']);
  const bookAt = (start: string) => bookAppointment(deps, patient, { practitionerId: provider.userId, start, mode: 'video' }, META);
  app.events.length = 0;
  return { app, bookings, deps, provider, patient, other, bookAt, events: app.events };
};

describe('Keys: the byPartyTime index (shared/data/keys.ts)', () => {
  it('spells the party and the start so that the strings sort as the starts, then the ids', () => {
    // Act, Assess
    expect(appointmentPartyKey('u-1', 'patient')).toBe('u-1#patient');
    expect(appointmentPartyKey('u-1', 'practitioner')).toBe('u-1#practitioner');
    expect(appointmentStartKey(1_795_683_600_000, 'a-1')).toBe('0001795683600000#a-1');
    expect(appointmentStartKey(8.64e15)).toBe('8640000000000000');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8.64e15 }), fc.integer({ min: 0, max: 8.64e15 }), fc.uuid(), fc.uuid(), (a, b, x, y) => {
        const [ka, kb] = [appointmentStartKey(a, x), appointmentStartKey(b, y)];
        if (a !== b) expect(ka < kb).toBe(a < b);
        else expect(ka < kb).toBe(x < y);
        // A window's bare bound sorts after every key of an earlier start and before every key of its own.
        if (a < b) expect(ka < appointmentStartKey(b) && appointmentStartKey(b) < kb).toBe(true);
      }),
      { seed: 10 },
    );
  });
});

describe('Use case: listAppointments (start order, exact pages)', () => {
  it('lists in start order in exact pages, the cursor carrying on where the last page ended', async () => {
    // Prepare
    const { deps, patient, provider, bookAt } = await world();
    for (const hour of [13, 9, 15, 11, 10]) await bookAt(at(hour));

    // Act
    const first = await listAppointments(deps, patient, { limit: 2 }, META);
    const second = await listAppointments(deps, patient, { limit: 2, cursor: first.nextCursor! }, META);
    const third = await listAppointments(deps, patient, { limit: 2, cursor: second.nextCursor! }, META);
    const schedule = await listAppointments(deps, provider, { limit: 5 }, META);

    // Assess
    expect([first, second, third].map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(third.nextCursor).toBeUndefined();
    expect([...first.items, ...second.items, ...third.items].map((a) => a.start)).toEqual([at(9), at(10), at(11), at(13), at(15)]);
    expect(schedule.items.map((a) => a.start)).toEqual([at(9), at(10), at(11), at(13), at(15)]);
    expect(schedule.nextCursor).toBeUndefined();
  });

  it('keeps to [from, to), moves a rescheduled visit and lists a cancelled one with its status', async () => {
    // Prepare
    const { deps, patient, bookAt } = await world();
    const moved = await bookAt(at(9));
    const dropped = await bookAt(at(10));
    await bookAt(at(12));
    await rescheduleAppointment(deps, patient, moved.id, at(14), META);
    await cancelAppointment(deps, patient, dropped.id, {}, META);

    // Act
    const all = await listAppointments(deps, patient, {}, META);
    const window = await listAppointments(deps, patient, { from: at(10), to: at(14) }, META);

    // Assess
    expect(all.items.map((a) => [a.start, a.status])).toEqual([
      [at(10), 'cancelled'],
      [at(12), 'booked'],
      [at(14), 'booked'],
    ]);
    expect(window.items.map((a) => a.start)).toEqual([at(10), at(12)]);
  });

  it('refuses another caller’s cursor (400 invalid_cursor) and audits each list once', async () => {
    // Prepare
    const { deps, patient, other, bookAt, events } = await world();
    await bookAt(at(9));
    await bookAt(at(10));
    const { nextCursor } = await listAppointments(deps, patient, { limit: 1 }, META);
    events.length = 0;

    // Act
    const stolen = listAppointments(deps, other, { limit: 1, cursor: nextCursor! }, META);

    // Assess
    await expect(stolen).rejects.toBeInstanceOf(ValidationError);
    await expect(stolen).rejects.toMatchObject({ code: 'invalid_cursor' });
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([['appointment.list', other.userId]]);
  });
});

describe('Ledger writes: the jittered back-off between attempts (ADR 0006)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('waits a uniform share of 8, 16, 32 … ms, capped at 250 ms: at most 748 ms over all the attempts', () => {
    // Prepare
    const lost = Array.from({ length: LEDGER_ATTEMPTS - 1 }, (_, i) => i + 1);

    // Act
    const ceilings = lost.map((n) => ledgerBackoffMs(n, 1));
    const floors = lost.map((n) => ledgerBackoffMs(n, 0));
    const halves = lost.map((n) => ledgerBackoffMs(n, 0.5));

    // Assess
    expect(LEDGER_ATTEMPTS).toBe(8);
    expect(ceilings).toEqual([8, 16, 32, 64, 128, 250, 250]);
    expect(ceilings.reduce((a, b) => a + b, 0)).toBe(748);
    expect(floors.every((ms) => ms === 0)).toBe(true);
    expect(halves).toEqual([4, 8, 16, 32, 64, 125, 125]);
  });

  it('backs off before each re-read after a lost write, and never before the first read', async () => {
    // Prepare
    const { bookings, provider } = await world();
    const waits: number[] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((resolve: () => void, ms: number) => {
      waits.push(ms);
      resolve();
      return 0;
    }) as unknown as typeof setTimeout);
    vi.spyOn(Math, 'random').mockReturnValue(1);
    bookings.failLedgerWrites(3);
    const visit = { start: Date.parse(at(9, 28)), end: Date.parse(at(9, 28)) + 1_800_000, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

    // Act
    const result = await changeLedger({ ledgers: bookings.ledgerRepository }, provider.userId, 'UTC', '2026-11-28', (ledger) => book(ledger, 'a1', visit));

    // Assess
    expect(result).toEqual({ ok: true });
    expect(waits).toEqual([8, 16, 32]);
  });

  it('gives up with contention after LEDGER_ATTEMPTS lost writes, having waited LEDGER_ATTEMPTS − 1 times', async () => {
    // Prepare
    const { bookings, provider } = await world();
    const waits: number[] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((resolve: () => void, ms: number) => {
      waits.push(ms);
      resolve();
      return 0;
    }) as unknown as typeof setTimeout);
    bookings.failLedgerWrites(LEDGER_ATTEMPTS);
    const visit = { start: Date.parse(at(9, 28)), end: Date.parse(at(9, 28)) + 1_800_000, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

    // Act
    const result = await changeLedger({ ledgers: bookings.ledgerRepository }, provider.userId, 'UTC', '2026-11-28', (ledger) => book(ledger, 'a1', visit));

    // Assess
    expect(result).toEqual({ ok: false, reason: 'contention' });
    expect(waits).toHaveLength(LEDGER_ATTEMPTS - 1);
    expect(waits.every((ms, i) => ms >= 0 && ms <= Math.min(250, 2 ** (i + 3)))).toBe(true);
  });
});

describe('Use case: cancelFutureAppointments, sent again after a release it could not write', () => {
  it('names the visit unreleased, then releases it on the next run without cancelling anything twice', async () => {
    // Prepare
    const { deps, bookings, provider, patient, bookAt } = await world();
    const visit = await bookAt(at(9, 28));
    const held = () => (bookings.ledgers.get(`${provider.userId}|2026-11-28`)?.entries ?? []).map((e) => e.appointmentId);
    bookings.failLedgerWrites(LEDGER_ATTEMPTS);

    // Act
    const first = await cancelFutureAppointments(deps, patient.userId, deps.clock.now());
    const blocked = held();
    const again = await cancelFutureAppointments(deps, patient.userId, deps.clock.now());

    // Assess
    expect(first).toEqual({ cancelled: [visit.id], unreleased: [visit.id] });
    expect(blocked).toEqual([visit.id]);
    expect(again).toEqual({ cancelled: [], unreleased: [] });
    expect(held()).toEqual([]);
    expect(bookings.appointments.get(`${patient.userId}|${visit.id}`)).toMatchObject({ status: 'cancelled', version: 3 });
  });

  it('writes the practitioner’s copy when only the patient’s says cancelled (a run that died between the two)', async () => {
    // Prepare
    const { deps, bookings, provider, patient, bookAt } = await world();
    const visit = await bookAt(at(9, 28));
    const patientCopy = bookings.appointments.get(`${patient.userId}|${visit.id}`)!;
    await deps.appointments.replace(patient.userId, { ...patientCopy, status: 'cancelled', version: patientCopy.version + 1 });

    // Act
    const result = await cancelFutureAppointments(deps, patient.userId, deps.clock.now());

    // Assess
    expect(result).toEqual({ cancelled: [], unreleased: [] });
    expect(bookings.appointments.get(`${provider.userId}|${visit.id}`)).toMatchObject({ status: 'cancelled', version: patientCopy.version + 1 });
    expect(bookings.appointments.get(`${provider.userId}|${visit.id}`)?.reasonSealed).toBeUndefined();
    expect(bookings.ledgers.get(`${provider.userId}|2026-11-28`)?.entries).toEqual([]);
  });
});
