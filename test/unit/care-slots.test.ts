import { describe, expect, it } from 'vitest';
import { openingHours, weekdayOf } from '../../shared/care/availability';
import { type BookedInterval, heldSpan, type Visit } from '../../shared/care/ledger';
import { bookable, freeSlots } from '../../shared/care/slots';
import { localDay } from '../../shared/care/time-zone';
import { Availability, type Slot, SlotWindowQuery, type WeeklyWindow } from '../../shared/contracts/care-availability';

const DAY = 86_400_000;
const at = (text: string): Date => new Date(text);

const availability = (overrides: Partial<Availability> = {}): Availability => ({
  weekly: [],
  exceptions: [],
  slotMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  horizonDays: 180,
  ...overrides,
});

/** Sunday 00:00–04:00: every date under test is a Sunday and changes its clocks in that window. */
const sundayNight = (overrides: Partial<Availability> = {}): Availability =>
  availability({ weekly: [{ day: 'sun', start: '00:00', end: '04:00' }], ...overrides });

/** The slots of one whole local day, listed 30 days ahead of it. */
const slotsOn = (a: Availability, timeZone: string, date: string, booked: BookedInterval[] = []) => {
  const day = localDay(timeZone, date);
  return freeSlots(a, timeZone, booked, new Date(day.start), new Date(day.end), new Date(day.start - 30 * DAY));
};

/** A slot as "start → end" for compact, slot-by-slot expectations. */
const pairs = (slots: Slot[]): string[] => slots.map((slot) => `${slot.start} → ${slot.end}`);

/** What the ledger would hold for a visit at `start` (RFC 3339) of `minutes`, with these buffers. */
const bookedAt = (start: string, minutes: number, before = 0, after = 0): BookedInterval => {
  const visit: Visit = { start: Date.parse(start), end: Date.parse(start) + minutes * 60_000, bufferBeforeMinutes: before, bufferAfterMinutes: after };
  const held = heldSpan(visit);
  return { start: visit.start, end: visit.end, heldStart: held.start, heldEnd: held.end };
};

describe('Schema: Availability', () => {
  const weekday: WeeklyWindow = { day: 'mon', start: '09:00', end: '17:00' };

  it('accepts weekly hours, a closed day and special hours', () => {
    // Prepare
    const input = availability({
      weekly: [weekday, { day: 'mon', start: '17:00', end: '19:00' }, { day: 'sat', start: '22:00', end: '24:00' }],
      exceptions: [
        { date: '2027-03-14', closed: true },
        { date: '2027-03-15', start: '10:00', end: '12:00' },
      ],
    });
    // Act
    const result = Availability.safeParse(input);
    // Assess
    expect(result.success).toBe(true);
  });

  it.each([
    ['overlapping windows on one day', { weekly: [weekday, { day: 'mon', start: '16:00', end: '18:00' }] }],
    ['a window that ends before it starts', { weekly: [{ day: 'mon', start: '17:00', end: '09:00' }] }],
    ['an empty window', { weekly: [{ day: 'mon', start: '09:00', end: '09:00' }] }],
    ['a window past midnight', { weekly: [{ day: 'mon', start: '22:00', end: '24:30' }] }],
    ['a start at 24:00', { weekly: [{ day: 'mon', start: '24:00', end: '24:00' }] }],
    ['an unpadded time', { weekly: [{ day: 'mon', start: '9:00', end: '17:00' }] }],
    ['an unknown day', { weekly: [{ day: 'monday', start: '09:00', end: '17:00' }] }],
    ['too many windows', { weekly: Array.from({ length: 36 }, (_, i) => ({ day: 'mon', start: `${String(i % 24).padStart(2, '0')}:00`, end: '24:00' })) }],
    [
      'two exceptions for one date',
      {
        exceptions: [
          { date: '2027-03-14', closed: true },
          { date: '2027-03-14', start: '10:00', end: '12:00' },
        ],
      },
    ],
    ['an impossible date', { exceptions: [{ date: '2027-02-30', closed: true }] }],
    ['closed: false', { exceptions: [{ date: '2027-03-14', closed: false }] }],
    ['special hours that end before they start', { exceptions: [{ date: '2027-03-14', start: '12:00', end: '10:00' }] }],
    ['an unknown field', { timezone: 'UTC' }],
    ['5-minute slots', { slotMinutes: 5 }],
    ['241-minute slots', { slotMinutes: 241 }],
    ['fractional slots', { slotMinutes: 12.5 }],
    ['a negative buffer', { bufferBeforeMinutes: -5 }],
    ['a 121-minute buffer', { bufferAfterMinutes: 121 }],
    ['a 181-day horizon', { horizonDays: 181 }],
    ['no horizon', { horizonDays: 0 }],
  ])('refuses %s', (_name, overrides) => {
    // Act
    const result = Availability.safeParse({ ...availability(), ...overrides });
    // Assess
    expect(result.success).toBe(false);
  });
});

