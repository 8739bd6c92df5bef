import type { Appointment } from '../contracts/care-appointments';
import { requireActiveAccount } from '../audit/active-account';
import { spendBudget } from '../budgets/spend';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../errors';
import { announced, UNANNOUNCED } from '../notifications/appointment-events';
import { auditOrUndo, changeLedger, event, loadBooked, releaseLedger, releaseOf, replaceBoth, restoreBoth, toView } from './appointment-access';
import type { Reads } from './book-appointment';
import { shareExpiry } from './booking-leftovers';
import { SlotUnavailableError } from './errors';
import { book, type LedgerEntry, release, type Visit } from './ledger';
import type { AppointmentRecord, BookingDeps } from './ports';
import { bookable } from './slots';
import { hasValidCredential, offersMode, standingOf } from './standing';
import { formatInZone, MINUTE_MS } from './time-zone';

type Deps<K extends keyof BookingDeps> = Pick<BookingDeps, K>;

const visitOf = (entry: LedgerEntry): Visit => ({
  start: entry.start,
  end: entry.end,
  bufferBeforeMinutes: (entry.start - entry.heldStart) / MINUTE_MS,
  bufferAfterMinutes: (entry.heldEnd - entry.end) / MINUTE_MS,
});

/**
 * The patient moves a booked appointment to `start` (same id). The new interval is booked before the
 * old one is released (on the same day, in the same ledger write), so a lost race keeps the old time.
 * The share consent its booking gave (`shareProfile`) moves with it (`shareExpiry` of the new end),
 * named in the one audit event (`consent_moved:<id>`) and moved back if that append fails.
 *
 * The new time is checked as a new booking is (`bookAppointment`): a practitioner no longer shown
 * (`standingOf`) is 404, a mode they no longer offer 409 `mode_unavailable`, a date without a valid
 * credential 409 `slot_unavailable` (`outside_hours`). Unlike a booking it does not read the
 * practitioner again after its writes: the appointment it moves already holds a future ledger entry
 * whenever it is itself in the future, which is what a time-zone change checks (ADR 0006).
 *
 * Once moved, both parties are told: `appointment_rescheduled` to each through the notifications
 * queue, ids only, before the audit (the worker sends the messages and replaces the reminders). If
 * that enqueue fails, the move is taken back like an audit failure, the one audit event says
 * `notification_unavailable`, and the answer is 503: the old time stays; send it again.
 */
export const rescheduleAppointment = async (
  deps: Deps<'practitioners' | 'users' | 'ledgers' | 'appointments' | 'consents' | 'notifications' | 'audit' | 'clock' | 'counters'> & Reads<'availability'>,
  caller: Caller,
  appointmentId: string,
  start: string,
  meta: RequestMeta,
): Promise<Appointment> => {
  // A token that outlived its account moves nothing (404): the deletion cancelled the account's visits already.
  await requireActiveAccount(deps, caller, meta, { action: 'appointment.reschedule', resource: { type: 'appointment', id: appointmentId } });
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
  let moved: [string, string] | undefined;
  // Why the practitioner is no longer shown (404, as if unknown), if so.
  let gone: string | undefined;
  const current = copies?.[0];
  if (!refused) {
    // A reschedule messages both parties: past the caller's budget, 429 before it writes.
    await spendBudget(deps, caller, meta, 'appointmentChanges', { action: 'appointment.reschedule', resource: { type: 'appointment', id: appointmentId } });
    const profile = await deps.practitioners.get(current!.practitionerId);
    const [account, stored] = await Promise.all([
      profile?.verified ? deps.users.get(current!.practitionerId) : undefined,
      profile && deps.availability.get(current!.practitionerId),
    ]);
    gone = standingOf(profile, account);
    const check = stored ? bookable(stored.availability, profile!.timeZone, [], start, (current!.endMs - current!.startMs) / MINUTE_MS, now) : undefined;
    // As a new booking: the practitioner shown, the mode offered, the time bookable, a credential valid that day.
    refused =
      gone ??
      (!offersMode(profile!, current!.mode)
        ? 'mode_unavailable'
        : !check?.ok
          ? (check?.reason ?? 'outside_hours')
          : hasValidCredential(profile!.credentials, check.date)
            ? undefined
            : 'no_valid_credential');
    if (refused === undefined && check?.ok) {
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
        } else if (next.shareConsentId && next.endMs !== current!.endMs) {
          const expiries: [string, string] = [shareExpiry(current!.endMs), shareExpiry(next.endMs)];
          try {
            // `false` when the patient revoked it meanwhile: it stays revoked, nothing to undo.
            if (await deps.consents.moveExpiry(next.patientId, next.shareConsentId, ...expiries)) moved = expiries;
          } catch (error) {
            await restoreBoth(deps, copies!, next);
            await undoLedger();
            throw error;
          }
        }
      }
    }
  }
  /** Puts back what the move wrote: the consent's expiry, both copies, the ledger. */
  const takeBack = async (written: AppointmentRecord) => {
    if (moved) await deps.consents.moveExpiry(written.patientId, written.shareConsentId!, moved[1], moved[0]);
    await restoreBoth(deps, copies!, written);
    await undoLedger!();
  };
  // Both parties are told (the queue; the worker also moves the reminders): if not, the move is taken back.
  if (next && !(await announced(deps, 'appointment_rescheduled', next.id, [next.patientId, next.practitionerId], now))) {
    await takeBack(next);
    refused = UNANNOUNCED;
    next = undefined;
    moved = undefined;
  }
  await auditOrUndo(
    deps,
    event(
      caller,
      meta,
      'appointment.reschedule',
      mine?.patientId ?? caller.userId,
      appointmentId,
      next ? 'success' : 'failure',
      refused ?? (moved ? `consent_moved:${next!.shareConsentId}` : undefined),
    ),
    next ? () => takeBack(next!) : undefined,
  );
  if (refused === UNANNOUNCED) throw new ServiceUnavailableError();
  if (refused === 'not_found' || gone) throw new NotFoundError();
  if (refused === 'mode_unavailable') throw new ConflictError('This practitioner no longer offers this kind of visit.', 'mode_unavailable');
  if (refused === 'not_the_patient' || refused === 'not_booked' || refused === 'conflict') {
    throw new ConflictError('Only the patient can move a booked appointment.', refused === 'conflict' ? 'conflict' : 'not_reschedulable');
  }
  if (!next) throw new SlotUnavailableError(refused === 'no_valid_credential' ? 'outside_hours' : (refused ?? 'contention'));
  if (next.date !== current!.date) await releaseLedger(deps, current!);
  return toView(next);
};
