import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../shared/care/availability';
import { book, canBook, emptyLedger, type Ledger, MAX_LEDGER_ENTRIES, overlaps, release } from '../../shared/care/ledger';
import { bookable, freeSlots } from '../../shared/care/slots';
import { addDays, localDay } from '../../shared/care/time-zone';
import { Availability, type Slot } from '../../shared/contracts/care-availability';
import { WEEKDAYS, type Weekday } from '../../shared/contracts/care-bounds';

/**
 * The scheduling core's promises, over random availabilities, zones and bookings, concentrated on
 * the days whose clocks change (spring-forward gaps, fall-back folds, a 30-minute shift, changes
 * at midnight):
 * - no sequence of book and release ever leaves two held spans (visits with buffers) overlapping;
 * - every listed slot is bookable, and booking it removes exactly the listed slots whose held span
 *   overlaps its own (itself, and the neighbours within buffers);
 * - every listed time carries the zone's real offset at that instant.
 * Fixed seed in `npm test`; `FUZZ_RUNS` for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = 20261126;
/** Room for a long `FUZZ_RUNS`; the default runs take well under a second. */
const TIMEOUT = Math.max(5_000, RUNS * 50);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Zones with their clock-change dates of 2027: the days the properties lean on. */
const ZONES: Record<string, string[]> = {
  'America/New_York': ['2027-03-14', '2027-11-07'],
  'Europe/London': ['2027-03-28', '2027-10-31'],
  'Australia/Lord_Howe': ['2027-04-04', '2027-10-03'],
  'America/Santiago': ['2027-04-04', '2027-09-05'],
  'America/Havana': ['2027-03-14', '2027-11-07'],
  'Pacific/Chatham': ['2027-04-04', '2027-09-26'],
  'America/St_Johns': ['2027-03-14', '2027-11-07'],
  'Europe/Dublin': ['2027-03-28', '2027-10-31'],
  'Asia/Kathmandu': ['2027-06-15'],
};

const zoneAndDate = fc
  .constantFrom(...Object.entries(ZONES).flatMap(([zone, dates]) => dates.map((date) => [zone, date] as const)))
  .chain(([zone, date]) => fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -1, max: 1 })).map((shift) => ({ zone, date: addDays(date, shift) })));

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Up to three windows a day on 10-minute boundaries. On the weekday of the day under test the
 * cuts fall mostly between 00:00 and 05:00, where every zone here changes its clocks.
 */
const dayWindows = (night: boolean) =>
  fc
    .uniqueArray(
      night ? fc.oneof({ arbitrary: fc.integer({ min: 0, max: 30 }), weight: 4 }, fc.integer({ min: 0, max: 144 })) : fc.integer({ min: 0, max: 144 }),
      {
        minLength: night ? 2 : 0,
        maxLength: 6,
      },
    )
    .map((cuts) => {
      const sorted = cuts.map((c) => c * 10).sort((a, b) => a - b);
      const windows: { start: string; end: string }[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ start: hhmm(sorted[i]!), end: sorted[i + 1] === 1440 ? '24:00' : hhmm(sorted[i + 1]!) });
      return windows;
    });

/** An availability whose windows on `night`'s weekday crowd the small hours. */
const availabilityAround = (night: Weekday) =>
  fc
    .record({
      week: fc.tuple(...WEEKDAYS.map((day) => dayWindows(day === night))),
      slotMinutes: fc.oneof(fc.constantFrom(10, 15, 20, 30, 45, 60, 90), fc.constantFrom(10, 15, 20, 30, 45, 60, 90), fc.integer({ min: 10, max: 240 })),
      bufferBeforeMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      bufferAfterMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
      horizonDays: fc.integer({ min: 1, max: 180 }),
    })
    .map(
      ({ week, ...rules }): Availability =>
        Availability.parse({ weekly: week.flatMap((windows, i) => windows.map((w) => ({ day: WEEKDAYS[i]!, ...w }))), exceptions: [], ...rules }),
    );

/** A zone, a date at or next to one of its clock changes, and an availability open in that date's small hours. */
const scenario = zoneAndDate.chain(({ zone, date }) => availabilityAround(weekdayOf(date)).map((a) => ({ zone, date, a })));

/** The span a listed slot would hold under `a`'s buffers. */
const heldOf = (slot: Slot, a: Availability) => ({
  start: Date.parse(slot.start) - a.bufferBeforeMinutes * MINUTE,
  end: Date.parse(slot.end) + a.bufferAfterMinutes * MINUTE,
});

