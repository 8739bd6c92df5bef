/**
 * Strips direct identifiers from chat text before it leaves for the model (docs/security.md #14, the
 * triage issue's "never names, e-mail, phone or exact birth date"). A chat has to send what the
 * patient wrote, but not the contact data, exact dates, links or record numbers in it: none of
 * them helps an answer about health. Clinical figures stay (doses, temperatures, blood pressure,
 * durations, ages), because the answer needs them.
 *
 * Pattern-based on purpose: it is deterministic, cheap and testable. Personal names in free text
 * cannot be found this way (no reliable rule tells "Rose" the person from "rose" the flower), which
 * is why triage never sends free text to the model at all.
 *
 * @example
 * redactIdentifiers('Call me on +44 7700 900123, born 12/03/1985'); // 'Call me on [number], born [date]'
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Order matters: links and e-mails first (they contain digits and dots), then dates, then numbers. */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:https?:\/\/|www\.)[^\s<>"]+/giu, '[link]'],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, '[email]'],
  // A full date (day, month and year) identifies; "3 days ago" or "since March" does not.
  [/\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/gu, '[date]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b/gu, '[date]'],
  [new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`, 'giu'), '[date]'],
  [new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu'), '[date]'],
  // Phone, insurance, record and card numbers: seven or more digits, however they are grouped.
  [/(?<![\p{L}\p{N}])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\p{L}\p{N}])/gu, '[number]'],
];

/** `text` with e-mail addresses, links, full dates and long digit runs (phones, ids) replaced by placeholders. */
export const redactIdentifiers = (text: string): string => RULES.reduce((out, [pattern, placeholder]) => out.replace(pattern, placeholder), text);
