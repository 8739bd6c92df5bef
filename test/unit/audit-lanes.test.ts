import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AuditAppendError, DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { verifyChain, type ChainedAuditRecord } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/audit/ports';
import { conditionFailure } from '../helpers/in-memory';

/**
 * The lane appender (ADR 0019) on a fake audit table: a lost race moves to another lane at once, the back-off waits
 * only once every lane was tried, and one container's appends in flight take distinct lanes.
 */
const event = (n: number): AuditEvent => ({
  action: 'profile.read',
  outcome: 'success',
  subjectId: 'patient-1',
  actor: { userId: 'patient-1', roles: ['patient'] },
  resource: { type: 'profile', id: 'patient-1' },
  requestId: `req-${n}`,
  sourceIp: '127.0.0.1',
});

/**
 * The audit table in memory: Query (`pk = :pk AND begins_with(sk, :lane)`, newest first), conditional Put and Get.
 * `rival(item)` runs before each put and may return an item a rival writer puts first (under the same key).
 */
const fakeTable = (rival: (item: Record<string, unknown>) => Record<string, unknown> | undefined = () => undefined) => {
  const items = new Map<string, Record<string, unknown>>();
  const puts: string[] = [];
  const place = (item: Record<string, unknown>) => `${String(item['pk'])}|${String(item['sk'])}`;
  const client = {
    send: async (command: unknown) => {
      // A turn of the event loop per call, as a network round trip gives, so appends in flight interleave.
      await Promise.resolve();
      if (command instanceof QueryCommand) {
        const values = command.input.ExpressionAttributeValues!;
        const matching = [...items.values()]
          .filter((item) => item['pk'] === values[':pk'] && String(item['sk']).startsWith(String(values[':lane'])))
          .sort((a, b) => (String(a['sk']) < String(b['sk']) ? 1 : -1));
        return { Items: matching.slice(0, 1) };
      }
      if (command instanceof PutCommand) {
        const item = command.input.Item as Record<string, unknown>;
        const first = rival(item);
        // A rival's record is another record: its hash differs, so the append does not take it for its own.
        if (first !== undefined) items.set(place(first), { ...first, hash: `${String(first['hash'])}~rival` });
        puts.push(String(item['sk']));
        if (items.has(place(item))) throw conditionFailure('put');
        items.set(place(item), item);
        return {};
      }
      if (command instanceof GetCommand) {
        // The read after a refused put: is the record there this append's own?
        return { Item: items.get(place(command.input.Key as Record<string, unknown>)) };
      }
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBDocumentClient;
  const trail = () => [...items.values()].sort((a, b) => (String(a['sk']) < String(b['sk']) ? -1 : 1)) as unknown as ChainedAuditRecord[];
  return { client, puts, trail };
};

/** A random source that returns the given values in turn, then 0. */
const sequence = (...values: number[]) => {
  let n = 0;
  return () => values[n++] ?? 0;
};

describe('Class: DynamoAuditLog (lanes)', () => {
  it('moves to an untried lane at once after a lost race, without sleeping', async () => {
    // Prepare: the preferred lane is 2 (of 16); a rival takes lane 2's next number just before the first put.
    let raced = false;
    const { client, puts, trail } = fakeTable((item) => {
      if (raced) return undefined;
      raced = true;
      return { ...item, requestId: 'rival' };
    });
    const sleeps: number[] = [];
    let retries = 0;
    const log = new DynamoAuditLog(client, 'audit', undefined, () => (retries += 1), undefined, {
      random: sequence(2 / 16, 9 / 15),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

    // Act
    await log.append(event(1));

    // Assess
    expect(puts).toEqual(['L02#SEQ#000000000001', 'L10#SEQ#000000000001']);
    expect(retries).toBe(1);
    expect(sleeps).toEqual([]);
    expect(trail().find((item) => item.requestId === 'req-1')).toMatchObject({ lane: 10, seq: 1 });
  });

  it('backs off once every lane was tried, then starts over and lands', async () => {
    // Prepare: 4 lanes; a rival wins each of the first 4 races.
    let races = 0;
    const { client, puts, trail } = fakeTable((item) => (races++ < 4 ? { ...item, requestId: `rival-${races}` } : undefined));
    const sleeps: number[] = [];
    const log = new DynamoAuditLog(client, 'audit', undefined, undefined, undefined, { lanes: 4, sleep: async (ms) => void sleeps.push(ms) });

    // Act
    await log.append(event(1));

    // Assess
    expect(puts).toHaveLength(5);
    expect(new Set(puts.slice(0, 4).map((sk) => sk.slice(0, 4)))).toEqual(new Set(['SEQ#', 'L01#', 'L02#', 'L03#']));
    expect(sleeps).toHaveLength(1);
    expect(puts[4]).toMatch(/SEQ#000000000002$/);
    expect(trail().filter((item) => item.requestId === 'req-1')).toEqual([expect.objectContaining({ seq: 2 })]);
  });

  it('gives the appends in flight of one container distinct lanes: none loses a race', async () => {
    // Prepare
    const { client, puts, trail } = fakeTable();
    let retries = 0;
    const log = new DynamoAuditLog(client, 'audit', undefined, () => (retries += 1));

    // Act
    await Promise.all(Array.from({ length: 8 }, (_, n) => log.append(event(n))));

    // Assess
    expect(retries).toBe(0);
    expect(new Set(puts.map((sk) => sk.slice(0, 4))).size).toBe(8);
    expect(verifyChain(trail(), 'patient-1')).toEqual({ ok: true, events: 8 });
  });

  it('continues a lane from its cached head: the next append of the container is one put', async () => {
    // Prepare
    const { client, puts, trail } = fakeTable();
    const log = new DynamoAuditLog(client, 'audit');

    // Act
    for (let n = 0; n < 3; n++) await log.append(event(n));

    // Assess
    expect(puts.map((sk) => sk.slice(-1))).toEqual(['1', '2', '3']);
    expect(new Set(puts.map((sk) => sk.slice(0, 4))).size).toBe(1);
    expect(verifyChain(trail(), 'patient-1')).toEqual({ ok: true, events: 3 });
  });

  it('fails with AuditAppendError after maxAttempts puts, having tried other lanes first', async () => {
    // Prepare: every race is lost.
    let races = 0;
    const { client, puts } = fakeTable((item) => ({ ...item, requestId: `rival-${races++}` }));
    const log = new DynamoAuditLog(client, 'audit', undefined, undefined, 3, { sleep: async () => {} });

    // Act
    const append = log.append(event(1));

    // Assess
    await expect(append).rejects.toThrow(AuditAppendError);
    expect(new Set(puts.map((sk) => sk.slice(0, 4))).size).toBe(3);
  });

  it.each([0, 17, 1.5])('refuses %s lanes', (lanes) => {
    expect(() => new DynamoAuditLog({} as DynamoDBDocumentClient, 'audit', undefined, undefined, undefined, { lanes })).toThrow(RangeError);
  });
});
