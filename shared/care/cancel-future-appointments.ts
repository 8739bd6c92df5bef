import { bothCopies, FAR_FUTURE, LEDGER_ATTEMPTS, replaceBoth } from './appointment-access';
import { everyCopy } from './account-data';
import { release } from './ledger';
import type { AppointmentRecord, BookingDeps, ShareConsents } from './ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/**
 * Releases the appointment's interval from its day's ledger; a day without a ledger holds nothing to
 * release. (`releaseLedger` without `emptyLedger`, whose time-zone code the deletion's bundle does not need.)
 */
const releaseHeld = async (deps: Deps<'ledgers'>, record: AppointmentRecord): Promise<void> => {
  for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
    const ledger = await deps.ledgers.day(record.practitionerId, record.date);
    const next = ledger && release(ledger, record.id);
    if (!ledger || next === ledger || (await deps.ledgers.write(record.practitionerId, next!))) return;
  }
};

/**
 * Account deletion (shared/account/delete-account.ts): cancels every booked appointment of `userId`,
 * as the patient and as the practitioner, that starts at or after `now`: both copies → `cancelled`
 * (the patient's first, as `cancelAppointment`), its booking's share consent revoked (if the deletion's
 * own sweep of consents missed it: the grantee index is eventually consistent), then the ledger releases the interval. A copy changed
 * meanwhile is re-read and decided again (`LEDGER_ATTEMPTS` times). Past appointments are left as they
 * are (the patient's sealed reason dies with their data key). No audit event of its own: the
 * deletion's one event counts them. Idempotent: a retry cancels what is still booked. The ids cancelled.
 */
export const cancelFutureAppointments = async (
  deps: Deps<'appointments' | 'ledgers'> & { readonly consents: Pick<ShareConsents, 'revoke'> },
  userId: string,
  now: Date,
): Promise<string[]> => {
  const cancelled: string[] = [];
  for (const side of ['patient', 'practitioner'] as const) {
    for (const listed of await everyCopy(deps, userId, side, now.getTime(), FAR_FUTURE)) {
      if (listed.status !== 'booked') continue;
      for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
        const mine = await deps.appointments.get(userId, listed.id);
        const copies = mine ? await bothCopies(deps, mine, userId) : undefined;
        if (copies?.[0].status !== 'booked') break;
        const next: AppointmentRecord = { ...copies[0], status: 'cancelled', version: copies[0].version + 1, updatedAt: now.toISOString() };
        if (await replaceBoth(deps, copies, next)) {
          if (next.shareConsentId) await deps.consents.revoke(next.patientId, next.shareConsentId, next.updatedAt);
          await releaseHeld(deps, next);
          cancelled.push(next.id);
          break;
        }
      }
    }
  }
  return cancelled;
};
