import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CiphertextIntegrityError, SealedFormatError } from '../../shared/vault/errors';
import { openWithKey, parseSealed, sealWithKey, type FieldPlace } from '../../shared/vault/sealed-field';

const key = randomBytes(32);
const place: FieldPlace = { userId: 'user-a', table: 'records', pk: 'USER#user-a', sk: 'PROFILE', attribute: 'data' };

/**
 * Known answers: ciphertexts sealed once (random IVs) and checked in, with their data key, place and
 * plaintext. They must open for as long as `cb1` exists: a change to the format, its parsing or the
 * place binding (the associated data) that would strand stored fields fails here.
 */
const FIXED_KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const FIXED_PLACE: FieldPlace = { userId: 'user-a', table: 'records', pk: 'USER#user-a', sk: 'PROFILE', attribute: 'data' };
const FIXED_PLAINTEXT = '{"allergies":["penicillin"]}';
const FIXED_SEALED = 'cb1.1.nLIsXRKtsnQwQXvm.EOCNk8RBlDO8Og0ubyE1DyPviROa87uCgk42458AKjOM8fKkver3WOreVgs';
/** Key version 12: two digits. */
const FIXED_SEALED_V12 = 'cb1.12.1BW28jgXCxByNnLv.udUIJCpWRYiZI7lR_u1MxyJJR4p6ggqU_NqBqyMs';
/** The empty string, at a place with no sort key. */
const FIXED_EMPTY_PLACE: FieldPlace = { userId: 'user-a', table: 'identity', pk: 'USER#user-a', attribute: 'emailSealed' };
const FIXED_SEALED_EMPTY = 'cb1.1.T0kbiRQDauRuUho8.mNvkMGk9ZpO1Iv0nPr_iDw';

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

  it('opens a fixed ciphertext sealed by an earlier build (known answer)', () => {
    // Act
    const opened = openWithKey(FIXED_KEY, FIXED_PLACE, FIXED_SEALED);

    // Assess
    expect(opened).toBe(FIXED_PLAINTEXT);
    expect(parseSealed(FIXED_SEALED)).toEqual({ keyVersion: 1, iv: 'nLIsXRKtsnQwQXvm', body: 'EOCNk8RBlDO8Og0ubyE1DyPviROa87uCgk42458AKjOM8fKkver3WOreVgs' });
  });

  it.each([
    ['another attribute', { ...FIXED_PLACE, attribute: 'commentsSealed' }],
    ['another item', { ...FIXED_PLACE, sk: 'FEEDBACK#1' }],
    ['no sort key', { userId: 'user-a', table: 'records', pk: 'USER#user-a', attribute: 'data' }],
    ['another partition', { ...FIXED_PLACE, pk: 'USER#user-b' }],
    ['another user', { ...FIXED_PLACE, userId: 'user-b' }],
    ['another table', { ...FIXED_PLACE, table: 'identity' }],
  ] satisfies [string, FieldPlace][])('refuses the fixed ciphertext at %s (known answer)', (_name, elsewhere) => {
    expect(() => openWithKey(FIXED_KEY, elsewhere, FIXED_SEALED)).toThrow(CiphertextIntegrityError);
  });

  it('refuses the fixed ciphertext relabelled with another key version (known answer)', () => {
    expect(() => openWithKey(FIXED_KEY, FIXED_PLACE, FIXED_SEALED.replace(/^cb1\.1\./, 'cb1.2.'))).toThrow(CiphertextIntegrityError);
    expect(() => openWithKey(FIXED_KEY, FIXED_PLACE, FIXED_SEALED_V12.replace(/^cb1\.12\./, 'cb1.1.'))).toThrow(CiphertextIntegrityError);
    expect(() => openWithKey(FIXED_KEY, FIXED_PLACE, FIXED_SEALED_V12.replace(/^cb1\.12\./, 'cb1.2.'))).toThrow(CiphertextIntegrityError);
  });

  it('opens a fixed ciphertext of key version 12 (known answer)', () => {
    // Act
    const parts = parseSealed(FIXED_SEALED_V12);

    // Assess
    expect(parts.keyVersion).toBe(12);
    expect(openWithKey(FIXED_KEY, FIXED_PLACE, FIXED_SEALED_V12)).toBe('version twelve');
  });

  it.each([9, 10, 12, 99, 123_456])('seals and opens under key version %i', (version) => {
    // Act
    const sealed = sealWithKey(key, version, place, 'secret');

    // Assess
    expect(sealed.startsWith(`cb1.${version}.`)).toBe(true);
    expect(parseSealed(sealed).keyVersion).toBe(version);
    expect(openWithKey(key, place, sealed)).toBe('secret');
  });

  it('round-trips the empty string, and opens a fixed empty ciphertext (known answer)', () => {
    // Act
    const sealed = sealWithKey(key, 1, place, '');

    // Assess
    expect(openWithKey(key, place, sealed)).toBe('');
    expect(openWithKey(FIXED_KEY, FIXED_EMPTY_PLACE, FIXED_SEALED_EMPTY)).toBe('');
    expect(() => openWithKey(FIXED_KEY, { ...FIXED_EMPTY_PLACE, attribute: 'nameSealed' }, FIXED_SEALED_EMPTY)).toThrow(CiphertextIntegrityError);
  });
});
