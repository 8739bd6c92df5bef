import { isIanaTimeZone, TIME_ZONE_NAME, VERIFICATION_CODE, type DeliveryChannel, type NotificationType } from '../domain/notifications';
import { TEMPLATES } from './templates';

/**
 * Fills a template (./templates.ts). Pure. It refuses, with a `TemplateError`, any placeholder but
 * the four safe ones, a placeholder without a value, and a value that is not of its safe shape:
 * `when` as `whenText` writes it, `timeZone` a zone Intl knows, `link` the app's base URL and one of its
 * pages (a fixed path, or one with a lowercase uuid), `code` six digits. So whatever reached a value, only those shapes can reach a
 * message (docs/security.md #27).
 */

export const PLACEHOLDERS = ['when', 'timeZone', 'link', 'code'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type SafeValues = Readonly<Partial<Record<Placeholder, string>>>;

export class TemplateError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** `Sun 28 Mar 2027, 10:00`: what `whenText` writes (en-GB months are three or four letters: `Sept`). */
const WHEN = /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/;
/** The app's pages a link may name (./templates.ts, `linkPath`): fixed words and lowercase uuids only. */
const PATH = /^(\/(appointments|symptom-sessions)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\/account\/security|\/support)$/;

/** Zones Intl was asked about and knew: asking costs ~40 µs (a DateTimeFormat), and a worker renders the same few zones all day. */
const knownZones = new Set<string>();

const valid = (name: Placeholder, value: string, appBaseUrl: string): boolean => {
  switch (name) {
    case 'when':
      return WHEN.test(value);
    case 'timeZone':
      if (knownZones.has(value)) return true;
      if (!(value.length <= 64 && TIME_ZONE_NAME.test(value) && isIanaTimeZone(value))) return false;
      if (knownZones.size < 1_000) knownZones.add(value);
      return true;
    case 'link':
      return value.startsWith(appBaseUrl) && PATH.test(value.slice(appBaseUrl.length));
    case 'code':
      return VERIFICATION_CODE.test(value);
  }
};

/** `text` with each `{name}` replaced by its safe value; throws a `TemplateError` for anything else. */
export const fill = (text: string, values: SafeValues, appBaseUrl: string): string =>
  text.replace(/\{([^{}]*)\}|[{}]/g, (token, name: string | undefined) => {
    if (name === undefined || !(PLACEHOLDERS as readonly string[]).includes(name)) throw new TemplateError(`unknown placeholder ${token.slice(0, 20)}`);
    const value = values[name as Placeholder];
    if (value === undefined) throw new TemplateError(`no value for {${name}}`);
    if (!valid(name as Placeholder, value, appBaseUrl)) throw new TemplateError(`{${name}} is not of its safe shape`);
    return value;
  });

/** The placeholders a text uses. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);

/** The subject (e-mail only) and text of `type`'s message on `channel`. */
export const renderMessage = (type: NotificationType, channel: DeliveryChannel, values: SafeValues, appBaseUrl: string): { subject?: string; text: string } => {
  const template = TEMPLATES[type];
  return channel === 'email'
    ? { subject: fill(template.subject, values, appBaseUrl), text: fill(template.email, values, appBaseUrl) }
    : { text: fill(template.sms, values, appBaseUrl) };
};

const whenFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the zone's clocks read it, for `{when}`: `Sun 28 Mar 2027, 10:00`.
 *
 * @throws RangeError when `timeZone` is not a zone Intl knows.
 */
export const whenText = (instant: number, timeZone: string): string => {
  let format = whenFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    whenFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part['weekday']} ${part['day']} ${part['month']} ${part['year']}, ${part['hour']}:${part['minute']}`;
};
