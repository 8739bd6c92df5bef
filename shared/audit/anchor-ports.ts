/**
 * What anchoring the audit trail needs from outside (ADR 0014): the chain heads that changed in a
 * window, a write-once store of digests, a signer, and two metrics. Implemented on DynamoDB
 * (`DynamoAnchorHeads`), S3 with Object Lock (`S3DigestStore`), KMS (`KmsDigestSigner`) and EMF
 * (`EmfAnchorMetrics`); locally by `FileDigestStore` (`<dataDir>/audit-digests/`) and `LocalDigestSigner`
 * (a P-256 key in `<dataDir>/keys/`). The unit tests fake them in test/helpers/fakes/audit-anchor.ts.
 */

/** The newest record of one chain, one lane of a subject's trail (ADR 0019): its sequence number and hash. */
export interface ChainHead {
  readonly subjectId: string;
  /** The lane, 0 to `AUDIT_LANES` − 1 (0 for every head of a version-1 digest, written before lanes). */
  readonly lane: number;
  readonly seq: number;
  readonly hash: string;
}

/** The key of a head in `AnchorHeads.storedHashes`' answer: `${subjectId}#${lane}#${seq}`. */
export const headKey = (head: Pick<ChainHead, 'subjectId' | 'lane' | 'seq'>): string => `${head.subjectId}#${head.lane}#${head.seq}`;

/** Where the anchor job finds the chains that changed, and reads anchored records back. */
export interface AnchorHeads {
  /**
   * The highest-seq record, among those appended (`at`) in `[from, to)` (epoch ms), of every lane that gained one
   * there; one per subject and lane, in any order. Reads an index that may lag the table by a moment: the job only asks for
   * periods that ended a minute ago.
   */
  changedHeads(from: number, to: number): Promise<ChainHead[]>;
  /**
   * The stored hash of each record named by `heads` (subject, lane and seq), read consistently; a record that is no
   * longer stored is absent from the map. Keyed by `headKey(head)` (`${subjectId}#${lane}#${seq}`).
   */
  storedHashes(heads: readonly ChainHead[]): Promise<Map<string, string>>;
}

/** A stored digest: its object key and its exact bytes (UTF-8 JSON). */
export interface StoredDigestObject {
  readonly key: string;
  readonly body: string;
}

/** The write-once digest store: S3 with Object Lock in compliance mode, or a local folder. */
export interface DigestStore {
  /** The newest digest (keys sort newest first, shared/audit/digest.ts `digestKey`), or `undefined` if none. */
  latest(): Promise<StoredDigestObject | undefined>;
  /** The digest at `key`, or `undefined` if it is not there. */
  get(key: string): Promise<StoredDigestObject | undefined>;
  /** Writes a new digest; never overwrites one (throws if `key` exists). */
  put(object: StoredDigestObject): Promise<void>;
}

/** Signs digests with an ECDSA P-256 key (ES256) whose private half never leaves KMS (or the local keyring). */
export interface DigestSigner {
  /** The id of the signing key, written into each digest (a KMS key ARN; `local:<fingerprint>` locally). */
  keyId(): Promise<string>;
  /** The ES256 signature of `message` (SHA-256, then ECDSA P-256), raw `r‖s`, 64 bytes. */
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** Whether `signature` (raw `r‖s`) is this signer's signature of `message` under `keyId`; `false` for another key. */
  verify(message: Uint8Array, signature: Uint8Array, keyId: string): Promise<boolean>;
}

/** What a verification found, the `Result` dimension of `AuditChainVerification` (shared/metric-catalog.ts). */
export type VerificationResult = 'ok' | 'broken' | 'truncated' | 'recomputed';

/** The anchor metrics (EMF in AWS, nothing locally). */
export interface AnchorMetrics {
  /** One `AuditDigestWritten`. */
  digestWritten(): void;
  /** `count` (default 1) `AuditChainVerification` with `Result` = `result`. */
  verified(result: VerificationResult, count?: number): void;
}
