import { randomUUID } from 'node:crypto';
import type { Appointment, BookAppointmentRequest } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import type { ConsentRecord } from '../records/ports';
import { auditOrUndo, changeLedger, event, practitionerCopy, releaseLedger, toView } from './appointment-access';
import { SlotUnavailableError } from './errors';
import { book } from './ledger';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps, ShareConsents } from './ports';
import { bookable } from './slots';
import { DAY_MS, formatInZone } from './time-zone';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;
/** A booking only grants a share consent (or undoes the grant). */
type Grants = { readonly consents: Pick<ShareConsents, 'create' | 'undoCreate'> };

/** A `shareProfile` consent lasts until 7 days after the visit ends (`endMs`); a reschedule moves it. */
export const shareExpiry = (endMs: number): string => new Date(endMs + 7 * DAY_MS).toISOString();

/** Deletes both copies of a booking being undone, at whichever version each is. */
const discard = async (deps: Deps<'appointments'>, record: AppointmentRecord): Promise<void> => {
  for (const holder of [record.practitionerId, record.patientId]) {
    const copy = await deps.appointments.get(holder, record.id);
    if (copy) await deps.appointments.remove(holder, record.id, copy.version);
  }
};

/** Undoes a booking whose last steps or audit failed: its consent (if still as written), the ledger entry, both copies. */
const undo = async (deps: Deps<'appointments' | 'ledgers'> & Grants, booked: AppointmentRecord, consent: ConsentRecord | undefined): Promise<void> => {
  if (consent) await deps.consents.undoCreate(consent, undefined);
  await releaseLedger(deps, booked);
  await discard(deps, booked);
};

/**
 * Books `body.start` with a verified practitioner for the calling patient: 201's body, or 409
 * `slot_unavailable` (`details.reason` from `bookable` or the ledger: taken, buffer, outside_hours,
 * past, nonexistent_local_time, beyond_horizon, crosses_midnight, off_grid, contention…), or 404 for
 * a practitioner not verified (or the caller themself), or a `symptomSessionId` that is not one of
 * the caller's sessions. With `shareProfile`, the patient's share consent for the practitioner
 * (`profile.read`, `triage.read`, purpose `treatment`, until `shareExpiry`) is written with the
 * copies, named in the one audit event (`consent:<id>`), and undone with them.
 */
export const bookAppointment = async (
  deps: Deps<'practitioners' | 'availability' | 'ledgers' | 'appointments' | 'sessions' | 'vault' | 'audit' | 'clock'> & Grants,
  caller: Caller,
  body: BookAppointmentRequest,
  meta: RequestMeta,
): Promise<Appointment> => {
  const id = randomUUID();
  const now = deps.clock.now();
  const profile = body.practitionerId === caller.userId ? undefined : await deps.practitioners.get(body.practitionerId);
  const stored = profile?.verified ? await deps.availability.get(body.practitionerId) : undefined;
  let refused: string | undefined = !profile?.verified ? 'not_found' : stored === undefined ? 'outside_hours' : undefined;
  if (!refused && body.symptomSessionId && !(await deps.sessions.getSession(caller.userId, body.symptomSessionId))) refused = 'session_not_found';
  let booked: AppointmentRecord | undefined;
  let consent: ConsentRecord | undefined;
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
        ...(body.symptomSessionId ? { symptomSessionId: body.symptomSessionId } : {}),
        ...(body.shareProfile ? { shareConsentId: randomUUID() } : {}),
      };
      const record = pending;
      if (!(await deps.appointments.create(caller.userId, record))) throw new ConflictError('Appointment id collision; retry.');
      const claim = await changeLedger(deps, body.practitionerId, profile!.timeZone, check.date, (ledger) => book(ledger, id, check.visit));
      if (!claim.ok) {
        refused = claim.reason;
        await deps.appointments.remove(caller.userId, id, 1);
      } else {
        booked = { ...record, status: 'booked', version: 2 };
        if (record.shareConsentId) {
          consent = {
            id: record.shareConsentId,
            kind: 'share',
            patientId: caller.userId,
            granteeId: body.practitionerId,
            scopes: ['profile.read', 'triage.read'],
            purpose: 'treatment',
            expiresAt: shareExpiry(check.visit.end),
            createdAt: at,
            appointmentId: id,
          };
        }
        try {
          if (!(await deps.appointments.create(body.practitionerId, practitionerCopy(booked)))) throw new ConflictError();
          if (!(await deps.appointments.replace(caller.userId, booked))) throw new ConflictError();
          if (consent && !(await deps.consents.create(consent))) throw new ConflictError();
        } catch (error) {
          await undo(deps, booked, consent);
          throw error;
        }
      }
    }
  }
  await auditOrUndo(
    deps,
    event(
      caller,
      meta,
      'appointment.book',
      caller.userId,
      booked ? id : undefined,
      booked ? 'success' : 'failure',
      refused ?? (consent && `consent:${consent.id}`),
    ),
    booked ? () => undo(deps, booked!, consent) : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError('No such practitioner.');
  if (refused === 'session_not_found') throw new NotFoundError('No such symptom session.');
  if (refused !== undefined || booked === undefined) throw new SlotUnavailableError(refused ?? 'contention');
  return toView(booked, body.reason);
};
