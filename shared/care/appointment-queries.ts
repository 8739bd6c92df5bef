import type { Appointment, AppointmentListQuery } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { mapPage, type Page } from '../domain/page';
import { NotFoundError, ValidationError } from '../errors';
import { event, FAR_FUTURE, ownCopy, toView } from './appointment-access';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, AppointmentTimeline, BookingDeps } from './ports';

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
 * schedule as a practitioner (`as`, by default the schedule for a provider or caregiver), in start
 * order, cancelled ones included with their status. Pages are exact (`limit` items whenever that many
 * are left); the cursor carries the last one's key. No reasons. One audit event, success or not (a
 * cursor refused as `invalid_cursor` included).
 */
export const listAppointments = async (
  deps: { readonly appointments: AppointmentTimeline } & Deps<'audit'>,
  caller: Caller,
  query: AppointmentListQuery,
  meta: RequestMeta,
): Promise<Page<Appointment>> => {
  const practitioner = caller.roles.some((role) => PRACTITIONER_ROLES.includes(role));
  const side = query.as ?? (practitioner ? 'practitioner' : 'patient');
  let failure: unknown =
    side === 'practitioner' && !practitioner ? new ValidationError('Only a provider or caregiver has a schedule.', undefined, 'not_a_practitioner') : undefined;
  let page: Page<AppointmentRecord> | undefined;
  if (!failure) {
    try {
      page = await deps.appointments.listByStart(caller.userId, side, query.from ? Date.parse(query.from) : 0, query.to ? Date.parse(query.to) : FAR_FUTURE, {
        limit: query.limit ?? 50,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
    } catch (error) {
      failure = error;
    }
  }
  await deps.audit.append(
    event(
      caller,
      meta,
      'appointment.list',
      caller.userId,
      undefined,
      page ? 'success' : 'failure',
      page ? side : failure instanceof ValidationError ? failure.code : 'error',
    ),
  );
  if (!page) throw failure;
  return mapPage(page, (record) => toView(record));
};
