import { NOTIFICATION_TYPES, type NotificationType, type PreferenceCategory } from '../domain/notifications';
import { createHash } from 'node:crypto';
import { uuidV7 } from '../domain/uuid-v7';

export { NOTIFICATION_TYPES, type NotificationType };

/**
 * The notification event: the only thing a use case sends to the notifications queue. Ids only,
 * never PHI: the worker loads what it needs itself (preferences, the sealed contact, the
 * appointment's time) and renders a template that can hold nothing else.
 *
 * The schema the worker checks a message with is in ./event-schema.ts, apart: a producer (a route
 * that enqueues) imports this module, and would otherwise bundle the schema it never runs.
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

/**
 * A uuid v7 that is the same every time for the same `key` at the same instant `atMs`: the 48-bit
 * time from `atMs`, the 74 other bits from SHA-256 of `key`. For an event a redelivered message may
 * produce again (a triage result's `triage_ready`, keyed by session and revision): the same id, so
 * the worker sends it at most once per channel.
 */
export const derivedEventId = (atMs: number, key: string): string => {
  const bytes = createHash('sha256').update(key).digest().subarray(0, 16);
  bytes.writeUIntBE(atMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
