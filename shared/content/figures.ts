import type { AppointmentFigure, ProductFigure } from '../contracts/content';
import type { TriageLevel } from '../contracts/triage-scale';

/**
 * The product figures an operator asks for (issue 12), the pure parts: anonymous counts per ISO week of new
 * accounts, symptom sessions by triage level and appointments by status, never per person, and shown with small
 * cells suppressed. Counting (best effort, once per source) is shared/content/count-figure.ts; the store is
 * `ProductFigures` (./figures-ports.ts).
 */

/** A counter of a week's item (`FIGURES#<YYYY-Www> / FIGURES`): one numeric attribute each, changed only by `ADD`. */
export type FigureName = 'accounts' | `sessions_${TriageLevel}` | `appointments_${AppointmentFigure}`;

/** What a source is; each `(kind, source id)` counts once (its `COUNTED#…` marker). */
export type CountedKind = 'account' | 'session' | 'appointment';

/** The smallest figure shown as a number: any count under it (0 included) is shown as {@link SUPPRESSED}. */
export const SMALL_CELL = 11;
export const SUPPRESSED = '<11';

/** A count as the dashboard shows it: `n` when it is at least {@link SMALL_CELL}, else `'<11'` (small-cell suppression). */
export const suppressed = (n: number): ProductFigure => (n >= SMALL_CELL ? n : SUPPRESSED);

const DAY_MS = 86_400_000;

/**
 * The ISO 8601 week of an instant in UTC, `YYYY-Www`: weeks start on Monday, and week 1 is the one holding the
 * year's first Thursday, so a week belongs to the year of its Thursday (2026-12-31 is `2026-W53`, 2027-01-04
 * `2027-W01`, 2027-01-01 still `2026-W53`).
 */
export const isoWeek = (at: Date): string => {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday; Monday is 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = new Date((day - weekday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/** The `count` ISO weeks ending with the week of `now`, oldest first (every 7 days back is exactly one week back). */
export const lastWeeks = (now: Date, count: number): string[] =>
  Array.from({ length: count }, (_, i) => isoWeek(new Date(now.getTime() - (count - 1 - i) * 7 * DAY_MS)));

/** How long a `COUNTED#…` marker is kept (its `expiresAt`, DynamoDB's TTL): longer than any redelivery or retry. */
export const COUNTED_TTL_DAYS = 120;
