import { MAX_BUFFER_MINUTES, MIN_SLOT_MINUTES } from '../contracts/care-bounds';
import { type Interval, type LocalDate, localDay, MINUTE_MS } from './time-zone';

/**
 * The booking ledger: the no-double-booking invariant as ONE conditional write (ADR 0006). Each
 * practitioner has one ledger item per local day. It holds every visit booked that day, each with
 * the span it holds (its buffers included), and a version. A booking reads the day's item, runs
 * {@link book} on it, and writes the result back on the condition that the version is still the
 * one it read; two bookings that race on one day cannot both win, and every rule below is checked
 * against the state the write replaces. dynalite has no transactions, and none is needed.
 *
 * A visit and its buffers must lie inside their local day: one day's item never needs another
 * day's to be checked, so one conditional write on one item is the whole invariant.
 */

/** A visit to book: its own span and the buffers that must stay free around it. */
export interface Visit extends Interval {
  readonly bufferBeforeMinutes: number;
  readonly bufferAfterMinutes: number;
}

/** A booked visit: its own span (`start`, `end`) and the span it holds, buffers included (`heldStart`, `heldEnd`). */
export interface BookedInterval extends Interval {
  readonly heldStart: number;
  readonly heldEnd: number;
}

export interface LedgerEntry extends BookedInterval {
  readonly appointmentId: string;
}

/** One practitioner's bookings on one local day. */
export interface Ledger {
  readonly date: LocalDate;
  /** The day's instants `[dayStart, dayEnd)`, fixed when the item is first written: 23 to 25 hours. */
  readonly dayStart: number;
  readonly dayEnd: number;
  /** Written as the condition of the next write: starts at 0 (no item yet), +1 on every change. */
  readonly version: number;
  /** Ascending by `start`; no two held spans overlap. */
  readonly entries: readonly LedgerEntry[];
}

/** The longest local day: 25 hours, on a fall-back day (Lord Howe's is 24.5). */
export const MAX_LOCAL_DAY_MINUTES = 25 * 60;
/** A visit lasts at least the shortest slot. */
export const MIN_VISIT_MINUTES = MIN_SLOT_MINUTES;
/**
 * The most visits one day can hold: held spans do not overlap, each is at least a 10-minute
 * visit, and all lie in a day of at most 25 hours, so 1500 / 10 = 150. {@link book} refuses a
 * 151st anyway (`full`), so the item's size is bounded even if the geometry were not.
 */
export const MAX_LEDGER_ENTRIES = MAX_LOCAL_DAY_MINUTES / MIN_VISIT_MINUTES;
/** Appointment ids are UUIDs (36 characters); 64 leaves room without letting an id grow the item. */
export const MAX_APPOINTMENT_ID_LENGTH = 64;
/** DynamoDB's limit on one item, names and values included. */
export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;

export type LedgerConflict = 'invalid_visit' | 'crosses_midnight' | 'taken' | 'buffer' | 'full' | 'duplicate_appointment';

export type LedgerCheck = { readonly ok: true } | { readonly ok: false; readonly reason: LedgerConflict; readonly appointmentId?: string };

export type BookResult =
  /** `changed: false` when this appointment already holds exactly this visit (a retried booking): nothing to write. */
  | { readonly ok: true; readonly ledger: Ledger; readonly changed: boolean }
  | { readonly ok: false; readonly reason: LedgerConflict; readonly appointmentId?: string };

/**
 * The span a visit holds: the visit widened by its buffers.
 *
 * @example
 * heldSpan({ start: 600_000, end: 2_400_000, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 }); // { start: 300_000, end: 3_000_000 }
 */
export const heldSpan = (visit: Visit): Interval => ({
  start: visit.start - visit.bufferBeforeMinutes * MINUTE_MS,
  end: visit.end + visit.bufferAfterMinutes * MINUTE_MS,
});

/**
 * True when two half-open spans share an instant: `[9:00, 9:30)` and `[9:30, 10:00)` do not.
 *
 * @example
 * overlaps({ start: 0, end: 30 }, { start: 30, end: 60 }); // false
 */
export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

/**
 * The ledger of a day with nothing booked yet (version 0: the first write is on the condition that
 * no item exists).
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 * @example
 * emptyLedger('America/New_York', '2027-03-14'); // { date: '2027-03-14', dayStart: 05:00Z, dayEnd: 04:00Z next day, version: 0, entries: [] }
 */
export const emptyLedger = (timeZone: string, date: LocalDate): Ledger => {
  const day = localDay(timeZone, date);
  return { date, dayStart: day.start, dayEnd: day.end, version: 0, entries: [] };
};

const isBuffer = (minutes: number): boolean => Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_BUFFER_MINUTES;

const isValidVisit = (visit: Visit): boolean =>
  Number.isSafeInteger(visit.start) &&
  Number.isSafeInteger(visit.end) &&
  visit.end - visit.start >= MIN_VISIT_MINUTES * MINUTE_MS &&
  isBuffer(visit.bufferBeforeMinutes) &&
  isBuffer(visit.bufferAfterMinutes);

