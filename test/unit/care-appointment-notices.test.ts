import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit/ports';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { cancelFutureAppointments } from '../../shared/care/cancel-future-appointments';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { ServiceUnavailableError } from '../../shared/errors';
import type { NotificationEvent } from '../../shared/notifications/events';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * The care use cases as producers of notification events (issue 11, docs/adr/0010-notifications.md):
 * booking, cancelling, rescheduling and an account deletion's cancellations tell the parties through
 * the notifications queue (ids only), after the work and before the one audit event; an enqueue that
 * fails undoes the work like an audit failure, leaves exactly one audit event (a failure) and answers
 * 503.
 */

const HOURS = weeklyHours('09:00', '17:00');
/** The clock starts at 2026-11-25T12:00Z. */
const NINE = '2026-11-27T09:00:00+00:00';
const NEXT_DAY = '2026-11-28T09:00:00+00:00';
const LEDGER = '2026-11-27';

/** A verified provider, a patient, every port in memory with the recording queue (`notices`); audit events and notices cleared. */
const world = async () => {
  const { app, bookings, notices, deps, verifiedProvider } = await careWorld();
  const provider = await verifiedProvider(providerProfile(), HOURS);
  const patient = await app.addUser(['patient']);
  // One timeline of what reached the queue and the audit log, in order.
  const order: string[] = [];
  const audit = {
    append: async (event: AuditEvent) => {
      order.push(`audit ${event.action} ${event.outcome}`);
      await deps.audit.append(event);
    },
  };
  const queue = {
    enqueue: async (event: NotificationEvent) => {
      await notices.queue.enqueue(event);
      order.push(`enqueue ${event.type}`);
    },
  };
  const traced = { ...deps, audit, notifications: queue };
  const book = (start = NINE) => bookAppointment(traced, patient, { practitionerId: provider.userId, start, mode: 'video', shareProfile: true }, META);
  const reset = () => {
    app.events.length = 0;
    notices.sent.length = 0;
    order.length = 0;
  };
  reset();
  const copies = (id: string) => [patient.userId, provider.userId].map((holder) => bookings.appointments.get(`${holder}|${id}`));
  const ledger = (date = LEDGER) => bookings.ledgers.get(`${provider.userId}|${date}`)?.entries.map((e) => e.appointmentId) ?? [];
  const shareConsents = () => [...app.records.consents.values()].filter((c) => c.appointmentId !== undefined);
  return { app, deps: traced, notices, provider, patient, book, reset, order, copies, ledger, shareConsents, events: app.events };
};

/** What was sent: type, recipient, refs (an event holds nothing else but its id and time). */
const sentOf = (notices: { sent: { event: NotificationEvent }[] }) => notices.sent.map(({ event }) => [event.type, event.recipientId, event.refs]);

describe('Producers: booking, cancelling and rescheduling tell both parties', () => {
  it('books, then enqueues appointment_booked to the patient and to the practitioner (ids only), then audits once', async () => {
    // Prepare
    const { notices, provider, patient, book, order, events } = await world();

    // Act
    const booked = await book();

    // Assess
    expect(sentOf(notices)).toEqual([
      ['appointment_booked', patient.userId, { appointmentId: booked.id }],
      ['appointment_booked', provider.userId, { appointmentId: booked.id }],
    ]);
    expect(Object.keys(notices.sent[0]!.event).sort()).toEqual(['id', 'occurredAt', 'recipientId', 'refs', 'type']);
    expect(order).toEqual(['enqueue appointment_booked', 'enqueue appointment_booked', 'audit appointment.book success']);
    expect(events).toHaveLength(1);
  });

  it('cancels (by either party) and reschedules, each telling both parties before its one audit event', async () => {
    // Prepare
    const { deps, notices, provider, patient, book, reset, order, events } = await world();
    const first = await book();
    const second = await book(NEXT_DAY);
    reset();

    // Act
    await rescheduleAppointment(deps, patient, first.id, '2026-11-27T10:00:00+00:00', META);
    await cancelAppointment(deps, provider, second.id, {}, META);
    await cancelAppointment(deps, provider, second.id, {}, META);

    // Assess
    expect(sentOf(notices)).toEqual([
      ['appointment_rescheduled', patient.userId, { appointmentId: first.id }],
      ['appointment_rescheduled', provider.userId, { appointmentId: first.id }],
      ['appointment_cancelled', patient.userId, { appointmentId: second.id }],
      ['appointment_cancelled', provider.userId, { appointmentId: second.id }],
    ]);
    expect(order).toEqual([
      'enqueue appointment_rescheduled',
      'enqueue appointment_rescheduled',
      'audit appointment.reschedule success',
      'enqueue appointment_cancelled',
      'enqueue appointment_cancelled',
      'audit appointment.cancel success',
      'audit appointment.cancel success',
    ]);
    expect(events.map((e) => e.reason)).toEqual([expect.stringMatching(/^consent_moved:/), expect.stringMatching(/^consent_revoked:/), 'already_cancelled']);
  });
});

