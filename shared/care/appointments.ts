import { randomUUID } from 'node:crypto';
import { actorOf, requestFacts } from '../audit/actor';
import type { AuditEvent } from '../audit/ports';
import type { Appointment, AppointmentListQuery, BookAppointmentRequest } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { mapPage, type Page } from '../domain/page';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { SlotUnavailableError } from './errors';
import { book, emptyLedger, type Ledger, type LedgerConflict, type LedgerEntry, release, type Visit } from './ledger';
import { everyCopy } from './account-data';
import { appointmentPlaces } from './places';
import type { AppointmentRecord, BookingDeps } from './ports';
import { bookable } from './slots';
import { formatInZone, MINUTE_MS } from './time-zone';
import { appointmentView } from './views';

/**
 * Appointments (ADR 0006). The no-double-booking invariant is the ledger's one conditional write;
 * the appointment records around it follow this order, so that a failure never leaves a slot
 * booked twice, and at worst leaves a slot blocked (never the reverse):
 *
 * - **book**: (1) the patient's copy, `pending` (invisible, blocks nothing); (2) the ledger (THE
 *   write: on a lost version, re-read and retry, 4 attempts); refused → the pending copy is deleted;
 *   (3) the practitioner's copy, `booked`; (4) the patient's copy → `booked`; (5) the audit event.
 *   If 3–5 fail: the ledger entry is released and both copies deleted, then the request fails.
 * - **cancel**: both copies → `cancelled` (patient's first), the audit event, then the ledger
 *   release. An audit failure puts both copies back (the slot was never released).
 * - **reschedule**: the ledger books the new interval first (on the same day, releasing the old in
 *   the same write), then both copies, then the audit, then (another day) the old day's release.
 *   Any failure before the audit releases the new interval again (same day: puts the old back).
 * - **status**: both copies; the ledger keeps the interval.
 *
 * Every call appends exactly one audit event, on the patient's chain when the appointment is known.
 * `reason` is PHI: sealed with the patient's data key in the patient's copy only; the ledger holds
 * no patient id and no reason.
 */

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/** Writers of one practitioner-day serialise on its ledger item; a lost write re-reads, at most this many times in all. */
export const LEDGER_ATTEMPTS = 4;

type Change = { readonly ok: true; readonly ledger: Ledger; readonly changed: boolean } | { readonly ok: false; readonly reason: LedgerConflict };

/** Reads the day's ledger, applies `change`, writes it on its version; re-reads on a lost write. */
const changeLedger = async (
  deps: Deps<'ledgers'>,
  practitionerId: string,
  timeZone: string,
  date: string,
  change: (ledger: Ledger) => Change,
): Promise<{ ok: true } | { ok: false; reason: LedgerConflict | 'contention' }> => {
  for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
    const current = (await deps.ledgers.day(practitionerId, date)) ?? emptyLedger(timeZone, date);
    const result = change(current);
    if (!result.ok) return result;
    if (!result.changed || (await deps.ledgers.write(practitionerId, result.ledger))) return { ok: true };
  }
  return { ok: false, reason: 'contention' };
};

const releaseOf =
  (appointmentId: string) =>
  (ledger: Ledger): Change => {
    const next = release(ledger, appointmentId);
    return { ok: true, ledger: next, changed: next !== ledger };
  };

/** Releases the appointment's interval from its day (a no-op if the day does not hold it). */
const releaseLedger = (deps: Deps<'ledgers'>, record: AppointmentRecord) => changeLedger(deps, record.practitionerId, 'UTC', record.date, releaseOf(record.id));

const visitOf = (entry: LedgerEntry): Visit => ({
  start: entry.start,
  end: entry.end,
  bufferBeforeMinutes: (entry.start - entry.heldStart) / MINUTE_MS,
  bufferAfterMinutes: (entry.heldEnd - entry.end) / MINUTE_MS,
});

/** The practitioner's copy carries no sealed field. */
const practitionerCopy = (record: AppointmentRecord): AppointmentRecord => {
  const { reasonSealed: _r, cancelReasonSealed: _c, ...rest } = record;
  return rest;
};

const toView = (record: AppointmentRecord, reason?: string): Appointment => appointmentView(record, reason);

