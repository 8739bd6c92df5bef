import { ServiceUnavailableError } from '../errors';
import { announced } from '../notifications/appointment-events';
import { backOff, bothCopies, FAR_FUTURE, LEDGER_ATTEMPTS, practitionerCopy, replaceBoth, restoreBoth } from './appointment-access';
import { everyCopy } from './account-data';
import { release } from './ledger';
import type { AppointmentRecord, BookingDeps, ShareConsents } from './ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/**
 * Releases the appointment's interval from its day's ledger; a day without a ledger, or one that does
 * not hold it, has nothing to release. `false` when the write was lost `LEDGER_ATTEMPTS` times (with
 * the booking's back-off between). (`releaseLedger` without `emptyLedger`, whose time-zone code the
 * deletion's bundle does not need.)
 */
const releaseHeld = async (deps: Deps<'ledgers'>, record: AppointmentRecord): Promise<boolean> => {
  for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
    if (attempt > 0) await backOff(attempt);
    const ledger = await deps.ledgers.day(record.practitionerId, record.date);
    const next = ledger && release(ledger, record.id);
    if (!ledger || next === ledger || (await deps.ledgers.write(record.practitionerId, next!))) return true;
  }
  return false;
};

/** What a deletion did to the future appointments: the ids it cancelled, and those whose ledger release is still owed. */
export interface FutureCancellation {
  readonly cancelled: string[];
  /** Cancelled (now or before) but still held by the ledger: the same deletion again releases them. */
  readonly unreleased: string[];
}

/**
 * Account deletion (shared/account/delete-account.ts): cancels every booked appointment of `userId`,
 * as the patient and as the practitioner, that starts at or after `now`: both copies → `cancelled`
 * (the patient's first, as `cancelAppointment`), its booking's share consent revoked (if the deletion's
 * own sweep of consents missed it: the grantee index is eventually consistent), then the ledger
 * releases the interval. A copy changed meanwhile is re-read and decided again (`LEDGER_ATTEMPTS`
 * times). Past appointments are left as they are (the patient's sealed reason dies with their data
 * key). No audit event of its own: the deletion's one event counts them.
 *
 * Idempotent, and a retry finishes what an earlier run left: a future appointment already
 * cancelled (by an earlier run of the deletion, or by either party) is finished as a repeated
 * `cancelAppointment` finishes it: the practitioner's copy if only the patient's was written, the
 * share consent's revocation, the ledger release (each a no-op when done). A release that still
 * loses its write is named in `unreleased` (ADR 0006, "Crash leftovers").
 *
 * Each appointment it cancels is announced to the other party (`appointment_cancelled`, ids only;
 * the account being deleted is told nothing) right after its copies say cancelled; the worker then
 * sends the message and deletes the reminders. If the queue cannot take it, the copies are put back
 * and the deletion fails with 503: sent again, it cancels and announces that appointment again.
 */
export const cancelFutureAppointments = async (
  deps: Deps<'appointments' | 'ledgers' | 'notifications'> & { readonly consents: Pick<ShareConsents, 'revoke'> },
  userId: string,
  now: Date,
): Promise<FutureCancellation> => {
  const cancelled: string[] = [];
  const unreleased: string[] = [];
  for (const side of ['patient', 'practitioner'] as const) {
    for (const listed of await everyCopy(deps, userId, side, now.getTime(), FAR_FUTURE)) {
      if (listed.status !== 'booked' && listed.status !== 'cancelled') continue;
      for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
        const mine = await deps.appointments.get(userId, listed.id);
        const copies = mine ? await bothCopies(deps, mine, userId) : undefined;
        if (!copies) break;
        const [patient, practitioner] = copies;
        let next: AppointmentRecord | undefined;
        if (patient.status === 'cancelled') {
          // Only the patient's copy written: the practitioner's follows, on its version (a no-op when someone wrote it since).
          if (practitioner.version === patient.version - 1) await deps.appointments.replace(patient.practitionerId, practitionerCopy(patient));
          next = patient;
        } else if (patient.status === 'booked') {
          next = { ...patient, status: 'cancelled', version: patient.version + 1, updatedAt: now.toISOString() };
          if (!(await replaceBoth(deps, copies, next))) continue;
          // The other party is told (the queue; the worker deletes the reminders); if not, this cancel is put back and the deletion fails.
          if (!(await announced(deps, 'appointment_cancelled', next.id, [next.patientId === userId ? next.practitionerId : next.patientId], now))) {
            await restoreBoth(deps, copies, next);
            throw new ServiceUnavailableError('The deletion could not finish yet: send it again.');
          }
          cancelled.push(next.id);
        }
        if (next === undefined) break;
        if (next.shareConsentId) await deps.consents.revoke(next.patientId, next.shareConsentId, next.updatedAt);
        if (!(await releaseHeld(deps, next))) unreleased.push(next.id);
        break;
      }
    }
  }
  return { cancelled, unreleased };
};
