/** KMS (or the local keyring) as the vault sees it: makes and unwraps per-user data keys. */
export interface DataKeyService {
  /** A new 256-bit data key for `userId`, in plain and wrapped form. */
  generate(userId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }>;
  /** Unwraps a key made for `userId`; fails for any other user (encryption context). */
  unwrap(userId: string, wrapped: Uint8Array): Promise<Uint8Array>;
}

/** A user's wrapped data keys by version; `destroyed` once crypto-shredded. */
export type WrappedDataKeys =
  | { readonly state: 'active'; readonly current: number; readonly versions: Readonly<Record<number, Uint8Array>> }
  | { readonly state: 'destroyed' };

export interface DataKeyRepository {
  get(userId: string): Promise<WrappedDataKeys | undefined>;
  /** Stores version 1 iff the user has no keys yet; `false` otherwise. */
  create(userId: string, wrapped: Uint8Array): Promise<boolean>;
  /** Adds `version` and makes it current iff `expectedCurrent` still is; `false` otherwise. */
  addVersion(userId: string, version: number, wrapped: Uint8Array, expectedCurrent: number): Promise<boolean>;
  /** Removes every wrapped version for good (crypto-shredding). */
  destroy(userId: string): Promise<void>;
}
