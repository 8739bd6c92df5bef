import type { Appointment } from '../contracts/care-appointments';
import type { Caller, RequestMeta } from '../domain/caller';
import { ConflictError, NotFoundError } from '../errors';
import { auditOrUndo, changeLedger, event, loadBooked, releaseLedger, releaseOf, replaceBoth, restoreBoth, toView } from './appointment-access';
import { shareExpiry } from './book-appointment';
import { SlotUnavailableError } from './errors';
import { book, type LedgerEntry, release, type Visit } from './ledger';
import type { AppointmentRecord, BookingDeps } from './ports';
import { bookable } from './slots';
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
 */
export const rescheduleAppointment = async (
  deps: Deps<'practitioners' | 'availability' | 'ledgers' | 'appointments' | 'consents' | 'audit' | 'clock'>,
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
  let moved: [string, string] | undefined;
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
    next
      ? async () => {
          if (moved) await deps.consents.moveExpiry(next!.patientId, next!.shareConsentId!, moved[1], moved[0]);
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
