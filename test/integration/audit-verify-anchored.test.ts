import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { anchorAudit } from '../../shared/audit/anchor';
import type { AuditEvent } from '../../shared/audit/ports';
import { anchorDeps, noAnchorMetrics } from '../../shared/runtime/audit-anchor';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { anchorKeysOf } from '../helpers/anchor-keys';
import { rewriteAndRecompute } from '../helpers/audit-forgery';
import { accountHolding } from '../helpers/admin';

/**
 * docs/security.md #28 through the route: GET /api/v1/audit/verify checks the chain against the digests the anchor
 * wrote into the backend's own data dir (as `npm start` does). Digests chain across subjects and the anchor's
 * windows follow its clock, so the tests share one digest chain and one clock that only moves forward.
 */
let backend: TestBackend;
let raw: DynamoDBClient;
let trail: DynamoAuditTrail;
let compliance: string;
let complianceId: string;
let now = Date.parse('2026-03-02T10:00:00.000Z');
const clock = { now: () => new Date(now) };
const MIN = 60_000;

beforeAll(async () => {
  backend = await startTestBackend();
  raw = new DynamoDBClient({ endpoint: backend.dynamodbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  trail = new DynamoAuditTrail(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit);
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
  actor: { userId: `actor-${n}`, roles: ['caregiver'] },
  resource: { type: 'profile', id: subjectId },
  requestId: `req-${n}`,
  sourceIp: '198.51.100.7',
  reason: `consent:c-${n}`,
});

/** `count` events for `subjectId` one minute into a fresh 10-minute slot, then an anchor run once their window closed. */
const appendAndAnchor = async (subjectId: string, count: number): Promise<void> => {
  now += 10 * MIN;
  // One lane (lane 0, the key format before lanes), so the tamper cases below know each record's key.
  const log = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, clock, undefined, undefined, { lanes: 1 });
  for (let n = 1; n <= count; n++) await log.append(event(subjectId, n));
  now += 6 * MIN;
  const config = {
    CAREBOW_STAGE: 'local' as const,
    AUDIT_TABLE: backend.tables.audit,
    DYNAMODB_ENDPOINT: backend.dynamodbEndpoint,
    ...anchorKeysOf(backend),
  };
  const outcome = await anchorAudit(anchorDeps(config, { metrics: noAnchorMetrics, clock }), { stage: 'local' });
  expect(outcome).toMatchObject({ written: true });
};

const verify = (subjectId: string) => backend.call('GET', `/api/v1/audit/verify?subjectId=${subjectId}`, { token: compliance });

/** The reason of the officer's newest audit event (by time: its lanes interleave in key order), the route's one event per request. */
const lastOfficerReason = async (): Promise<string | undefined> =>
  (await trail.chain(complianceId)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1)?.reason;

const key = (subjectId: string, seq: number) => marshall({ pk: `SUBJECT#${subjectId}`, sk: `SEQ#${String(seq).padStart(12, '0')}` });

describe('GET /api/v1/audit/verify against the signed digests', () => {
  it('answers ok with the anchored seq for an untouched anchored chain, and audits the check with its result', async () => {
    // Prepare
    const subjectId = randomUUID();
    await appendAndAnchor(subjectId, 3);

    // Act
    const response = await verify(subjectId);

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true, events: 3, anchored: { result: 'ok', anchoredSeq: 3, digestsRead: 1 } });
    expect(await lastOfficerReason()).toBe(`subject:${subjectId} anchored:ok`);
  });

  it('answers ok:false, truncated when the newest records were dropped after an anchor, though the rest chains', async () => {
    // Prepare
    const subjectId = randomUUID();
    await appendAndAnchor(subjectId, 4);
    for (const seq of [4, 3]) await raw.send(new DeleteItemCommand({ TableName: backend.tables.audit, Key: key(subjectId, seq) }));

    // Act
    const response = await verify(subjectId);

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      ok: false,
      brokenAt: 3,
      lane: 0,
      reason: 'chain ends at seq 2 but seq 4 was anchored (records dropped)',
      anchored: { result: 'truncated', digestsRead: 2 },
    });
    expect(await lastOfficerReason()).toBe(`subject:${subjectId} anchored:truncated`);
  });

  it('answers ok:false, recomputed for a rewritten chain whose hashes were recomputed', async () => {
    // Prepare
    const subjectId = randomUUID();
    await appendAndAnchor(subjectId, 3);
    await rewriteAndRecompute({ raw, trail, table: backend.tables.audit }, subjectId);

    // Act
    const response = await verify(subjectId);

    // Assess
    expect(response.json).toMatchObject({ ok: false, brokenAt: 3, anchored: { result: 'recomputed', digestsRead: 3 } });
    expect(JSON.stringify(response.json)).not.toMatch(/consent:|198\.51\.100\.7|actor-/);
  });

  it('answers ok with not_anchored for a verifying chain no digest names', async () => {
    // Prepare: events after the last anchor run, so no digest has them yet
    const subjectId = randomUUID();
    now += 10 * MIN;
    const log = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, clock);
    for (let n = 1; n <= 2; n++) await log.append(event(subjectId, n));

    // Act
    const response = await verify(subjectId);

    // Assess
    expect(response.json).toEqual({ ok: true, events: 2, anchored: { result: 'not_anchored', digestsRead: 3 } });
    expect(await lastOfficerReason()).toBe(`subject:${subjectId} anchored:not_anchored`);
  });
});
