import type { Page, PageRequest } from '../domain/page';

/**
 * What the records use cases need from outside: the sealed health profile, consents and feedback, all in the
 * patient's partition of the records table. Implemented by `DynamoRecords` (on dynalite locally); the fake is
 * `inMemoryRecords` (test/helpers/fakes/records.ts).
 */

/** A sealed health profile with its optimistic-concurrency version. */
export interface StoredProfile {
  readonly sealed: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** A patient's health profile: one item, replaced whole on every write. */
export interface ProfileRepository {
  /** The profile, read consistently; `undefined` if none was ever stored. */
  get(userId: string): Promise<StoredProfile | undefined>;
  /**
   * Writes version `expectedVersion + 1` iff the stored version is `expectedVersion`
   * (`undefined`: iff there is none yet). `false` when that precondition fails.
   */
  put(userId: string, sealed: string, updatedAt: string, expectedVersion: number | undefined): Promise<boolean>;
  /**
   * Undoes a `put` whose audit append failed: puts `previous` back exactly (its version included), or deletes the
   * profile when there was none, iff the stored version is still `written.version` (nobody has written since:
   * versions only go up, except by such an undo, which restores the exact item before). `false` when it is not:
   * then nothing is written.
   */
  undoPut(userId: string, written: Pick<StoredProfile, 'version'>, previous: StoredProfile | undefined): Promise<boolean>;
}

/**
 * `share`: a grantee may read the patient's records; `ai_processing`: a model may process them; `break_glass`: a
 * provider opened the profile without consent in an emergency (shared/records/break-glass.ts): `profile.read` only,
 * for 60 minutes, given by the provider, not the patient.
 */
export type ConsentKind = 'share' | 'ai_processing' | 'break_glass';

/** A consent as stored; a revoked or expired one stays (its status is derived from `revokedAt` and `expiresAt`). */
export interface ConsentRecord {
  /** A random UUID for `share`; derived from the patient for `ai_processing` (`aiConsentId`). */
  readonly id: string;
  readonly kind: ConsentKind;
  readonly patientId: string;
  readonly granteeId?: string;
  readonly scopes?: readonly string[];
  readonly purpose?: string;
  readonly expiresAt?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
  /**
   * Set when a booking created it (care, `shareProfile`): the appointment it serves. It is revoked when that
   * appointment is cancelled, its expiry moves when it is rescheduled, and its `triage.read` reaches only the
   * symptom session the appointment names.
   */
  readonly appointmentId?: string;
  /** A `break_glass` grant's free-text reason, sealed under the patient's data key (`places.breakGlassReason`). */
  readonly reasonSealed?: string;
}

/** The consents a patient gave, findable by patient and by grantee. */
export interface ConsentRepository {
  /**
   * Stores a consent unless an unrevoked one with its id exists (a revoked one is overwritten); `false` if one does.
   * So for `ai_processing` only if none is active (its id is per patient).
   */
  create(consent: ConsentRecord): Promise<boolean>;
  /** The consent whatever its status, read consistently; `undefined` if none. */
  get(patientId: string, consentId: string): Promise<ConsentRecord | undefined>;
  /** Every consent `patientId` gave `granteeId`, any status (a query of the patient's partition, read page after page). */
  between(patientId: string, granteeId: string): Promise<ConsentRecord[]>;
  /** One page of the consents `patientId` gave, any status, in id order (not by time); the opaque cursor is bound to the patient. */
  granted(patientId: string, page: PageRequest): Promise<Page<ConsentRecord>>;
  /** One page of the consents given to `granteeId`, any status, in id order (an eventually consistent index); the cursor is bound to the grantee. */
  received(granteeId: string, page: PageRequest): Promise<Page<ConsentRecord>>;
  /** Marks it revoked iff it exists and is not yet (one conditional update; expiry is not checked); `false` otherwise. */
  revoke(patientId: string, consentId: string, at: string): Promise<boolean>;
}

/**
 * The undos of `ConsentRepository`'s writes, for the consent use cases, whose audit append may fail after a write
 * (docs/security.md #12). Apart from `ConsentRepository` so that code which only reads consents need not implement
 * them.
 */
export interface ConsentUndo {
  /**
   * Undoes a `create` whose audit append failed: puts `previous` back exactly (what `create` replaced: a revoked
   * consent with the same id), or deletes the consent when there was none, iff the stored one is still `consent`
   * (the same `createdAt`, not revoked). `false` when it is not (revoked or replaced since, or gone): then nothing
   * is written.
   */
  undoCreate(consent: ConsentRecord, previous: ConsentRecord | undefined): Promise<boolean>;
  /**
   * Undoes a `revoke` whose audit append failed: removes `revokedAt` iff it is still `at` (one conditional update).
   * `false` when it is not (the consent was replaced since, or is gone): then nothing is written.
   */
  undoRevoke(patientId: string, consentId: string, at: string): Promise<boolean>;
}

/** One piece of feedback: a rating and optional comments. */
export interface FeedbackRecord {
  readonly id: string;
  readonly userId: string;
  readonly rating: number;
  /** Sealed under the user's data key. */
  readonly commentsSealed?: string;
  readonly createdAt: string;
}

/** A user's feedback, keyed by time and id. */
export interface FeedbackRepository {
  /** Stores new feedback in one conditional put: it never overwrites, and throws if its `createdAt` and `id` exist. */
  add(feedback: FeedbackRecord): Promise<void>;
  /** All of the user's feedback, oldest first (a query read page after page). */
  ofUser(userId: string): Promise<FeedbackRecord[]>;
  /**
   * Undoes an `add` whose audit append failed: deletes that feedback iff it is still stored. Feedback is never
   * changed once added, so the item at its key is the one added while it exists. `false` when it is gone: then
   * nothing is written.
   */
  undoAdd(feedback: FeedbackRecord): Promise<boolean>;
}

/**
 * Break-glass (shared/records/break-glass.ts): the grants, consent items like any other in the patient's partition,
 * and each provider's count of them per UTC day, one item in the provider's partition. Implemented by
 * `DynamoBreakGlass` (shared/adapters/aws/dynamo-break-glass.ts); the fake is `inMemoryBreakGlass`
 * (test/helpers/fakes/records.ts).
 */
export interface BreakGlassStore extends Pick<ConsentRepository, 'between' | 'create'>, Pick<ConsentUndo, 'undoCreate'> {
  /**
   * Counts one more grant of `providerId` on `date` (`YYYY-MM-DD`, UTC) iff fewer than `limit` are counted: one
   * conditional `ADD`. `false` when the day's limit is reached: then nothing is written.
   */
  count(providerId: string, date: string, limit: number): Promise<boolean>;
  /** Undoes a `count` whose grant or audit failed: one less, iff the day's count is above zero (one conditional `ADD`). */
  uncount(providerId: string, date: string): Promise<boolean>;
}

/** Break-glass figures for the alarm: a count, never an id, a reason or PHI. */
export interface BreakGlassMetrics {
  /** One grant was given: one `BreakGlassUsed`. */
  used(): void;
}
