import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CiphertextIntegrityError, SealedFormatError } from '../../shared/vault/errors';
import { openWithKey, parseSealed, sealWithKey, type FieldPlace } from '../../shared/vault/sealed-field';

const key = randomBytes(32);
const place: FieldPlace = { userId: 'user-a', table: 'records', pk: 'USER#user-a', sk: 'PROFILE', attribute: 'data' };

describe('Module: sealed-field', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = sealWithKey(key, 3, place, 'allergic to penicillin');
    expect(sealed).toMatch(/^cb1\.3\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain('penicillin');
    expect(parseSealed(sealed).keyVersion).toBe(3);
    expect(openWithKey(key, place, sealed)).toBe('allergic to penicillin');
  });

  it('uses a fresh IV each time', () => {
    expect(sealWithKey(key, 1, place, 'same')).not.toBe(sealWithKey(key, 1, place, 'same'));
  });

  it.each([
    ['another attribute', { ...place, attribute: 'name' }],
    ['another item', { ...place, sk: 'FEEDBACK#1' }],
    ['another partition', { ...place, pk: 'USER#user-b' }],
    ['another user', { ...place, userId: 'user-b' }],
    ['another table', { ...place, table: 'identity' }],
  ])('refuses a ciphertext moved to %s', (_name, elsewhere) => {
    const sealed = sealWithKey(key, 1, place, 'secret');
    expect(() => openWithKey(key, elsewhere, sealed)).toThrow(CiphertextIntegrityError);
  });

  it('refuses a ciphertext relabelled with another key version', () => {
    const sealed = sealWithKey(key, 1, place, 'secret');
    expect(() => openWithKey(key, place, sealed.replace(/^cb1\.1\./, 'cb1.2.'))).toThrow(CiphertextIntegrityError);
  });

  it('refuses any flipped byte', () => {
    const sealed = sealWithKey(key, 1, place, 'a secret long enough to flip bytes in');
    const body = Buffer.from(sealed.split('.')[3]!, 'base64url');
    for (const index of [0, 5, body.length - 1]) {
      const flipped = Buffer.from(body);
      flipped[index]! ^= 0x01;
      const tampered = sealed.split('.').slice(0, 3).concat(flipped.toString('base64url')).join('.');
      expect(() => openWithKey(key, place, tampered)).toThrow(CiphertextIntegrityError);
    }
  });

  it('refuses another key and malformed input with clear errors', () => {
    const sealed = sealWithKey(key, 1, place, 'secret');
    expect(() => openWithKey(randomBytes(32), place, sealed)).toThrow(CiphertextIntegrityError);
    expect(() => openWithKey(key, place, 'plain text')).toThrow(SealedFormatError);
  });
});
