import type { Role } from '../domain/roles';
import type { SigningKeyRing } from '../domain/signing-key-ring';

/**
 * What the identity use cases need from outside: users and their e-mail claims, login-failure counts and
 * refresh-token families (`DynamoUserRepository`, `DynamoLoginAttempts`, `DynamoRefreshFamilies`: the identity and
 * sessions tables, on dynalite locally), JWT signing (`KmsTokenSigner`, or `LocalTokenSigner` on the local keyring),
 * the e-mail blind index (`HmacBlindIndex`, its key from Secrets Manager or the keyring) and password hashing
 * (`ScryptPasswordHasher`, no outside service). The fakes are `inMemoryIdentity` (test/helpers/in-memory.ts).
 */

/** Only an `active` account logs in, refreshes or is read; `deleted` is set by `markDeleted`. */
export type AccountStatus = 'active' | 'disabled' | 'deleted';

/** An account as stored; personal fields are sealed. */
export interface UserRecord {
  readonly id: string;
  /** The normalized e-mail, sealed under the user's data key. */
  readonly emailSealed: string;
  /** HMAC blind index of the normalized e-mail; the key of the e-mail claim. */
  readonly emailIndex: string;
  /** Sealed under the user's data key. */
  readonly nameSealed?: string;
  /** The `PasswordHasher` string, with its parameters. */
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  readonly createdAt: string;
}

/** Users and the unique e-mail claims that point at them. */
export interface UserRepository {
  /** Stores a new user in one conditional put: it never overwrites, and throws if the id exists. */
  create(user: UserRecord): Promise<void>;
  /** Claims `emailIndex` for `userId` in one conditional write; `false` if already claimed. */
  claimEmail(emailIndex: string, userId: string): Promise<boolean>;
  /** Removes a half-made registration: the user item, and the e-mail claim if it points at it. Idempotent. */
  discard(userId: string, emailIndex: string): Promise<void>;
  /** The user id the claim on `emailIndex` points at, read consistently; `undefined` if unclaimed. */
  findIdByEmail(emailIndex: string): Promise<string | undefined>;
  /** The account whatever its status, read consistently; `undefined` if there is no such id. */
  get(userId: string): Promise<UserRecord | undefined>;
  /** Replaces the roles iff they still equal `expected`, in order (no lost update); `false` if they changed or no such user. */
  setRoles(userId: string, roles: readonly Role[], expected: readonly Role[]): Promise<boolean>;
  /** Overwrites the password hash (no check of the old one); throws if there is no such user. */
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /**
   * Swaps the password hash for `next` iff the stored one is still `expected` and the account is `active` (one conditional
   * write, so of two concurrent changes from the same hash only one wins); `false` otherwise, or if there is no such user.
   */
  replacePasswordHash(userId: string, next: string, expected: string): Promise<boolean>;
  /**
   * Marks the account deleted (no login, refresh or read works), sets `deletedAt` and removes `passwordHash`, then
   * frees its e-mail claim if it points at the user. Throws if there is no such user.
   */
  markDeleted(user: Pick<UserRecord, 'id' | 'emailIndex'>, at: string): Promise<void>;
}

/** What `LoginAttemptStore.claim` gives: the attempt's own count, or the end (epoch ms) of the lock that refuses it. */
export type AttemptClaim = { readonly ok: true; readonly attempts: number } | { readonly ok: false; readonly lockedUntil: number };

/** Consecutive login failures per e-mail (existing or not, so lockout is no existence oracle); forgotten after a quiet day. */
export interface LoginAttemptStore {
  /** The count and any lock (epoch ms), read consistently; `undefined` if none, or a day passed since the last failure. */
  get(emailIndex: string): Promise<{ failures: number; lockedUntil?: number } | undefined>;
  /**
   * Adds one failure atomically (restarting at 1 once forgotten) and returns the new count; then stores
   * `lockedUntil(count)` when it is defined (a separate write; an earlier lock stays when it is `undefined`).
   */
  recordFailure(emailIndex: string, now: Date, lockedUntil: (failures: number) => number | undefined): Promise<number>;
  /**
   * Counts one attempt before its secret is checked (ADR 0018): refused, with the lock's end, while a lock holds;
   * otherwise the count goes up by one (restarting at 1 once forgotten) and `lockedUntil(count)`, when defined, is
   * stored in the same conditional write on the count it read. So concurrent attempts each get a count of their own,
   * and none slips past a lock another just took: with 16 in flight, only the free ones reach the check. A right
   * secret then `clear`s the count; a wrong one needs no other write. A claim that loses the race for the item
   * every time (`LOGIN_CLAIM_ATTEMPTS`, shared/domain/lockout.ts) is refused for a second, as if locked.
   */
  claim(key: string, now: Date, lockedUntil: (attempts: number) => number | undefined): Promise<AttemptClaim>;
  /** Forgets the count and any lock (a delete; idempotent). */
  clear(emailIndex: string): Promise<void>;
}

