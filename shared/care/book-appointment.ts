import { randomUUID } from 'node:crypto';
import type { Appointment, BookAppointmentRequest } from '../contracts/care-appointments';
import { spendBudget } from '../budgets/spend';
import { requireActiveAccount } from '../audit/active-account';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../errors';
import { announced, UNANNOUNCED } from '../notifications/appointment-events';
import type { ConsentRecord } from '../records/ports';
import { auditOrUndo, changeLedger, event, practitionerCopy, releaseLedger, toView } from './appointment-access';
import {
  attemptAppointmentId,
  type BookingCopies,
  clearEarlierAttempt,
  type ShareGrants,
  shareConsentOf,
  sweepStalePending,
  undoBooking,
} from './booking-leftovers';
import { SlotUnavailableError } from './errors';
import { book } from './ledger';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps } from './ports';
import { bookable } from './slots';
import { hasValidCredential, offersMode, standingOf } from './standing';
import { formatInZone } from './time-zone';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;
/** Only read here: the practitioner's availability. */
export type Reads<K extends 'availability'> = { readonly [P in K]: Pick<BookingDeps[P], 'get'> };

/**
 * Books `body.start` with a verified practitioner for the calling patient: 201's body, or 409
 * `slot_unavailable` (`details.reason` from `bookable` or the ledger: taken, buffer, outside_hours,
 * past, nonexistent_local_time, beyond_horizon, crosses_midnight, off_grid, contention…), 409
 * `mode_unavailable` for a mode the practitioner does not offer (`offersMode`), or 404 for a
 * practitioner not shown (`standingOf`: unverified, account inactive or out of the role; or the
 * caller themself), or a `symptomSessionId` that is not one of the caller's sessions. A visit date
 * on which no credential of theirs is valid reads as `outside_hours` (the audit says
 * `no_valid_credential`). With `shareProfile`, the patient's share consent for the practitioner
 * (`profile.read`, `triage.read`, purpose `treatment`, until `shareExpiry`) is written with the
 * copies, named in the one audit event (`consent:<id>`), and undone with them.
 *
 * The practitioner's standing and zone are read again after every write (ADR 0006, "Who can be
 * booked"): an account deleted, a profile unverified, or a time zone changed meanwhile undoes the
 * booking. Before its own writes, a booking sweeps the patient's stale pending copies (`sweepStalePending`).
 * With an `Idempotency-Key`, the appointment id is the key's (`attemptAppointmentId`), and whatever an earlier
 * attempt under that key left is cleared first (`clearEarlierAttempt`, ADR 0020): a retry never books beside it.
 *
 * Once the booking is final (ledger, both copies, consent, the practitioner read again), the patient
 * and the practitioner are told: `appointment_booked` to each through the notifications queue, ids
 * only, before the audit (the worker then sends the messages and sets the reminders). If that
 * enqueue fails, the booking is undone like an audit failure, the one audit event says
 * `notification_unavailable`, and the answer is 503: send it again (docs/adr/0010-notifications.md).
 *
 * A caller whose account is gone (a token that outlived it) is 404 first. Every booking then spends one unit of the
 * caller's `appointmentChanges` budget (429 `budget_exceeded` past it).
 */
