import type { Availability, Slot } from '../contracts/care-availability';
import { MAX_SLOT_WINDOW_DAYS, MIN_SLOT_MINUTES } from '../contracts/care-bounds';
import { isOnGrid, isOpenThroughout, lastBookableDate, openingHours, planDay } from './availability';
import { type BookedInterval, heldSpan, MIN_VISIT_MINUTES, overlaps, type Visit } from './ledger';
import { addDays, DAY_MS, dateOfWall, formatWithOffset, type LocalDate, MINUTE_MS, parseDateTime, type ZoneTimeline, zoneTimeline } from './time-zone';

/**
 * Free slots and the bookability of one start, from a practitioner's availability and what is
 * already booked. Slots step from each window's start on the wall clock; a slot lasts
 * `slotMinutes` of real time. Across daylight-saving changes:
 * - a wall time skipped by a spring-forward gap is no slot (and no valid start);
 * - a wall time repeated by a fall-back fold is two slots, one per offset, each bookable alone.
 */

/** Days of margin around a span, so every midnight in it and its ±18 h of candidate instants are learnt. */
const MARGIN_MS = 3 * DAY_MS;

/** Answers "does `[start, end)` overlap a held span?" in O(log n): spans sorted by start, with the running maximum of their ends. */
const heldIndex = (booked: readonly BookedInterval[]): ((start: number, end: number) => boolean) => {
  const held = booked.map((b) => ({ start: b.heldStart, end: b.heldEnd })).sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const span of held) maxEnd.push(Math.max(span.end, maxEnd[maxEnd.length - 1] ?? Number.NEGATIVE_INFINITY));
  return (start, end) => {
    // The spans that start before `end`; one of them overlaps iff the latest end among them is after `start`.
    let low = 0;
    let high = held.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (held[mid]!.start < end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && maxEnd[low - 1]! > start;
  };
};

const toSlot = (zone: ZoneTimeline, start: number, slotMs: number): Slot => ({
  start: formatWithOffset(start, zone.offsetAt(start)),
  end: formatWithOffset(start + slotMs, zone.offsetAt(start + slotMs)),
});

/**
 * The free slots that start in `[from, to)`, ascending, as RFC 3339 with the zone's offset at each
 * instant. Left out: slots starting before `now`, on dates past the horizon, outside the opening
 * hours, whose buffers would leave their local day, and whose span with buffers overlaps a booked
 * visit's held span. The window is clamped to 31 days after `from` (the caller's contract refuses
 * longer), so the cost stays O(days × slots per day).
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * freeSlots(availability, 'America/New_York', [], new Date('2027-11-07T04:00:00Z'), new Date('2027-11-07T09:00:00Z'), now);
 * // 60-minute slots from 00:00: [{ start: '2027-11-07T00:00:00-04:00', … }, { start: '2027-11-07T01:00:00-04:00', … },
 * //   { start: '2027-11-07T01:00:00-05:00', … }, { start: '2027-11-07T02:00:00-05:00', … }, …]
 */
export const freeSlots = (availability: Availability, timeZone: string, booked: readonly BookedInterval[], from: Date, to: Date, now: Date): Slot[] => {
  const earliest = Math.max(from.getTime(), now.getTime());
  const latest = Math.min(to.getTime(), from.getTime() + MAX_SLOT_WINDOW_DAYS * DAY_MS);
  // `!(a < b)` is also true when either is NaN (an invalid Date). A slot step under the schema's
  // minimum would make the loops below long, or endless at 0: the schema forbids it, this makes sure.
  if (!(earliest < latest) || !(availability.slotMinutes >= MIN_SLOT_MINUTES)) return [];
  const zone = zoneTimeline(timeZone, earliest - MARGIN_MS, latest + MARGIN_MS);
  const hoursOn = openingHours(availability);
  const isHeld = heldIndex(booked);
  const slotMs = availability.slotMinutes * MINUTE_MS;
  const before = availability.bufferBeforeMinutes * MINUTE_MS;
  const after = availability.bufferAfterMinutes * MINUTE_MS;
  const horizon = lastBookableDate(zone, now.getTime(), availability.horizonDays);
  // ISO dates sort as text: the earlier of the window's last date and the horizon.
  const last = [zone.dateAt(latest - 1), horizon].sort()[0]!;

  const starts: number[] = [];
  for (let date = zone.dateAt(earliest); date <= last; date = addDays(date, 1)) {
    const plan = planDay(hoursOn, zone, date);
    for (const window of plan.hours) {
      for (let minute = window.start; minute < window.end; minute += availability.slotMinutes) {
        for (const start of zone.instantsOf(plan.midnight + minute * MINUTE_MS)) {
          const end = start + slotMs;
          if (start < earliest || start >= latest || !isOpenThroughout(plan, start, end)) continue;
          if (start - before < plan.day.start || end + after > plan.day.end || isHeld(start - before, end + after)) continue;
          starts.push(start);
        }
      }
    }
  }
  // A fold interleaves the two passes of its repeated hour, so sort; malformed (overlapping) windows could repeat a start.
  starts.sort((a, b) => a - b);
  return starts.filter((start, i) => i === 0 || starts[i - 1] !== start).map((start) => toSlot(zone, start, slotMs));
};

