import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { TooManyRequestsError } from '../errors';
import type { PasswordHasher } from './ports';
/**
 * scrypt password hashing (node:crypto; memory-hard, no native addon to ship). OWASP's
 * parameters: N=2^17, r=8, p=1, a 16-byte salt and a 32-byte key. The stored string carries its
 * parameters (`scrypt$logN$r$p$salt$hash`), so raising the cost later rehashes on next login.
 */
const KEY_LENGTH = 32;
const R = 8;
const P = 1;

/**
 * At most `limit` derivations at once; a caller that would wait longer than `maxWaitMs` for its turn is refused before
 * any work (429 `password_check_busy`, Retry-After 1–3 s, jittered). A Lambda container serves one request at a time,
 * so there it never waits. The local server runs every route in one process: a load run (issue 14) sent 16 logins at
 * once at N=2^17, scrypt shared the CPU evenly, and every one missed the 10-second time-out; queued in turn, the first
 * ones finish in time and the rest are told to come back.
 *
 * @example
 * const key = await new DerivationGate(2, 3000).run(() => derive(password, salt, 17, 8, 1));
 */
export class DerivationGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  public constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
  ) {}

  public async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.limit) this.#running++;
    else await this.#turn(); // a finished derivation hands its slot over, so none can jump the queue
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #turn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const start = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(start), 1);
        reject(new TooManyRequestsError(1 + Math.random() * 2, 'Too many sign-ins at once; retry shortly.', 'password_check_busy'));
      }, this.maxWaitMs);
      this.#waiting.push(start);
    });
  }
}

/** One gate per process (every hasher shares it); 3 s of waiting leaves a derivation time within the 10 s time-out. */
const gate = new DerivationGate(availableParallelism(), 3000);

const derive = (password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> => {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * r * 2 ** logN };
  return gate.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
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