const event = (
  caller: Caller,
  meta: RequestMeta,
  action: string,
  subjectId: string,
  appointmentId: string | undefined,
  outcome: AuditEvent['outcome'],
  reason?: string,
): AuditEvent => ({
  action,
  outcome,
  subjectId,
  actor: actorOf(caller),
  resource: { type: 'appointment', ...(appointmentId ? { id: appointmentId } : {}) },
  ...requestFacts(meta),
  ...(reason ? { reason } : {}),
});

/** Appends `audit`; if it fails, runs `undo` (best effort) and fails the request. */
const auditOrUndo = async (deps: Deps<'audit'>, audit: AuditEvent, undo: (() => Promise<unknown>) | undefined): Promise<void> => {
  try {
    await deps.audit.append(audit);
  } catch (error) {
    if (undo) await undo();
    throw error;
  }
};

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

/** The caller's copy of an appointment, if it is visible (not pending). */
const ownCopy = async (deps: Deps<'appointments'>, caller: Caller, appointmentId: string): Promise<AppointmentRecord | undefined> => {
  const copy = await deps.appointments.get(caller.userId, appointmentId);
  return copy && copy.status !== 'pending' ? copy : undefined;
};

/** Both copies: the patient's (with the sealed fields) and the practitioner's. */
const bothCopies = async (
  deps: Deps<'appointments'>,
  mine: AppointmentRecord,
  callerId: string,
): Promise<[AppointmentRecord, AppointmentRecord] | undefined> => {
  const other = await deps.appointments.get(mine.patientId === callerId ? mine.practitionerId : mine.patientId, mine.id);
  if (other === undefined) return undefined;
  return mine.patientId === callerId ? [mine, other] : [other, mine];
};

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
const FAR_FUTURE = 8.64e15;

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

/**
 * Writes `next` over both copies (the patient's first: it is the one reads trust for the reason),
 * each on its version; `undefined` when a copy changed meanwhile (409), with nothing left changed.
 */
const replaceBoth = async (deps: Deps<'appointments'>, [patient]: [AppointmentRecord, AppointmentRecord], next: AppointmentRecord) => {
  if (!(await deps.appointments.replace(patient.patientId, next))) return false;
  if (!(await deps.appointments.replace(patient.practitionerId, practitionerCopy(next)))) {
    await deps.appointments.restore(patient.patientId, next, patient);
    return false;
  }
  return true;
};

const restoreBoth = async (deps: Deps<'appointments'>, [patient, practitioner]: [AppointmentRecord, AppointmentRecord], written: AppointmentRecord) => {
  await deps.appointments.restore(patient.practitionerId, written, practitioner);
  await deps.appointments.restore(patient.patientId, written, patient);
};

/** Shared shape of cancel / status / reschedule: the copies, or why not (404 / 409). */
const loadBooked = async (deps: Deps<'appointments'>, caller: Caller, appointmentId: string) => {
  const mine = await ownCopy(deps, caller, appointmentId);
  const copies = mine ? await bothCopies(deps, mine, caller.userId) : undefined;
  return { mine, copies };
};

/** Either party cancels a booked appointment; its interval is released from the ledger at once. */
export const cancelAppointment = async (
  deps: Deps<'appointments' | 'ledgers' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  appointmentId: string,
  body: { reason?: string | undefined },
  meta: RequestMeta,
): Promise<Appointment> => {
  const { mine, copies } = await loadBooked(deps, caller, appointmentId);
  let refused: string | undefined = !copies ? 'not_found' : copies[0].status !== 'booked' ? `not_booked:${copies[0].status}` : undefined;
  let next: AppointmentRecord | undefined;
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
    }
  }
  await auditOrUndo(
    deps,
    event(caller, meta, 'appointment.cancel', mine?.patientId ?? caller.userId, appointmentId, next ? 'success' : 'failure', refused),
    next ? () => restoreBoth(deps, copies!, next!) : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError();
  if (!next) throw new ConflictError('Only a booked appointment can be cancelled.', 'not_cancellable');
  // After the audit: an undo never has to take a released slot back. A release that cannot be written leaves the slot blocked, never double-booked.
  await releaseLedger(deps, next);
  return toView(next);
};

/** The practitioner records a booked visit's outcome, once it has started: `fulfilled` or `noshow`. */
export const setAppointmentStatus = async (
  deps: Deps<'appointments' | 'audit' | 'clock'>,
  caller: Caller,
  appointmentId: string,
  status: 'fulfilled' | 'noshow',
  meta: RequestMeta,
): Promise<Appointment> => {
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
  return toView(next);
};

