import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from './common-passwords.generated';

/**
 * Password policy per NIST SP 800-63B §3.1.1.2: length is what matters (at least 12, any
 * characters, no composition rules), and a password found in breach corpora, made of repeated
 * or sequential characters, or built from context (the e-mail, the service name) is refused.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const longPasswords = new Set(COMMON_LONG_PASSWORDS);
const baseWords = new Set(COMMON_BASE_WORDS);
const SERVICE_WORDS = ['carebow'];
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** Why a password was refused; codes are stable, messages are for people. */
export interface PasswordProblem {
  readonly code: 'too_short' | 'too_long' | 'common' | 'repetitive' | 'sequential' | 'contains_email' | 'contains_service_name';
  readonly message: string;
}

/** A run along a sequence, either way, wrapping around (…7890123… is still a run). */
const isSequential = (lower: string): boolean =>
  SEQUENCES.some((sequence) => {
    const cyclic = sequence.repeat(1 + Math.ceil(lower.length / sequence.length));
    return cyclic.includes(lower) || [...cyclic].reverse().join('').includes(lower);
  });

/** The common base word left once digits and symbols around it are stripped, if any. */
const strippedBase = (lower: string): string => lower.replace(/^[^a-z]+|[^a-z]+$/g, '');

/**
 * Checks `password` against the policy; an empty list means it is acceptable.
 *
 * @example
 * checkPassword('correct horse battery staple', 'ann@example.com'); // []
 * checkPassword('password1234', 'ann@example.com'); // [{ code: 'common', ... }]
 */
export const checkPassword = (password: string, email: string): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  const lower = password.normalize('NFKC').toLowerCase();
  if (length < MIN_PASSWORD_LENGTH) problems.push({ code: 'too_short', message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` });
  if (length > MAX_PASSWORD_LENGTH) problems.push({ code: 'too_long', message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });
  if (longPasswords.has(lower) || baseWords.has(strippedBase(lower))) {
    problems.push({ code: 'common', message: 'This password appears in lists of breached passwords.' });
  }
  if (new Set(lower).size <= 2) problems.push({ code: 'repetitive', message: 'Use more than two different characters.' });
  else if (isSequential(lower)) problems.push({ code: 'sequential', message: 'Avoid runs like 123456 or abcdef.' });
  const normalizedEmail = email.trim().toLowerCase();
  const localPart = normalizedEmail.split('@')[0] ?? '';
  if (lower.includes(normalizedEmail) || (localPart.length >= 4 && lower.includes(localPart))) {
    problems.push({ code: 'contains_email', message: 'Do not use your e-mail address in your password.' });
  }
  if (SERVICE_WORDS.some((word) => lower.includes(word))) {
    problems.push({ code: 'contains_service_name', message: 'Do not use the service name in your password.' });
  }
  return problems;
};