describe('Schema: SlotWindowQuery', () => {
  it('accepts up to 31 days, with offsets', () => {
    // Act, Assess
    expect(SlotWindowQuery.safeParse({ from: '2027-03-01T00:00:00-05:00', to: '2027-04-01T00:00:00-05:00' }).success).toBe(true);
  });

  it.each([
    ['a window over 31 days', { from: '2027-03-01T00:00:00-05:00', to: '2027-04-01T00:00:01-05:00' }],
    ['to before from', { from: '2027-03-02T00:00:00Z', to: '2027-03-01T00:00:00Z' }],
    ['an instant without offset', { from: '2027-03-01T00:00:00', to: '2027-03-02T00:00:00Z' }],
  ])('refuses %s', (_name, query) => {
    // Act, Assess
    expect(SlotWindowQuery.safeParse(query).success).toBe(false);
  });
});

describe('Function: openingHours', () => {
  it('gives the weekday’s windows, replaced by a dated exception', () => {
    // Prepare
    const hoursOn = openingHours({
      weekly: [
        { day: 'mon', start: '13:00', end: '17:00' },
        { day: 'mon', start: '09:00', end: '12:00' },
      ],
      exceptions: [
        { date: '2027-03-22', closed: true },
        { date: '2027-03-29', start: '10:00', end: '11:30' },
      ],
    });
    // Act, Assess
    expect(weekdayOf('2027-03-15')).toBe('mon');
    expect(hoursOn('2027-03-15')).toEqual([
      { start: 540, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(hoursOn('2027-03-16')).toEqual([]);
    expect(hoursOn('2027-03-22')).toEqual([]);
    expect(hoursOn('2027-03-29')).toEqual([{ start: 600, end: 690 }]);
  });
});

describe('Function: freeSlots across daylight-saving changes', () => {
  it('skips the gap in New York on 2027-03-14 (02:00 EST → 03:00 EDT)', () => {
    // Act
    const slots = slotsOn(sundayNight(), 'America/New_York', '2027-03-14');
    // Assess: 00:00–04:00 lasts three hours; the 01:30 slot ends at 03:00 EDT
    expect(pairs(slots)).toEqual([
      '2027-03-14T00:00:00-05:00 → 2027-03-14T00:30:00-05:00',
      '2027-03-14T00:30:00-05:00 → 2027-03-14T01:00:00-05:00',
      '2027-03-14T01:00:00-05:00 → 2027-03-14T01:30:00-05:00',
      '2027-03-14T01:30:00-05:00 → 2027-03-14T03:00:00-04:00',
      '2027-03-14T03:00:00-04:00 → 2027-03-14T03:30:00-04:00',
      '2027-03-14T03:30:00-04:00 → 2027-03-14T04:00:00-04:00',
    ]);
  });

  it('lists each repeated wall time twice in New York on 2027-11-07 (02:00 EDT → 01:00 EST)', () => {
    // Act
    const slots = slotsOn(sundayNight(), 'America/New_York', '2027-11-07');
    // Assess: 00:00–04:00 lasts five hours
    expect(pairs(slots)).toEqual([
      '2027-11-07T00:00:00-04:00 → 2027-11-07T00:30:00-04:00',
      '2027-11-07T00:30:00-04:00 → 2027-11-07T01:00:00-04:00',
      '2027-11-07T01:00:00-04:00 → 2027-11-07T01:30:00-04:00',
      '2027-11-07T01:30:00-04:00 → 2027-11-07T01:00:00-05:00',
      '2027-11-07T01:00:00-05:00 → 2027-11-07T01:30:00-05:00',
      '2027-11-07T01:30:00-05:00 → 2027-11-07T02:00:00-05:00',
      '2027-11-07T02:00:00-05:00 → 2027-11-07T02:30:00-05:00',
      '2027-11-07T02:30:00-05:00 → 2027-11-07T03:00:00-05:00',
      '2027-11-07T03:00:00-05:00 → 2027-11-07T03:30:00-05:00',
      '2027-11-07T03:30:00-05:00 → 2027-11-07T04:00:00-05:00',
    ]);
  });

  it('skips the gap in London on 2027-03-28 (01:00 GMT → 02:00 BST)', () => {
    // Act
    const slots = slotsOn(sundayNight(), 'Europe/London', '2027-03-28');
    // Assess
    expect(pairs(slots)).toEqual([
      '2027-03-28T00:00:00+00:00 → 2027-03-28T00:30:00+00:00',
      '2027-03-28T00:30:00+00:00 → 2027-03-28T02:00:00+01:00',
      '2027-03-28T02:00:00+01:00 → 2027-03-28T02:30:00+01:00',
      '2027-03-28T02:30:00+01:00 → 2027-03-28T03:00:00+01:00',
      '2027-03-28T03:00:00+01:00 → 2027-03-28T03:30:00+01:00',
      '2027-03-28T03:30:00+01:00 → 2027-03-28T04:00:00+01:00',
    ]);
  });

  it('lists each repeated wall time twice in London on 2027-10-31 (02:00 BST → 01:00 GMT)', () => {
    // Act
    const slots = slotsOn(sundayNight(), 'Europe/London', '2027-10-31');
    // Assess
    expect(pairs(slots)).toEqual([
      '2027-10-31T00:00:00+01:00 → 2027-10-31T00:30:00+01:00',
      '2027-10-31T00:30:00+01:00 → 2027-10-31T01:00:00+01:00',
      '2027-10-31T01:00:00+01:00 → 2027-10-31T01:30:00+01:00',
      '2027-10-31T01:30:00+01:00 → 2027-10-31T01:00:00+00:00',
      '2027-10-31T01:00:00+00:00 → 2027-10-31T01:30:00+00:00',
      '2027-10-31T01:30:00+00:00 → 2027-10-31T02:00:00+00:00',
      '2027-10-31T02:00:00+00:00 → 2027-10-31T02:30:00+00:00',
      '2027-10-31T02:30:00+00:00 → 2027-10-31T03:00:00+00:00',
      '2027-10-31T03:00:00+00:00 → 2027-10-31T03:30:00+00:00',
      '2027-10-31T03:30:00+00:00 → 2027-10-31T04:00:00+00:00',
    ]);
  });

  it('skips Lord Howe’s 30-minute gap on 2027-10-03 (02:00 +10:30 → 02:30 +11:00)', () => {
    // Act
    const slots = slotsOn(sundayNight(), 'Australia/Lord_Howe', '2027-10-03');
    // Assess
    expect(pairs(slots)).toEqual([
      '2027-10-03T00:00:00+10:30 → 2027-10-03T00:30:00+10:30',
      '2027-10-03T00:30:00+10:30 → 2027-10-03T01:00:00+10:30',
      '2027-10-03T01:00:00+10:30 → 2027-10-03T01:30:00+10:30',
      '2027-10-03T01:30:00+10:30 → 2027-10-03T02:30:00+11:00',
      '2027-10-03T02:30:00+11:00 → 2027-10-03T03:00:00+11:00',
      '2027-10-03T03:00:00+11:00 → 2027-10-03T03:30:00+11:00',
      '2027-10-03T03:30:00+11:00 → 2027-10-03T04:00:00+11:00',
    ]);
  });

  it('drops only the grid times inside Lord Howe’s gap when slots are 20 minutes', () => {
    // Act
    const slots = slotsOn(sundayNight({ slotMinutes: 20 }), 'Australia/Lord_Howe', '2027-10-03');
    // Assess: 02:00 and 02:20 do not exist; 02:40 does
    expect(slots.map((s) => s.start.slice(11))).toEqual([
      '00:00:00+10:30',
      '00:20:00+10:30',
      '00:40:00+10:30',
      '01:00:00+10:30',
      '01:20:00+10:30',
      '01:40:00+10:30',
      '02:40:00+11:00',
      '03:00:00+11:00',
      '03:20:00+11:00',
      '03:40:00+11:00',
    ]);
    expect(slots[5]!.end).toBe('2027-10-03T02:30:00+11:00');
  });

  it('gives hour slots that tile the 25-hour night in New York', () => {
    // Act
    const slots = slotsOn(sundayNight({ slotMinutes: 60 }), 'America/New_York', '2027-11-07');
    // Assess
    expect(pairs(slots)).toEqual([
      '2027-11-07T00:00:00-04:00 → 2027-11-07T01:00:00-04:00',
      '2027-11-07T01:00:00-04:00 → 2027-11-07T01:00:00-05:00',
      '2027-11-07T01:00:00-05:00 → 2027-11-07T02:00:00-05:00',
      '2027-11-07T02:00:00-05:00 → 2027-11-07T03:00:00-05:00',
      '2027-11-07T03:00:00-05:00 → 2027-11-07T04:00:00-05:00',
    ]);
  });

  it('makes the two 01:30s separate slots, each bookable alone, when 90-minute slots overlap in the fold', () => {
    // Prepare
    const a = sundayNight({ slotMinutes: 90 });
    // Act
    const slots = slotsOn(a, 'America/New_York', '2027-11-07');
    const afterFirst = slotsOn(a, 'America/New_York', '2027-11-07', [bookedAt('2027-11-07T01:30:00-04:00', 90)]);
    const afterSecond = slotsOn(a, 'America/New_York', '2027-11-07', [bookedAt('2027-11-07T01:30:00-05:00', 90)]);
    // Assess: 03:00 would end at 04:30, after the window
    expect(pairs(slots)).toEqual([
      '2027-11-07T00:00:00-04:00 → 2027-11-07T01:30:00-04:00',
      '2027-11-07T01:30:00-04:00 → 2027-11-07T02:00:00-05:00',
      '2027-11-07T01:30:00-05:00 → 2027-11-07T03:00:00-05:00',
    ]);
    expect(afterFirst.map((s) => s.start)).toEqual(['2027-11-07T00:00:00-04:00']);
    expect(afterSecond.map((s) => s.start)).toEqual(['2027-11-07T00:00:00-04:00']);
  });

  it('offers nothing in a window the gap swallows, and the rest of a window that starts in it', () => {
    // Prepare
    const swallowed = availability({ weekly: [{ day: 'sun', start: '02:00', end: '03:00' }] });
    const straddling = availability({ weekly: [{ day: 'sun', start: '02:00', end: '03:30' }] });
    // Act, Assess
    expect(slotsOn(swallowed, 'America/New_York', '2027-03-14')).toEqual([]);
    expect(pairs(slotsOn(straddling, 'America/New_York', '2027-03-14'))).toEqual(['2027-03-14T03:00:00-04:00 → 2027-03-14T03:30:00-04:00']);
  });

  it('starts at 01:00 on a day whose midnight does not exist (Santiago, 2027-09-05)', () => {
    // Prepare
    const a = availability({ weekly: [{ day: 'sun', start: '00:00', end: '02:00' }] });
    // Act
    const slots = slotsOn(a, 'America/Santiago', '2027-09-05');
    // Assess
    expect(slots.map((s) => s.start)).toEqual(['2027-09-05T01:00:00-03:00', '2027-09-05T01:30:00-03:00']);
  });

  it('repeats midnight’s hour when the clocks fall back to it (Havana, 2027-11-07)', () => {
    // Prepare
    const a = availability({ weekly: [{ day: 'sun', start: '00:00', end: '02:00' }] });
    // Act
    const slots = slotsOn(a, 'America/Havana', '2027-11-07');
    // Assess
    expect(slots.map((s) => s.start)).toEqual([
      '2027-11-07T00:00:00-04:00',
      '2027-11-07T00:30:00-04:00',
      '2027-11-07T00:00:00-05:00',
      '2027-11-07T00:30:00-05:00',
      '2027-11-07T01:00:00-05:00',
      '2027-11-07T01:30:00-05:00',
    ]);
  });
});

describe('Function: freeSlots', () => {
  const clinic = (overrides: Partial<Availability> = {}): Availability =>
    availability({
      weekly: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '13:00', end: '17:00' },
      ],
      ...overrides,
    });
  const monday = { from: at('2027-03-15T04:00:00Z'), to: at('2027-03-16T04:00:00Z') };
  const before = at('2027-03-01T00:00:00Z');

  it('steps each window from its start', () => {
    // Act
    const slots = freeSlots(clinic(), 'America/New_York', [], monday.from, monday.to, before);
    // Assess
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    expect(slots[0]).toEqual({ start: '2027-03-15T09:00:00-04:00', end: '2027-03-15T09:30:00-04:00' });
  });

  it('removes a booked visit and the neighbours its buffers touch', () => {
    // Prepare: buffers 10 before, 5 after; 10:00–10:30 holds 09:50–10:35
    const a = clinic({ bufferBeforeMinutes: 10, bufferAfterMinutes: 5 });
    const booked = [bookedAt('2027-03-15T10:00:00-04:00', 30, 10, 5)];
    // Act
    const slots = freeSlots(a, 'America/New_York', booked, monday.from, monday.to, before);
    // Assess: 09:30 would hold until 10:05, 10:30 from 10:20
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual([
      '09:00',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
  });

  it('keeps neighbours that only touch a booked visit when there are no buffers', () => {
    // Act
    const slots = freeSlots(clinic(), 'America/New_York', [bookedAt('2027-03-15T10:00:00-04:00', 30)], monday.from, monday.to, before);
    // Assess
    expect(slots.map((s) => s.start.slice(11, 16))).toContain('09:30');
    expect(slots.map((s) => s.start.slice(11, 16))).toContain('10:30');
    expect(slots.map((s) => s.start.slice(11, 16))).not.toContain('10:00');
  });

  it('removes slots that start before now, and keeps one that starts at now', () => {
    // Act
    const later = freeSlots(clinic(), 'America/New_York', [], monday.from, monday.to, at('2027-03-15T14:10:00Z'));
    const onTheDot = freeSlots(clinic(), 'America/New_York', [], monday.from, monday.to, at('2027-03-15T14:00:00Z'));
    // Assess
    expect(later[0]!.start).toBe('2027-03-15T10:30:00-04:00');
    expect(onTheDot[0]!.start).toBe('2027-03-15T10:00:00-04:00');
  });

  it('stops at the horizon: today plus horizonDays, on the practitioner’s calendar', () => {
    // Prepare: open every day 09:00–10:00; now is Monday 2027-03-15 12:00 EDT
    const a = availability({
      weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, start: '09:00', end: '10:00' })),
      slotMinutes: 60,
      horizonDays: 2,
    });
    // Act
    const slots = freeSlots(a, 'America/New_York', [], at('2027-03-15T00:00:00Z'), at('2027-03-25T00:00:00Z'), at('2027-03-15T16:00:00Z'));
    // Assess
    expect(slots.map((s) => s.start)).toEqual(['2027-03-16T09:00:00-04:00', '2027-03-17T09:00:00-04:00']);
  });

  it('lists at most 31 days after from, however far to is', () => {
    // Prepare
    const a = availability({ weekly: [{ day: 'wed', start: '09:00', end: '10:00' }], slotMinutes: 60 });
    // Act
    const slots = freeSlots(a, 'America/New_York', [], at('2027-03-01T05:00:00Z'), at('2027-08-01T00:00:00Z'), at('2027-02-01T00:00:00Z'));
    // Assess: the Wednesdays of March 2027
    expect(slots.map((s) => s.start.slice(0, 10))).toEqual(['2027-03-03', '2027-03-10', '2027-03-17', '2027-03-24', '2027-03-31']);
  });

  it('returns nothing for an empty, reversed or invalid window', () => {
    // Act, Assess
    expect(freeSlots(clinic(), 'America/New_York', [], monday.from, monday.from, before)).toEqual([]);
    expect(freeSlots(clinic(), 'America/New_York', [], monday.to, monday.from, before)).toEqual([]);
    expect(freeSlots(clinic(), 'America/New_York', [], new Date(Number.NaN), monday.to, before)).toEqual([]);
    expect(freeSlots(clinic(), 'America/New_York', [], monday.from, monday.to, new Date(Number.NaN))).toEqual([]);
  });

  it('follows exceptions: a closed date has no slots, special hours replace the week', () => {
    // Prepare
    const a = clinic({
      exceptions: [
        { date: '2027-03-15', closed: true },
        { date: '2027-03-22', start: '18:00', end: '19:00' },
      ],
    });
    // Act
    const slots = freeSlots(a, 'America/New_York', [], at('2027-03-15T04:00:00Z'), at('2027-03-23T04:00:00Z'), before);
    // Assess
    expect(slots.map((s) => s.start)).toEqual(['2027-03-22T18:00:00-04:00', '2027-03-22T18:30:00-04:00']);
  });

  it('keeps a visit and its buffers inside its local day, and lets a window run to 24:00', () => {
    // Prepare
    const allDay = availability({ weekly: [{ day: 'mon', start: '00:00', end: '24:00' }], slotMinutes: 60 });
    // Act
    const plain = freeSlots(allDay, 'America/New_York', [], monday.from, monday.to, before);
    const buffered = freeSlots({ ...allDay, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }, 'America/New_York', [], monday.from, monday.to, before);
    // Assess
    expect(plain).toHaveLength(24);
    expect(plain[23]).toEqual({ start: '2027-03-15T23:00:00-04:00', end: '2027-03-16T00:00:00-04:00' });
    expect(buffered.map((s) => s.start.slice(11, 16))[0]).toBe('01:00');
    expect(buffered.map((s) => s.start.slice(11, 16)).at(-1)).toBe('22:00');
    expect(buffered).toHaveLength(22);
  });

  it('lists nothing, rather than looping, for a slot length the schema would refuse', () => {
    // Act, Assess
    expect(freeSlots(clinic({ slotMinutes: 0 }), 'America/New_York', [], monday.from, monday.to, before)).toEqual([]);
    expect(freeSlots(clinic({ slotMinutes: Number.NaN }), 'America/New_York', [], monday.from, monday.to, before)).toEqual([]);
  });

  it('refuses a time zone Intl does not know', () => {
    // Act, Assess
    expect(() => freeSlots(clinic(), 'Mars/Olympus_Mons', [], monday.from, monday.to, before)).toThrow(RangeError);
  });
});