/** The devices an account signed in from (shared/identity/devices.ts): keyed hashes only, the last `MAX_KNOWN_DEVICES` new ones. */
export interface KnownDevices {
  /** Oldest first. */
  readonly hashes: readonly string[];
  /** 1 when first written, one more on every write. */
  readonly version: number;
}

/** Known sign-in devices: one item per account (`DEVICES#<id>`, identity table), never a User-Agent or an IP. */
export interface KnownDeviceStore {
  /** The account's known devices, read consistently; `undefined` before its first login. */
  get(userId: string): Promise<KnownDevices | undefined>;
  /** Writes `devices` iff the stored version is `devices.version - 1` (no item for version 1); `false` otherwise, nothing written. */
  put(userId: string, devices: KnownDevices): Promise<boolean>;
  /** Deletes the item (account deletion); idempotent. */
  forget(userId: string): Promise<void>;
}

/** One login's chain of refresh tokens, rotated on every refresh. */
export interface RefreshFamily {
  readonly familyId: string;
  readonly userId: string;
  readonly clientId: string;
  /** SHA-256 of the only refresh token of this family that may still be used. */
  readonly currentHash: string;
  /** 1 when issued, bumped by every rotation. */
  readonly generation: number;
  readonly revoked: boolean;
  /** Epoch seconds; also the table's TTL attribute. */
  readonly expiresAt: number;
  /** How the login that started the family authenticated; every refresh keeps it (absent on older families: `pwd`). */
  readonly amr?: readonly string[];
}

/** Why a family was revoked (stored as `revokedReason`). */
export type RevokeReason = 'logout' | 'reuse_detected' | 'account_disabled' | 'account_deleted' | 'password_changed';

/** Refresh-token families; rotation and revocation are single conditional writes. */
export interface RefreshFamilyRepository {
  /** Stores a new family in one conditional put: it never overwrites, and throws if the id exists. */
  create(family: RefreshFamily): Promise<void>;
  /** The family, revoked or not, read consistently; `undefined` if none. An expired one may remain until TTL removes it. */
  get(familyId: string): Promise<RefreshFamily | undefined>;
  /**
   * Swaps `expectedHash` for `nextHash` and bumps `generation` iff it is still current, the family is not revoked and
   * `expiresAt > nowEpoch`; `false` otherwise (or if there is no such family).
   */
  rotate(familyId: string, expectedHash: string, nextHash: string, nowEpoch: number): Promise<boolean>;
  /** Marks the family revoked with `reason` (a repeat overwrites reason and time); throws if there is no such family. */
  revoke(familyId: string, reason: RevokeReason): Promise<void>;
  /** Ids of every family of `userId` (for revoking them all), revoked ones too; an eventually consistent index read. */
  familiesOf(userId: string): Promise<string[]>;
}

/** Signs JWTs with ES256 (the private key stays in KMS or in the local keyring). */
export interface TokenSigner {
  /** The `kid` published in the JWKS (that of `publicJwk`). */
  keyId(): Promise<string>;
  /**
   * ES256 signature of `signingInput`, in JOSE (IEEE P1363, r‖s) form, with the key its JWS header's `kid` names (one
   * `keyId()` returned); throws if that key may not sign or the key service fails.
   */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
  /** The public key as a JWK (with `kid`, `alg`, `use`); loaded once per instance (KMS: again after a failure). */
  publicJwk(): Promise<JsonWebKeyWithKid>;
}

/** A public key as the JWKS publishes it. */
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
  /** The index of `value` (base64url): equal inputs give equal indexes. Throws if the key cannot be loaded. */
  of(value: string): Promise<string>;
}

/** Password hashing; the stored string carries its own parameters. */
export interface PasswordHasher {
  /** A hash with a fresh random salt, so two calls on one password differ. */
  hash(password: string): Promise<string>;
  /** Constant-time check (`ok: false`, no throw, for a stored string it cannot parse); `needsRehash` when the stored parameters are below today's. */
  verify(password: string, stored: string): Promise<{ ok: boolean; needsRehash: boolean }>;
  /** Burns the same time as a real verify, for unknown e-mails (no timing oracle). */
  verifyDummy(password: string): Promise<void>;
}

