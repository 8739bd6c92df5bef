import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from './ports';
/**
 * scrypt password hashing (node:crypto; memory-hard, no native addon to ship). OWASP's
 * parameters: N=2^17, r=8, p=1, a 16-byte salt and a 32-byte key. The stored string carries its
 * parameters (`scrypt$logN$r$p$salt$hash`), so raising the cost later rehashes on next login.
 */
const KEY_LENGTH = 32;
const R = 8;
const P = 1;

const derive = (password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> => {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * r * 2 ** logN };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
};

export class ScryptPasswordHasher implements PasswordHasher {
  readonly #logN: number;
  readonly #dummySalt = randomBytes(16);

  /** @param logN log2 of scrypt's N; 17 in every deployed stage. */
  public constructor(logN: number) {
    this.#logN = logN;
  }

  public async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.#logN, R, P);
    return ['scrypt', this.#logN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  public async verify(password: string, stored: string): Promise<{ ok: boolean; needsRehash: boolean }> {
    const [scheme, logN, r, p, salt, expected] = stored.split('$');
    if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !expected) return { ok: false, needsRehash: false };
    const expectedKey = Buffer.from(expected, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
    const ok = key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
    return { ok, needsRehash: ok && Number(logN) < this.#logN };
  }

  public async verifyDummy(password: string): Promise<void> {
    await derive(password, this.#dummySalt, this.#logN, R, P);
  }
}