/**
 * The patient moves a booked appointment to `start` (same id). The new interval is booked before the
 * old one is released (on the same day, in the same ledger write), so a lost race keeps the old time.
 */
export const rescheduleAppointment = async (
  deps: Deps<'practitioners' | 'availability' | 'ledgers' | 'appointments' | 'audit' | 'clock'>,
  caller: Caller,
  appointmentId: string,
  start: string,
  meta: RequestMeta,
): Promise<Appointment> => {
  const { mine, copies } = await loadBooked(deps, caller, appointmentId);
  const now = deps.clock.now();
  let refused: string | undefined = !copies
    ? 'not_found'
    : mine!.patientId !== caller.userId
      ? 'not_the_patient'
      : copies[0].status !== 'booked'
        ? 'not_booked'
        : undefined;
  let next: AppointmentRecord | undefined;
  let undoLedger: (() => Promise<unknown>) | undefined;
  const current = copies?.[0];
  if (!refused) {
    const profile = await deps.practitioners.get(current!.practitionerId);
    const stored = profile?.verified ? await deps.availability.get(current!.practitionerId) : undefined;
    const check = stored ? bookable(stored.availability, profile!.timeZone, [], start, (current!.endMs - current!.startMs) / MINUTE_MS, now) : undefined;
    if (!check?.ok) refused = check ? check.reason : 'outside_hours';
    else {
      const zone = profile!.timeZone;
      const sameDay = check.date === current!.date;
      let old: LedgerEntry | undefined;
      const claim = await changeLedger(deps, current!.practitionerId, zone, check.date, (ledger) => {
        if (!sameDay) return book(ledger, appointmentId, check.visit);
        old = ledger.entries.find((e) => e.appointmentId === appointmentId);
        const result = book(release(ledger, appointmentId), appointmentId, check.visit);
        return result.ok ? { ok: true, ledger: { ...result.ledger, version: ledger.version + 1 }, changed: true } : result;
      });
      if (!claim.ok) refused = claim.reason;
      else {
        undoLedger = () =>
          changeLedger(deps, current!.practitionerId, zone, check.date, (ledger) => {
            const freed = releaseOf(appointmentId)(ledger);
            if (!sameDay || old === undefined || !freed.ok) return freed;
            const back = book(freed.ledger, appointmentId, visitOf(old));
            return back.ok ? { ok: true, ledger: { ...back.ledger, version: ledger.version + 1 }, changed: true } : freed;
          });
        next = {
          ...current!,
          start,
          end: formatInZone(zone, check.visit.end),
          startMs: check.visit.start,
          endMs: check.visit.end,
          date: check.date,
          version: current!.version + 1,
          updatedAt: now.toISOString(),
        };
        if (!(await replaceBoth(deps, copies!, next))) {
          await undoLedger();
          refused = 'conflict';
          next = undefined;
        }
      }
    }
  }
  await auditOrUndo(
    deps,
    event(caller, meta, 'appointment.reschedule', mine?.patientId ?? caller.userId, appointmentId, next ? 'success' : 'failure', refused),
    next
      ? async () => {
          await restoreBoth(deps, copies!, next!);
          await undoLedger!();
        }
      : undefined,
  );
  if (refused === 'not_found') throw new NotFoundError();
  if (refused === 'not_the_patient' || refused === 'not_booked' || refused === 'conflict') {
    throw new ConflictError('Only the patient can move a booked appointment.', refused === 'conflict' ? 'conflict' : 'not_reschedulable');
  }
  if (!next) throw new SlotUnavailableError(refused ?? 'contention');
  if (next.date !== current!.date) await releaseLedger(deps, current!);
  return toView(next);
};

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
 * (the patient's first, as `cancelAppointment`), then the ledger releases the interval. A copy changed
 * meanwhile is re-read and decided again (`LEDGER_ATTEMPTS` times). Past appointments are left as they
 * are (the patient's sealed reason dies with their data key). No audit event of its own: the
 * deletion's one event counts them. Idempotent: a retry cancels what is still booked. The ids cancelled.
 */
export const cancelFutureAppointments = async (deps: Deps<'appointments' | 'ledgers'>, userId: string, now: Date): Promise<string[]> => {
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
          await releaseHeld(deps, next);
          cancelled.push(next.id);
          break;
        }
      }
    }
  }
  return cancelled;
};
