/**
 * What the `idempotent` wrapper (shared/http/idempotency.ts) needs from outside: per-user `Idempotency-Key` records.
 * Implemented by `DynamoIdempotency` (the records table; on dynalite locally); test/unit/idempotency.test.ts fakes it.
 */

/** What an idempotency key has seen: nothing yet, a request under way, another request, or a finished response. */
export type IdempotencyClaim =
  /** Unused (or expired, or abandoned): the caller now holds the claim and runs the work. */
  | { readonly state: 'new' }
  /** Claimed by a request with this fingerprint that has not completed: retry after `retryAfterSeconds` (its lease's end, ≥ 1). */
  | { readonly state: 'in_progress'; readonly retryAfterSeconds: number }
  /** Held for a request with another fingerprint. */
  | { readonly state: 'mismatch' }
  /** Completed for this fingerprint: the sealed response to replay. */
  | { readonly state: 'done'; readonly responseSealed: string };

/** `Idempotency-Key` records, per user; a key expires a day after its claim. */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request with `fingerprint` in one conditional write (if unused, expired, or an unfinished claim
   * whose 60 s lease ran out: overwritten), or reports what it already holds. A record that vanished between the refused
   * write and the read (released meanwhile) is claimed again, once; if it vanishes again the key is `in_progress`
   * (busy), never `mismatch`.
   */
  claim(userId: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  /**
   * Stores the sealed response and marks the key done, in one conditional write, iff the key holds an unfinished claim.
   * Otherwise (the claim was released, expired away, or already completed) it writes nothing, so it never makes a record
   * without a fingerprint or expiry, and throws (`ConditionalCheckFailedException`): the caller's answer stands, only its
   * replay is lost, and the `idempotent` wrapper logs that without PHI. It cannot tell the caller's claim from one
   * another request took over after the lease ran out (there is no fingerprint to compare).
   */
  complete(userId: string, key: string, responseSealed: string): Promise<void>;
  /** Frees a claim whose request failed, so a retry can run: deletes the record whatever its state. Idempotent. */
  release(userId: string, key: string): Promise<void>;
}
