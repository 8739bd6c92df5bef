import { describe, expect, it } from 'vitest';
import { CEILING_FAILURES, ceilingSecondsAfter, FREE_FAILURES, lockSecondsAfter, sourceThrottleKey, throttleSource } from '../../shared/domain/lockout';

describe('Function: lockSecondsAfter', () => {
  it('forgives the first failures, then doubles the wait up to an hour', () => {
    expect(Array.from({ length: FREE_FAILURES - 1 }, (_, i) => lockSecondsAfter(i + 1))).toEqual([0, 0, 0, 0]);
    expect(lockSecondsAfter(FREE_FAILURES)).toBe(60);
    expect(lockSecondsAfter(FREE_FAILURES + 1)).toBe(120);
    expect(lockSecondsAfter(FREE_FAILURES + 20)).toBe(3600);
  });
});

describe('Function: ceilingSecondsAfter', () => {
  it('leaves an e-mail open to every device below the ceiling of 100 failures, then closes it for an hour', () => {
    // Act
    const below = ceilingSecondsAfter(CEILING_FAILURES - 1);
    const at = ceilingSecondsAfter(CEILING_FAILURES);
    const past = ceilingSecondsAfter(CEILING_FAILURES + 50);

    // Assess
    expect(CEILING_FAILURES).toBe(100);
    expect(CEILING_FAILURES).toBeGreaterThan(FREE_FAILURES * 10);
    expect([below, at, past]).toEqual([0, 3600, 3600]);
  });
});

describe('Function: throttleSource', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:0:1::5', '2001:db8:0:1::/64'],
    ['2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (ip, source) => {
    // Act
    const counted = throttleSource(ip);

    // Assess
    expect(counted).toBe(source);
  });

  it('gives each address of an IPv4 network its own counter, and one /64 one counter', () => {
    // Act
    const v4 = [sourceThrottleKey('idx', '203.0.113.9'), sourceThrottleKey('idx', '203.0.113.10')];
    const v6 = [sourceThrottleKey('idx', '2001:db8:0:1::5'), sourceThrottleKey('idx', '2001:db8:0:1:ffff::9')];

    // Assess
    expect(v4[0]).not.toBe(v4[1]);
    expect(v6[0]).toBe(v6[1]);
    expect(v4[0]).not.toContain('@');
    expect(sourceThrottleKey('other', '203.0.113.9')).not.toBe(v4[0]);
  });
});
