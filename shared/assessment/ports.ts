/**
 * What the AI-backed use cases (instant assessment, consultation, the assistant chat) need from outside: a
 * per-user budget of model requests. Implemented by `DynamoAiQuota` (a token bucket in the records table; on
 * dynalite locally); the fake is `inMemoryAiQuota` (test/helpers/fakes/chat.ts), a plain count with no refill.
 */

/** The per-user AI quota, taken before any model work is started. */
export interface AiQuota {
  /**
   * Spends one token of `userId`'s bucket: `{ allowed: true, retryAfterSeconds: 0 }`, or `allowed: false` with nothing
   * spent and the seconds until a token is due (1 after losing the race for the bucket 5 times). Not idempotent.
   */
  take(userId: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}
