/** What an idempotency key has seen: nothing yet, a request under way, or a finished response. */
export type IdempotencyClaim =
  | { readonly state: 'new' }
  | { readonly state: 'in_progress' }
  | { readonly state: 'mismatch' }
  | { readonly state: 'done'; readonly responseSealed: string };

/** `Idempotency-Key` records, per user; a key expires after a day. */
export interface IdempotencyStore {
  /** Claims `key` for a request with `fingerprint` in one conditional write, or reports what it already holds. */
  claim(userId: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim>;
  complete(userId: string, key: string, responseSealed: string): Promise<void>;
  /** Frees a claim whose request failed, so a retry can run. */
  release(userId: string, key: string): Promise<void>;
}
