import { describe, expect, it } from 'vitest';
import { formatRefreshToken, hashSecret, newFamilyId, newSecret, parseRefreshToken } from '../../shared/identity/refresh-token';

describe('Module: refresh-token', () => {
  it('round-trips a fresh token', () => {
    const familyId = newFamilyId();
    const secret = newSecret();
    expect(parseRefreshToken(formatRefreshToken(familyId, secret))).toEqual({ familyId, secret });
  });

  it('refuses anything that is not exactly the format', () => {
    const token = formatRefreshToken(newFamilyId(), newSecret());
    for (const bad of ['', 'rt1..', `${token}x`, token.replace('rt1', 'rt2'), `${token}\n`, 'eyJhbGciOi.x.y']) {
      expect(parseRefreshToken(bad)).toBeUndefined();
    }
  });

  it('stores only a hash that differs from the secret', () => {
    const secret = newSecret();
    expect(hashSecret(secret)).not.toBe(secret);
    expect(hashSecret(secret)).toBe(hashSecret(secret));
  });
});
