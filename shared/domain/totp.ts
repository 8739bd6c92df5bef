import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) with the parameters every authenticator
 * app defaults to (HMAC-SHA-1, 6 digits, 30-second steps). Written on node:crypto in a few lines
 * rather than taken from a library: the login and MFA routes sit near their 100 KB bundle budget.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: clock drift between phone and server, and typing time. */
export const TOTP_WINDOW = 1;
/** 160 bits, the RFC 4226 recommended secret length. */
const SECRET_BYTES = 20;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps read it. */
export const base32Encode = (bytes: Uint8Array): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
};

/** Decodes RFC 4648 base32 (case-insensitive, padding ignored); throws on any other character. */
export const base32Decode = (text: string): Buffer => {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toUpperCase().replace(/=+$/, '')) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new RangeError('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
};

/** A fresh random TOTP secret, base32. */
export const newTotpSecret = (): string => base32Encode(randomBytes(SECRET_BYTES));

/**
 * HOTP value of `counter` (RFC 4226 §5.3: dynamic truncation), `digits` long with leading zeros.
 *
 * @example
 * hotp(Buffer.from('12345678901234567890'), 0) // '755224' (RFC 4226 Appendix D)
 */
export const hotp = (secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(code % 10 ** digits).padStart(digits, '0');
};

/** The TOTP time step of `epochSeconds` (RFC 6238 §4: T0 = 0). */
export const totpStep = (epochSeconds: number): number => Math.floor(epochSeconds / TOTP_STEP_SECONDS);

/**
 * The step within ±`TOTP_WINDOW` of now whose code equals `code`, or `undefined`. Compares in
 * constant time per candidate; the caller makes a matched step single-use (it must be newer than
 * the last step used).
 *
 * @example
 * const step = matchTotp(base32Decode(secret), '287082', Date.now() / 1000);
 */
export const matchTotp = (secret: Uint8Array, code: string, epochSeconds: number, digits = TOTP_DIGITS): number | undefined => {
  const now = totpStep(epochSeconds);
  const given = Buffer.from(code);
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const expected = Buffer.from(hotp(secret, step, digits));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
  }
  return undefined;
};

/**
 * The `otpauth://` URI an authenticator app scans (the de-facto Key URI Format): issuer and
 * account label, the secret, and the parameters spelled out.
 */
export const otpauthUri = (issuer: string, account: string, secret: string): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