/**
 * The token-signing key ring (shared/domain/signing-key-ring.ts, ADR 0013): one item of the keys table
 * (`SIGNING_KEYS`), `DynamoSigningKeyRing`. Functions only read it; the operator CLI writes it.
 */
export interface SigningKeyRingStore {
  /** The ring, read consistently; `undefined` before the first rotation (the configured key signs alone). */
  get(): Promise<SigningKeyRing | undefined>;
  /** Writes `ring` iff the stored version is `ring.version - 1` (no item for version 1); `false` otherwise, nothing written. */
  put(ring: SigningKeyRing): Promise<boolean>;
}

/** A new signing key: where its private key lives, and its public key. */
export interface CreatedSigningKey {
  readonly keyRef: string;
  readonly jwk: JsonWebKeyWithKid;
}

/** Makes and disposes of signing keys in the key service (KMS, or local key files). Only the operator CLI uses it. */
export interface SigningKeyService {
  /** A new ES256 (P-256) key that the functions may sign with. */
  create(): Promise<CreatedSigningKey>;
  /** The public key of an existing key (the configured one, when the ring is first made). */
  publicJwk(keyRef: string): Promise<JsonWebKeyWithKid>;
  /** Makes a key the rotation created unusable for good (KMS: deletion scheduled); leaves the stack's own key (the keyring's locally) alone. Idempotent. */
  dispose(keyRef: string): Promise<void>;
}

/** An account's TOTP enrolment (docs/adr/0015-mfa.md): `pending` until a first code confirms it. */
export interface MfaEnrolment {
  readonly status: 'pending' | 'active';
  /** The base32 TOTP secret, sealed under the user's data key (`mfaSecretPlace`, ./mfa-codes.ts). */
  readonly secretSealed: string;
  /** The newest TOTP step a code was accepted for: a code is good once, and never an older one. */
  readonly lastStep?: number;
  /** SHA-256 of each unused recovery code (with the user id); a used one is removed. */
  readonly recoveryHashes?: readonly string[];
  readonly createdAt: string;
}

/** MFA enrolments, one item per account; every state change is one conditional write. */
export interface MfaStore {
  /** The enrolment, read consistently; `undefined` if none. */
  get(userId: string): Promise<MfaEnrolment | undefined>;
  /** Stores a `pending` enrolment iff no `active` one exists (a pending one is replaced); `false` if MFA is active. */
  putPending(userId: string, secretSealed: string, createdAt: string): Promise<boolean>;
  /** Makes it `active` iff it is still `pending` with `secretSealed`, recording `step` as used and the recovery hashes; `false` otherwise. */
  activate(userId: string, secretSealed: string, step: number, recoveryHashes: readonly string[]): Promise<boolean>;
  /** Records `step` as used iff the enrolment is active and `step` is newer than the last one used; `false` otherwise (a replay). */
  useStep(userId: string, step: number): Promise<boolean>;
  /** Removes `hash` from the unused recovery codes iff active and present; `false` otherwise (used, or never issued). */
  useRecoveryCode(userId: string, hash: string): Promise<boolean>;
  /** Deletes the enrolment iff it is still active; `false` if it was not. */
  remove(userId: string): Promise<boolean>;
  /** Puts `enrolment` back iff there is none (the undo of `remove` when its audit append fails). */
  restore(userId: string, enrolment: MfaEnrolment): Promise<void>;
}

/** A login waiting for its second factor: the account, and when the challenge stops working. */
export interface MfaChallenge {
  readonly userId: string;
  /** Epoch seconds; also the table's TTL attribute. */
  readonly expiresAt: number;
  /** The password login's time (epoch seconds), the tokens' `auth_time`. */
  readonly authTime: number;
}

/** Login challenges by the SHA-256 of their value; a challenge is consumed once. */
export interface MfaChallengeStore {
  /** Stores a new challenge (one conditional put; throws if the hash exists). */
  create(challengeHash: string, challenge: MfaChallenge): Promise<void>;
  /** The challenge, read consistently; `undefined` if none (an expired one may remain until TTL removes it). */
  get(challengeHash: string): Promise<MfaChallenge | undefined>;
  /** Deletes it iff it exists: `true` for exactly one caller, so a challenge yields one token pair. */
  consume(challengeHash: string): Promise<boolean>;
}
