/**
 * What the vault needs from outside: a key service that makes and unwraps per-user data keys (`KmsDataKeyService`,
 * or `LocalDataKeyService` on the local keyring) and storage for the wrapped keys (`DynamoDataKeyRepository`: the
 * keys table, on dynalite locally). The fakes are `inMemoryDataKeys` (test/helpers/in-memory.ts).
 */

/** KMS (or the local keyring) as the vault sees it: makes and unwraps per-user data keys. */
export interface DataKeyService {
  /** A new 256-bit data key for `userId`, in plain and wrapped form; throws if the key service fails. */
  generate(userId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  /** Unwraps a key made for `userId`; fails for any other user (encryption context). */
  unwrap(userId: string, wrapped: Uint8Array): Promise<Uint8Array>;
}

/** A user's wrapped data keys by version; `destroyed` once crypto-shredded. */
export type WrappedDataKeys =
  | { readonly state: 'active'; readonly current: number; readonly versions: Readonly<Record<number, Uint8Array>> }
  | { readonly state: 'destroyed' };

/** Each user's wrapped data keys, one item per user. */
export interface DataKeyRepository {
  /** The user's keys, read consistently (`destroyed` after `destroy`); `undefined` if the user never had any. */
  get(userId: string): Promise<WrappedDataKeys | undefined>;
  /** Stores version 1 iff the user has no keys yet, not even destroyed ones; `false` otherwise. */
  create(userId: string, wrapped: Uint8Array): Promise<boolean>;
  /** Adds `version` and makes it current iff `expectedCurrent` still is and the keys are not destroyed; `false` otherwise. */
  addVersion(userId: string, version: number, wrapped: Uint8Array, expectedCurrent: number): Promise<boolean>;
  /** Removes every wrapped version for good (crypto-shredding): an unconditional, idempotent overwrite with a tombstone. */
  destroy(userId: string): Promise<void>;
}
