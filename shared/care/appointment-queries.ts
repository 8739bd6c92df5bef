import type { Appointment, AppointmentListQuery } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { mapPage, type Page } from '../domain/page';
import { NotFoundError, ValidationError } from '../errors';
import { event, FAR_FUTURE, ownCopy, toView } from './appointment-access';
import { appointmentPlaces } from './places';
import type { BookingDeps } from './ports';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/** One appointment, for either party (the reason opened); anyone else gets 404, as for none at all. */
export const getAppointment = async (
  deps: Deps<'appointments' | 'vault' | 'audit'>,
  caller: Caller,
  appointmentId: string,
  meta: RequestMeta,
): Promise<Appointment> => {
  const mine = await ownCopy(deps, caller, appointmentId);
  let reason: string | undefined;
  if (mine) {
    const sealed = mine.patientId === caller.userId ? mine.reasonSealed : (await deps.appointments.get(mine.patientId, appointmentId))?.reasonSealed;
    if (sealed) reason = await deps.vault.open(appointmentPlaces.reason(mine.patientId, appointmentId), sealed);
  }
  await deps.audit.append(
    event(caller, meta, 'appointment.read', mine?.patientId ?? caller.userId, appointmentId, mine ? 'success' : 'failure', mine ? undefined : 'not_found'),
  );
  if (!mine) throw new NotFoundError();
  return toView(mine, reason);
};

const PRACTITIONER_ROLES = ['provider', 'caregiver'];

/**
 * One page of the caller's appointments starting in `[from, to)`: their own as a patient, or their
 * schedule as a practitioner (`as`, by default the schedule for a provider or caregiver). No reasons.
 */
export const listAppointments = async (
  deps: Deps<'appointments' | 'audit'>,
  caller: Caller,
  query: AppointmentListQuery,
  meta: RequestMeta,
): Promise<Page<Appointment>> => {
  const practitioner = caller.roles.some((role) => PRACTITIONER_ROLES.includes(role));
  const side = query.as ?? (practitioner ? 'practitioner' : 'patient');
  const refused = side === 'practitioner' && !practitioner;
  const page = refused
    ? undefined
    : await deps.appointments.list(caller.userId, side, query.from ? Date.parse(query.from) : 0, query.to ? Date.parse(query.to) : FAR_FUTURE, {
        limit: query.limit ?? 50,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
  await deps.audit.append(
    event(caller, meta, 'appointment.list', caller.userId, undefined, refused ? 'failure' : 'success', refused ? 'not_a_practitioner' : side),
  );
  if (!page) throw new ValidationError('Only a provider or caregiver has a schedule.', undefined, 'not_a_practitioner');
  return mapPage(page, (record) => toView(record));
};
