import type { Role } from './domain/roles';

/**
 * The interfaces use cases need. Adapters live in `shared/adapters/aws` (DynamoDB, KMS, Secrets
 * Manager) and `shared/adapters/local` (keyring); use cases never import an SDK.
 */

export interface Clock {
  now(): Date;
}

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
export interface SessionRepository {
  create(family: RefreshFamily): Promise<void>;
  get(familyId: string): Promise<RefreshFamily | undefined>;
  /** Swaps `expectedHash` for `nextHash` iff it is still current and the family is live; `false` otherwise. */
  rotate(familyId: string, expectedHash: string, nextHash: string, nowEpoch: number): Promise<boolean>;
  revoke(familyId: string, reason: 'logout' | 'reuse_detected' | 'account_disabled' | 'account_deleted'): Promise<void>;
  /** Ids of every family of `userId` (for revoking them all). */
  familiesOf(userId: string): Promise<string[]>;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One audit event: who did what to whose record, and how it ended. Never PHI. */
export interface AuditEvent {
  readonly action: string;
  readonly outcome: AuditOutcome;
  /** The user whose data or account the event concerns; `anonymous` when unknown. */
  readonly subjectId: string;
  readonly actor: { readonly userId: string; readonly roles: readonly string[] };
  readonly resource: { readonly type: string; readonly id?: string };
  readonly requestId: string;
  readonly sourceIp: string;
  readonly reason?: string;
}

export interface AuditLog {
  /** Appends one event to its subject's chain; throws if it cannot, and the request fails with it. */
  append(event: AuditEvent): Promise<void>;
}

/** A stored audit event with its place in the chain. */
export interface StoredAuditEvent extends AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditSearch {
  readonly subjectId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
}

/** One page of a list and where the next one starts. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** Reading the audit trail (compliance, the patient's access log, the verifier). */
export interface AuditTrail {
  /** Every record of one subject's chain, in sequence order. */
  chain(subjectId: string): Promise<StoredAuditEvent[]>;
  /** Newest first; needs `subjectId` or `actorId` (no scans). */
  search(query: AuditSearch, page: PageRequest): Promise<Page<StoredAuditEvent>>;
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

/** A sealed health profile with its optimistic-concurrency version. */
export interface StoredProfile {
  readonly sealed: string;
  readonly version: number;
  readonly updatedAt: string;
}

export interface ProfileRepository {
  get(userId: string): Promise<StoredProfile | undefined>;
  /**
   * Writes version `expectedVersion + 1` iff the stored version is `expectedVersion`
   * (`undefined`: iff there is none yet). `false` when that precondition fails.
   */
  put(userId: string, sealed: string, updatedAt: string, expectedVersion: number | undefined): Promise<boolean>;
}

export type ConsentKind = 'share' | 'ai_processing';

export interface ConsentRecord {
  readonly id: string;
  readonly kind: ConsentKind;
  readonly patientId: string;
  readonly granteeId?: string;
  readonly scopes?: readonly string[];
  readonly purpose?: string;
  readonly expiresAt?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

export interface ConsentRepository {
  /** Stores a consent; for `ai_processing` only if none is active (its id is per patient). `false` if one is. */
  create(consent: ConsentRecord): Promise<boolean>;
  get(patientId: string, consentId: string): Promise<ConsentRecord | undefined>;
  /** Every consent `patientId` gave `granteeId` (a query in the patient's partition). */
  between(patientId: string, granteeId: string): Promise<ConsentRecord[]>;
  granted(patientId: string, page: PageRequest): Promise<Page<ConsentRecord>>;
  received(granteeId: string, page: PageRequest): Promise<Page<ConsentRecord>>;
  /** Marks it revoked iff it exists and is not yet; `false` otherwise. */
  revoke(patientId: string, consentId: string, at: string): Promise<boolean>;
}

export interface FeedbackRecord {
  readonly id: string;
  readonly userId: string;
  readonly rating: number;
  /** Sealed under the user's data key. */
  readonly commentsSealed?: string;
  readonly createdAt: string;
}

export interface FeedbackRepository {
  add(feedback: FeedbackRecord): Promise<void>;
  ofUser(userId: string): Promise<FeedbackRecord[]>;
}

export type SessionStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** A symptom session as stored: the input and result sealed under the patient's data key. */
export interface StoredSymptomSession {
  readonly id: string;
  readonly patientId: string;
  readonly status: SessionStatus;
  /** Bumped by every follow-up answer; a result is for one revision. */
  readonly revision: number;
  /** The highest revision a result was stored for (idempotency of the worker). */
  readonly processedRevision: number;
  readonly inputSealed: string;
  readonly resultSealed?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Reading a patient's symptom sessions. */
export interface SymptomSessionReader {
  getSession(patientId: string, sessionId: string): Promise<StoredSymptomSession | undefined>;
  sessionsOf(patientId: string, page: PageRequest): Promise<Page<StoredSymptomSession>>;
}

export interface SymptomSessionRepository extends SymptomSessionReader {
  create(session: StoredSymptomSession): Promise<void>;
  /** Sessions of `patientId` created at or after `since` (for repeat-visit escalation). */
  countSince(patientId: string, since: string): Promise<number>;
  /** Replaces the input and queues a new revision iff `expectedRevision` is current; `false` otherwise. */
  requeue(patientId: string, sessionId: string, inputSealed: string, expectedRevision: number, at: string): Promise<boolean>;
  /** Stores the result of `revision` iff no result for it (or a later one) was stored; `false` if one was. */
  complete(patientId: string, sessionId: string, revision: number, resultSealed: string, at: string): Promise<boolean>;
  /** Shows the worker has picked up `revision` (no effect if a newer revision or a result arrived). */
  markProcessing(patientId: string, sessionId: string, revision: number, at: string): Promise<void>;
  /** Marks the session failed (enqueueing it failed). */
  fail(patientId: string, sessionId: string, at: string): Promise<void>;
}

/** What the worker is asked to do: ids and a revision, never PHI. */
export type WorkMessage =
  | { readonly sessionId: string; readonly patientId: string; readonly revision: number }
  | { readonly kind: 'chat'; readonly conversationId: string; readonly patientId: string; readonly revision: number };

/** The triage queue: carries ids only, never PHI. */
export interface TriageQueue {
  enqueue(message: WorkMessage): Promise<void>;
}

/** Per-triage figures for dashboards (EMF metrics): counts and money, never PHI. */
export interface TriageMetrics {
  modelUsage(usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void;
  outcome(source: 'rules' | 'model' | 'fallback', level: string): void;
}

/** The per-user AI quota. */
export interface AiQuota {
  /** Takes one request from the user's bucket: allowed, or when to retry. */
  take(userId: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** An assistant conversation as stored: the turns sealed under the patient's data key. */
export interface StoredConversation {
  readonly id: string;
  readonly patientId: string;
  readonly persona: string;
  readonly status: 'answered' | 'pending';
  /** Bumped by every user message; the worker answers one revision once. */
  readonly revision: number;
  readonly messagesSealed: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConversationRepository {
  getConversation(patientId: string, conversationId: string): Promise<StoredConversation | undefined>;
  /** The patient's conversations, one page at a time. */
  conversationsOf(patientId: string, page: PageRequest): Promise<Page<StoredConversation>>;
  /** Writes the conversation iff its stored revision is `expectedRevision` (0: iff new); `false` otherwise. */
  saveConversation(conversation: StoredConversation, expectedRevision: number): Promise<boolean>;
}

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
