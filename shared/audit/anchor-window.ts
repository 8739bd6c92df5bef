/**
 * Where the anchor job finds the chains that changed (ADR 0014). Every record carries `anchorWindow`, the UTC hour
 * of its `at` (its first 13 characters, `2026-11-26T22`): the partition key of the audit table's sparse
 * `byAnchorWindow` index, whose sort key is `at`. A period is then one Query per hour it touches, with `at` in range;
 * never a scan. A prefix of `at`, so the append path pays almost nothing for it.
 */

/** Anchoring periods are whole multiples of this, in minutes: the anchor job runs at this cadence. */
export const ANCHOR_WINDOW_MINUTES = 5;
/** The same, in ms. */
export const ANCHOR_WINDOW_MS = ANCHOR_WINDOW_MINUTES * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The `anchorWindow` of a record's `at` (an ISO 8601 UTC instant): its UTC hour; `undefined` for a non-string (a
 * tampered record: the verifier then reports the mismatch like any edit).
 *
 * @example
 * anchorWindowOf('2026-11-26T22:07:31.120Z'); // '2026-11-26T22'
 */
export const anchorWindowOf = (at: unknown): string | undefined => (typeof at === 'string' ? at.slice(0, 13) : undefined);

/** The start of the 5-minute step holding `instant` (epoch ms), as epoch ms. */
export const windowStart = (instant: number): number => Math.floor(instant / ANCHOR_WINDOW_MS) * ANCHOR_WINDOW_MS;

/**
 * The `anchorWindow` values (UTC hours) a period `[from, to)` touches, oldest first, each with the inclusive `at`
 * range to query in it.
 *
 * @example
 * windowsBetween(Date.parse('2026-11-26T21:55Z'), Date.parse('2026-11-26T22:05Z'));
 * // [{ window: '2026-11-26T21', from: '2026-11-26T21:55:00.000Z', to: '2026-11-26T22:04:59.999Z' },
 * //  { window: '2026-11-26T22', from: '2026-11-26T21:55:00.000Z', to: '2026-11-26T22:04:59.999Z' }]
 */
export const windowsBetween = (from: number, to: number): { window: string; from: string; to: string }[] => {
  const range = { from: new Date(from).toISOString(), to: new Date(to - 1).toISOString() };
  const windows: { window: string; from: string; to: string }[] = [];
  for (let hour = Math.floor(from / HOUR_MS) * HOUR_MS; hour < to; hour += HOUR_MS)
    windows.push({ window: new Date(hour).toISOString().slice(0, 13), ...range });
  return windows;
};
