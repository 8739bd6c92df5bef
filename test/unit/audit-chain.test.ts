import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUDIT_LANES, GENESIS_HASH, nextRecord, recordHash, storedItem, verifyChain, type ChainedAuditRecord } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/audit/ports';
import { altered, LANE_ATTRIBUTES, REQUIRED_ATTRIBUTES, STORED_ATTRIBUTES } from '../helpers/audit-tamper';

const event = (action: string): AuditEvent => ({
  action,
  outcome: 'success',
  subjectId: 'patient-1',
  actor: { userId: 'caregiver-1', roles: ['caregiver', 'compliance'] },
  resource: { type: 'profile', id: 'patient-1' },
  requestId: `req-${action}`,
  sourceIp: '203.0.113.1',
  reason: 'consent:c-1',
});

/** A chain of `n` records of patient-1, each as the item the writer stores (keys and index attribute included). */
const chainOf = (n: number): ChainedAuditRecord[] => {
  const records: ChainedAuditRecord[] = [];
  for (let i = 0; i < n; i++) records.push(nextRecord(event(`a${i}`), records.at(-1), `2026-11-25T12:00:0${i}.000Z`));
  return records.map((record) => storedItem(record) as unknown as ChainedAuditRecord);
};

/** Known answer: the first record of a chain, its canonical JSON (sorted keys at every depth) and hash. */
const GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';
const FIRST_EVENT: AuditEvent = {
  action: 'profile.read',
  outcome: 'success',
  subjectId: 'patient-1',
  actor: { userId: 'caregiver-1', roles: ['caregiver', 'compliance'] },
  resource: { type: 'profile', id: 'patient-1' },
  requestId: 'req-1',
  sourceIp: '203.0.113.1',
  reason: 'consent:c-1',
};
const FIRST_CANONICAL =
  '{"action":"profile.read","actor":{"roles":["caregiver","compliance"],"userId":"caregiver-1"},"at":"2026-11-25T12:00:00.000Z",' +
  `"outcome":"success","prevHash":"${GENESIS}","reason":"consent:c-1","requestId":"req-1","resource":{"id":"patient-1","type":"profile"},` +
  '"seq":1,"sourceIp":"203.0.113.1","subjectId":"patient-1"}';
const FIRST_HASH = '5997d214ac456829dbd7db6cb525ca227243a8db3770c0ab7deb0764ea2df8ef';
/** Known answer: the record after it, with no reason, no resource id and no roles. */
const SECOND_EVENT: AuditEvent = {
  action: 'profile.write',
  outcome: 'denied',
  subjectId: 'patient-1',
  actor: { userId: 'patient-1', roles: [] },
  resource: { type: 'profile' },
  requestId: 'req-2',
  sourceIp: '2001:db8::1',
};
const SECOND_HASH = 'dfb6cc79bea56e8a8a49323db69ce30abb4021e53bbc0bc0475666b5dd1e26dd';