/**
 * Whether `visit` can be added to `ledger`, and if not, why: `invalid_visit` (shorter than 10
 * minutes, bad numbers or buffers), `crosses_midnight` (the visit or its buffers leave the day),
 * `taken` (it overlaps a booked visit), `buffer` (only the buffers collide), `full`.
 *
 * @example
 * canBook(ledger, { start: nine, end: nineThirty, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 }); // { ok: true }
 */
export const canBook = (ledger: Ledger, visit: Visit): LedgerCheck => {
  if (!isValidVisit(visit)) return { ok: false, reason: 'invalid_visit' };
  const held = heldSpan(visit);
  if (held.start < ledger.dayStart || held.end > ledger.dayEnd) return { ok: false, reason: 'crosses_midnight' };
  const taken = ledger.entries.find((entry) => overlaps(entry, visit));
  if (taken !== undefined) return { ok: false, reason: 'taken', appointmentId: taken.appointmentId };
  const buffer = ledger.entries.find((entry) => overlaps({ start: entry.heldStart, end: entry.heldEnd }, held));
  if (buffer !== undefined) return { ok: false, reason: 'buffer', appointmentId: buffer.appointmentId };
  if (ledger.entries.length >= MAX_LEDGER_ENTRIES) return { ok: false, reason: 'full' };
  return { ok: true };
};

/**
 * The ledger with `visit` booked for `appointmentId`, or the conflict. The caller writes the
 * result on the condition `version = ledger.version` (or no item, at version 0); if that write
 * loses, it re-reads the item and calls `book` again.
 *
 * Booking an appointment again with the same visit is a no-op (`changed: false`), so a retry
 * after a write whose answer was lost succeeds; with another visit it is `duplicate_appointment`
 * (move a visit by releasing it first).
 *
 * @example
 * const result = book(emptyLedger('Europe/London', '2027-10-31'), 'a1', visit);
 * if (result.ok && result.changed) await store.put(result.ledger, { expectedVersion: 0 });
 */
export const book = (ledger: Ledger, appointmentId: string, visit: Visit): BookResult => {
  if (appointmentId.length === 0 || appointmentId.length > MAX_APPOINTMENT_ID_LENGTH) return { ok: false, reason: 'invalid_visit' };
  const existing = ledger.entries.find((entry) => entry.appointmentId === appointmentId);
  if (existing !== undefined) {
    const held = heldSpan(visit);
    const same = existing.start === visit.start && existing.end === visit.end && existing.heldStart === held.start && existing.heldEnd === held.end;
    return same ? { ok: true, ledger, changed: false } : { ok: false, reason: 'duplicate_appointment', appointmentId };
  }
  const check = canBook(ledger, visit);
  if (!check.ok) return check;
  const held = heldSpan(visit);
  const entry: LedgerEntry = { appointmentId, start: visit.start, end: visit.end, heldStart: held.start, heldEnd: held.end };
  const entries = [...ledger.entries, entry].sort((a, b) => a.start - b.start);
  return { ok: true, ledger: { ...ledger, version: ledger.version + 1, entries }, changed: true };
};

/**
 * The ledger without `appointmentId`'s visit, at the next version. Releasing an appointment the
 * ledger does not hold returns the same ledger object, unchanged: nothing to write.
 *
 * @example
 * const next = release(ledger, 'a1');
 * if (next !== ledger) await store.put(next, { expectedVersion: ledger.version });
 */
export const release = (ledger: Ledger, appointmentId: string): Ledger => {
  const entries = ledger.entries.filter((entry) => entry.appointmentId !== appointmentId);
  return entries.length === ledger.entries.length ? ledger : { ...ledger, version: ledger.version + 1, entries };
};

/** DynamoDB's size of a number: 1 byte per two significant digits, plus 1. */
const numberBytes = (n: number): number => {
  const digits = String(Math.abs(n))
    .replace(/\.|e.*$/g, '')
    .replace(/^0+|0+$/g, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
};

/**
 * The size DynamoDB counts for a value stored as an attribute (its name not included): strings
 * as UTF-8, numbers by significant digits, lists and maps as 3 bytes plus 1 per element plus
 * their contents (map keys counted as names).
 */
export const attributeBytes = (value: unknown): number => {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return numberBytes(value);
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, item) => sum + 1 + attributeBytes(item), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((sum, [name, item]) => sum + 1 + Buffer.byteLength(name, 'utf8') + attributeBytes(item), 0);
  }
  return 0;
};

/** Room for the item's keys: DynamoDB allows 2048 bytes of partition key and 1024 of sort key. */
const KEY_BYTES = 2048 + 1024 + 'pk'.length + 'sk'.length;

/**
 * An upper bound on the DynamoDB size of the item that stores `ledger` as it is shaped here
 * (one attribute per field, `entries` a list of maps), keys at their largest.
 *
 * @example
 * ledgerItemBytes(emptyLedger('UTC', '2027-01-01')); // ~3.1 KB, nearly all of it the key allowance
 */
export const ledgerItemBytes = (ledger: Ledger): number =>
  KEY_BYTES + Object.entries(ledger).reduce((sum, [name, value]) => sum + Buffer.byteLength(name, 'utf8') + attributeBytes(value), 0);
