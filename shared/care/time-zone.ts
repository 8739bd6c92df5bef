/**
 * Wall-clock time ↔ instants in an IANA time zone, with `Intl.DateTimeFormat` alone: no time-zone
 * library, because a route's own code must stay under 100 KB and Node's ICU already carries the
 * tz database.
 *
 * Vocabulary:
 * - an **instant** is epoch milliseconds (a `Date`'s `getTime()`);
 * - a **wall time** is what the zone's clocks read, written as "wall milliseconds": that date and
 *   time read as if it were UTC (`Date.UTC(2027, 2, 14, 2, 30)` for 02:30 on 2027-03-14). A wall
 *   time maps to 0 instants (a spring-forward gap), 1, or 2 (a fall-back fold);
 * - an **offset** is `wall − instant`, in milliseconds (New York in July: −4 h).
 *
 * Asking Intl is the slow part (~1 µs a call), so {@link zoneTimeline} asks it a few times per
 * day of a span, finds each offset change to the second, and answers everything else by
 * arithmetic on those segments.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A calendar date on the zone's wall calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/** A span of instants `[start, end)`, epoch milliseconds: it holds `start`, not `end`. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * No zone changes its offset twice within this span, so sampling at this step finds every change.
 * The closest pairs of changes in the tz database are weeks apart (Morocco's around Ramadan).
 */
const SAMPLE_MS = 6 * HOUR_MS;
/** Every real offset lies within ±18 h (today's extremes are −12 h and +14 h). */
const MAX_OFFSET_MS = 18 * HOUR_MS;
/** The longest span a timeline learns (a year and a bit): callers ask for days, so a longer one is a bug, not a slow answer. */
const MAX_SPAN_MS = 400 * DAY_MS;

/** One formatter per zone: building one costs ~100× a `format` call. The map is bounded by the zone list, since an unknown zone throws before it is stored. */
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // `format` is ~3× faster than `formatToParts`; en-US with h23 prints "3/14/2027, 03:00:00",
    // and only its digit runs are read, so separators can change without breaking the parse.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** `Date.UTC` without its two-digit-year quirk (years 0–99 would read as 1900–1999). */
const utcMs = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number => {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
};

/** The offset at `instant`, asked of Intl. Offsets change on whole seconds, so the instant's milliseconds are ignored. */
const askOffset = (timeZone: string, instant: number): number => {
  const [month, day, year, hour, minute, second] = (formatterFor(timeZone).format(instant).match(/\d+/g) ?? []).map(Number);
  // Some engines print midnight as 24 even with h23: it is the same day's 00.
  const wall = utcMs(year!, month!, day!, hour! % 24, minute!, second!);
  return wall - Math.floor(instant / 1000) * 1000;
};

/**
 * The zone's UTC offset at an instant, in minutes east of UTC.
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * offsetMinutesAt('America/New_York', Date.parse('2027-07-01T12:00:00Z')); // -240
 * offsetMinutesAt('Australia/Lord_Howe', Date.parse('2027-07-01T12:00:00Z')); // 630
 */
export const offsetMinutesAt = (timeZone: string, instant: number): number => askOffset(timeZone, instant) / MINUTE_MS;

/** The wall milliseconds of `date` at `minutes` past its midnight. */
export const wallMs = (date: LocalDate, minutes = 0): number => {
  const [year, month, day] = date.split('-').map(Number);
  return utcMs(year!, month!, day!) + minutes * MINUTE_MS;
};

/** The date part of wall milliseconds. */
export const dateOfWall = (wall: number): LocalDate => new Date(wall).toISOString().slice(0, 10);

/**
 * The date `days` after `date` (before, if negative), on the wall calendar.
 *
 * @example
 * addDays('2027-02-28', 1); // '2027-03-01'
 */
export const addDays = (date: LocalDate, days: number): LocalDate => dateOfWall(wallMs(date) + days * DAY_MS);

/** Minutes past midnight of `HH:MM` (`24:00` is 1440). */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** '00'…'59': slot listings format thousands of times, so no padStart per field. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
/** Wall times from 0000-01-01 to 9999-12-31, the years RFC 3339 can write; others get `toISOString`'s six-digit years. */
const FIRST_WALL = -62_167_219_200_000;
const END_WALL = 253_402_300_800_000;
const offsetTexts = new Map<number, string>();
/** The last date formatted: consecutive slots share it, and `toISOString` is the costly part. */
let lastDay = Number.NaN;
let lastDate = '';

const offsetText = (offset: number): string => {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    // tz offsets have been whole minutes since the 1970s; older local-mean-time ones are truncated.
    const minutes = Math.trunc(Math.abs(offset) / MINUTE_MS);
    text = `${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${TWO_DIGITS[minutes % 60]}`;
    // Real offsets are a few dozen values; a stray one is still cheap to keep.
    if (offsetTexts.size < 1024) offsetTexts.set(offset, text);
  }
  return text;
};

