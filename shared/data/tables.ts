/**
 * Table specs: the one description of every DynamoDB table, read by the CDK data construct
 * (`lib/data.ts`) and by the local runtime that creates the same tables in dynalite.
 * Keys are generic (`pk`, `sk`) so one table can hold the few item kinds of one concern.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

/** A global secondary index projecting all attributes. */
export interface IndexSpec {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

export type TableEnvVar = 'IDENTITY_TABLE' | 'SESSIONS_TABLE' | 'AUDIT_TABLE' | 'KEYS_TABLE' | 'RECORDS_TABLE' | 'CONTENT_TABLE';

export interface TableSpec {
  /** Environment variable that carries the table name into a function. */
  readonly envVar: TableEnvVar;
  /** What the table is for; recorded on the table as the `carebow:purpose` metadata (lib/data.ts). */
  readonly purpose: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes?: readonly IndexSpec[];
  /** Epoch-seconds attribute DynamoDB expires items by (dynalite ignores it; code checks expiry itself). */
  readonly timeToLiveAttribute?: string;
}

const S = 'S' as const;

export const TABLES = {
  identity: {
    envVar: 'IDENTITY_TABLE',
    purpose:
      'Accounts (USER#id: e-mail and name sealed, e-mail blind index, password hash, roles, status), e-mail claims (EMAIL#hmac, the user id), failed-login counters (LOGIN#hmac, forgotten after a day), known sign-in devices (DEVICES#id: keyed hashes only)',
    partitionKey: { name: 'pk', type: S },
    timeToLiveAttribute: 'expiresAt',
  },
  sessions: {
    envVar: 'SESSIONS_TABLE',
    purpose: 'Refresh-token families (FAMILY#id): user, client, hash of the current token, generation, expiry, revocation; found by user (byUser)',
    partitionKey: { name: 'pk', type: S },
    globalSecondaryIndexes: [{ indexName: 'byUser', partitionKey: { name: 'userId', type: S } }],
    timeToLiveAttribute: 'expiresAt',
  },
  audit: {
    envVar: 'AUDIT_TABLE',
    purpose:
      'Append-only audit events, never updated or deleted: per data subject 16 hash chains, lanes (SUBJECT#id / SEQ#n, L01#SEQ#n..L15#SEQ#n); found by subject and time (bySubjectTime), by actor and time (byActor) and by hour and time for anchoring (byAnchorWindow)',
    partitionKey: { name: 'pk', type: S },
    sortKey: { name: 'sk', type: S },
    globalSecondaryIndexes: [
      { indexName: 'byActor', partitionKey: { name: 'actorId', type: S }, sortKey: { name: 'at', type: S } },
      // A subject's events in time order across its lanes (ADR 0019): key order is lane order, not time.
      { indexName: 'bySubjectTime', partitionKey: { name: 'pk', type: S }, sortKey: { name: 'at', type: S } },
      // Every record carries anchorWindow (the UTC hour of its at): the anchor job's changed chains (ADR 0014).
      { indexName: 'byAnchorWindow', partitionKey: { name: 'anchorWindow', type: S }, sortKey: { name: 'at', type: S } },
    ],
  },
  keys: {
    envVar: 'KEYS_TABLE',
    purpose: 'Per-user data keys (USER#id): every key version, wrapped by KMS; a tombstone once destroyed, which crypto-shreds the user',
    partitionKey: { name: 'pk', type: S },
  },
  records: {
    envVar: 'RECORDS_TABLE',
    purpose:
      'Per-patient records (USER#id): PROFILE, CONSENT#id (found by grantee, byGrantee), FEEDBACK#time#id, SESSION#id symptom sessions, CHAT#id conversations, AIQUOTA bucket, BUDGET#window per-user budget counters, IDEMPOTENCY#key answers (the three expire), PRACTITIONER profiles (verified ones found by kind and geohash, byDirectory), APPT#id appointment copies (found by party and start, byPartyTime), CONTACT (phone sealed, its verification, e-mail suppression), NOTIFYPREFS, DELIVERY#event#channel notification deliveries (no address, no text), NOTICE#account_deleted (the address of a deleted account, sealed under a key of the notice until sent); PHI fields sealed',
    partitionKey: { name: 'pk', type: S },
    sortKey: { name: 'sk', type: S },
    globalSecondaryIndexes: [
      { indexName: 'byGrantee', partitionKey: { name: 'granteeId', type: S }, sortKey: { name: 'sk', type: S } },
      // Sparse: only a verified PRACTITIONER item carries dirKey/dirSort (shared/data/keys.ts, directoryKey).
      { indexName: 'byDirectory', partitionKey: { name: 'dirKey', type: S }, sortKey: { name: 'dirSort', type: S } },
      // Sparse: every APPT# copy but a pending one carries apptParty/apptStart (shared/data/keys.ts, appointmentPartyKey).
      { indexName: 'byPartyTime', partitionKey: { name: 'apptParty', type: S }, sortKey: { name: 'apptStart', type: S } },
    ],
    // What expires (epoch seconds): IDEMPOTENCY# answers after 24 h, BUDGET# counters a window after theirs ends, the
    // AIQUOTA bucket once it would be full again. A consent's `expiresAt` is an ISO string, which TTL never reads.
    timeToLiveAttribute: 'expiresAt',
  },
  content: {
    envVar: 'CONTENT_TABLE',
    purpose:
      'The content library, no PHI: posts (POST#id: the working copy, REV#n revisions; found by status, byStatus), slug claims and published snapshots (SLUG#slug), categories (CATEGORY), the lexical search index (INDEX pointer, INDEX#version chunks), views per post per day and searches that found nothing (VIEWS#month, NOHIT#month: no user, IP or cookie), product figures per ISO week (FIGURES#week: counts only) and the markers that count each source once (COUNTED#kind#digest, expiring after 120 days)',
    partitionKey: { name: 'pk', type: S },
    sortKey: { name: 'sk', type: S },
    // Sparse: only a post's working copy (sk POST) carries postStatus/updatedSort (shared/data/keys.ts, postStatusSort).
    globalSecondaryIndexes: [{ indexName: 'byStatus', partitionKey: { name: 'postStatus', type: S }, sortKey: { name: 'updatedSort', type: S } }],
    // The COUNTED# markers of the product figures expire (shared/content/figures.ts).
    timeToLiveAttribute: 'expiresAt',
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
