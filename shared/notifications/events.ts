import * as z from '../zod';
import { NOTIFICATION_TYPES, type NotificationType, type PreferenceCategory } from '../domain/notifications';
import { uuidV7 } from '../domain/uuid-v7';

export { NOTIFICATION_TYPES, type NotificationType };

/**
 * The notification event: the only thing a use case sends to the notifications queue. Ids only,
 * never PHI: the worker loads what it needs itself (preferences, the sealed contact, the
 * appointment's time) and renders a template that can hold nothing else.
 */

export const REMINDER_OFFSETS = ['24h', '1h'] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];
/** How long before the visit each reminder is due, in milliseconds. */
export const REMINDER_OFFSET_MS: Readonly<Record<ReminderOffset, number>> = { '24h': 86_400_000, '1h': 3_600_000 };

export interface EventRefs {
  readonly appointmentId?: string;
  readonly sessionId?: string;
  readonly offset?: ReminderOffset;
  readonly verificationId?: string;
}

export interface NotificationEvent {
  /** uuid v7: its time orders the recipient's deliveries, and it is the idempotency key (per channel). */
  readonly id: string;
  readonly type: NotificationType;
  readonly recipientId: string;
  readonly refs: EventRefs;
  /** When what it reports happened (ISO 8601, UTC). */
  readonly occurredAt: string;
}

/**
 * What a type is, for preferences: `security` is always e-mailed and never waits for quiet hours;
 * `verification` goes only by SMS to the number being verified, and is the only thing an unverified
 * number ever receives.
 */
export type EventCategory = Exclude<PreferenceCategory, 'marketing'> | 'verification';

export const CATEGORY_OF: Readonly<Record<NotificationType, EventCategory>> = {
  appointment_booked: 'appointment_change',
  appointment_rescheduled: 'appointment_change',
  appointment_cancelled: 'appointment_change',
  appointment_reminder: 'appointment_reminder',
  triage_ready: 'triage_ready',
  security_new_login: 'security',
  security_password_changed: 'security',
  security_account_deleted: 'security',
  phone_verification: 'verification',
};

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

/**
 * A new event of `type` for `recipientId`, happening `at`.
 *
 * @example
 * await deps.notifications.enqueue(notificationEvent('appointment_booked', patientId, { appointmentId }, now));
 */
export const notificationEvent = (type: NotificationType, recipientId: string, refs: EventRefs, at: Date): NotificationEvent => ({
  id: uuidV7(at.getTime()),
  type,
  recipientId,
  refs,
  occurredAt: at.toISOString(),
});