/**
 * An instant as RFC 3339 with the given offset, to the second: the wall time, then `±HH:MM`
 * (`+00:00` for a zero offset, as the zone's clocks read it, rather than `Z`).
 *
 * @example
 * formatWithOffset(Date.parse('2027-03-14T13:00:00Z'), -4 * 3_600_000); // '2027-03-14T09:00:00-04:00'
 */
export const formatWithOffset = (instant: number, offset: number): string => {
  const wall = instant + offset;
  if (wall < FIRST_WALL || wall >= END_WALL) return `${new Date(wall).toISOString().slice(0, -5)}${offsetText(offset)}`;
  const day = Math.floor(wall / DAY_MS);
  if (day !== lastDay) {
    lastDay = day;
    lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  const seconds = Math.floor((wall - day * DAY_MS) / 1000);
  return `${lastDate}T${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}${offsetText(offset)}`;
};

/** An RFC 3339 date-time split into what it names: the instant, the wall time it was written in, and that offset. */
export interface ParsedDateTime {
  readonly instant: number;
  readonly wall: number;
  readonly offset: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an RFC 3339 date-time (`Z` or an offset; seconds and fractions optional). Undefined when
 * the text is not one or names an impossible date (`2027-02-30`).
 *
 * @example
 * parseDateTime('2027-11-07T01:30:00-05:00'); // { instant: Date.parse('2027-11-07T06:30:00Z'), wall: Date.UTC(2027, 10, 7, 1, 30), offset: -18_000_000 }
 */
export const parseDateTime = (text: string): ParsedDateTime | undefined => {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Math.floor(Number(`0${match[7] ?? ''}`) * 1000);
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const wall = utcMs(year!, month!, day!, hour!, minute!, second!) + millis;
  if (new Date(wall).getUTCDate() !== day) return undefined;
  const zone = match[8]!;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * HOUR_MS + Number(zone.slice(4, 6)) * MINUTE_MS);
  return { instant: wall - offset, wall, offset };
};

/**
 * A zone's offsets over a span of instants, learnt once, so that converting between wall times
 * and instants inside it is arithmetic. Outside the span every method still answers correctly (it
 * asks Intl again), only slower.
 */
export interface ZoneTimeline {
  readonly timeZone: string;
  /** The offset at an instant, in milliseconds. */
  offsetAt(instant: number): number;
  /** Every instant at which the clocks read `wall`, ascending: none in a gap, two in a fold. */
  instantsOf(wall: number): number[];
  /** The first instant at which the clocks read `wall` or later: `wall`'s earliest instant, or the end of the gap that skips it. */
  firstInstantFrom(wall: number): number;
  /** The instants whose wall time lies in `[wallFrom, wallTo)`, as ascending, disjoint `[start, end)` spans: up to one per offset. */
  spansOf(wallFrom: number, wallTo: number): Interval[];
  /** The wall-calendar date at an instant. */
  dateAt(instant: number): LocalDate;
}

/** Offsets in force from each `starts[i]` until the next; the first from `from`, the last until `to`. */
interface Segments {
  readonly starts: number[];
  readonly offsets: number[];
}

/** The first whole second in `(a, b]` at which the offset is no longer `offsetAtA` (one change lies there). */
const findChange = (timeZone: string, a: number, b: number, offsetAtA: number): number => {
  let low = Math.floor(a / 1000);
  let high = Math.floor(b / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (askOffset(timeZone, mid * 1000) === offsetAtA) low = mid;
    else high = mid;
  }
  return high * 1000;
};

const learnSegments = (timeZone: string, from: number, to: number): Segments => {
  let previous = askOffset(timeZone, from);
  const segments = { starts: [from], offsets: [previous] };
  for (let at = from; at < to; ) {
    const next = Math.min(at + SAMPLE_MS, to);
    const offset = askOffset(timeZone, next);
    if (offset !== previous) {
      segments.starts.push(findChange(timeZone, at, next, previous));
      segments.offsets.push(offset);
      previous = offset;
    }
    at = next;
  }
  return segments;
};

/**
 * Learns `timeZone`'s offsets over `[from, to]` (instants). Cost: one Intl call per 6 hours of the
 * span, plus ~15 per offset change; then every method is O(changes), usually 1 or 2.
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows, or the span is not 0 to 400 days.
 * @example
 * const zone = zoneTimeline('America/New_York', Date.parse('2027-11-01T00:00:00Z'), Date.parse('2027-11-30T00:00:00Z'));
 * zone.instantsOf(Date.UTC(2027, 10, 7, 1, 30)).map((t) => new Date(t).toISOString());
 * // ['2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z']: 01:30 EDT, then 01:30 EST
 */
export const zoneTimeline = (timeZone: string, from: number, to: number): ZoneTimeline => {
  if (!(from <= to && to - from <= MAX_SPAN_MS)) throw new RangeError('A zone timeline spans 0 to 400 days.');
  const { starts, offsets } = learnSegments(timeZone, from, to);
  const last = starts.length - 1;
  const endOf = (i: number): number => (i < last ? starts[i + 1]! : to);
  /** True when every instant `wall` could name (wall ± 18 h) lies inside the learnt span. */
  const covers = (wall: number): boolean => wall - MAX_OFFSET_MS >= from && wall + MAX_OFFSET_MS < to;
  /** A small timeline around `[wallFrom, wallTo]`, for the rare question outside the span. */
  const around = (wallFrom: number, wallTo = wallFrom): ZoneTimeline => zoneTimeline(timeZone, wallFrom - 2 * DAY_MS, wallTo + 2 * DAY_MS);

  const offsetAt = (instant: number): number => {
    if (instant < from || instant >= to) return askOffset(timeZone, instant);
    let i = last;
    while (starts[i]! > instant) i--;
    return offsets[i]!;
  };

  const instantsOf = (wall: number): number[] => {
    if (!covers(wall)) return around(wall).instantsOf(wall);
    const instants: number[] = [];
    for (let i = 0; i <= last; i++) {
      const instant = wall - offsets[i]!;
      if (instant >= starts[i]! && instant < endOf(i)) instants.push(instant);
    }
    return instants;
  };

  const firstInstantFrom = (wall: number): number => {
    if (!covers(wall)) return around(wall).firstInstantFrom(wall);
    // In each segment the clocks read `wall` or later from max(segment start, wall − offset) on.
    let first = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= last; i++) {
      const candidate = Math.max(starts[i]!, wall - offsets[i]!);
      if (candidate < endOf(i) && candidate < first) first = candidate;
    }
    return first;
  };

  const spansOf = (wallFrom: number, wallTo: number): Interval[] => {
    if (!covers(wallFrom) || !covers(wallTo)) return around(wallFrom, wallTo).spansOf(wallFrom, wallTo);
    const spans: Interval[] = [];
    for (let i = 0; i <= last; i++) {
      const start = Math.max(starts[i]!, wallFrom - offsets[i]!);
      const end = Math.min(endOf(i), wallTo - offsets[i]!);
      if (start >= end) continue;
      const previous = spans[spans.length - 1];
      // Across a spring-forward inside the range the two segments' spans touch: they are one span.
      if (previous !== undefined && previous.end === start) spans[spans.length - 1] = { start: previous.start, end };
      else spans.push({ start, end });
    }
    return spans;
  };

  const dateAt = (instant: number): LocalDate => dateOfWall(instant + offsetAt(instant));

  return { timeZone, offsetAt, instantsOf, firstInstantFrom, spansOf, dateAt };
};

