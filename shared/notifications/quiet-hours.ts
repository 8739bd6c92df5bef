import { addDays, DAY_MS, dateOfWall, MINUTE_MS, minutesOf, wallMs, zoneTimeline } from '../care/time-zone';
import type { QuietHours } from './ports';

/** Not quiet, or quiet until `endsAt` (epoch ms, after the instant asked about). */
export type QuietState = { readonly quiet: false } | { readonly quiet: true; readonly endsAt: number };

/**
 * Whether `instant` falls in the quiet hours, read on the wall clock of their zone, and if so the
 * first instant they are over. Pure, with `Intl` alone (shared/care/time-zone.ts), so it is right
 * across daylight-saving changes: the window is `[start, end)` of what the clocks read, and its end
 * is the first instant the clocks read `end` again (after a spring-forward that skips `end`, the end
 * of the gap; on a fall-back night the next time the clocks read it). `start` after `end` runs over
 * midnight (21:00–08:00).
 *
 * @throws RangeError when the zone is not one Intl knows (the contract refuses those before they are stored).
 * @example
 * quietHoursAt({ start: '22:00', end: '08:00', timeZone: 'Europe/London' }, Date.parse('2027-03-27T23:00:00Z'));
 * // { quiet: true, endsAt: Date.parse('2027-03-28T07:00:00Z') }: 08:00 BST, the clocks went forward that night
 */
/** Learnt zone timelines by zone and hour: learning one asks `Intl` many times (~40 µs), and a worker asks about the same zones every message. */
const timelines = new Map<string, ReturnType<typeof zoneTimeline>>();
const HOUR_MS = 3_600_000;
const MAX_TIMELINES = 256;

/** A timeline of `timeZone` from at least 2 days before `instant` to at least 3 days after it, learnt once per zone and hour. */
const timelineAround = (timeZone: string, instant: number) => {
  const hour = Math.floor(instant / HOUR_MS) * HOUR_MS;
  const key = `${timeZone}|${hour}`;
  let zone = timelines.get(key);
  if (zone === undefined) {
    zone = zoneTimeline(timeZone, hour - 2 * DAY_MS, hour + HOUR_MS + 3 * DAY_MS);
    if (timelines.size >= MAX_TIMELINES) timelines.delete(timelines.keys().next().value!);
    timelines.set(key, zone);
  }
  return zone;
};

export const quietHoursAt = (quiet: QuietHours, instant: number): QuietState => {
  const zone = timelineAround(quiet.timeZone, instant);
  const wall = instant + zone.offsetAt(instant);
  const date = dateOfWall(wall);
  const minute = Math.floor((wall - wallMs(date)) / MINUTE_MS);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return { quiet: false };
  // The end falls today while the clock has not reached it yet, else tomorrow.
  const endWall = wallMs(minute < end ? date : addDays(date, 1), end);
  const endsAt = zone.instantsOf(endWall).find((at) => at > instant) ?? zone.firstInstantFrom(endWall);
  return { quiet: true, endsAt: endsAt > instant ? endsAt : instant + MINUTE_MS };
};
