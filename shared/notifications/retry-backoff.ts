/** SQS's longest visibility timeout (12 hours): a message cannot be held invisible longer. */
export const MAX_VISIBILITY_SECONDS = 43_200;

/** ± this share of the delay, at random, so messages that failed together do not come back together. */
export const RETRY_JITTER = 0.2;

export interface RetryBackoffOptions {
  /** The delay after the first receive, in milliseconds (`NOTIFICATIONS_RETRY_BASE_MS`: 30 s in AWS, so 30, 60, 120, 240 s). */
  readonly baseMs: number;
  /** A number in [0, 1), like `Math.random()`. */
  readonly random: () => number;
  /** The cap, in seconds. @default MAX_VISIBILITY_SECONDS */
  readonly maxSeconds?: number;
}

/**
 * How long a message whose send failed for now stays invisible before SQS delivers it again:
 * `base × 2^(receiveCount − 1)` ± 20 % jitter, in whole seconds (what `ChangeMessageVisibility`
 * takes; rounded up, so a delay under a second is still one), within 0 and `maxSeconds`.
 * `receiveCount` is the record's `ApproximateReceiveCount`; a missing or malformed one counts as 1.
 * Pure: the randomness comes in as `random`.
 */
export const retryDelaySeconds = (receiveCount: number, options: RetryBackoffOptions): number => {
  const max = Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, options.maxSeconds ?? MAX_VISIBILITY_SECONDS));
  const n = Number.isFinite(receiveCount) && receiveCount >= 1 ? Math.floor(receiveCount) : 1;
  // 2^(n−1) overflows to Infinity past n ≈ 1024; the cap catches it either way.
  const nominal = (Math.max(0, options.baseMs) / 1000) * 2 ** Math.min(n - 1, 64);
  const jitter = 1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.min(Math.max(options.random(), 0), 1);
  // To the millisecond first: 30 × 1.2 is 36.000000000000004 in floating point, which must not round up to 37.
  return Math.min(max, Math.ceil(Math.round(nominal * jitter * 1000) / 1000));
};