describe('Function: bookable', () => {
  const a = availability({
    weekly: [
      { day: 'sun', start: '00:00', end: '04:00' },
      { day: 'mon', start: '09:00', end: '17:00' },
    ],
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 5,
    horizonDays: 30,
  });
  const now = at('2027-11-01T12:00:00Z');
  const check = (start: string, booked: BookedInterval[] = [], minutes = 30, when = now) => bookable(a, 'America/New_York', booked, start, minutes, when);

  it('books a free slot, and names its day and its visit with the buffers', () => {
    // Act
    const result = check('2027-11-08T09:30:00-05:00');
    // Assess
    expect(result).toEqual({
      ok: true,
      date: '2027-11-08',
      visit: { start: Date.parse('2027-11-08T14:30:00Z'), end: Date.parse('2027-11-08T15:00:00Z'), bufferBeforeMinutes: 10, bufferAfterMinutes: 5 },
    });
  });

  it('books either pass of a repeated wall time, each as its own instant', () => {
    // Act
    const first = check('2027-11-07T01:30:00-04:00');
    const second = check('2027-11-07T01:30:00-05:00');
    // Assess
    expect(first.ok && first.visit.start).toBe(Date.parse('2027-11-07T05:30:00Z'));
    expect(second.ok && second.visit.start).toBe(Date.parse('2027-11-07T06:30:00Z'));
  });

  it.each([
    ['invalid_start', 'tomorrow at nine'],
    ['invalid_start', '2027-11-08T09:30:00'],
    ['nonexistent_local_time', '2027-03-14T02:30:00-05:00'],
    ['nonexistent_local_time', '2027-03-14T02:30:00-04:00'],
    ['wrong_offset', '2027-11-08T14:30:00Z'],
    ['wrong_offset', '2027-11-08T09:30:00-04:00'],
    ['past', '2027-10-25T09:30:00-04:00'],
    ['beyond_horizon', '2027-12-06T09:30:00-05:00'],
    ['outside_hours', '2027-11-08T08:30:00-05:00'],
    ['outside_hours', '2027-11-08T16:45:00-05:00'],
    ['outside_hours', '2027-11-09T09:30:00-05:00'],
    ['off_grid', '2027-11-08T09:10:00-05:00'],
    ['off_grid', '2027-11-08T09:30:20-05:00'],
    ['crosses_midnight', '2027-11-07T00:00:00-04:00'],
  ])('says %s for %s', (reason, start) => {
    // Act, Assess
    expect(check(start)).toEqual({ ok: false, reason });
  });

  it('says invalid_duration for a visit shorter than 10 minutes, longer than a day, or fractional', () => {
    // Act, Assess
    for (const minutes of [5, 24 * 60 + 1, 30.5, Number.NaN]) {
      expect(check('2027-11-08T09:30:00-05:00', [], minutes)).toEqual({ ok: false, reason: 'invalid_duration' });
    }
  });

  it('says taken when the visit overlaps a booked one, and buffer when only the buffers collide', () => {
    // Prepare: 10:00–10:30 booked, holding 09:50–10:35
    const booked = [bookedAt('2027-11-08T10:00:00-05:00', 30, 10, 5)];
    // Act, Assess
    expect(check('2027-11-08T10:00:00-05:00', booked)).toEqual({ ok: false, reason: 'taken' });
    expect(check('2027-11-08T09:30:00-05:00', booked)).toEqual({ ok: false, reason: 'buffer' });
    expect(check('2027-11-08T10:30:00-05:00', booked)).toEqual({ ok: false, reason: 'buffer' });
    expect(check('2027-11-08T11:00:00-05:00', booked).ok).toBe(true);
  });

  it('says the visit is past even when it starts a minute ago', () => {
    // Act, Assess
    expect(check('2027-11-08T09:30:00-05:00', [], 30, at('2027-11-08T14:31:00Z'))).toEqual({ ok: false, reason: 'past' });
    expect(check('2027-11-08T09:30:00-05:00', [], 30, at('2027-11-08T14:30:00Z')).ok).toBe(true);
  });
});
