import type { Clock } from '../domain/clock';
import type { NotificationType } from '../domain/notifications';
import { derivedEventId, REMINDER_OFFSET_MS, REMINDER_OFFSETS, type NotificationEvent, type ReminderOffset } from './events';
import type { AppointmentLookup, Reminder, ReminderScheduler } from './ports';

/**
 * Appointment reminders (issue 11): 24 hours and 1 hour before each booked visit, to the patient,
 * as one one-time schedule per offset (EventBridge Scheduler in AWS, a timer wheel locally) whose
 * target puts an `appointment_reminder` event on the notifications queue.
 *
 * The routes never touch a schedule. Booking, rescheduling and cancelling enqueue
 * `appointment_booked`, `appointment_rescheduled` and `appointment_cancelled` (ids only), and the
 * worker brings the reminders in line with the appointment as it stands when the event is processed
 * (`syncReminders`): booked and ahead → both created or replaced (one already past, or due within
 * `MIN_LEAD_MS`, is deleted instead); anything else → both deleted. Reading the state rather than
 * trusting the event makes it idempotent and order-free: a redelivered event, or a booking processed
 * after its cancellation, leaves the reminders as the appointment says. When a reminder fires, the
 * worker reads the appointment again (shared/notifications/deliver.ts): cancelled or moved, it sends
 * nothing (`stale`), so a schedule that outlives its appointment costs one invocation and no message.
 *
 * The instants are UTC instants: `offset` real hours before the visit's start instant, which the
 * booking computed from the practitioner's wall clock and zone. So a daylight-saving change between
 * the reminder and the visit moves nothing: 10:00 Europe/London on 2027-03-28 (BST, 09:00Z, the
 * morning after the clocks go forward) is reminded at 2027-03-27T09:00:00Z, 24 real hours before
 * (09:00 GMT on the wall clock of the day before).
 */

/** A reminder due sooner than this from now is not scheduled (Scheduler would fire at once or refuse an instant past): the message just sent tells the time. */
export const MIN_LEAD_MS = 60_000;

/** The events after which the worker syncs an appointment's reminders. */
export const APPOINTMENT_CHANGES: readonly NotificationType[] = ['appointment_booked', 'appointment_rescheduled', 'appointment_cancelled'];

/** A schedule's name: the appointment and the offset, `appt-<id>-24h` (45 characters; Scheduler allows 64). */
export const reminderName = (appointmentId: string, offset: ReminderOffset): string => `appt-${appointmentId.toLowerCase()}-${offset}`;

/** When the reminder at `offset` of a visit starting at `startMs` fires: `offset` real hours before, in whole seconds (epoch ms). */
export const reminderAt = (startMs: number, offset: ReminderOffset): number => Math.floor((startMs - REMINDER_OFFSET_MS[offset]) / 1000) * 1000;

/**
 * The reminder's event id: a uuid v7 whose time is the instant it fires and whose other bits come
 * from the appointment, the offset and the start. The same reminder always carries the same id, so
 * replacing a schedule with itself changes nothing, and a visit moved away and back to the same time
 * is not reminded twice (the worker sends once per event id and channel). A move to another time is
 * another reminder, with another id.
 */
export const reminderEventId = (appointmentId: string, offset: ReminderOffset, startMs: number): string =>
  derivedEventId(reminderAt(startMs, offset), `reminder|${appointmentId.toLowerCase()}|${offset}|${startMs}`);

/** The reminder at `offset` before the visit of `appointmentId` starting at `startMs`, for its patient: its name, instant and event (ids only). */
export const reminderFor = (appointmentId: string, patientId: string, offset: ReminderOffset, startMs: number): Reminder => {
  const at = reminderAt(startMs, offset);
  const event: NotificationEvent = {
    id: reminderEventId(appointmentId, offset, startMs),
    type: 'appointment_reminder',
    recipientId: patientId,
    refs: { appointmentId, offset },
    occurredAt: new Date(at).toISOString(),
  };
  return { name: reminderName(appointmentId, offset), at, event };
};

export interface ReminderDeps {
  readonly appointments: AppointmentLookup;
  readonly reminders: ReminderScheduler;
  readonly clock: Clock;
}

/**
 * The worker, for an appointment change: brings the appointment's two reminders in line with it as
 * it stands now, read from the recipient's own copy. To the patient, a booked visit ahead gets both
 * (each created or replaced; one due within `MIN_LEAD_MS` or past is deleted instead); a visit
 * cancelled, moved into the past, fulfilled or gone (a booking undone) gets none. To the
 * practitioner, only a cancellation acts (it deletes both): their copy of a booking or a move leaves
 * the reminders to the patient's own event, so each change costs two Scheduler calls, not four, and
 * an account deletion, which tells only the other party, still deletes them. Idempotent. What it did,
 * for the log (`24h:scheduled,1h:cancelled`), or `undefined` when the event is none of its business.
 * Throws when the scheduler does (the worker's message is then retried).
 */
export const syncReminders = async (deps: ReminderDeps, event: NotificationEvent): Promise<string | undefined> => {
  const appointmentId = event.refs.appointmentId;
  if (appointmentId === undefined || !APPOINTMENT_CHANGES.includes(event.type)) return undefined;
  const facts = await deps.appointments.get(event.recipientId, appointmentId);
  const patient = facts !== undefined && facts.patientId === event.recipientId;
  if (facts !== undefined && !patient && event.type !== 'appointment_cancelled') return undefined;
  const nowMs = deps.clock.now().getTime();
  const done: string[] = [];
  for (const offset of REMINDER_OFFSETS) {
    const reminder = patient && facts.status === 'booked' ? reminderFor(appointmentId, event.recipientId, offset, facts.startMs) : undefined;
    if (reminder !== undefined && reminder.at > nowMs + MIN_LEAD_MS) {
      await deps.reminders.schedule(reminder);
      done.push(`${offset}:scheduled`);
    } else {
      await deps.reminders.cancel(reminderName(appointmentId, offset));
      done.push(`${offset}:cancelled`);
    }
  }
  return done.join(',');
};
