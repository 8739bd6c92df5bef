import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Phone verification codes. A code is six digits from `crypto.randomInt`, lives ten minutes and
 * allows five attempts, right or wrong; then it is locked and only a new code (a new
 * `PUT /api/v1/me/contact`) helps. It is stored as SHA-256 over a per-code random salt and the
 * code, compared in constant time. A plain salted hash, not scrypt: six digits are a million
 * candidates, so no hash makes the stored value safe from someone who can read the table; what
 * protects the code is that it lives ten minutes, allows five online guesses (a 1 in 200,000 chance),
 * and sits in a KMS-encrypted table. A slow hash would add only cost per request.
 */

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
/** SMS pumping: at most this many codes per user per day, and one a minute. */
export const MAX_STARTS_PER_DAY = 5;
export const MIN_MS_BETWEEN_STARTS = 60_000;
export const DAY_MS = 86_400_000;

/** A fresh six-digit code, uniformly distributed. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const newSalt = (): string => randomBytes(16).toString('hex');

export const hashCode = (salt: string, code: string): string => createHash('sha256').update(Buffer.from(salt, 'hex')).update(code, 'utf8').digest('hex');

/** Whether `code` is the one hashed, in constant time for any candidate of the right shape. */
export const codeMatches = (code: string, salt: string, codeHash: string): boolean => {
  const expected = Buffer.from(codeHash, 'hex');
  const actual = Buffer.from(hashCode(salt, code), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