describe('Property: the ledger never holds two overlapping spans', () => {
  const operation = fc.record({
    release: fc.boolean(),
    id: fc.integer({ min: 0, max: 9 }),
    startMinute: fc.integer({ min: -30, max: 25 * 60 }),
    minutes: fc.integer({ min: 5, max: 180 }),
    before: fc.integer({ min: 0, max: 30 }),
    after: fc.integer({ min: 0, max: 30 }),
  });

  it(
    'holds through any sequence of book and release, on any day',
    () => {
      fc.assert(
        fc.property(zoneAndDate, fc.array(operation, { maxLength: 40 }), ({ zone, date }, operations) => {
          // Prepare
          let ledger: Ledger = emptyLedger(zone, date);
          for (const op of operations) {
            const id = `a${op.id}`;
            const start = ledger.dayStart + op.startMinute * MINUTE;
            const visit = { start, end: start + op.minutes * MINUTE, bufferBeforeMinutes: op.before, bufferAfterMinutes: op.after };
            // Act
            const before = ledger;
            if (op.release) ledger = release(ledger, id);
            else {
              const result = book(ledger, id, visit);
              const alreadyIn = before.entries.some((e) => e.appointmentId === id);
              if (!alreadyIn) expect(result.ok).toBe(canBook(before, visit).ok);
              if (result.ok) ledger = result.ledger;
            }
            // Assess
            expect(ledger.version).toBe(before.version + (ledger === before ? 0 : 1));
            const entries = ledger.entries;
            expect(entries.length).toBeLessThanOrEqual(MAX_LEDGER_ENTRIES);
            expect(new Set(entries.map((e) => e.appointmentId)).size).toBe(entries.length);
            for (const [i, e] of entries.entries()) {
              expect(e.heldStart <= e.start && e.start < e.end && e.end <= e.heldEnd).toBe(true);
              expect(e.heldStart >= ledger.dayStart && e.heldEnd <= ledger.dayEnd).toBe(true);
              if (i > 0) expect(entries[i - 1]!.start).toBeLessThan(e.start);
              for (const other of entries.slice(i + 1))
                expect(overlaps({ start: e.heldStart, end: e.heldEnd }, { start: other.heldStart, end: other.heldEnd })).toBe(false);
            }
          }
        }),
        { seed: SEED, numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );
});

describe('Property: every listed slot is bookable, and booking it removes exactly what it holds', () => {
  it(
    'holds around clock changes, with buffers and earlier bookings',
    () => {
      fc.assert(
        fc.property(
          scenario,
          fc.integer({ min: -2 * 24 * 60, max: 24 * 60 }),
          fc.array(fc.nat(), { maxLength: 4 }),
          fc.nat(),
          ({ zone, date, a }, nowShift, earlier, pick) => {
            // Prepare: list two days from the day before; book a few listed slots first, through bookable and the ledgers
            const day = localDay(zone, date);
            const from = new Date(day.start - DAY);
            const to = new Date(day.end + DAY);
            const now = new Date(day.start + nowShift * MINUTE);
            const ledgers = new Map<string, Ledger>();
            const ledgerOf = (d: string) => ledgers.get(d) ?? emptyLedger(zone, d);
            const booked = () => [...ledgers.values()].flatMap((l) => l.entries);
            const bookSlot = (slot: Slot, id: string): ReturnType<typeof bookable> => {
              const check = bookable(a, zone, booked(), slot.start, a.slotMinutes, now);
              if (check.ok) {
                const result = book(ledgerOf(check.date), id, check.visit);
                expect(result.ok).toBe(true);
                if (result.ok) ledgers.set(check.date, result.ledger);
              }
              return check;
            };
            for (const [i, n] of earlier.entries()) {
              const listed = freeSlots(a, zone, booked(), from, to, now);
              if (listed.length > 0) bookSlot(listed[n % listed.length]!, `early-${i}`);
            }
            // Act
            const free = freeSlots(a, zone, booked(), from, to, now);
            // Assess: every slot is bookable alone
            for (const slot of free) expect(bookable(a, zone, booked(), slot.start, a.slotMinutes, now), slot.start).toMatchObject({ ok: true });
            if (free.length === 0) return;
            const chosen = free[pick % free.length]!;
            const check = bookSlot(chosen, 'chosen');
            expect(check.ok).toBe(true);
            const next = freeSlots(a, zone, booked(), from, to, now);
            expect(next).toEqual(free.filter((slot) => !overlaps(heldOf(slot, a), heldOf(chosen, a))));
          },
        ),
        { seed: SEED, numRuns: RUNS * 3 },
      );
    },
    TIMEOUT,
  );
});

describe('Property: listed times carry the zone’s real offset', () => {
  const oracles = new Map<string, Intl.DateTimeFormat>();
  /** What Intl itself writes for an instant in a zone, as RFC 3339: shares no code with the module. */
  const oracle = (timeZone: string, instant: number): string => {
    if (!oracles.has(timeZone)) {
      const options = { timeZone, hourCycle: 'h23', timeZoneName: 'longOffset' } as const;
      oracles.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          ...options,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }),
      );
    }
    const parts = Object.fromEntries(
      oracles
        .get(timeZone)!
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    const offset = parts['timeZoneName'] === 'GMT' ? '+00:00' : parts['timeZoneName']!.slice(3);
    return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
  };

  it(
    'writes every start and end as Intl reads that instant, a slot’s length apart, ascending',
    () => {
      fc.assert(
        fc.property(scenario, fc.integer({ min: 1, max: 31 }), ({ zone, date, a }, days) => {
          // Prepare
          const day = localDay(zone, date);
          const from = new Date(day.start - 2 * DAY);
          // Act
          const slots = freeSlots({ ...a, horizonDays: 180 }, zone, [], from, new Date(from.getTime() + days * DAY), from);
          // Assess
          for (const [i, slot] of slots.entries()) {
            const start = Date.parse(slot.start);
            const end = Date.parse(slot.end);
            expect(slot.start).toBe(oracle(zone, start));
            expect(slot.end).toBe(oracle(zone, end));
            expect(end - start).toBe(a.slotMinutes * MINUTE);
            if (i > 0) expect(Date.parse(slots[i - 1]!.start)).toBeLessThan(start);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
