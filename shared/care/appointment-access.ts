import { undoPersistently } from '../domain/undo';
import { actorOf, requestFacts } from '../audit/actor';
import type { AuditEvent } from '../audit/ports';
import type { Appointment } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { emptyLedger, type Ledger, type LedgerConflict, release } from './ledger';
import type { AppointmentRecord, BookingDeps } from './ports';
import { appointmentView } from './views';

/**
 * Appointments (ADR 0006). The no-double-booking invariant is the ledger's one conditional write;
 * the appointment records around it follow this order, so that a failure never leaves a slot
 * booked twice, and at worst leaves a slot blocked (never the reverse):
 *
 * - **book**: (1) the patient's copy, `pending` (invisible, blocks nothing); (2) the ledger (THE
 *   write: on a lost version, back off, re-read and retry, 8 attempts); refused → the pending copy is deleted;
 *   (3) the practitioner's copy, `booked`; (4) the patient's copy → `booked`; the practitioner read
 *   again (standing, zone); (5) the audit event. If 3–5 fail: the patient's copy back to pending, the
 *   practitioner's copy deleted, the ledger entry released, the patient's copy deleted (in that order,
 *   booking-leftovers.ts), then the request fails. What a booking that died leaves, the patient's next
 *   booking sweeps (stale pending copies, ADR 0006 "Crash leftovers"), or its retry under the same key clears.
 * - **cancel**: both copies → `cancelled` (patient's first), the audit event, then the ledger
 *   release. An audit failure puts both copies back (the slot was never released). The same cancel
 *   again finishes a release (or a practitioner's copy) that failed, and answers 200.
 * - **reschedule**: the ledger books the new interval first (on the same day, releasing the old in
 *   the same write), then both copies, then the audit, then (another day) the old day's release.
 *   Any failure before the audit releases the new interval again (same day: puts the old back).
 * - **status**: both copies; the ledger keeps the interval.
 *
 * Every call appends exactly one audit event, on the patient's chain when the appointment is known.
 * `reason` is PHI: sealed with the patient's data key in the patient's copy only; the ledger holds
 * no patient id and no reason.
 *
 * This module holds what the appointment use cases share: the ledger write with its retry, the
 * caller's copy and the 404 rule, both copies written and put back, the audit event and its undo.
 * The use cases: book-appointment.ts, appointment-queries.ts (get, list), cancel-appointment.ts,
 * appointment-status.ts, reschedule-appointment.ts, cancel-future-appointments.ts (account deletion).
 */

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

/** Writers of one practitioner-day serialise on its ledger item; a lost write backs off, then re-reads: at most this many attempts in all. */
export const LEDGER_ATTEMPTS = 8;

/**
 * The wait before re-reading after the `lost`-th lost ledger write in a row (1, 2, …): exponential
 * from 8 ms, capped at 250 ms, with full jitter (uniform from 0, like the audit append's), so writers
 * that collided spread out instead of colliding again. The 7 waits of {@link LEDGER_ATTEMPTS} come to
 * at most 8 + 16 + 32 + 64 + 128 + 250 + 250 = 748 ms, far inside a route's 10 s.
 */
export const ledgerBackoffMs = (lost: number, random = Math.random()): number => random * Math.min(250, 2 ** (lost + 2));

/** Waits {@link ledgerBackoffMs} after the `lost`-th lost write. */
export const backOff = (lost: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ledgerBackoffMs(lost)));

export const FAR_FUTURE = 8.64e15;

type Change = { readonly ok: true; readonly ledger: Ledger; readonly changed: boolean } | { readonly ok: false; readonly reason: LedgerConflict };

