import { type AccountStatusReader, requireActiveAccount } from '../audit/active-account';
import type { Appointment } from '../contracts/care-appointments';
import { PRACTITIONER_KINDS } from '../contracts/care-bounds';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { auditOrUndo, event, loadBooked, replaceBoth, restoreBoth, toView } from './appointment-access';
import type { AppointmentRecord, BookingDeps } from './ports';
import { countOnce } from '../content/count-figure';
import type { FigureCounter } from '../content/figures-ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/**
 * The practitioner records a booked visit's outcome, once it has started: `fulfilled` or `noshow`. The outcome then
 * counts once in the week's product figures (best effort: shared/content/count-figure.ts). A token that outlived the
 * practitioner's account (404) or role (403) records nothing (`requireActiveAccount`).
 */
export const setAppointmentStatus = async (
  deps: Deps<'appointments' | 'audit' | 'clock'> & { readonly users: AccountStatusReader; readonly figures?: FigureCounter },
  caller: Caller,
  appointmentId: string,
  status: 'fulfilled' | 'noshow',
  meta: RequestMeta,
): Promise<Appointment> => {
  await requireActiveAccount(deps, caller, meta, {
    action: 'appointment.status',
    resource: { type: 'appointment', id: appointmentId },
    roles: PRACTITIONER_KINDS,
  });
  const { mine, copies } = await loadBooked(deps, caller, appointmentId);
  const now = deps.clock.now();
  let refused: string | undefined = !copies
    ? 'not_found'
    : mine!.practitionerId !== caller.userId
      ? 'not_the_practitioner'
      : copies[0].status !== 'booked'
        ? `not_booked:${copies[0].status}`
        : now.getTime() < copies[0].startMs
          ? 'not_started'
          : undefined;
  let next: AppointmentRecord | undefined;
  if (!refused) {
    next = { ...copies![0], status, version: copies![0].version + 1, updatedAt: now.toISOString() };
    if (!(await replaceBoth(deps, copies!, next))) {
      refused = 'conflict';
      next = undefined;
    }
  }
  await auditOrUndo(
    deps,
    event(caller, meta, 'appointment.status', mine?.patientId ?? caller.userId, appointmentId, next ? 'success' : 'failure', refused ?? status),
    next ? () => restoreBoth(deps, copies!, next!) : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError();
  if (refused === 'not_the_practitioner') throw new ConflictError('Only the practitioner records how a visit went.', 'not_the_practitioner');
  if (!next) throw new ConflictError('Only a booked appointment that has started can be marked fulfilled or no-show.', 'status_not_allowed');
  await countOnce(deps.figures, `appointments_${status}`, 'appointment', `${status}#${appointmentId}`, now);
  return toView(next);
};