describe('Module: audit chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chainOf(5))).toEqual({ ok: true, events: 5 });
    expect(verifyChain(chainOf(5), 'patient-1')).toEqual({ ok: true, events: 5 });
    expect(verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  it('detects an edited record', () => {
    const records = chainOf(5);
    records[2] = { ...records[2]!, actor: { userId: 'someone-else', roles: [] } };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/edited/) });
  });

  it('detects an edit whose hash was recomputed, at the next record', () => {
    const records = chainOf(5);
    const { hash: _h, ...unhashed } = { ...records[1]!, outcome: 'denied' as const };
    records[1] = { ...unhashed, hash: recordHash(unhashed) };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a deleted record', () => {
    const records = chainOf(5);
    records.splice(2, 1);
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/deleted/) });
  });

  it('detects reordered records', () => {
    const records = chainOf(5);
    [records[1], records[2]] = [records[2]!, records[1]!];
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an inserted record', () => {
    const records = chainOf(5);
    const forged = storedItem(nextRecord(event('forged'), records[1], '2026-11-25T12:00:01.500Z')) as unknown as ChainedAuditRecord;
    records.splice(2, 0, forged);
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a removed tail record only through its successor: the head is the anchor', () => {
    // Truncating the newest records leaves a valid, shorter chain; that is why the count of events
    // is reported and compared by the verifier's caller (see the note on anchoring in the ADR).
    expect(verifyChain(chainOf(5).slice(0, 3))).toEqual({ ok: true, events: 3 });
  });

  it('starts every chain from the pinned genesis previous-hash', () => {
    // Act
    const first = nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z');

    // Assess
    expect(GENESIS_HASH).toBe(GENESIS);
    expect(first.prevHash).toBe(GENESIS);
    expect(first.seq).toBe(1);
  });

  it('hashes fixed records to pinned values (known answer): SHA-256 over the canonical JSON of the hashed fields', () => {
    // Act
    const first = nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z');
    const second = nextRecord(SECOND_EVENT, first, '2026-11-25T12:00:01.000Z');

    // Assess
    expect(createHash('sha256').update(FIRST_CANONICAL).digest('hex')).toBe(FIRST_HASH);
    expect(first.hash).toBe(FIRST_HASH);
    expect(recordHash({ ...FIRST_EVENT, seq: 1, at: '2026-11-25T12:00:00.000Z', prevHash: GENESIS })).toBe(FIRST_HASH);
    expect(second).toMatchObject({ seq: 2, prevHash: FIRST_HASH, hash: SECOND_HASH });
    expect(
      verifyChain(
        [first, second].map((r) => storedItem(r) as unknown as ChainedAuditRecord),
        'patient-1',
      ),
    ).toEqual({ ok: true, events: 2 });
  });

  it('hashes the optional severity when present, leaving every record without it hashed as before', () => {
    // Prepare
    const high = { ...FIRST_EVENT, action: 'breakglass.open', severity: 'high' as const };
    const first = nextRecord(high, undefined, '2026-11-25T12:00:00.000Z');
    const stored = () => [storedItem(first) as unknown as ChainedAuditRecord];
    const { severity: _removed, ...withoutSeverity } = stored()[0]!;

    // Act
    const intact = verifyChain(stored(), 'patient-1');
    const removed = verifyChain([withoutSeverity as ChainedAuditRecord], 'patient-1');
    const added = verifyChain([{ ...(storedItem(nextRecord(FIRST_EVENT, undefined, first.at)) as unknown as ChainedAuditRecord), severity: 'high' }]);

    // Assess
    expect(nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z').hash).toBe(FIRST_HASH);
    expect(storedItem(first)).toMatchObject({ severity: 'high' });
    expect(intact).toEqual({ ok: true, events: 1 });
    expect(removed).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/edited/) });
    expect(added).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/edited/) });
  });

  it('hashes a record the same whichever order its keys come back from the store in', () => {
    // Prepare
    const record = storedItem(nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z'));
    const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    const { actor, resource } = record as unknown as ChainedAuditRecord;

    // Act
    const shuffled = reversed({ ...record, actor: reversed(actor), resource: reversed(resource) }) as unknown as ChainedAuditRecord;

    // Assess
    expect(Object.keys(shuffled)).not.toEqual(Object.keys(record));
    expect(Object.keys(shuffled.actor)).toEqual(['roles', 'userId']);
    expect(recordHash(shuffled)).toBe(FIRST_HASH);
    expect(verifyChain([shuffled], 'patient-1')).toEqual({ ok: true, events: 1 });
  });

  it.each([
    ['reordered', ['compliance', 'caregiver']],
    ['one changed', ['caregiver', 'admin']],
    ['one removed', ['caregiver']],
    ['one added', ['caregiver', 'compliance', 'admin']],
  ])('detects an edit of actor.roles (%s)', (_name, roles) => {
    // Prepare
    const records = chainOf(3);

    // Act
    records[1] = { ...records[1]!, actor: { ...records[1]!.actor, roles } };

    // Assess
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/hash mismatch/) });
  });

  it('detects an edited actorId (the byActor index attribute), which hides the event from the search by actor', () => {
    // Prepare
    const records = chainOf(3);

    // Act
    records[1] = { ...records[1]!, actorId: 'someone-else' } as ChainedAuditRecord;

    // Assess
    expect(verifyChain(records)).toEqual({ ok: false, brokenAt: 2, lane: 0, reason: 'stored actorId does not match the hashed fields (record edited)' });
  });

  it('stores exactly the hashed fields, the hash, and the keys and index attribute derived from them', () => {
    // Prepare
    const withExtra = { ...event('a0'), note: 'not hashed' } as AuditEvent;

    // Act
    const item = storedItem(nextRecord(withExtra, undefined, '2026-11-25T12:00:00.000Z'));

    // Assess
    expect(Object.keys(item).sort()).toEqual(STORED_ATTRIBUTES);
    expect(item).toMatchObject({ pk: 'SUBJECT#patient-1', sk: 'SEQ#000000000001', actorId: 'caregiver-1' });
  });

  it.each(STORED_ATTRIBUTES)('detects an edit of the stored attribute %s', (attribute) => {
    // Prepare
    const records = chainOf(3);
    const item = records[1] as unknown as Record<string, unknown>;

    // Act
    records[1] = { ...item, [attribute]: altered(item[attribute]) } as unknown as ChainedAuditRecord;

    // Assess
    expect(verifyChain(records, 'patient-1')).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('accepts a record without anchorWindow (appended before anchoring, ADR 0014)', () => {
    // Prepare
    const records = chainOf(3);
    const { anchorWindow: _removed, ...rest } = records[1] as unknown as Record<string, unknown>;

    // Act
    records[1] = rest as unknown as ChainedAuditRecord;

    // Assess
    expect(verifyChain(records, 'patient-1')).toEqual({ ok: true, events: 3 });
  });

  it.each(REQUIRED_ATTRIBUTES)('detects the removal of the stored attribute %s', (attribute) => {
    // Prepare
    const records = chainOf(3);
    const { [attribute]: _removed, ...rest } = records[1] as unknown as Record<string, unknown>;

    // Act
    records[1] = rest as unknown as ChainedAuditRecord;

    // Assess
    expect(verifyChain(records, 'patient-1')).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it.each(['<script>', 'constructor', '__proto__'])('detects an attribute the writer never stores (%s), without echoing its name', (name) => {
    // Prepare
    const records = chainOf(3);

    // Act
    records[1] = { ...records[1]!, [name]: 'added' } as ChainedAuditRecord;

    // Assess
    const verdict = verifyChain(records);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/never stores/) });
    expect(JSON.stringify(verdict)).not.toContain(name);
  });

  it('refuses a record of another subject, even one whose own chain is intact', () => {
    // Prepare: patient-1's first record, copied whole into patient-2's (empty) chain.
    const moved = { ...chainOf(1)[0]!, pk: 'SUBJECT#patient-2' } as ChainedAuditRecord;

    // Act
    const verdict = verifyChain([moved], 'patient-2');

    // Assess
    expect(verdict).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/another subject/) });
    expect(verifyChain([moved])).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/pk/) });
  });
});