export type NotBookableReason =
  /** `start` is not an RFC 3339 date-time with an offset. */
  | 'invalid_start'
  /** Its wall time does not exist in the zone that day (a spring-forward gap). */
  | 'nonexistent_local_time'
  /** Its wall time exists, but not with that offset: echo a slot's start exactly. */
  | 'wrong_offset'
  /** Not a whole number of minutes from 10 to 24 hours. */
  | 'invalid_duration'
  | 'past'
  | 'beyond_horizon'
  | 'outside_hours'
  /** Inside the hours but not a slot's start (09:10 when slots start every 30 minutes from 09:00). */
  | 'off_grid'
  /** The visit with its buffers would leave its local day (ADR 0006). */
  | 'crosses_midnight'
  /** The visit overlaps a booked visit. */
  | 'taken'
  /** The visit itself is free, but with its buffers it overlaps what a booked visit holds (that visit and its buffers). */
  | 'buffer';

export type Bookability =
  /** `date` names the ledger item to book `visit` in. */
  { readonly ok: true; readonly date: LocalDate; readonly visit: Visit } | { readonly ok: false; readonly reason: NotBookableReason };

const MAX_VISIT_MINUTES = 24 * 60;

/**
 * Whether a visit of `durationMinutes` can start at `start` (RFC 3339, as a slot's `start` reads),
 * and if not, the first reason in this order: `invalid_start`, `nonexistent_local_time`,
 * `wrong_offset`, `invalid_duration`, `past`, `beyond_horizon`, `outside_hours`, `off_grid`,
 * `crosses_midnight`, `taken`, `buffer`. The answer to a yes is the visit (buffers from the
 * availability) and its local date: hand both to the day's ledger ({@link book}), which checks
 * again against the state it writes.
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * bookable(availability, 'America/New_York', [], '2027-03-14T02:30:00-05:00', 30, now); // { ok: false, reason: 'nonexistent_local_time' }
 * bookable(availability, 'America/New_York', [], '2027-11-07T01:30:00-05:00', 30, now); // { ok: true, date: '2027-11-07', visit: { start: 06:30Z, … } }
 */
export const bookable = (
  availability: Availability,
  timeZone: string,
  booked: readonly BookedInterval[],
  start: string,
  durationMinutes: number,
  now: Date,
): Bookability => {
  const parsed = parseDateTime(start);
  if (parsed === undefined) return { ok: false, reason: 'invalid_start' };
  const zone = zoneTimeline(timeZone, parsed.instant - MARGIN_MS, parsed.instant + MARGIN_MS);
  const instants = zone.instantsOf(parsed.wall);
  if (instants.length === 0) return { ok: false, reason: 'nonexistent_local_time' };
  if (!instants.includes(parsed.instant)) return { ok: false, reason: 'wrong_offset' };
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_VISIT_MINUTES || durationMinutes > MAX_VISIT_MINUTES) {
    return { ok: false, reason: 'invalid_duration' };
  }
  if (parsed.instant < now.getTime()) return { ok: false, reason: 'past' };
  const date = dateOfWall(parsed.wall);
  if (date > lastBookableDate(zone, now.getTime(), availability.horizonDays)) return { ok: false, reason: 'beyond_horizon' };

  const plan = planDay(openingHours(availability), zone, date);
  const visit: Visit = {
    start: parsed.instant,
    end: parsed.instant + durationMinutes * MINUTE_MS,
    bufferBeforeMinutes: availability.bufferBeforeMinutes,
    bufferAfterMinutes: availability.bufferAfterMinutes,
  };
  if (!isOpenThroughout(plan, visit.start, visit.end)) return { ok: false, reason: 'outside_hours' };
  if (!isOnGrid(plan, (parsed.wall - plan.midnight) / MINUTE_MS, availability.slotMinutes)) return { ok: false, reason: 'off_grid' };
  const held = heldSpan(visit);
  if (held.start < plan.day.start || held.end > plan.day.end) return { ok: false, reason: 'crosses_midnight' };
  if (booked.some((b) => overlaps(b, visit))) return { ok: false, reason: 'taken' };
  if (booked.some((b) => overlaps({ start: b.heldStart, end: b.heldEnd }, held))) return { ok: false, reason: 'buffer' };
  return { ok: true, date, visit };
};
