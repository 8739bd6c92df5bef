import { log } from '../logger';
import { notificationEvent } from './events';
import type { NotificationQueue } from './ports';

/** Why a change was undone: its events could not be queued (the audit event's reason; the answer is 503, send it again). */
export const UNANNOUNCED = 'notification_unavailable';

/** What the appointment use cases announce (each to the patient and to the practitioner). */
export type AppointmentChange = 'appointment_booked' | 'appointment_rescheduled' | 'appointment_cancelled';

/**
 * The care use cases' one step of notifications: enqueues `type` about `appointmentId` to each of
 * `recipients` (ids only, one event each, side by side). `true` once every event is on the queue;
 * `false` if any could not be (logged by error name only), and then the caller undoes its change,
 * audits the failure and answers 503: a change nobody was told about does not stay. An event
 * already queued for a change that was then undone finds the appointment not as it announces, and
 * the worker sends nothing (`stale`, shared/notifications/deliver.ts).
 *
 * The reminders follow from these events in the worker (shared/notifications/reminders.ts).
 */
export const announced = async (
  deps: { readonly notifications: NotificationQueue },
  type: AppointmentChange,
  appointmentId: string,
  recipients: readonly string[],
  at: Date,
): Promise<boolean> => {
  try {
    await Promise.all(recipients.map((recipientId) => deps.notifications.enqueue(notificationEvent(type, recipientId, { appointmentId }, at))));
    return true;
  } catch (error) {
    log.warn('appointment notification not queued', { action: type, dependency: 'notifications-queue', errorName: (error as Error | undefined)?.name });
    return false;
  }
};