/** A trail of patient-1 over lanes: `counts[lane]` records in each, stored items in key order (L01… before SEQ#). */
const trailOf = (counts: Readonly<Record<number, number>>): ChainedAuditRecord[] => {
  const items: ChainedAuditRecord[] = [];
  for (const [lane, count] of Object.entries(counts).map(([lane, count]) => [Number(lane), count] as const)) {
    let head: ChainedAuditRecord | undefined;
    for (let i = 0; i < count; i++) {
      head = nextRecord(event(`l${lane}-${i}`), head, `2026-11-25T12:00:0${i}.000Z`, lane);
      items.push(storedItem(head) as unknown as ChainedAuditRecord);
    }
  }
  return items.sort((a, b) => ((a as unknown as { sk: string }).sk < (b as unknown as { sk: string }).sk ? -1 : 1));
};
const skOf = (record: ChainedAuditRecord) => (record as unknown as { sk: string }).sk;

describe('Module: audit chain lanes (ADR 0019)', () => {
  it('hashes and keys a record of another lane with its lane, and a lane-0 record exactly as before lanes', () => {
    // Act
    const lane0 = nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z', 0);
    const lane3 = nextRecord(FIRST_EVENT, undefined, '2026-11-25T12:00:00.000Z', 3);

    // Assess
    expect(lane0.hash).toBe(FIRST_HASH);
    expect(lane0).not.toHaveProperty('lane');
    expect(lane3.hash).not.toBe(FIRST_HASH);
    expect(lane3.hash).toBe(recordHash({ ...FIRST_EVENT, lane: 3, seq: 1, at: '2026-11-25T12:00:00.000Z', prevHash: GENESIS }));
    expect(storedItem(lane0)).toMatchObject({ sk: 'SEQ#000000000001' });
    expect(storedItem(lane3)).toMatchObject({ sk: 'L03#SEQ#000000000001', lane: 3 });
    expect(Object.keys(storedItem(lane3)).sort()).toEqual(LANE_ATTRIBUTES);
  });

  it.each(LANE_ATTRIBUTES)('detects an edit of the stored attribute %s of a lane record', (attribute) => {
    // Prepare
    const trail = trailOf({ 0: 2, 4: 3 });
    const index = trail.findIndex((r) => r.lane === 4 && r.seq === 2);
    const item = trail[index] as unknown as Record<string, unknown>;

    // Act
    trail[index] = { ...item, [attribute]: altered(item[attribute]) } as unknown as ChainedAuditRecord;

    // Assess
    expect(verifyChain(trail, 'patient-1')).toMatchObject({ ok: false });
  });

  it("detects the removal of a lane record's lane", () => {
    // Prepare
    const trail = trailOf({ 4: 2 });
    const { lane: _removed, ...rest } = trail[1]!;

    // Act
    trail[1] = rest;

    // Assess
    expect(verifyChain(trail, 'patient-1')).toMatchObject({ ok: false, lane: 0 });
  });

  it('verifies each lane from genesis and counts the events of every lane', () => {
    // Prepare
    const trail = trailOf({ 0: 3, 1: 2, 15: 4 });

    // Act
    const verdict = verifyChain(trail, 'patient-1');

    // Assess
    expect(trail.map(skOf).slice(0, 3)).toEqual(['L01#SEQ#000000000001', 'L01#SEQ#000000000002', 'L15#SEQ#000000000001']);
    expect(verdict).toEqual({ ok: true, events: 9 });
  });

  it('names the lane and seq of a break in one lane', () => {
    // Prepare
    const trail = trailOf({ 0: 3, 7: 3 });
    const index = trail.findIndex((r) => r.lane === 7 && r.seq === 2);

    // Act
    trail.splice(index, 1);

    // Assess
    expect(verifyChain(trail, 'patient-1')).toEqual({ ok: false, brokenAt: 2, lane: 7, reason: 'sequence gap (record deleted)' });
  });

  it.each([
    ['its lane and key changed, its hash kept', (r: ChainedAuditRecord) => ({ ...r, lane: 9, sk: 'L09#SEQ#000000000003' })],
    ['its key changed only', (r: ChainedAuditRecord) => ({ ...r, sk: 'L09#SEQ#000000000003' })],
    ['its lane changed only', (r: ChainedAuditRecord) => ({ ...r, lane: 9 })],
    ['a lane the writer never uses', (r: ChainedAuditRecord) => ({ ...r, lane: AUDIT_LANES, sk: `L${AUDIT_LANES}#SEQ#000000000003` })],
    ['lane 0 written out', (r: ChainedAuditRecord) => ({ ...r, lane: 0 })],
  ])('finds a record moved to another lane (%s)', (_name, move) => {
    // Prepare: lane 9 already holds two records, so the moved one would be its third.
    const trail = trailOf({ 0: 3, 9: 2 });
    const index = trail.findIndex((r) => (r.lane ?? 0) === 0 && r.seq === 3);

    // Act
    trail[index] = move(trail[index]!) as ChainedAuditRecord;

    // Assess
    expect(verifyChain(trail, 'patient-1')).toMatchObject({ ok: false });
  });
});