/**
 * Every instant at which `timeZone`'s clocks read `time` on `date`, ascending: `[]` when that
 * wall time does not exist (a spring-forward gap), two when it occurs twice (a fall-back fold).
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * instantsAt('America/New_York', '2027-03-14', '02:30'); // []: clocks jump from 02:00 to 03:00
 * instantsAt('America/New_York', '2027-11-07', '01:30'); // [05:30Z, 06:30Z] as epoch ms
 * instantsAt('America/New_York', '2027-11-07', '09:00'); // [14:00Z]
 */
export const instantsAt = (timeZone: string, date: LocalDate, time: string): number[] => {
  const wall = wallMs(date, minutesOf(time));
  return zoneTimeline(timeZone, wall - 2 * DAY_MS, wall + 2 * DAY_MS).instantsOf(wall);
};

/**
 * An instant as RFC 3339 with `timeZone`'s real offset at that instant.
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * formatInZone('Europe/London', Date.parse('2027-10-31T01:30:00Z')); // '2027-10-31T01:30:00+00:00'
 */
export const formatInZone = (timeZone: string, instant: number): string => formatWithOffset(instant, askOffset(timeZone, instant));

/**
 * A local day as instants: from the first instant its clocks read 00:00 (or later, when a gap
 * skips midnight) to the first instant the next day's do. 23, 24 or 25 hours long (24.5 or 23.5
 * at Lord Howe).
 *
 * @example
 * localDay('America/New_York', '2027-03-14'); // { start: 05:00Z, end: 04:00Z next day }: 23 hours
 */
export const localDay = (timeZone: string, date: LocalDate): Interval => {
  const midnight = wallMs(date);
  const zone = zoneTimeline(timeZone, midnight - 2 * DAY_MS, midnight + 3 * DAY_MS);
  return { start: zone.firstInstantFrom(midnight), end: zone.firstInstantFrom(midnight + DAY_MS) };
};
