import type { Appointment } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { auditOrUndo, event, loadBooked, releaseLedger, replaceBoth, restoreBoth, toView } from './appointment-access';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps } from './ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/**
 * Either party cancels a booked appointment; its interval is released from the ledger at once. The
 * share consent its booking gave (`shareProfile`) is revoked with the copies, named in the one audit
 * event (`consent_revoked:<id>`) and put back if that append fails.
 */
export const cancelAppointment = async (
  deps: Deps<'appointments' | 'ledgers' | 'consents' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  appointmentId: string,
  body: { reason?: string | undefined },
  meta: RequestMeta,
): Promise<Appointment> => {
  const { mine, copies } = await loadBooked(deps, caller, appointmentId);
  let refused: string | undefined = !copies ? 'not_found' : copies[0].status !== 'booked' ? `not_booked:${copies[0].status}` : undefined;
  let next: AppointmentRecord | undefined;
  let revoked = false;
  if (!refused) {
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
  }
  await auditOrUndo(
    deps,
    event(
      caller,
      meta,
      'appointment.cancel',
      mine?.patientId ?? caller.userId,
      appointmentId,
      next ? 'success' : 'failure',
      refused ?? (revoked ? `consent_revoked:${next!.shareConsentId}` : undefined),
    ),
    next
      ? async () => {
          if (revoked) await deps.consents.undoRevoke(next!.patientId, next!.shareConsentId!, next!.updatedAt);
          await restoreBoth(deps, copies!, next!);
        }
      : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError();
  if (!next) throw new ConflictError('Only a booked appointment can be cancelled.', 'not_cancellable');
  // After the audit: an undo never has to take a released slot back. A release that cannot be written leaves the slot blocked, never double-booked.
  await releaseLedger(deps, next);
  return toView(next);
};
