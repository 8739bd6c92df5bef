import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, page, PageQuery } from './common';
import {
  DELIVERY_CHANNELS,
  E164,
  isIanaTimeZone,
  NOTIFICATION_TYPES,
  PREFERENCE_CATEGORIES,
  TIME_ZONE_NAME,
  VERIFICATION_CODE,
  type DeliveryChannel,
  type NotificationType,
  type PreferenceCategory,
} from '../domain/notifications';

export { DELIVERY_CHANNELS, E164, isIanaTimeZone, NOTIFICATION_TYPES, PREFERENCE_CATEGORIES, TIME_ZONE_NAME, VERIFICATION_CODE };
export type { DeliveryChannel, NotificationType, PreferenceCategory };

/**
 * Notifications (issue 11): the caller's contact details and their verification, notification
 * preferences, and the list of their deliveries. Strict objects, bounded strings: nothing here is
 * free text, so nothing here can carry PHI into a message (templates fill only ids, instants, zone
 * names and the verification code; shared/notifications/render.ts).
 */

const Phone = /* @__PURE__ */ declared(() => z.string().check(z.maxLength(16), z.regex(E164, 'must be an E.164 number like +14155550123')));

const TimeZone = /* @__PURE__ */ declared(() =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.regex(TIME_ZONE_NAME, 'must be an IANA time zone like Europe/London'),
      z.refine(isIanaTimeZone, 'must be an IANA time zone like Europe/London'),
    ),
);

/** A wall-clock time `HH:MM`, 00:00–23:59. */
const ClockTime = /* @__PURE__ */ declared(() =>
  z.string().check(z.maxLength(5), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM, 00:00 to 23:59')),
);

/** `PUT /api/v1/me/contact`: a phone number to verify, or `null` to remove it. */
export const ContactRequest = /* @__PURE__ */ z.strictObject({ phone: z.nullable(Phone) }).register(z.globalRegistry, { id: 'ContactRequest' });
export type ContactRequest = z.infer<typeof ContactRequest>;

/** `POST /api/v1/me/contact/verify`. */
export const VerifyContactRequest = /* @__PURE__ */ z
  .strictObject({ code: z.string().check(z.maxLength(6), z.regex(VERIFICATION_CODE, 'must be the six-digit code')) })
  .register(z.globalRegistry, { id: 'VerifyContactRequest' });

/** The caller's own contact details (their phone is theirs to see). */
export const Contact = /* @__PURE__ */ declared(() =>
  z
    .object({
      phone: z.optional(Phone),
      phoneVerified: z.boolean(),
      /** A code was sent and can still be entered: when it expires and how many attempts remain. */
      verification: z.optional(z.object({ expiresAt: Instant, attemptsLeft: z.int().check(z.gte(0), z.lte(5)) })),
      /** The account's e-mail bounced or drew a complaint: only then is nothing e-mailed, security messages included. */
      emailSuppressed: z.boolean(),
      updatedAt: z.optional(Instant),
    })
    .register(z.globalRegistry, { id: 'Contact' }),
);
export type Contact = z.infer<typeof Contact>;

const Toggle = /* @__PURE__ */ declared(() => z.optional(z.boolean()));

/** Quiet hours: `[start, end)` on the wall clock of `timeZone`; `start` after `end` runs over midnight. */
const QuietHours = /* @__PURE__ */ declared(() =>
  z
    .strictObject({ start: ClockTime, end: ClockTime, timeZone: TimeZone })
    .check(z.refine((q) => q.start !== q.end, { error: 'start and end must differ', path: ['end'] })),
);

/**
 * `PUT /api/v1/me/notification-preferences`: replaces the preferences; an omitted switch takes its
 * default (e-mail on, SMS off, every type on but `marketing`). `security` cannot be turned off.
 */
export const PreferencesRequest = /* @__PURE__ */ z
  .strictObject({
    channels: z.optional(z.strictObject({ email: Toggle, sms: Toggle })),
    types: z.optional(
      z.strictObject({
        appointment_reminder: Toggle,
        appointment_change: Toggle,
        triage_ready: Toggle,
        security: z.optional(z.literal(true, 'security messages cannot be turned off')),
        marketing: Toggle,
      }),
    ),
    quietHours: z.optional(z.nullable(QuietHours)),
  })
  .register(z.globalRegistry, { id: 'NotificationPreferencesRequest' });
export type PreferencesRequest = z.infer<typeof PreferencesRequest>;

export const Preferences = /* @__PURE__ */ z
  .object({
    channels: z.object({ email: z.boolean(), sms: z.boolean() }),
    types: z.object({
      appointment_reminder: z.boolean(),
      appointment_change: z.boolean(),
      triage_ready: z.boolean(),
      security: z.literal(true),
      marketing: z.boolean(),
    }),
    quietHours: z.optional(QuietHours),
    /** 0 while the defaults apply (nothing stored). */
    version: z.int().check(z.gte(0)),
    updatedAt: z.optional(Instant),
  })
  .register(z.globalRegistry, { id: 'NotificationPreferences' });
export type Preferences = z.infer<typeof Preferences>;

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'suppressed'] as const;
/** Why a delivery was not (yet) sent; never an address or a message. */
export const DELIVERY_REASONS = [
  'preference',
  'quiet_hours',
  'unverified',
  'no_phone',
  'address_suppressed',
  'account_inactive',
  'stale',
  'transient',
  'permanent',
] as const;

/** One delivery of one event on one channel: what kind of message, how it went; no address, no text. */
export const Delivery = /* @__PURE__ */ z
  .object({
    eventId: Id,
    type: z.enum(NOTIFICATION_TYPES),
    channel: z.enum(DELIVERY_CHANNELS),
    status: z.enum(DELIVERY_STATUSES),
    reason: z.optional(z.enum(DELIVERY_REASONS)),
    /** While `queued` for quiet hours: not before this instant. */
    notBefore: z.optional(Instant),
    attempts: z.int().check(z.gte(0)),
    createdAt: Instant,
    updatedAt: Instant,
    sentAt: z.optional(Instant),
  })
  .register(z.globalRegistry, { id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryPage = /* @__PURE__ */ page(Delivery).register(z.globalRegistry, { id: 'DeliveryPage' });
export const DeliveryListQuery = /* @__PURE__ */ declared(() => z.strictObject({ ...PageQuery }));
