import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../../shared/errors';
import { DerivationGate, ScryptPasswordHasher } from '../../shared/identity/password-hasher';

describe('Class: ScryptPasswordHasher', () => {
  it('hashes with a random salt and verifies only the right password', async () => {
    const hasher = new ScryptPasswordHasher(10);
    const a = await hasher.hash('a perfectly long passphrase');
    const b = await hasher.hash('a perfectly long passphrase');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hasher.verify('a perfectly long passphrase', a)).toEqual({ ok: true, needsRehash: false });
    expect((await hasher.verify('a perfectly long passphrasE', a)).ok).toBe(false);
    expect((await hasher.verify('anything', 'garbage')).ok).toBe(false);
  });

  it('asks for a rehash when the stored cost is below today’s', async () => {
    const old = await new ScryptPasswordHasher(10).hash('a perfectly long passphrase');
    expect(await new ScryptPasswordHasher(11).verify('a perfectly long passphrase', old)).toEqual({ ok: true, needsRehash: true });
  });

  it('uses OWASP parameters (N=2^17, r=8, p=1) by default config and can afford their memory', async () => {
    const hash = await new ScryptPasswordHasher(17).hash('a perfectly long passphrase');
    expect(hash.startsWith('scrypt$17$8$1$')).toBe(true);
  });
});

describe('Class: DerivationGate (a login storm in one process, issue 14)', () => {
  /** A derivation that ends when told, counting how many run at once. */
  const derivations = () => {
    let running = 0;
    let most = 0;
    const ends: (() => void)[] = [];
    const order: number[] = [];
    const work = (id: number) => () =>
      new Promise<number>((resolve) => {
        running++;
        most = Math.max(most, running);
        order.push(id);
        ends.push(() => {
          running--;
          resolve(id);
        });
      });
    return { work, ends, order, most: () => most };
  };

  it('runs at most `limit` at once and hands each freed slot to the longest waiting, in order', async () => {
    // Prepare
    const gate = new DerivationGate(2, 10_000);
    const { work, ends, order, most } = derivations();

    // Act
    const results = [1, 2, 3, 4, 5].map((id) => gate.run(work(id)));
    for (let done = 0; done < 5; done++) {
      await new Promise((resolve) => setImmediate(resolve));
      ends.shift()!();
    }

    // Assess
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(most()).toBe(2);
  });

  it('refuses a caller that waited longer than maxWaitMs, before any work: 429 password_check_busy with a 1–3 s Retry-After', async () => {
    // Prepare
    const gate = new DerivationGate(1, 20);
    const { work, ends, order } = derivations();
    const first = gate.run(work(1));

    // Act
    const refused = await gate.run(work(2)).catch((error: unknown) => error);
    ends.shift()!();
    const afterwards = gate.run(work(3));
    await new Promise((resolve) => setImmediate(resolve));
    ends.shift()!();

    // Assess
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused).toMatchObject({ status: 429, code: 'password_check_busy' });
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBeLessThanOrEqual(3);
    expect([await first, await afterwards]).toEqual([1, 3]);
    expect(order).toEqual([1, 3]);
  });
});
