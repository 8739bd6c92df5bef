import type { Availability } from '../contracts/care-availability';
import { WEEKDAYS, type Weekday } from '../contracts/care-bounds';
import { addDays, DAY_MS, type Interval, type LocalDate, MINUTE_MS, minutesOf, wallMs, type ZoneTimeline } from './time-zone';

/**
 * Availability read for one local day: which wall-clock windows are open, and which instants that
 * makes open once the day's offsets (and any daylight-saving change) are applied.
 */

/** A window of opening hours on the wall clock, `[start, end)` in minutes past local midnight (`end` up to 1440). */
export interface Hours {
  readonly start: number;
  readonly end: number;
}

/** Opening hours for a date: its exception's, or its weekday's. */
export type HoursOn = (date: LocalDate) => readonly Hours[];

/**
 * The weekday of a wall-calendar date.
 *
 * @example
 * weekdayOf('2027-03-14'); // 'sun'
 */
export const weekdayOf = (date: LocalDate): Weekday => WEEKDAYS[(new Date(wallMs(date)).getUTCDay() + 6) % 7]!;

const byStart = (a: Hours, b: Hours): number => a.start - b.start;
const toHours = (window: { start: string; end: string }): Hours => ({ start: minutesOf(window.start), end: minutesOf(window.end) });

/**
 * The opening hours of each date, looked up in O(1): a dated exception replaces that day's weekly
 * hours (closed: none; special hours: that one window), as a clinic's "holiday" and "late opening"
 * entries do.
 *
 * @example
 * const hoursOn = openingHours({ weekly: [{ day: 'mon', start: '09:00', end: '17:00' }], exceptions: [{ date: '2027-03-15', closed: true }], … });
 * hoursOn('2027-03-08'); // [{ start: 540, end: 1020 }]
 * hoursOn('2027-03-15'); // []
 */
export const openingHours = (availability: Pick<Availability, 'weekly' | 'exceptions'>): HoursOn => {
  const weekly = new Map<Weekday, Hours[]>(WEEKDAYS.map((day) => [day, []]));
  for (const window of availability.weekly) weekly.get(window.day)!.push(toHours(window));
  for (const windows of weekly.values()) windows.sort(byStart);
  const exceptions = new Map<LocalDate, Hours[]>(
    availability.exceptions.map((exception) => [exception.date, 'closed' in exception ? [] : [toHours(exception)]]),
  );
  return (date) => exceptions.get(date) ?? weekly.get(weekdayOf(date))!;
};

/** One local day as the booking rules see it. */
export interface DayPlan {
  readonly date: LocalDate;
  /** The wall milliseconds of the day's midnight. */
  readonly midnight: number;
  /** The day's instants, `[first 00:00, next day's first 00:00)`: a visit and its buffers must fit inside (one ledger item per day). */
  readonly day: Interval;
  /** The wall-clock windows, ascending. */
  readonly hours: readonly Hours[];
  /** The instants at which the practitioner is open, merged and ascending. A wall time skipped by a gap is in none; one repeated by a fold is in two. */
  readonly open: readonly Interval[];
}

const merge = (spans: Interval[]): Interval[] => {
  spans.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && span.start <= previous.end) merged[merged.length - 1] = { start: previous.start, end: Math.max(previous.end, span.end) };
    else merged.push(span);
  }
  return merged;
};

/**
 * The plan of `date`: its bounds and its open instants. A window's instants are those whose wall
 * time falls inside it: in New York, 00:00–03:00 lasts two hours on the spring-forward day and
 * four on the fall-back day.
 *
 * @example
 * const zone = zoneTimeline('America/New_York', Date.parse('2027-03-10T00:00:00Z'), Date.parse('2027-03-20T00:00:00Z'));
 * planDay(() => [{ start: 0, end: 300 }], zone, '2027-03-14').open; // [{ start: 05:00Z, end: 09:00Z }]: 4 hours of wall time 00:00–05:00
 */
export const planDay = (hoursOn: HoursOn, zone: ZoneTimeline, date: LocalDate): DayPlan => {
  const midnight = wallMs(date);
  const day = { start: zone.firstInstantFrom(midnight), end: zone.firstInstantFrom(midnight + DAY_MS) };
  const hours = hoursOn(date);
  const spans = hours
    .flatMap((window) => zone.spansOf(midnight + window.start * MINUTE_MS, midnight + window.end * MINUTE_MS))
    .map((span) => ({ start: Math.max(span.start, day.start), end: Math.min(span.end, day.end) }))
    .filter((span) => span.start < span.end);
  return { date, midnight, day, hours, open: merge(spans) };
};

/**
 * True when the practitioner is open at every instant of `[start, end)`.
 *
 * @example
 * isOpenThroughout(plan, Date.parse('2027-03-15T13:00:00Z'), Date.parse('2027-03-15T13:30:00Z')); // true inside 09:00–17:00 EDT
 */
export const isOpenThroughout = (plan: DayPlan, start: number, end: number): boolean => plan.open.some((span) => span.start <= start && end <= span.end);

/**
 * True when the wall time `minute` (minutes past midnight) starts a slot: it lies in a window
 * and a whole number of slots after that window's start, as the listing steps.
 *
 * @example
 * isOnGrid(plan, 9 * 60 + 30, 30); // true for a 09:00–17:00 window
 * isOnGrid(plan, 9 * 60 + 15, 30); // false
 */
export const isOnGrid = (plan: DayPlan, minute: number, slotMinutes: number): boolean =>
  Number.isInteger(minute) && plan.hours.some((window) => window.start <= minute && minute < window.end && (minute - window.start) % slotMinutes === 0);

/**
 * The last date a visit may be booked on: today on the practitioner's calendar plus `horizonDays`.
 * Dates, not 24-hour steps, because a clinic says "up to 30 days ahead".
 *
 * @example
 * lastBookableDate(zone, Date.parse('2027-03-14T12:00:00Z'), 30); // '2027-04-13'
 */
export const lastBookableDate = (zone: ZoneTimeline, now: number, horizonDays: number): LocalDate => addDays(zone.dateAt(now), horizonDays);
