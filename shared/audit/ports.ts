import type { Page, PageRequest } from '../domain/page';

/**
 * What auditing needs from outside: an append-only, tamper-evident log (per data subject, `AUDIT_LANES` hash chains
 * called lanes, ADR 0019) and a way
 * to read it back. Implemented by `DynamoAuditLog` and `DynamoAuditTrail` (the audit table; on dynalite locally).
 * The use-case tests fake `AuditLog` as an array that never fails (test/helpers/in-memory.ts); `AuditTrail` has no
 * fake: its tests run on dynalite.
 */

/** How the audited request ended: done, failed, or refused (`denied`). */
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
  /**
   * `high` for the events a compliance officer must see (break-glass access); absent otherwise. Hashed like every
   * field when present; an event without it hashes exactly as before the field existed (shared/audit/chain.ts).
   */
  readonly severity?: 'high';
}

/** The write side of the audit trail: every audited request appends before it answers. */
export interface AuditLog {
  /**
   * Appends one event to one lane of its subject's trail with a conditional put that never overwrites (a lost race
   * moves to another lane at once, and backs off only once every lane was tried); throws if it cannot, and the request
   * fails with it. Not idempotent: a repeat is a new record.
   */
  append(event: AuditEvent): Promise<void>;
}

/** A stored audit event with its place in the chain. */
export interface StoredAuditEvent extends AuditEvent {
  /** Its lane (ADR 0019): 1 to 15; absent for lane 0 (every event appended before lanes). */
  readonly lane?: number;
  /** Its position in its lane, from 1. */
  readonly seq: number;
  /** When it was appended (ISO 8601, the appender's clock). */
  readonly at: string;
  /** The `hash` of the record before it in its lane (`GENESIS_HASH` for the first). */
  readonly prevHash: string;
  /** SHA-256 (hex) over the record's hashed fields (`HASHED_FIELDS`, shared/audit/chain.ts). */
  readonly hash: string;
}

/** A compliance search: `subjectId` or `actorId` is required, the other fields narrow it. */
export interface AuditSearch {
  readonly subjectId?: string;
  readonly actorId?: string;
  readonly action?: string;
  /** Inclusive lower bound on `at` (ISO 8601, compared as strings). */
  readonly from?: string;
  /** Inclusive upper bound on `at` (ISO 8601, compared as strings). */
  readonly to?: string;
}

/** Reading the audit trail (compliance, the patient's access log, the verifier). */
export interface AuditTrail {
  /**
   * Every record of one subject's trail, every lane, in key order (within a lane, `seq` order), read consistently and whole; `[]` if
   * none. Each is its whole stored item: the event's fields plus every other attribute the item holds (keys, index
   * attribute), for the verifier.
   */
  chain(subjectId: string): Promise<StoredAuditEvent[]>;
  /**
   * One page, newest first (by `at`); needs `subjectId` or `actorId` (no scans; both indexes, `bySubjectTime` and
   * `byActor`, are eventually consistent).
   * Filters apply after `limit`, so a page may be short or empty and still have a `nextCursor`. The cursor is opaque
   * and bound to that subject or actor; any other is a `ValidationError` (`invalid_cursor`).
   */
  search(query: AuditSearch, page: PageRequest): Promise<Page<StoredAuditEvent>>;
}
