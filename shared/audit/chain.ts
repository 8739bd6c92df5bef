import { createHash } from 'node:crypto';
import type { AuditEvent } from './ports';
import { seqKey, subjectKey } from '../data/keys';
import { anchorWindowOf } from './anchor-window';

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

/** The previous hash of a chain's first record. Every stored chain starts from it: never change it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields a record's hash covers. Their order does not matter (the canonical JSON sorts keys);
 * removing or renaming one changes the hash of every stored record, so it would need a new,
 * versioned hash format. An optional field can be added: the canonical JSON leaves out an
 * `undefined` property, so a record without it hashes exactly as before (`severity`, added with
 * break-glass, is pinned so by test/unit/audit-chain.test.ts).
 */
export const HASHED_FIELDS = [
  'action',
  'outcome',
  'subjectId',
  'actor',
  'resource',
  'requestId',
  'sourceIp',
  'reason',
  'severity',
  'seq',
  'at',
  'prevHash',
] as const;

/**
 * JSON with sorted keys at every depth, so the hash does not depend on property order (arrays keep
 * theirs: reordering `actor.roles` is an edit). `undefined` properties are left out.
 */
export const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

/** The hash of a record: SHA-256 over the canonical JSON of its `HASHED_FIELDS` (every field but `hash`). */
export const recordHash = (record: Omit<ChainedAuditRecord, 'hash'>): string => {
  const fields = Object.fromEntries(HASHED_FIELDS.map((field) => [field, record[field]]));
  return createHash('sha256').update(canonical(fields)).digest('hex');
};

/** The record that follows `head` (or starts the chain) for `event`. */
export const nextRecord = (event: AuditEvent, head: { seq: number; hash: string } | undefined, at: string): ChainedAuditRecord => {
  const unhashed = { ...event, seq: (head?.seq ?? 0) + 1, at, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: recordHash(unhashed) };
};

/** The partition of a subject's chain. */
export const auditPartition = subjectKey;
/** The sort key of a record: its sequence number, zero-padded so that key order is chain order. */
export const auditSortKey = seqKey;

/**
 * The item a record is stored as, and every attribute that item may hold: the hashed fields, the
 * hash, and the attributes derived from them: the keys (`pk`, `sk`), the `byActor` index's
 * `actorId` and the `byAnchorWindow` index's `anchorWindow` (the hour of `at`, ADR 0014).
 * `DynamoAuditLog` writes exactly this; `verifyChain` rebuilds it from a stored item's
 * hashed fields and hash and requires the stored item to equal it, so editing a derived attribute
 * (a changed `actorId` hides the event from the search by actor) or adding one is found like an
 * edit of a hashed field, without changing any record's hash.
 */
export const storedItem = (record: ChainedAuditRecord): Record<string, unknown> => {
  const item: Record<string, unknown> = {
    pk: auditPartition(record.subjectId),
    sk: auditSortKey(record.seq),
    // Optional chaining: the verifier rebuilds items from whatever the store holds.
    actorId: (record.actor as Partial<ChainedAuditRecord['actor']> | null | undefined)?.userId,
    anchorWindow: anchorWindowOf(record.at),
    ...Object.fromEntries(HASHED_FIELDS.map((field) => [field, record[field]])),
    hash: record.hash,
  };
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
};

const sameValue = (stored: unknown, expected: unknown): boolean =>
  stored === undefined || expected === undefined ? stored === expected : canonical(stored) === canonical(expected);

/**
 * Why a stored item is not exactly the item its own hashed fields and hash make (`storedItem`),
 * naming the first attribute that differs; `undefined` when it is.
 */
const unboundAttribute = (stored: ChainedAuditRecord): string | undefined => {
  const item = stored as unknown as Readonly<Record<string, unknown>>;
  const expected = storedItem(stored);
  for (const name of Object.keys(expected).sort()) {
    // Records appended before anchoring (ADR 0014) lack anchorWindow, and the table is append-only: absent passes, wrong does not.
    if (name === 'anchorWindow' && item[name] === undefined) continue;
    if (!sameValue(item[name], expected[name])) return `stored ${name} does not match the hashed fields (record edited)`;
  }
  // Never echo a stored attribute's name: it is whatever the writer of the item chose.
  if (Object.keys(item).some((name) => item[name] !== undefined && !Object.hasOwn(expected, name))) return 'attribute the writer never stores (record edited)';
  return undefined;
};

export type ChainVerdict = { ok: true; events: number } | { ok: false; brokenAt: number; reason: string };

/**
 * Walks a subject's stored items in key order and names the first break. Each item must hold its
 * record's place (sequence, previous hash), a hash that matches its hashed fields, and nothing else
 * but the attributes derived from them (`storedItem`); with `subjectId`, only records of that subject.
 *
 * @example
 * verifyChain(await auditTrail.chain(subjectId), subjectId);
 * // { ok: true, events: 12 } or { ok: false, brokenAt: 7, reason: 'hash mismatch (record edited)' }
 */
export const verifyChain = (records: readonly ChainedAuditRecord[], subjectId?: string): ChainVerdict => {
  let previous: ChainedAuditRecord | undefined;
  for (const [index, record] of records.entries()) {
    const expectedSeq = index + 1;
    if (record.seq !== expectedSeq) {
      return {
        ok: false,
        brokenAt: expectedSeq,
        reason: record.seq > expectedSeq ? 'sequence gap (record deleted)' : 'sequence out of order (record inserted or reordered)',
      };
    }
    if (subjectId !== undefined && record.subjectId !== subjectId) {
      return { ok: false, brokenAt: record.seq, reason: 'record of another subject (record moved)' };
    }
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return { ok: false, brokenAt: record.seq, reason: 'previous-hash mismatch (record inserted, reordered or replaced)' };
    }
    const { hash, ...unhashed } = record;
    if (recordHash(unhashed) !== hash) return { ok: false, brokenAt: record.seq, reason: 'hash mismatch (record edited)' };
    const unbound = unboundAttribute(record);
    if (unbound !== undefined) return { ok: false, brokenAt: record.seq, reason: unbound };
    previous = record;
  }
  return { ok: true, events: records.length };
};
