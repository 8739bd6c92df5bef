import { describe, expect, it } from 'vitest';
import { MAX_VISIBILITY_SECONDS, retryDelaySeconds } from '../../shared/notifications/retry-backoff';

const AWS = { baseMs: 30_000 };
const middle = () => 0.5;
const lowest = () => 0;
const highest = () => 0.999_999;

describe('retryDelaySeconds (the notifications worker’s back-off)', () => {
  it('doubles from 30 s with each receive: 30, 60, 120, 240 s without jitter', () => {
    // Act
    const delays = [1, 2, 3, 4].map((n) => retryDelaySeconds(n, { ...AWS, random: middle }));

    // Assess
    expect(delays).toEqual([30, 60, 120, 240]);
  });

  it('stays within ± 20 % of the nominal delay, at both ends of the random range', () => {
    // Act
    const ranges = [1, 2, 3, 4].map((n) => [retryDelaySeconds(n, { ...AWS, random: lowest }), retryDelaySeconds(n, { ...AWS, random: highest })]);

    // Assess
    expect(ranges).toEqual([
      [24, 36],
      [48, 72],
      [96, 144],
      [192, 288],
    ]);
  });

  it('spreads delays over the jitter range for one receive count, in whole seconds', () => {
    // Prepare
    let seed = 42;
    const random = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return (seed - 1) / 2_147_483_646;
    };

    // Act
    const delays = Array.from({ length: 500 }, () => retryDelaySeconds(3, { ...AWS, random }));

    // Assess
    expect(delays.every((d) => Number.isInteger(d) && d >= 96 && d <= 144)).toBe(true);
    expect(Math.min(...delays)).toBeLessThan(102);
    expect(Math.max(...delays)).toBeGreaterThan(138);
    expect(new Set(delays).size).toBeGreaterThan(30);
  });

  it('grows with the receive count even at opposite ends of the jitter', () => {
    // Act
    const highThenLow = [1, 2, 3, 4, 5].map((n) => [retryDelaySeconds(n, { ...AWS, random: highest }), retryDelaySeconds(n + 1, { ...AWS, random: lowest })]);

    // Assess
    for (const [earlier, later] of highThenLow) expect(later!).toBeGreaterThan(earlier!);
  });

  it("caps the delay at SQS's 12 hours, or a lower cap, however many receives", () => {
    // Act
    const huge = [20, 2000, Number.MAX_SAFE_INTEGER].map((n) => retryDelaySeconds(n, { ...AWS, random: highest }));
    const capped = retryDelaySeconds(6, { ...AWS, random: highest, maxSeconds: 900 });
    const overCap = retryDelaySeconds(6, { ...AWS, random: highest, maxSeconds: 100_000 });

    // Assess
    expect(huge).toEqual([MAX_VISIBILITY_SECONDS, MAX_VISIBILITY_SECONDS, MAX_VISIBILITY_SECONDS]);
    expect(capped).toBe(900);
    expect(overCap).toBe(1152);
  });

  it('counts a missing, zero or malformed receive count as the first receive, and never goes below 0', () => {
    // Act
    const odd = [Number.NaN, 0, -3, Number.POSITIVE_INFINITY].map((n) => retryDelaySeconds(n, { ...AWS, random: middle }));
    const fraction = retryDelaySeconds(2.7, { ...AWS, random: middle });
    const none = retryDelaySeconds(4, { baseMs: 0, random: highest });
    const negative = retryDelaySeconds(4, { baseMs: -5_000, random: highest });
    const badRandom = [-1, 7].map((r) => retryDelaySeconds(1, { ...AWS, random: () => r }));

    // Assess
    expect(odd).toEqual([30, 30, 30, 30]);
    expect(fraction).toBe(60);
    expect(none).toBe(0);
    expect(negative).toBe(0);
    expect(badRandom).toEqual([24, 36]);
  });

  it('rounds a sub-second delay up to one second (the local base of 250 ms: 1, 1, 1 or 2, 2 or 3 s)', () => {
    // Act
    const low = [1, 2, 3, 4].map((n) => retryDelaySeconds(n, { baseMs: 250, random: lowest }));
    const high = [1, 2, 3, 4].map((n) => retryDelaySeconds(n, { baseMs: 250, random: highest }));

    // Assess
    expect(low).toEqual([1, 1, 1, 2]);
    expect(high).toEqual([1, 1, 2, 3]);
  });
});
