import { describe, expect, it } from 'vitest';
import { ScryptPasswordHasher } from '../../shared/identity/password-hasher';

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
