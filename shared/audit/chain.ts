import { createHash } from 'node:crypto';
import type { AuditEvent } from "./ports";

/**
 * The audit hash chain: one chain per data subject. Each record carries its sequence number and
 * the hash of the record before it; its own hash covers every field. Editing, deleting,
 * reordering or inserting a record breaks the chain at that point.
 */
export interface ChainedAuditRecord extends AuditEvent {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the hash does not depend on property order. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** The hash of a record: SHA-256 over every field but `hash` itself. */
export const recordHash = (record: Omit<ChainedAuditRecord, 'hash'>): string => {
  const fields: Record<string, unknown> = {
    action: record.action, outcome: record.outcome, subjectId: record.subjectId, actor: record.actor,
    resource: record.resource, requestId: record.requestId, sourceIp: record.sourceIp, reason: record.reason,
    seq: record.seq, at: record.at, prevHash: record.prevHash,
  };
  return createHash('sha256').update(canonical(fields)).digest('hex');
};

/** The record that follows `head` (or starts the chain) for `event`. */
export const nextRecord = (event: AuditEvent, head: { seq: number; hash: string } | undefined, at: string): ChainedAuditRecord => {
  const unhashed = { ...event, seq: (head?.seq ?? 0) + 1, at, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: recordHash(unhashed) };
};

export type ChainVerdict = { ok: true; events: number } | { ok: false; brokenAt: number; reason: string };

/**
 * Walks a subject's records in stored order and names the first break.
 *
 * @example
 * verifyChain(records); // { ok: true, events: 12 } or { ok: false, brokenAt: 7, reason: 'hash mismatch (record edited)' }
 */
export const verifyChain = (records: readonly ChainedAuditRecord[]): ChainVerdict => {
  let previous: ChainedAuditRecord | undefined;
  for (const [index, record] of records.entries()) {
    const expectedSeq = index + 1;
    if (record.seq !== expectedSeq) {
      return { ok: false, brokenAt: expectedSeq, reason: record.seq > expectedSeq ? 'sequence gap (record deleted)' : 'sequence out of order (record inserted or reordered)' };
    }
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return { ok: false, brokenAt: record.seq, reason: 'previous-hash mismatch (record inserted, reordered or replaced)' };
    }
    const { hash, ...unhashed } = record;
    if (recordHash(unhashed) !== hash) return { ok: false, brokenAt: record.seq, reason: 'hash mismatch (record edited)' };
    previous = record;
  }
  return { ok: true, events: records.length };
};
