import { createHash } from 'node:crypto';
import { undoPersistently } from '../domain/undo';
import { ServiceUnavailableError } from '../errors';
import type { ConsentRecord } from '../records/ports';
import { releaseLedger } from './appointment-access';
import type { AppointmentRecord, BookingDeps, ShareConsents, StalePendingCopies } from './ports';
import { DAY_MS } from './time-zone';

/**
 * What a booking that failed leaves behind, and how it is cleared (ADR 0006 "Crash leftovers", ADR 0020):
 * the undo of a refused booking, the sweep of a patient's stale pending copies, and the clearing of what an
 * earlier attempt under the same `Idempotency-Key` left.
 *
 * The order of an undo is what keeps a slot from being booked twice when the undo itself fails part-way:
 * the patient's copy goes back to `pending` first, and the ledger entry is released before that pending
 * copy is deleted, last. Whatever step fails, what stands is either the whole booking (its ledger entry
 * still holds the slot) or a pending copy the sweep (or a retry under the same key) finishes clearing.
 * Never a `booked` copy whose slot the ledger has let go.
 */

/** The appointment copies a booking moves, and its sweep (`DynamoAppointmentCopies`). */
export type BookingCopies = {
  readonly appointments: Pick<BookingDeps['appointments'], 'get' | 'create' | 'replace' | 'remove'> & StalePendingCopies;
};
/** A booking only grants a share consent (or undoes the grant). */
export type ShareGrants = { readonly consents: Pick<ShareConsents, 'create' | 'undoCreate'> };
type Leftovers = BookingCopies & Pick<BookingDeps, 'ledgers'> & ShareGrants;

/** A `shareProfile` consent lasts until 7 days after the visit ends (`endMs`); a reschedule moves it. */
export const shareExpiry = (endMs: number): string => new Date(endMs + 7 * DAY_MS).toISOString();

/** The share consent a booking with `shareProfile` writes, as it writes it: a function of its record alone, so an undo can rebuild it. */
export const shareConsentOf = (record: AppointmentRecord): ConsentRecord | undefined =>
  record.shareConsentId === undefined
    ? undefined
    : {
        id: record.shareConsentId,
        kind: 'share',
        patientId: record.patientId,
        granteeId: record.practitionerId,
        scopes: ['profile.read', 'triage.read'],
        purpose: 'treatment',
        expiresAt: shareExpiry(record.endMs),
        createdAt: record.createdAt,
        appointmentId: record.id,
      };

/** A pending copy older than this belongs to a booking that died: route functions time out after seconds. */
export const STALE_PENDING_MS = 60_000;
/** The most of the patient's appointment copies one sweep reads. */
export const SWEEP_READ = 200;
/** An `Idempotency-Key` lives a day after its claim (`IdempotencyStore`); a copy older than this is from an earlier life of the key. */
const KEY_LIFE_MS = DAY_MS - 60 * 60_000;

/** Deletes the practitioner's copy at whichever version it is (gone already: nothing to do). */
const removePractitionerCopy = async (deps: BookingCopies, record: AppointmentRecord): Promise<void> => {
  const copy = await deps.appointments.get(record.practitionerId, record.id);
  if (copy) await deps.appointments.remove(record.practitionerId, record.id, copy.version);
};

/**
 * Turns the patient's copy back to `pending` (hidden, listed by no index, swept once stale) and returns it; `undefined`
 * if it is gone. Throws when the copy changed under it, so `undoPersistently` reads it again.
 */
const withdraw = async (deps: BookingCopies, record: AppointmentRecord): Promise<AppointmentRecord | undefined> => {
  const copy = await deps.appointments.get(record.patientId, record.id);
  if (copy === undefined || copy.status === 'pending') return copy;
  const pending: AppointmentRecord = { ...copy, status: 'pending', version: copy.version + 1 };
  // Read again on the next run; if it keeps changing, the request ends as a 503 (send it again), never a 500.
  if (!(await deps.appointments.replace(record.patientId, pending))) throw new ServiceUnavailableError();
  return pending;
};

/**
 * Undoes a booking whose last steps or audit failed: its consent (if still as written), then, in the order above, the
 * patient's copy withdrawn to `pending`, the practitioner's copy, the ledger entry, and the patient's copy. Run again
 * while the store fails (`undoPersistently`: each step is conditional or reads first, so a second run finishes the first).
 */
export const undoBooking = (deps: Leftovers, booked: AppointmentRecord, consent: ConsentRecord | undefined): Promise<void> =>
  undoPersistently(async () => {
    if (consent) await deps.consents.undoCreate(consent, undefined);
    const own = await withdraw(deps, booked);
    await removePractitionerCopy(deps, booked);
    await releaseLedger(deps, booked);
    if (own) await deps.appointments.remove(booked.patientId, booked.id, own.version);
  });

/**
 * Clears what dead bookings of this patient left (ADR 0006, "Crash leftovers"): each stale pending
 * copy is deleted on its version (one conditional delete), then the practitioner's copy if the
 * booking got that far, then its ledger entry if the ledger holds it. In that order: a booking
 * still running could no longer mark its copy booked, so it would undo itself; a crash between
 * these writes leaves at worst a slot blocked, never booked twice.
 */
export const sweepStalePending = async (deps: BookingCopies & Pick<BookingDeps, 'ledgers'>, patientId: string, now: Date): Promise<void> => {
  for (const copy of await deps.appointments.stalePending(patientId, new Date(now.getTime() - STALE_PENDING_MS).toISOString(), SWEEP_READ)) {
    if (await deps.appointments.remove(patientId, copy.id, copy.version)) {
      await removePractitionerCopy(deps, copy);
      await releaseLedger(deps, copy);
    }
  }
};

/**
 * The appointment id of a booking sent with an `Idempotency-Key`: the same for every attempt under that key (a
 * name-based UUID, version 8, of the patient and the key), so a retry finds whatever an earlier attempt left.
 *
 * @example
 * const id = key === undefined ? randomUUID() : attemptAppointmentId(caller.userId, key);
 */
export const attemptAppointmentId = (patientId: string, idempotencyKey: string): string => {
  const hex = createHash('sha256').update(`appointmentBook\u0000${patientId}\u0000${idempotencyKey}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * Before a retry under an `Idempotency-Key` writes, clears what an earlier attempt under the same key left: that
 * attempt answered a failure (its key was released), so the client was told it did not happen, and nothing it wrote may
 * stand beside the retry's booking. The claim on the key means no earlier attempt is still running. `false` when the id is
 * held by an appointment from an earlier life of the key (made over {@link KEY_LIFE_MS} ago): a real one, left alone,
 * and the booking takes a fresh id.
 */
export const clearEarlierAttempt = async (deps: Leftovers, patientId: string, id: string, now: Date): Promise<boolean> => {
  const earlier = await deps.appointments.get(patientId, id);
  if (earlier === undefined) return true;
  if (Date.parse(earlier.createdAt) <= now.getTime() - KEY_LIFE_MS) return false;
  await undoBooking(deps, earlier, shareConsentOf(earlier));
  return true;
};
