/**
 * A token bucket: `burst` requests at once, refilled at `perHour`. Pure arithmetic; the store
 * keeps the state and writes it back conditionally.
 */
export interface BucketState {
  readonly tokens: number;
  /** Epoch milliseconds of the last refill. */
  readonly refilledAt: number;
}

export interface BucketDecision {
  readonly allowed: boolean;
  readonly next: BucketState;
  /** When the next token arrives, if none is left now. */
  readonly retryAfterSeconds: number;
}

/**
 * @example
 * takeToken(undefined, Date.now(), { burst: 20, perHour: 60 }); // { allowed: true, next: { tokens: 19, … } }
 */
export const takeToken = (state: BucketState | undefined, now: number, limits: { burst: number; perHour: number }): BucketDecision => {
  const perMs = limits.perHour / 3_600_000;
  const current = state === undefined ? limits.burst : Math.min(limits.burst, state.tokens + Math.max(0, now - state.refilledAt) * perMs);
  if (current >= 1) return { allowed: true, next: { tokens: current - 1, refilledAt: now }, retryAfterSeconds: 0 };
  return { allowed: false, next: { tokens: current, refilledAt: now }, retryAfterSeconds: Math.ceil((1 - current) / perMs / 1000) };
};
