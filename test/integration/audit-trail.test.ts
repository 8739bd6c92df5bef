import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { userKey } from '../../shared/data/keys';
import type { AuditEvent } from '../../shared/audit/ports';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { accountHolding } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';
import { altered, KEY_ATTRIBUTES, REQUIRED_ATTRIBUTES, STORED_ATTRIBUTES } from '../helpers/audit-tamper';

/**
 * docs/security.md #13: the trail is a set of hash chains per subject (lanes, ADR 0019) that no edit, deletion,
 * reordering, insertion or move escapes. The tamper cases run on lane 0 (`log`, one lane: the key format of every
 * record appended before lanes); the lane cases on a log with all 16 (`lanes`).
 */
let backend: TestBackend;
let log: DynamoAuditLog;
let lanes: DynamoAuditLog;
let trail: DynamoAuditTrail;
let raw: DynamoDBClient;
let compliance: string;
let complianceId: string;
beforeAll(async () => {
  backend = await startTestBackend();
  log = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, undefined, undefined, undefined, { lanes: 1 });
  lanes = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit);
  trail = new DynamoAuditTrail(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit);
  raw = new DynamoDBClient({ endpoint: backend.dynamodbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  // An officer whose account holds the role: the trail's routes check the account too.
  ({ userId: complianceId, token: compliance } = await accountHolding(backend, 'compliance'));
});
afterAll(async () => {
  raw?.destroy();
  await backend?.stop();
});

const event = (subjectId: string, n: number): AuditEvent => ({
  action: 'profile.read',
  outcome: 'success',
  subjectId,
  actor: { userId: `actor-${n % 3}`, roles: ['caregiver'] },
  resource: { type: 'profile', id: subjectId },
  requestId: `req-${n}`,
  sourceIp: '198.51.100.7',
});
const seeded = async (count: number): Promise<string> => {
  const subjectId = randomUUID();
  for (let n = 1; n <= count; n++) await log.append(event(subjectId, n));
  return subjectId;
};
const key = (subjectId: string, seq: number) => marshall({ pk: `SUBJECT#${subjectId}`, sk: `SEQ#${String(seq).padStart(12, '0')}` });
/** This backend runs no anchor, so no digest names any subject (test/integration/audit-verify-anchored.test.ts does). */
const NOT_ANCHORED = { result: 'not_anchored', digestsRead: 0 };
const verify = (subjectId: string, token = compliance) => backend.call('GET', `/api/v1/audit/verify?subjectId=${subjectId}`, { token });
/** A stored item read straight from the table, every attribute. */
const storedItem = async (subjectId: string, seq: number): Promise<Record<string, unknown>> =>
  unmarshall((await raw.send(new GetItemCommand({ TableName: backend.tables.audit, Key: key(subjectId, seq), ConsistentRead: true }))).Item!);

/** A chain of three events with every optional field set (two roles, a reason, a resource id). */
const seededFull = async (): Promise<string> => {
  const subjectId = randomUUID();
  for (let n = 1; n <= 3; n++) {
    await log.append({ ...event(subjectId, n), actor: { userId: `actor-${n}`, roles: ['caregiver', 'compliance'] }, reason: `consent:c-${n}` });
  }
  return subjectId;
};

/** Each lane's seqs, in key order: every lane must read 1..n. */
const seqsByLane = (records: readonly { lane?: number; seq: number }[]) => {
  const byLane = new Map<number, number[]>();
  for (const record of records) byLane.set(record.lane ?? 0, [...(byLane.get(record.lane ?? 0) ?? []), record.seq]);
  return byLane;
};

