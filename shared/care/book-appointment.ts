import { randomUUID } from 'node:crypto';
import type { Appointment, BookAppointmentRequest } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { auditOrUndo, changeLedger, event, practitionerCopy, releaseLedger, toView } from './appointment-access';
import { SlotUnavailableError } from './errors';
import { book } from './ledger';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps } from './ports';
import { bookable } from './slots';
import { formatInZone } from './time-zone';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/** Deletes both copies of a booking being undone, at whichever version each is. */
const discard = async (deps: Deps<'appointments'>, record: AppointmentRecord): Promise<void> => {
  for (const holder of [record.practitionerId, record.patientId]) {
    const copy = await deps.appointments.get(holder, record.id);
    if (copy) await deps.appointments.remove(holder, record.id, copy.version);
  }
};

/**
 * Books `body.start` with a verified practitioner for the calling patient: 201's body, or 409
 * `slot_unavailable` (`details.reason` from `bookable` or the ledger: taken, buffer, outside_hours,
 * past, nonexistent_local_time, beyond_horizon, crosses_midnight, off_grid, contention…), or 404 for
 * a practitioner not verified (or the caller themself).
 */
export const bookAppointment = async (
  deps: Deps<'practitioners' | 'availability' | 'ledgers' | 'appointments' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  body: BookAppointmentRequest,
  meta: RequestMeta,
): Promise<Appointment> => {
  const id = randomUUID();
  const now = deps.clock.now();
  const profile = body.practitionerId === caller.userId ? undefined : await deps.practitioners.get(body.practitionerId);
  const stored = profile?.verified ? await deps.availability.get(body.practitionerId) : undefined;
  let refused: string | undefined = !profile?.verified ? 'not_found' : stored === undefined ? 'outside_hours' : undefined;
  let booked: AppointmentRecord | undefined;
  if (refused === undefined) {
    const check = bookable(stored!.availability, profile!.timeZone, [], body.start, body.durationMinutes ?? stored!.availability.slotMinutes, now);
    if (!check.ok) refused = check.reason;
    else {
      const at = now.toISOString();
      const pending: AppointmentRecord = {
        id,
        patientId: caller.userId,
        practitionerId: body.practitionerId,
        status: 'pending',
        start: body.start,
        // As the slot listing writes it: with the zone's offset at that instant.
        end: formatInZone(profile!.timeZone, check.visit.end),
        startMs: check.visit.start,
        endMs: check.visit.end,
        date: check.date,
        mode: body.mode,
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...(body.reason === undefined ? {} : { reasonSealed: await deps.vault.seal(appointmentPlaces.reason(caller.userId, id), body.reason) }),
      };
      const record = pending;
      if (!(await deps.appointments.create(caller.userId, record))) throw new ConflictError('Appointment id collision; retry.');
      const claim = await changeLedger(deps, body.practitionerId, profile!.timeZone, check.date, (ledger) => book(ledger, id, check.visit));
      if (!claim.ok) {
        refused = claim.reason;
        await deps.appointments.remove(caller.userId, id, 1);
      } else {
        booked = { ...record, status: 'booked', version: 2 };
        try {
          if (!(await deps.appointments.create(body.practitionerId, practitionerCopy(booked)))) throw new ConflictError();
          if (!(await deps.appointments.replace(caller.userId, booked))) throw new ConflictError();
        } catch (error) {
          await releaseLedger(deps, booked);
          await discard(deps, booked);
          throw error;
        }
      }
    }
  }
  await auditOrUndo(
    deps,
    event(caller, meta, 'appointment.book', caller.userId, booked ? id : undefined, booked ? 'success' : 'failure', refused),
    booked
      ? async () => {
          await releaseLedger(deps, booked!);
          await discard(deps, booked!);
        }
      : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError('No such practitioner.');
  if (refused !== undefined || booked === undefined) throw new SlotUnavailableError(refused ?? 'contention');
  return toView(booked, body.reason);
};
