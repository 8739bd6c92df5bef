import type { Role } from '../domain/roles';

/** What the identity use cases need from storage and key services (adapters: `shared/adapters`). */

export type AccountStatus = 'active' | 'disabled' | 'deleted';

export interface UserRecord {
  readonly id: string;
  /** The normalized e-mail, sealed under the user's data key. */
  readonly emailSealed: string;
  /** HMAC blind index of the normalized e-mail; the key of the e-mail claim. */
  readonly emailIndex: string;
  /** Sealed under the user's data key. */
  readonly nameSealed?: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  readonly createdAt: string;
}

/** Users and the unique e-mail claims that point at them. */
export interface UserRepository {
  /** Stores a new user; the id is fresh, so this never overwrites. */
  create(user: UserRecord): Promise<void>;
  /** Claims `emailIndex` for `userId` in one conditional write; `false` if already claimed. */
  claimEmail(emailIndex: string, userId: string): Promise<boolean>;
  /** Removes a half-made registration: the user item, and the e-mail claim if it points at it. */
  discard(userId: string, emailIndex: string): Promise<void>;
  findIdByEmail(emailIndex: string): Promise<string | undefined>;
  get(userId: string): Promise<UserRecord | undefined>;
  /** Replaces the roles iff they still equal `expected` (no lost update); `false` if they changed. */
  setRoles(userId: string, roles: readonly Role[], expected: readonly Role[]): Promise<boolean>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Marks the account deleted (no login, refresh or read works) and frees its e-mail claim. */
  markDeleted(user: Pick<UserRecord, 'id' | 'emailIndex'>, at: string): Promise<void>;
}

/** Consecutive login failures per e-mail (existing or not, so lockout is no existence oracle). */
export interface LoginAttemptStore {
  get(emailIndex: string): Promise<{ failures: number; lockedUntil?: number } | undefined>;
  /** Adds one failure atomically and returns the new count. */
  recordFailure(emailIndex: string, now: Date, lockedUntil: (failures: number) => number | undefined): Promise<number>;
  clear(emailIndex: string): Promise<void>;
}

export interface RefreshFamily {
  readonly familyId: string;
  readonly userId: string;
  readonly clientId: string;
  /** SHA-256 of the only refresh token of this family that may still be used. */
  readonly currentHash: string;
  readonly generation: number;
  readonly revoked: boolean;
  readonly expiresAt: number;
}

/** Refresh-token families; rotation and revocation are single conditional writes. */
export interface RefreshFamilyRepository {
  create(family: RefreshFamily): Promise<void>;
  get(familyId: string): Promise<RefreshFamily | undefined>;
  /** Swaps `expectedHash` for `nextHash` iff it is still current and the family is live; `false` otherwise. */
  rotate(familyId: string, expectedHash: string, nextHash: string, nowEpoch: number): Promise<boolean>;
  revoke(familyId: string, reason: 'logout' | 'reuse_detected' | 'account_disabled' | 'account_deleted'): Promise<void>;
  /** Ids of every family of `userId` (for revoking them all). */
  familiesOf(userId: string): Promise<string[]>;
}

/** Signs JWTs with ES256 (the private key stays in KMS or in the local keyring). */
export interface TokenSigner {
  /** The `kid` published in the JWKS. */
  keyId(): Promise<string>;
  /** ES256 signature of `signingInput`, in JOSE (IEEE P1363, r‖s) form. */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
  /** The public key as a JWK (with `kid`, `alg`, `use`). */
  publicJwk(): Promise<JsonWebKeyWithKid>;
}

export interface JsonWebKeyWithKid {
  readonly kty: string;
  readonly crv?: string;
  readonly x?: string;
  readonly y?: string;
  readonly kid: string;
  readonly alg: string;
  readonly use: string;
}

/** Keyed HMAC of a secret value (the e-mail), so lookups never store or need the plain value. */
export interface BlindIndex {
  of(value: string): Promise<string>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time check; `needsRehash` when the stored parameters are below today's. */
  verify(password: string, stored: string): Promise<{ ok: boolean; needsRehash: boolean }>;
  /** Burns the same time as a real verify, for unknown e-mails (no timing oracle). */
  verifyDummy(password: string): Promise<void>;
}