describe('Audit trail', () => {
  it('keeps one chain linear under concurrent appends', async () => {
    // Act
    const subjectId = randomUUID();
    await Promise.all(Array.from({ length: 20 }, (_, n) => log.append(event(subjectId, n))));

    // Assess
    const chain = await trail.chain(subjectId);
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verify(subjectId)).json).toEqual({ ok: true, events: 20, anchored: NOT_ANCHORED });
  });

  it('keeps every lane linear when several containers append at once (each with its own head cache)', async () => {
    // Prepare
    const subjectId = randomUUID();
    const containers = Array.from({ length: 4 }, () => new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit));

    // Act
    await Promise.all(Array.from({ length: 40 }, (_, n) => containers[n % 4]!.append(event(subjectId, n))));

    // Assess
    const chain = await trail.chain(subjectId);
    expect(chain).toHaveLength(40);
    for (const seqs of seqsByLane(chain).values()) expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqsByLane(chain).size).toBeGreaterThan(1);
    expect((await verify(subjectId)).json).toEqual({ ok: true, events: 40, anchored: NOT_ANCHORED });
  });

  it('finds a record moved to another lane, hash and all (ADR 0019)', async () => {
    // Prepare: 16 appends in flight from one container take 16 lanes, one record each.
    const subjectId = randomUUID();
    await Promise.all(Array.from({ length: 16 }, (_, n) => lanes.append(event(subjectId, n))));
    const chain = await trail.chain(subjectId);
    expect(seqsByLane(chain).size).toBe(16);
    const moved = chain.find((record) => record.lane === 5)!;

    // Act: lane 5's record re-put as lane 9's second (its key, lane and seq changed, its hash kept), the original deleted.
    await raw.send(
      new PutItemCommand({
        TableName: backend.tables.audit,
        Item: marshall({ ...moved, lane: 9, seq: 2, sk: 'L09#SEQ#000000000002' }, { removeUndefinedValues: true }),
      }),
    );
    await raw.send(new DeleteItemCommand({ TableName: backend.tables.audit, Key: marshall({ pk: `SUBJECT#${subjectId}`, sk: 'L05#SEQ#000000000001' }) }));

    // Assess
    expect((await verify(subjectId)).json).toMatchObject({
      ok: false,
      lane: 9,
      brokenAt: 2,
      reason: 'previous-hash mismatch (record inserted, reordered or replaced)',
    });
  });

  it('finds an edited event', async () => {
    const subjectId = await seeded(5);
    await raw.send(
      new UpdateItemCommand({
        TableName: backend.tables.audit,
        Key: key(subjectId, 3),
        UpdateExpression: 'SET outcome = :o',
        ExpressionAttributeValues: marshall({ ':o': 'denied' }),
      }),
    );
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds a deleted event', async () => {
    const subjectId = await seeded(5);
    await raw.send(new DeleteItemCommand({ TableName: backend.tables.audit, Key: key(subjectId, 2) }));
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds reordered events', async () => {
    const subjectId = await seeded(5);
    const chain = await trail.chain(subjectId);
    const swap = async (seq: number, record: (typeof chain)[number]) =>
      raw.send(
        new PutItemCommand({
          TableName: backend.tables.audit,
          Item: marshall(
            { ...record, pk: `SUBJECT#${subjectId}`, sk: `SEQ#${String(seq).padStart(12, '0')}`, actorId: record.actor.userId },
            { removeUndefinedValues: true },
          ),
        }),
      );
    await swap(2, chain[2]!);
    await swap(3, chain[1]!);
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds an inserted event', async () => {
    const subjectId = await seeded(3);
    const chain = await trail.chain(subjectId);
    const forged = { ...chain[1]!, requestId: 'forged', pk: `SUBJECT#${subjectId}`, sk: `SEQ#${String(2).padStart(12, '0')}a`, actorId: 'intruder' };
    await raw.send(new PutItemCommand({ TableName: backend.tables.audit, Item: marshall(forged, { removeUndefinedValues: true }) }));
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds an event whose actorId was edited, which the search by actor then misses, and names it', async () => {
    // Prepare
    const subjectId = await seeded(5);
    const bySearch = async () => (await trail.search({ actorId: 'actor-0' }, { limit: 100 })).items.filter((e) => e.subjectId === subjectId).map((e) => e.seq);
    expect(await bySearch()).toEqual([3]);

    // Act: through the SDK, as anyone with write access to the table could.
    await raw.send(
      new UpdateItemCommand({
        TableName: backend.tables.audit,
        Key: key(subjectId, 3),
        UpdateExpression: 'SET actorId = :a',
        ExpressionAttributeValues: marshall({ ':a': 'actor-1' }),
      }),
    );

    // Assess
    expect(await bySearch()).toEqual([]);
    expect((await verify(subjectId)).json).toEqual({
      ok: false,
      brokenAt: 3,
      lane: 0,
      reason: 'stored actorId does not match the hashed fields (record edited)',
      anchored: { result: 'broken', digestsRead: 0 },
    });
  });

  it('stores exactly these attributes on an audit item, no more', async () => {
    // Act
    const subjectId = await seededFull();

    // Assess
    expect(Object.keys(await storedItem(subjectId, 2)).sort()).toEqual(STORED_ATTRIBUTES);
    expect((await verify(subjectId)).json).toEqual({ ok: true, events: 3, anchored: NOT_ANCHORED });
  });

  it.each(STORED_ATTRIBUTES)('finds an edit of the stored attribute %s', async (attribute) => {
    // Prepare
    const subjectId = await seededFull();
    const item = await storedItem(subjectId, 2);

    // Act: a key cannot be updated in place, so the item is re-put under the edited key and the original deleted.
    if (KEY_ATTRIBUTES.includes(attribute)) {
      await raw.send(new PutItemCommand({ TableName: backend.tables.audit, Item: marshall({ ...item, [attribute]: altered(item[attribute]) }) }));
      await raw.send(new DeleteItemCommand({ TableName: backend.tables.audit, Key: key(subjectId, 2) }));
    } else {
      await raw.send(
        new UpdateItemCommand({
          TableName: backend.tables.audit,
          Key: key(subjectId, 2),
          UpdateExpression: 'SET #a = :v',
          ExpressionAttributeNames: { '#a': attribute },
          ExpressionAttributeValues: marshall({ ':v': altered(item[attribute]) }),
        }),
      );
    }

    // Assess
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it.each(REQUIRED_ATTRIBUTES.filter((a) => !KEY_ATTRIBUTES.includes(a)))('finds the removal of the stored attribute %s', async (attribute) => {
    // Prepare
    const subjectId = await seededFull();

    // Act
    await raw.send(
      new UpdateItemCommand({
        TableName: backend.tables.audit,
        Key: key(subjectId, 2),
        UpdateExpression: 'REMOVE #a',
        ExpressionAttributeNames: { '#a': attribute },
      }),
    );

    // Assess
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds an attribute added to a stored item', async () => {
    // Prepare
    const subjectId = await seededFull();

    // Act
    await raw.send(
      new UpdateItemCommand({
        TableName: backend.tables.audit,
        Key: key(subjectId, 2),
        UpdateExpression: 'SET note = :n',
        ExpressionAttributeValues: marshall({ ':n': 'added' }),
      }),
    );

    // Assess
    expect((await verify(subjectId)).json).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/never stores/) });
  });

  it("finds a record moved into another subject's chain, even where it is the whole chain", async () => {
    // Prepare
    const subjectId = await seeded(2);
    const other = randomUUID();

    // Act: the first record, hash and all, copied into the other subject's empty partition.
    await raw.send(new PutItemCommand({ TableName: backend.tables.audit, Item: marshall({ ...(await storedItem(subjectId, 1)), pk: `SUBJECT#${other}` }) }));

    // Assess
    expect((await verify(other)).json).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringMatching(/another subject/) });
    expect((await verify(subjectId)).json).toEqual({ ok: true, events: 2, anchored: NOT_ANCHORED });
  });

  it('lets compliance search by subject, actor, action and time', async () => {
    // Prepare
    const subjectId = await seeded(6);

    // Act
    const bySubject = await backend.call('GET', `/api/v1/audit/events?subjectId=${subjectId}&limit=4`, { token: compliance });
    const next = await backend.call('GET', `/api/v1/audit/events?subjectId=${subjectId}&limit=4&cursor=${bySubject.json.nextCursor}`, { token: compliance });
    const byActor = await backend.call('GET', `/api/v1/audit/events?actorId=actor-1&action=profile.read&from=2000-01-01T00:00:00Z`, { token: compliance });
    const unbounded = await backend.call('GET', '/api/v1/audit/events?action=profile.read', { token: compliance });

    // Assess
    expect(bySubject.json.items.map((e: { seq: number }) => e.seq)).toEqual([6, 5, 4, 3]);
    expect(next.json.items.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    expect(byActor.json.items.length).toBeGreaterThanOrEqual(2);
    expect(byActor.json.items.every((e: { actor: { userId: string } }) => e.actor.userId === 'actor-1')).toBe(true);
    expect(unbounded.status).toBe(400);
  });

  // Found by the route fuzzer (test/fuzz/): reversed bounds reached the store as a BETWEEN it refuses, a 500.
  it.each([
    ['by subject and actor (the shrunk request)', 'subjectId=_&actorId=3&action=.&from=2027-02-20T10%3A27%3A53.228Z&to=2024-01-01T00%3A00%3A00.032Z&limit=33'],
    ['by actor', 'actorId=actor-1&from=2027-02-20T10%3A27%3A53.228Z&to=2024-01-01T00%3A00%3A00.032Z'],
  ])('refuses a search %s whose from is after its to with 400, never 5xx', async (_name, query) => {
    // Act
    const reversed = await backend.call('GET', `/api/v1/audit/events?${query}`, { token: compliance });
    const instant = await backend.call('GET', '/api/v1/audit/events?actorId=actor-1&from=2024-01-01T00%3A00%3A00Z&to=2024-01-01T00%3A00%3A00Z', {
      token: compliance,
    });

    // Assess
    expect([reversed.status, reversed.json.error.code, reversed.json.error.details]).toEqual([
      400,
      'invalid_query',
      [{ path: 'to', message: 'from must not be after to' }],
    ]);
    expect([instant.status, instant.json.items]).toEqual([200, []]);
  });

  it("searches a subject's events across lanes newest first, in pages whose cursors round-trip, each event once (bySubjectTime)", async () => {
    // Prepare: 24 events over many lanes, appended in 3 waves of 8 in flight, each wave later than the last.
    const subjectId = randomUUID();
    for (let wave = 0; wave < 3; wave++) {
      await Promise.all(Array.from({ length: 8 }, (_, n) => lanes.append(event(subjectId, wave * 8 + n))));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const stored = await trail.chain(subjectId);
    expect(seqsByLane(stored).size).toBeGreaterThan(1);

    // Act
    const pages: { items: { at: string; requestId: string; lane?: number }[]; nextCursor?: string }[] = [];
    let cursor: string | undefined;
    do {
      const query = `subjectId=${subjectId}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await backend.call('GET', `/api/v1/audit/events?${query}`, { token: compliance });
      expect(response.status).toBe(200);
      pages.push(response.json);
      cursor = response.json.nextCursor;
    } while (cursor !== undefined && pages.length < 10);
    const windowed = await backend.call('GET', `/api/v1/audit/events?subjectId=${subjectId}&from=${stored.map((r) => r.at).sort()[8]}&limit=50`, {
      token: compliance,
    });

    // Assess
    const items = pages.flatMap((page) => page.items);
    expect(items.map((e) => e.requestId).sort()).toEqual(stored.map((r) => r.requestId).sort());
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
    expect(items.some((e) => e.lane !== undefined)).toBe(true);
    expect(windowed.json.items.every((e: { at: string }) => e.at >= stored.map((r) => r.at).sort()[8]!)).toBe(true);
    expect(windowed.json.items.length).toBeGreaterThanOrEqual(16);
  });

  it("keeps intact the chain the handlers themselves write (the officer's audited searches and verifications)", async () => {
    // Prepare
    await verify(await seeded(1));
    await backend.call('GET', '/api/v1/audit/events?actorId=actor-1', { token: compliance });

    // Act
    const officer = (await verify(complianceId)).json;

    // Assess
    expect(officer).toMatchObject({ ok: true });
    expect(officer.events).toBeGreaterThanOrEqual(2);
  });

  it('lets an officer whose account was disabled, or whose role was taken back, neither search nor verify (404, 403)', async () => {
    // Prepare: two officers; the tokens still claim the role for up to 15 minutes
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    const identity = new DynamoUserRepository(client, backend.tables.identity);
    const disabled = await accountHolding(backend, 'compliance');
    const demoted = await accountHolding(backend, 'compliance');
    try {
      await client.send(
        new UpdateCommand({
          TableName: backend.tables.identity,
          Key: { pk: userKey(disabled.userId) },
          UpdateExpression: 'SET #s = :d',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':d': 'disabled' },
        }),
      );
      expect(await identity.setRoles(demoted.userId, ['patient'], ['patient', 'compliance'])).toBe(true);

      // Act
      const answers = [];
      for (const token of [disabled.token, demoted.token]) {
        answers.push(await backend.call('GET', `/api/v1/audit/events?subjectId=${complianceId}`, { token }));
        answers.push(await verify(complianceId, token));
      }

      // Assess: before, 200 each: the trail names people, places and times
      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 403, 403]);
      expect(answers.every((answer) => answer.json.items === undefined && answer.json.ok === undefined)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('lets no patient or admin read the trail', async () => {
    for (const role of ['patient', 'admin', 'caregiver'] as const) {
      const token = await tokenFor(backend.dataDir, randomUUID(), [role]);
      expect((await backend.call('GET', `/api/v1/audit/events?subjectId=${randomUUID()}`, { token })).status).toBe(403);
    }
  });
});
