import * as z from '../zod';
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notifications';
import { REMINDER_OFFSETS, type EventRefs } from './events';

/**
 * The worker's side of the notification event (./events.ts): the schema a queue message must pass.
 * Apart from the event's type and factory, so that the routes that only enqueue do not bundle it.
 */

/** The refs each type needs (and no others are allowed). */
const REFS_OF: Readonly<Record<NotificationType, readonly (keyof EventRefs)[]>> = {
  appointment_booked: ['appointmentId'],
  appointment_rescheduled: ['appointmentId'],
  appointment_cancelled: ['appointmentId'],
  appointment_reminder: ['appointmentId', 'offset'],
  triage_ready: ['sessionId'],
  security_new_login: [],
  security_password_changed: [],
  security_account_deleted: [],
  phone_verification: ['verificationId'],
};

/**
 * A queue message as the worker accepts it: strict, ids only, each type with exactly its refs.
 * Anything else is poison (it fails alone and ends in the DLQ).
 */
export const NotificationEventSchema = z
  .strictObject({
    id: z.uuid(),
    type: z.enum(NOTIFICATION_TYPES),
    recipientId: z.uuid(),
    refs: z.strictObject({
      appointmentId: z.optional(z.uuid()),
      sessionId: z.optional(z.uuid()),
      offset: z.optional(z.enum(REMINDER_OFFSETS)),
      verificationId: z.optional(z.uuid()),
    }),
    occurredAt: z.iso.datetime().check(z.maxLength(32)),
  })
  .check(
    z.refine((event) => {
      const needed = REFS_OF[event.type];
      const given = Object.keys(event.refs).filter((key) => event.refs[key as keyof EventRefs] !== undefined);
      return given.length === needed.length && needed.every((key) => given.includes(key));
    }, 'the refs must be exactly those of the type'),
  );
