import type { NotificationType } from '../domain/notifications';
import type { EventRefs } from './events';

/**
 * The messages, as data. Each type has an e-mail subject, an e-mail body and an SMS text, with
 * placeholders the renderer (./render.ts) fills only from safe values: `{when}` (a local date and
 * time), `{timeZone}` (an IANA zone name), `{link}` (APP_BASE_URL plus a path of ids) and `{code}`
 * (the six-digit verification code, that template only). A message says what kind of thing happened
 * and when, and links to the app: never a condition, symptom, triage level, specialty, practitioner
 * name or reason (docs/security.md #27). test/unit/notifications-templates.test.ts renders every one
 * with canary PHI in every field a message could reach and finds none.
 */

export interface Template {
  readonly subject: string;
  readonly email: string;
  readonly sms: string;
}

const SETTINGS = '\n\nYou get this message because of your CareBow notification settings; change them in the app.';
const SECURITY = '\n\nCareBow sends security messages whatever your notification settings.';

export const TEMPLATES: Readonly<Record<NotificationType, Template>> = {
  appointment_booked: {
    subject: 'Appointment booked',
    email: `An appointment is booked for {when} ({timeZone}).\n\nSee it in the app: {link}${SETTINGS}`,
    sms: 'CareBow: an appointment is booked for {when} ({timeZone}). {link}',
  },
  appointment_rescheduled: {
    subject: 'Appointment moved',
    email: `An appointment was moved. It is now on {when} ({timeZone}).\n\nSee it in the app: {link}${SETTINGS}`,
    sms: 'CareBow: an appointment was moved to {when} ({timeZone}). {link}',
  },
  appointment_cancelled: {
    subject: 'Appointment cancelled',
    email: `The appointment on {when} ({timeZone}) was cancelled.\n\nSee it in the app: {link}${SETTINGS}`,
    sms: 'CareBow: the appointment on {when} ({timeZone}) was cancelled. {link}',
  },
  appointment_reminder: {
    subject: 'Appointment reminder',
    email: `Reminder: you have an appointment on {when} ({timeZone}).\n\nSee it in the app: {link}${SETTINGS}`,
    sms: 'CareBow reminder: appointment on {when} ({timeZone}). {link}',
  },
  triage_ready: {
    subject: 'Your assessment is ready',
    email: `Your assessment is ready. Read it in the app: {link}${SETTINGS}`,
    sms: 'CareBow: your assessment is ready. {link}',
  },
  security_new_login: {
    subject: 'New sign-in to your CareBow account',
    email: `Your account was signed in to from a new device on {when} ({timeZone}).\n\nIf this was not you, change your password now: {link}${SECURITY}`,
    sms: 'CareBow: new sign-in to your account on {when} ({timeZone}). Not you? {link}',
  },
  security_password_changed: {
    subject: 'Your CareBow password was changed',
    email: `The password of your account was changed on {when} ({timeZone}).\n\nIf this was not you, secure your account now: {link}${SECURITY}`,
    sms: 'CareBow: your password was changed on {when} ({timeZone}). Not you? {link}',
  },
  security_account_deleted: {
    subject: 'Your CareBow account was deleted',
    email: `Your account was deleted on {when} ({timeZone}), with the health data it held.\n\nIf this was not you, contact support: {link}${SECURITY}`,
    sms: 'CareBow: your account was deleted on {when} ({timeZone}). Not you? {link}',
  },
  phone_verification: {
    subject: 'Your CareBow verification code',
    email: 'Your CareBow verification code is {code}. It expires in 10 minutes.',
    sms: 'Your CareBow code is {code}. It expires in 10 minutes. Never share it.',
  },
};

/** Where a message's `{link}` points in the app: a path of ids only (`undefined`: the message has no link). */
export const linkPath = (type: NotificationType, refs: EventRefs): string | undefined => {
  switch (type) {
    case 'appointment_booked':
    case 'appointment_rescheduled':
    case 'appointment_cancelled':
    case 'appointment_reminder':
      return `/appointments/${refs.appointmentId?.toLowerCase()}`;
    case 'triage_ready':
      return `/symptom-sessions/${refs.sessionId?.toLowerCase()}`;
    case 'security_new_login':
    case 'security_password_changed':
      return '/account/security';
    case 'security_account_deleted':
      return '/support';
    case 'phone_verification':
      return undefined;
  }
};
