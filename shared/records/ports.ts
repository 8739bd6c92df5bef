import type { Page, PageRequest } from '../domain/page';

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
