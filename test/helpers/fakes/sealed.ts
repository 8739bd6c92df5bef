import { expect } from 'vitest';

/**
 * Asserts `sealed` is a sealed field (`cb1.<version>.<iv>.<body>`) in which none of `plaintexts`
 * can be read: not in the stored string, and not in any of its parts decoded from base64url (so
 * an encoding that only looks sealed fails too).
 */
export const expectSealedWithout = (sealed: string | undefined, ...plaintexts: string[]): void => {
  expect(sealed).toMatch(/^cb1\.\d+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/);
  const decoded = sealed!
    .split('.')
    .slice(2)
    .map((part) => Buffer.from(part, 'base64url').toString('latin1'));
  for (const plaintext of plaintexts) {
    expect(plaintext.length).toBeGreaterThan(3);
    expect(sealed).not.toContain(plaintext);
    for (const part of decoded) expect(part).not.toContain(plaintext);
  }
};
