import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockSecondsAfter } from '../../shared/domain/lockout';

describe('Function: lockSecondsAfter', () => {
  it('forgives the first failures, then doubles the wait up to an hour', () => {
    expect(Array.from({ length: FREE_FAILURES - 1 }, (_, i) => lockSecondsAfter(i + 1))).toEqual([0, 0, 0, 0]);
    expect(lockSecondsAfter(FREE_FAILURES)).toBe(60);
    expect(lockSecondsAfter(FREE_FAILURES + 1)).toBe(120);
    expect(lockSecondsAfter(FREE_FAILURES + 20)).toBe(3600);
  });
});