describe('Producers: an enqueue that fails undoes the work', () => {
  it('undoes a booking whose events could not all be queued: 503, no copy, no consent, the slot free, one failure audit event', async () => {
    // Prepare: the first of the two enqueues fails (the second goes out, and finds nothing to announce in the worker).
    const { notices, book, copies, ledger, shareConsents, events } = await world();
    notices.failNext();

    // Act
    const attempt = book();
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    const failedEvents = [...events];
    const retried = await book();

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(failedEvents).toEqual([expect.objectContaining({ action: 'appointment.book', outcome: 'failure', reason: 'notification_unavailable' })]);
    expect(failedEvents[0]!.resource).toEqual({ type: 'appointment' });
    const undone = notices.sent[0]!.event.refs.appointmentId!;
    expect(copies(undone)).toEqual([undefined, undefined]);
    expect(shareConsents().map((c) => c.appointmentId)).toEqual([retried.id]);
    expect(ledger()).toEqual([retried.id]);
  });

  it('takes a cancellation back when its events cannot be queued: 503, both copies booked, the consent live, the slot held, one failure audit event', async () => {
    // Prepare
    const { deps, notices, patient, book, reset, copies, ledger, shareConsents, events } = await world();
    const { id } = await book();
    reset();
    notices.failNext(2);

    // Act
    const attempt = cancelAppointment(deps, patient, id, { reason: 'Feeling better' }, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(copies(id).map((c) => [c?.status, c?.version, c?.cancelReasonSealed])).toEqual([
      ['booked', 2, undefined],
      ['booked', 2, undefined],
    ]);
    expect(shareConsents()[0]).not.toHaveProperty('revokedAt');
    expect(ledger()).toEqual([id]);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.cancel', outcome: 'failure', reason: 'notification_unavailable' })]);
    expect(notices.sent).toEqual([]);
    await expect(cancelAppointment(deps, patient, id, {}, META)).resolves.toMatchObject({ status: 'cancelled' });
    expect(notices.sent.map((s) => s.event.type)).toEqual(['appointment_cancelled', 'appointment_cancelled']);
  });

  it('takes a move back when its events cannot be queued: 503, the old time in both copies and the ledger, the consent’s expiry unchanged, one failure audit event', async () => {
    // Prepare
    const { deps, notices, patient, book, reset, copies, ledger, shareConsents, events } = await world();
    const { id } = await book();
    const expiresAt = shareConsents()[0]!.expiresAt;
    reset();
    notices.failNext();

    // Act
    const attempt = rescheduleAppointment(deps, patient, id, NEXT_DAY, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(copies(id).map((c) => [c?.start, c?.version])).toEqual([
      [NINE, 2],
      [NINE, 2],
    ]);
    expect([ledger(), ledger('2026-11-28')]).toEqual([[id], []]);
    expect(shareConsents()[0]!.expiresAt).toBe(expiresAt);
    expect(events).toEqual([expect.objectContaining({ action: 'appointment.reschedule', outcome: 'failure', reason: 'notification_unavailable' })]);
  });
});

describe('Producers: an account deletion’s cancellations', () => {
  it('tells the other party of each appointment it cancels, never the account being deleted', async () => {
    // Prepare
    const { deps, notices, provider, patient, book, reset } = await world();
    const first = await book();
    const second = await book(NEXT_DAY);
    reset();

    // Act
    const result = await cancelFutureAppointments(deps, provider.userId, deps.clock.now());

    // Assess
    expect(result.cancelled.sort()).toEqual([first.id, second.id].sort());
    expect(sentOf(notices).sort()).toEqual(
      [
        ['appointment_cancelled', patient.userId, { appointmentId: first.id }],
        ['appointment_cancelled', patient.userId, { appointmentId: second.id }],
      ].sort(),
    );
  });

  it('puts the appointment back and fails the deletion (503) when the queue cannot take it; sent again, it cancels and tells', async () => {
    // Prepare
    const { deps, notices, provider, book, reset, copies, ledger } = await world();
    const { id } = await book();
    reset();
    notices.failNext();

    // Act
    const attempt = cancelFutureAppointments(deps, provider.userId, deps.clock.now());
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    const afterFailure = copies(id).map((c) => c?.status);
    const again = await cancelFutureAppointments(deps, provider.userId, deps.clock.now());

    // Assess
    expect(afterFailure).toEqual(['booked', 'booked']);
    expect(again.cancelled).toEqual([id]);
    expect(copies(id).map((c) => c?.status)).toEqual(['cancelled', 'cancelled']);
    expect(ledger()).toEqual([]);
    expect(notices.sent.map((s) => s.event.type)).toEqual(['appointment_cancelled']);
  });
});
