import * as z from '../zod';
import { declared } from '../zod';
import { list } from './common';
import {
  WEEKDAYS,
  MIN_SLOT_MINUTES,
  MAX_SLOT_MINUTES,
  MAX_BUFFER_MINUTES,
  MAX_HORIZON_DAYS,
  MAX_SLOT_WINDOW_DAYS,
  MAX_WEEKLY_WINDOWS,
  MAX_EXCEPTIONS,
} from './care-bounds';

/**
 * A practitioner's availability: weekly opening hours and dated exceptions, all read on the wall
 * clock of the practitioner's IANA time zone, plus the rules that turn them into slots. The
 * scheduling core (`shared/care/`) trusts what this schema lets through: every bound it relies on
 * (a slot of 10 minutes or more, windows inside one local day, no overlapping windows) is here.
 */

/** A wall-clock time `HH:MM`, 00:00–23:59. */
export const LocalTime = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(5), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM, 00:00 to 23:59')),
);
/** The end of a window: a time, or `24:00` for "until midnight" (a window never runs into the next day). */
export const LocalEndTime = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(5), z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM, 00:01 to 24:00')),
);
/** A calendar date `YYYY-MM-DD` on the practitioner's wall calendar. */
export const LocalDate = /* @__PURE__ */ declared(() => z.iso.date().check(z.maxLength(10)));

/** `HH:MM` strings are zero-padded, so text order is time order. */
const startsBeforeEnd = (window: { start: string; end: string }): boolean => window.start < window.end;

const Hours = { start: LocalTime, end: LocalEndTime };

export const WeeklyWindow = /* @__PURE__ */ z
  .strictObject({ day: z.enum(WEEKDAYS), ...Hours })
  .check(z.refine(startsBeforeEnd, { error: 'start must be before end', path: ['end'] }))
  .register(z.globalRegistry, { id: 'WeeklyWindow' });
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;

const ClosedDay = /* @__PURE__ */ declared(() => z.strictObject({ date: LocalDate, closed: z.literal(true) }));
const SpecialHours = /* @__PURE__ */ declared(() =>
  z.strictObject({ date: LocalDate, ...Hours }).check(z.refine(startsBeforeEnd, { error: 'start must be before end', path: ['end'] })),
);

/** One date that differs from the week: closed all day, or open only `start`–`end` (it replaces that day's weekly hours). */
export const AvailabilityException = /* @__PURE__ */ z.union([ClosedDay, SpecialHours]).register(z.globalRegistry, { id: 'AvailabilityException' });
export type AvailabilityException = z.infer<typeof AvailabilityException>;

/** True when no two windows of the same day overlap (touching, 12:00–12:00, is allowed). */
const noOverlapPerDay = (weekly: readonly WeeklyWindow[]): boolean =>
  WEEKDAYS.every((day) => {
    const windows = weekly.filter((w) => w.day === day).sort((a, b) => (a.start < b.start ? -1 : 1));
    return windows.every((w, i) => i === 0 || windows[i - 1]!.end <= w.start);
  });

export const Availability = /* @__PURE__ */ declared(() =>
  z
    .strictObject({
      weekly: list(WeeklyWindow, MAX_WEEKLY_WINDOWS).check(z.refine(noOverlapPerDay, 'windows of the same day must not overlap')),
      exceptions: list(AvailabilityException, MAX_EXCEPTIONS).check(
        z.refine((exceptions) => new Set(exceptions.map((e) => e.date)).size === exceptions.length, 'must not have two exceptions for one date'),
      ),
      slotMinutes: z.int().check(z.gte(MIN_SLOT_MINUTES), z.lte(MAX_SLOT_MINUTES)),
      bufferBeforeMinutes: z.int().check(z.gte(0), z.lte(MAX_BUFFER_MINUTES)),
      bufferAfterMinutes: z.int().check(z.gte(0), z.lte(MAX_BUFFER_MINUTES)),
      /** How far ahead a visit may be booked: dates up to today + horizonDays, on the practitioner's calendar. */
      horizonDays: z.int().check(z.gte(1), z.lte(MAX_HORIZON_DAYS)),
    })
    .register(z.globalRegistry, { id: 'Availability' }),
);
export type Availability = z.infer<typeof Availability>;

/**
 * An instant as RFC 3339 with the practitioner's UTC offset at that instant
 * (`2027-11-07T01:30:00-04:00`): the offset tells the two 01:30s of a fall-back night apart, so a
 * client echoes a slot's `start` exactly to book it.
 */
export const ZonedInstant = /* @__PURE__ */ declared(() => z.iso.datetime({ offset: true }).check(z.maxLength(32)));

export const Slot = /* @__PURE__ */ z.object({ start: ZonedInstant, end: ZonedInstant }).register(z.globalRegistry, { id: 'Slot' });
export type Slot = z.infer<typeof Slot>;

/**
 * `?from=&to=` of a slot listing: instants, `from` before `to`, at most 31 days apart. The
 * scheduling core clamps a longer window too; refusing it here tells the caller.
 */
export const SlotWindowQuery = /* @__PURE__ */ z
  .strictObject({ from: ZonedInstant, to: ZonedInstant })
  .check(
    z.refine(({ from, to }) => Date.parse(from) < Date.parse(to), { error: 'from must be before to', path: ['to'] }),
    z.refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_SLOT_WINDOW_DAYS * 86_400_000, {
      error: `must be at most ${MAX_SLOT_WINDOW_DAYS} days after from`,
      path: ['to'],
    }),
  )
  .register(z.globalRegistry, { id: 'SlotWindowQuery' });
