import type { EmailFeedback } from '../../notifications/suppress';
import { RECIPIENT_TAG } from './ses-email-channel';

/**
 * SES's bounce and complaint events, as its configuration set's event destination publishes them
 * to SNS and SNS delivers them raw to the notifications queue (`eventType`), or as identity
 * feedback notifications (`notificationType`). Only what suppression needs is read, each field
 * checked for its type and size (no schema library: this ships in the worker, whose bundle is held
 * to 100 KB); the rest of the event (headers, diagnostics) is ignored and never logged.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RECIPIENTS = 100;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const shortText = (value: unknown, max = 256): string | undefined => (typeof value === 'string' && value.length <= max ? value : undefined);

/** The addresses of `bouncedRecipients` / `complainedRecipients`; `undefined` when the list is not one. */
const addressesOf = (list: unknown): string[] | undefined => {
  if (!Array.isArray(list) || list.length > MAX_RECIPIENTS) return undefined;
  const addresses = list.map((entry) => (isObject(entry) ? shortText(entry['emailAddress'], 320) : undefined));
  return addresses.every((address) => address !== undefined) ? (addresses as string[]) : undefined;
};

/**
 * The feedback an SES event carries, or `undefined` when `body` is no SES bounce or complaint
 * (then it is something else: a notification event, or poison). A bounce or complaint about a
 * message without CareBow's recipient tag is answered `'untagged'`: nothing to suppress.
 */
export const sesFeedbackOf = (body: unknown): EmailFeedback | 'untagged' | undefined => {
  if (!isObject(body) || !isObject(body['mail'])) return undefined;
  const kind = body['eventType'] ?? body['notificationType'];
  const detail = kind === 'Bounce' ? body['bounce'] : kind === 'Complaint' ? body['complaint'] : undefined;
  const messageId = shortText(body['mail']['messageId']);
  if (!isObject(detail) || messageId === undefined) return undefined;
  const addresses = addressesOf(kind === 'Bounce' ? detail['bouncedRecipients'] : detail['complainedRecipients']);
  if (addresses === undefined) return undefined;
  const tags = body['mail']['tags'];
  const tagged = isObject(tags) && Array.isArray(tags[RECIPIENT_TAG]) ? shortText(tags[RECIPIENT_TAG][0], 36) : undefined;
  if (tagged === undefined || !UUID.test(tagged)) return 'untagged';
  return {
    kind: kind === 'Bounce' ? 'bounce' : 'complaint',
    permanent: kind === 'Complaint' || detail['bounceType'] === 'Permanent',
    addresses,
    recipientId: tagged.toLowerCase(),
    feedbackId: shortText(detail['feedbackId']) ?? messageId,
  };
};
