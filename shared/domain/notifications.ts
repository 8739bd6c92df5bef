/**
 * The notifications vocabulary (issue 11), without any schema: the contracts
 * (shared/contracts/notifications.ts) register their schemas when imported, so code that needs
 * only these names (the worker, the renderer) imports them from here and does not bundle them.
 */

/** Every message type the worker sends (shared/notifications/events.ts). */
export const NOTIFICATION_TYPES = [
  'appointment_booked',
  'appointment_rescheduled',
  'appointment_cancelled',
  'appointment_reminder',
  'triage_ready',
  'security_new_login',
  'security_password_changed',
  'security_account_deleted',
  'phone_verification',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The kinds of message a user can switch on or off (`security` cannot be switched off). */
export const PREFERENCE_CATEGORIES = ['appointment_reminder', 'appointment_change', 'triage_ready', 'security', 'marketing'] as const;
export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

export const DELIVERY_CHANNELS = ['email', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** E.164: a plus, a non-zero digit, then 7 to 14 more digits. */
export const E164 = /^\+[1-9]\d{7,14}$/;

/** The verification code sent by SMS: six digits. */
export const VERIFICATION_CODE = /^\d{6}$/;

/** An IANA zone name as the tz database spells it (each part capitalised): no offsets such as `+05:30`. */
export const TIME_ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*){0,2}$/;

/** True when the runtime's time-zone data knows `name` (an IANA name such as `Europe/London` or `UTC`). */
export const isIanaTimeZone = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};
