import { createHash } from 'node:crypto';
import type { AuditEvent } from './ports';
import { laneSeqKey, subjectKey } from '../data/keys';
import { anchorWindowOf } from './anchor-window';

/**
 * The audit hash chains: a data subject's trail is `AUDIT_LANES` independent chains ("lanes", ADR 0019), so
 * appends in flight at once for one subject do not all race for one head. Each record carries its lane, its
 * sequence number in that lane and the hash of the lane's record before it; its own hash covers every field.
 * Editing, deleting, reordering, inserting or moving a record breaks its lane at that point.
 */
export interface ChainedAuditRecord extends AuditEvent {
  /** Its lane, 1 to `AUDIT_LANES` − 1; absent for lane 0 (every record appended before lanes is in lane 0). */
  readonly lane?: number;
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * How many lanes a subject's trail has (ADR 0019): enough that 8 to 16 appends in flight for one subject mostly land
 * on distinct heads. Fixed in every deployed stage; the local stage may use fewer (`AUDIT_LANES`, shared/config.ts)
 * to measure the single chain it replaced. The verifier accepts lanes 0 to `AUDIT_LANES` − 1.
 */
export const AUDIT_LANES = 16;

/** The previous hash of a chain's first record. Every stored chain starts from it: never change it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields a record's hash covers. Their order does not matter (the canonical JSON sorts keys);
 * removing or renaming one changes the hash of every stored record, so it would need a new,
 * versioned hash format. An optional field can be added: the canonical JSON leaves out an
 * `undefined` property, so a record without it hashes exactly as before (`severity`, added with
 * break-glass, is pinned so by test/unit/audit-chain.test.ts). `lane` is one too: absent for lane 0, so every
 * record appended before lanes (ADR 0019) is a lane-0 record and hashes as before.
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
  'lane',
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

/**
 * The record that follows `head` (or starts the lane) for `event`, in `lane` (default 0, the subject's original chain).
 *
 * @example
 * nextRecord(event, { seq: 4, hash }, '2026-11-27T01:00:00.000Z', 3); // { ...event, lane: 3, seq: 5, prevHash: hash, hash: … }
 */
export const nextRecord = (event: AuditEvent, head: { seq: number; hash: string } | undefined, at: string, lane = 0): ChainedAuditRecord => {
  const unhashed = { ...event, ...(lane === 0 ? {} : { lane }), seq: (head?.seq ?? 0) + 1, at, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: recordHash(unhashed) };
};

/** The partition of a subject's trail (every lane). */
export const auditPartition = subjectKey;
/**
 * The sort key of a record: its lane and sequence number, zero-padded so that key order within a lane is chain
 * order (`SEQ#<n>` in lane 0, `L<nn>#SEQ#<n>` in the others; shared/data/keys.ts).
 */
export const auditSortKey = (seq: number, lane = 0): string => laneSeqKey(lane, seq);

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
    sk: auditSortKey(record.seq, record.lane ?? 0),
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

/**
 * What the verifier found: the subject's events in every lane, or the first break (its lane and sequence number).
 * A chain of one lane reports `lane: 0`.
 */
export type ChainVerdict = { ok: true; events: number } | { ok: false; brokenAt: number; lane: number; reason: string };

/** A record's lane if it is one the writer uses (0 when absent, 1 to `AUDIT_LANES` − 1), else `undefined`. */
export const laneOf = (record: Pick<ChainedAuditRecord, 'lane'>): number | undefined => {
  const lane: unknown = record.lane;
  if (lane === undefined) return 0;
  return typeof lane === 'number' && Number.isInteger(lane) && lane >= 1 && lane < AUDIT_LANES ? lane : undefined;
};

/**
 * A subject's records grouped by lane, each in the given (key, so sequence) order; lanes in ascending order. Records
 * whose lane the writer never uses are left out (`verifyChain` reports them first).
 *
 * @example
 * recordsByLane(await auditTrail.chain(subjectId)); // Map { 0 => [seq 1, 2, …], 3 => [seq 1, …] }
 */
export const recordsByLane = <R extends ChainedAuditRecord>(records: readonly R[]): Map<number, R[]> => {
  const lanes = new Map<number, R[]>();
  for (const record of records) {
    const lane = laneOf(record);
    if (lane === undefined) continue;
    const list = lanes.get(lane);
    if (list === undefined) lanes.set(lane, [record]);
    else list.push(record);
  }
  return new Map([...lanes.entries()].sort(([a], [b]) => a - b));
};

/** The first break of one lane's records (in sequence order), or `undefined` when the lane is intact from genesis. */
const laneBreak = (lane: number, records: readonly ChainedAuditRecord[], subjectId: string | undefined): ChainVerdict | undefined => {
  let previous: ChainedAuditRecord | undefined;
  const broken = (brokenAt: number, reason: string): ChainVerdict => ({ ok: false, brokenAt, lane, reason });
  for (const [index, record] of records.entries()) {
    const expectedSeq = index + 1;
    if (record.seq !== expectedSeq) {
      return broken(expectedSeq, record.seq > expectedSeq ? 'sequence gap (record deleted)' : 'sequence out of order (record inserted or reordered)');
    }
    if (subjectId !== undefined && record.subjectId !== subjectId) return broken(record.seq, 'record of another subject (record moved)');
    if (record.prevHash !== (previous?.hash ?? GENESIS_HASH)) return broken(record.seq, 'previous-hash mismatch (record inserted, reordered or replaced)');
    const { hash, ...unhashed } = record;
    if (recordHash(unhashed) !== hash) return broken(record.seq, 'hash mismatch (record edited)');
    const unbound = unboundAttribute(record);
    if (unbound !== undefined) return broken(record.seq, unbound);
    previous = record;
  }
  return undefined;
};

/**
 * Walks a subject's stored items lane by lane (ADR 0019) and names the first break: each lane must run from seq 1
 * and the genesis previous hash, each item must hold its record's place (lane, sequence, previous hash), a hash
 * that matches its hashed fields, and nothing else but the attributes derived from them (`storedItem`); with
 * `subjectId`, only records of that subject. A record in no lane the writer uses is a break of its own.
 *
 * @example
 * verifyChain(await auditTrail.chain(subjectId), subjectId);
 * // { ok: true, events: 12 } or { ok: false, brokenAt: 7, lane: 3, reason: 'hash mismatch (record edited)' }
 */
export const verifyChain = (records: readonly ChainedAuditRecord[], subjectId?: string): ChainVerdict => {
  const stray = records.find((record) => laneOf(record) === undefined);
  if (stray !== undefined)
    return { ok: false, brokenAt: Number.isInteger(stray.seq) ? stray.seq : 0, lane: 0, reason: 'lane the writer never uses (record edited)' };
  for (const [lane, laneRecords] of recordsByLane(records)) {
    const verdict = laneBreak(lane, laneRecords, subjectId);
    if (verdict !== undefined) return verdict;
  }
  return { ok: true, events: records.length };
};