export const bookAppointment = async (
  deps: Deps<'practitioners' | 'users' | 'ledgers' | 'sessions' | 'notifications' | 'vault' | 'audit' | 'clock' | 'counters'> &
    ShareGrants &
    Reads<'availability'> &
    BookingCopies,
  caller: Caller,
  body: BookAppointmentRequest,
  meta: RequestMeta,
  idempotencyKey?: string,
): Promise<Appointment> => {
  // A token that outlives its account books nothing (404, nothing spent): the slot and both messages would be real.
  await requireActiveAccount(deps, caller, meta, { action: 'appointment.book', resource: { type: 'appointment' } });
  // Each booking messages both parties: past the caller's budget, 429 before anything else is read or written.
  await spendBudget(deps, caller, meta, 'appointmentChanges', { action: 'appointment.book', resource: { type: 'appointment' } });
  const now = deps.clock.now();
  const keyed = idempotencyKey === undefined ? undefined : attemptAppointmentId(caller.userId, idempotencyKey);
  const profile = body.practitionerId === caller.userId ? undefined : await deps.practitioners.get(body.practitionerId);
  // Side by side: the sweep spares copies younger than a minute, so never this booking's own.
  const [account, stored, keyedIdFree] = await Promise.all([
    profile?.verified ? deps.users.get(body.practitionerId) : undefined,
    profile && deps.availability.get(body.practitionerId),
    keyed !== undefined && clearEarlierAttempt(deps, caller.userId, keyed, now),
    sweepStalePending(deps, caller.userId, now),
  ]);
  const id = keyed !== undefined && keyedIdFree ? keyed : randomUUID();
  // Not shown (404, as if unknown): the reason goes to the audit event only.
  let gone = standingOf(profile, account);
  let refused: string | undefined = gone ?? (!offersMode(profile!, body.mode) ? 'mode_unavailable' : stored ? undefined : 'outside_hours');
  if (!refused && body.symptomSessionId && !(await deps.sessions.getSession(caller.userId, body.symptomSessionId))) refused = 'session_not_found';
  let booked: AppointmentRecord | undefined;
  let consent: ConsentRecord | undefined;
  if (refused === undefined) {
    const check = bookable(stored!.availability, profile!.timeZone, [], body.start, body.durationMinutes ?? stored!.availability.slotMinutes, now);
    if (!check.ok) refused = check.reason;
    else if (!hasValidCredential(profile!.credentials, check.date)) refused = 'no_valid_credential';
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
      const claim = await changeLedger(deps, body.practitionerId, profile!.timeZone, check.date, (ledger) => book(ledger, id, check.visit)).catch(
        async (error: unknown) => {
          // The claim failed, or its answer was lost (ADR 0020): free the slot if it was taken, then drop the pending
          // copy. If the store still fails, the copy stays for the sweep, which frees the slot then.
          await releaseLedger(deps, record)
            .then(() => deps.appointments.remove(caller.userId, id, 1))
            .catch(() => undefined);
          throw error;
        },
      );
      if (!claim.ok) {
        refused = claim.reason;
        await deps.appointments.remove(caller.userId, id, 1);
      } else {
        booked = { ...record, status: 'booked', version: 2 };
        consent = shareConsentOf(booked);
        try {
          if (!(await deps.appointments.create(body.practitionerId, practitionerCopy(booked)))) throw new ConflictError();
          if (!(await deps.appointments.replace(caller.userId, booked))) throw new ConflictError();
          if (consent && !(await deps.consents.create(consent))) throw new ConflictError();
          // Read again after the writes: an account deletion or a zone change that began before them sees them (ADR 0006).
          const [after, owner] = await Promise.all([deps.practitioners.get(body.practitionerId), deps.users.get(body.practitionerId)]);
          gone = standingOf(after, owner);
          refused = gone ?? (after!.timeZone === profile!.timeZone ? undefined : 'practitioner_changed');
        } catch (error) {
          await undoBooking(deps, booked, consent);
          throw error;
        }
        // Then both parties are told (the queue; the worker also sets the reminders): if not, the booking does not stay.
        if (!refused && !(await announced(deps, 'appointment_booked', id, [caller.userId, body.practitionerId], now))) refused = UNANNOUNCED;
        if (refused) {
          await undoBooking(deps, booked, consent);
          booked = consent = undefined;
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
    booked ? () => undoBooking(deps, booked!, consent) : undefined,
  );
  if (refused === UNANNOUNCED) throw new ServiceUnavailableError();
  if (gone) throw new NotFoundError('No such practitioner.');
  if (refused === 'session_not_found') throw new NotFoundError('No such symptom session.');
  if (refused === 'mode_unavailable') throw new ConflictError('This practitioner does not offer that kind of visit.', 'mode_unavailable');
  // Credentials are confidential: a date without a valid one reads like a date outside the hours (the slots show none).
  if (refused !== undefined || booked === undefined) {
    throw new SlotUnavailableError(refused === 'no_valid_credential' ? 'outside_hours' : (refused ?? 'contention'));
  }
  return toView(booked, body.reason);
};
