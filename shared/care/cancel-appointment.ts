import type { Appointment } from '../contracts/care-appointments';
import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import { spendBudget } from '../budgets/spend';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../errors';
import { announced, UNANNOUNCED } from '../notifications/appointment-events';
import { auditOrUndo, event, loadBooked, practitionerCopy, releaseLedger, replaceBoth, restoreBoth, toView } from './appointment-access';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps } from './ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/**
 * Either party cancels a booked appointment; its interval is released from the ledger at once. The
 * share consent its booking gave (`shareProfile`) is revoked with the copies, named in the one audit
 * event (`consent_revoked:<id>`) and put back if that append fails.
 *
 * The copies say `cancelled` before the ledger is released (after the audit): a cancel that fails
 * after that (its release could not be written) has left its intent in the copies, so the same
 * cancel sent again finishes it. Cancelling an appointment already cancelled answers 200 with it
 * (audit reason `already_cancelled`) after finishing what an earlier cancel may have left: the
 * practitioner's copy if only the patient's was written, the share consent's revocation, and the
 * ledger release (ADR 0006, "Crash leftovers"). A release that still cannot be written is 503: send
 * the cancel again.
 *
 * Once the copies say cancelled (and the consent is revoked), both parties are told:
 * `appointment_cancelled` to each through the notifications queue, ids only, before the audit (the
 * worker sends the messages and deletes the reminders). If that enqueue fails, the cancel is taken
 * back like an audit failure, the one audit event says `notification_unavailable`, and the answer is
 * 503: send it again. A repeat cancel tells nobody again: the first one's events were queued.
 */
export const cancelAppointment = async (
  deps: Deps<'appointments' | 'ledgers' | 'consents' | 'notifications' | 'vault' | 'audit' | 'clock' | 'counters'> & { readonly users: AccountStatusReader },
  caller: Caller,
  appointmentId: string,
  body: { reason?: string | undefined },
  meta: RequestMeta,
): Promise<Appointment> => {
  // A token that outlived its account sees and writes nothing (404): the deletion cancelled the account's visits already.
  await requireActiveAccount(deps, caller, meta, { action: 'appointment.cancel', resource: { type: 'appointment', id: appointmentId } });
  const { mine, copies } = await loadBooked(deps, caller, appointmentId);
  const status = copies?.[0].status;
  const again = status === 'cancelled';
  let refused: string | undefined = !copies ? 'not_found' : status !== 'booked' && !again ? `not_booked:${status}` : undefined;
  let next: AppointmentRecord | undefined;
  let revoked = false;
  if (again) {
    const [patient, practitioner] = copies!;
    next = patient;
    // Only the patient's copy written: the practitioner's follows, on its version (a no-op when someone wrote it since).
    if (practitioner.version === patient.version - 1) await deps.appointments.replace(patient.practitionerId, practitionerCopy(patient));
    if (patient.shareConsentId) revoked = await deps.consents.revoke(patient.patientId, patient.shareConsentId, patient.updatedAt);
  } else if (!refused) {
    // A cancel messages both parties: past the caller's budget, 429 before it writes (a repeat that finishes one does not spend).
    await spendBudget(deps, caller, meta, 'appointmentChanges', { action: 'appointment.cancel', resource: { type: 'appointment', id: appointmentId } });
    const [patient] = copies!;
    next = {
      ...patient,
      status: 'cancelled',
      version: patient.version + 1,
      updatedAt: deps.clock.now().toISOString(),
      ...(body.reason ? { cancelReasonSealed: await deps.vault.seal(appointmentPlaces.cancelReason(patient.patientId, appointmentId), body.reason) } : {}),
    };
    if (!(await replaceBoth(deps, copies!, next))) {
      refused = 'conflict';
      next = undefined;
    } else if (next.shareConsentId) {
      try {
        // `false` when the patient revoked it already: nothing to undo then.
        revoked = await deps.consents.revoke(next.patientId, next.shareConsentId, next.updatedAt);
      } catch (error) {
        await restoreBoth(deps, copies!, next);
        throw error;
      }
    }
    // Both parties are told (the queue; the worker also deletes the reminders): if not, the cancel is taken back.
    if (next && !(await announced(deps, 'appointment_cancelled', next.id, [next.patientId, next.practitionerId], deps.clock.now()))) {
      if (revoked) await deps.consents.undoRevoke(next.patientId, next.shareConsentId!, next.updatedAt);
      await restoreBoth(deps, copies!, next);
      refused = UNANNOUNCED;
      next = undefined;
      revoked = false;
    }
  }
  const facts = [again && 'already_cancelled', revoked && `consent_revoked:${next!.shareConsentId}`].filter(Boolean).join(',');
  await auditOrUndo(
    deps,
    event(caller, meta, 'appointment.cancel', mine?.patientId ?? caller.userId, appointmentId, next ? 'success' : 'failure', refused ?? facts),
    // A repeat cancel wrote only what finishes the first one, which was audited: nothing to take back.
    next && !again
      ? async () => {
          if (revoked) await deps.consents.undoRevoke(next!.patientId, next!.shareConsentId!, next!.updatedAt);
          await restoreBoth(deps, copies!, next!);
        }
      : undefined,
  );
  if (refused === UNANNOUNCED) throw new ServiceUnavailableError();
  if (refused === 'not_found') throw new NotFoundError();
  if (!next) throw new ConflictError('Only a booked appointment can be cancelled.', 'not_cancellable');
  // After the audit: an undo never has to take a released slot back. A release that cannot be written leaves the slot
  // blocked, never double-booked, and the copies already say cancelled: the same cancel again releases it.
  if (!(await releaseLedger(deps, next)).ok) throw new ServiceUnavailableError('The slot could not be released yet: send the cancel again.');
  return toView(next);
};
