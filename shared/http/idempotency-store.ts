/**
 * What the `idempotent` wrapper (shared/http/idempotency.ts) needs from outside: per-user `Idempotency-Key` records.
 * Implemented by `DynamoIdempotency` (the records table; on dynalite locally); test/unit/idempotency.test.ts fakes it.
 */

/** What an idempotency key has seen: nothing yet, a request under way, another request, or a finished response. */
export type IdempotencyClaim =
  /** Unused (or expired, or abandoned): the caller now holds the claim and runs the work. */
  | { readonly state: 'new' }
  /** Claimed by a request with this fingerprint that has not completed. */
  | { readonly state: 'in_progress' }
  /** Held for a request with another fingerprint. */
  | { readonly state: 'mismatch' }
  /** Completed for this fingerprint: the sealed response to replay. */
  | { readonly state: 'done'; readonly responseSealed: string };

/** `Idempotency-Key` records, per user; a key expires a day after its claim. */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request with `fingerprint` in one conditional write (if unused, expired, or an unfinished claim
   * whose 60 s lease ran out: overwritten), or reports what it already holds.
   */
  claim(userId: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  /** Stores the sealed response and marks the key done; unconditional (it does not check the claim is still the caller's). */
  complete(userId: string, key: string, responseSealed: string): Promise<void>;
  /** Frees a claim whose request failed, so a retry can run: deletes the record whatever its state. Idempotent. */
  release(userId: string, key: string): Promise<void>;
}