/** Reads the day's ledger, applies `change`, writes it on its version; on a lost write, backs off (`backOff`) and re-reads. */
export const changeLedger = async (
  deps: Deps<'ledgers'>,
  practitionerId: string,
  timeZone: string,
  date: string,
  change: (ledger: Ledger) => Change,
): Promise<{ ok: true } | { ok: false; reason: LedgerConflict | 'contention' }> => {
  for (let attempt = 0; attempt < LEDGER_ATTEMPTS; attempt++) {
    if (attempt > 0) await backOff(attempt);
    const current = (await deps.ledgers.day(practitionerId, date)) ?? emptyLedger(timeZone, date);
    const result = change(current);
    if (!result.ok) return result;
    if (!result.changed || (await deps.ledgers.write(practitionerId, result.ledger))) return { ok: true };
  }
  return { ok: false, reason: 'contention' };
};

export const releaseOf =
  (appointmentId: string) =>
  (ledger: Ledger): Change => {
    const next = release(ledger, appointmentId);
    return { ok: true, ledger: next, changed: next !== ledger };
  };

/** Releases the appointment's interval from its day (a no-op if the day does not hold it). */
export const releaseLedger = (deps: Deps<'ledgers'>, record: AppointmentRecord) =>
  changeLedger(deps, record.practitionerId, 'UTC', record.date, releaseOf(record.id));

/** The practitioner's copy carries no sealed field. */
export const practitionerCopy = (record: AppointmentRecord): AppointmentRecord => {
  const { reasonSealed: _r, cancelReasonSealed: _c, ...rest } = record;
  return rest;
};

export const toView = (record: AppointmentRecord, reason?: string): Appointment => appointmentView(record, reason);

export const event = (
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

/** Appends `audit`; if it fails, runs `undo` (again, if the store still fails: `undoPersistently`) and fails the request. */
export const auditOrUndo = async (deps: Deps<'audit'>, audit: AuditEvent, undo: (() => Promise<unknown>) | undefined): Promise<void> => {
  try {
    await deps.audit.append(audit);
  } catch (error) {
    if (undo) await undoPersistently(undo);
    throw error;
  }
};

/** The caller's copy of an appointment, if it is visible (not pending). */
export const ownCopy = async (deps: Deps<'appointments'>, caller: Caller, appointmentId: string): Promise<AppointmentRecord | undefined> => {
  const copy = await deps.appointments.get(caller.userId, appointmentId);
  return copy && copy.status !== 'pending' ? copy : undefined;
};

/** Both copies: the patient's (with the sealed fields) and the practitioner's. */
export const bothCopies = async (
  deps: Deps<'appointments'>,
  mine: AppointmentRecord,
  callerId: string,
): Promise<[AppointmentRecord, AppointmentRecord] | undefined> => {
  const other = await deps.appointments.get(mine.patientId === callerId ? mine.practitionerId : mine.patientId, mine.id);
  if (other === undefined) return undefined;
  return mine.patientId === callerId ? [mine, other] : [other, mine];
};

/**
 * Writes `next` over both copies (the patient's first: it is the one reads trust for the reason),
 * each on its version; `undefined` when a copy changed meanwhile (409), with nothing left changed.
 */
export const replaceBoth = async (deps: Deps<'appointments'>, [patient]: [AppointmentRecord, AppointmentRecord], next: AppointmentRecord) => {
  if (!(await deps.appointments.replace(patient.patientId, next))) return false;
  if (!(await deps.appointments.replace(patient.practitionerId, practitionerCopy(next)))) {
    await deps.appointments.restore(patient.patientId, next, patient);
    return false;
  }
  return true;
};

export const restoreBoth = async (deps: Deps<'appointments'>, [patient, practitioner]: [AppointmentRecord, AppointmentRecord], written: AppointmentRecord) => {
  await deps.appointments.restore(patient.practitionerId, written, practitioner);
  await deps.appointments.restore(patient.patientId, written, patient);
};

/** Shared shape of cancel / status / reschedule: the copies, or why not (404 / 409). */
export const loadBooked = async (deps: Deps<'appointments'>, caller: Caller, appointmentId: string) => {
  const mine = await ownCopy(deps, caller, appointmentId);
  const copies = mine ? await bothCopies(deps, mine, caller.userId) : undefined;
  return { mine, copies };
};
