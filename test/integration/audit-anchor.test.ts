import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { anchorAudit } from '../../shared/audit/anchor';
import { verifyAnchoredChain } from '../../shared/audit/anchored-verify';
import { auditSortKey } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/audit/ports';
import { anchorDeps } from '../../shared/runtime/audit-anchor';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { RecordingAnchorMetrics } from '../helpers/fakes/audit-anchor';
import { rewriteAndRecompute } from '../helpers/audit-forgery';
import { accountHolding } from '../helpers/admin';
import { startAuditAnchorTimer } from '../../local/audit-anchor-timer';

/** docs/security.md #28: anchored chains; truncation and recomputation are found, and so is a deleted or altered digest. */
let backend: TestBackend;
let raw: DynamoDBClient;
const MIN = 60_000;
const dirs: string[] = [];
beforeAll(async () => {
  backend = await startTestBackend();
  raw = new DynamoDBClient({ endpoint: backend.dynamodbEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  raw?.destroy();
  await backend?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
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

/**
 * A digest folder of its own (digests chain across subjects, so a test that breaks one must not break the others'),
 * the real adapters on dynalite, and a clock the test moves. `t0` keeps each test in windows of its own.
 */
const anchorWorld = (t0: number) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carebow-anchor-'));
  dirs.push(dataDir);
  let now = t0;
  const clock = { now: () => new Date(now) };
  const metrics = new RecordingAnchorMetrics();
  const config = {
    CAREBOW_STAGE: 'local' as const,
    AUDIT_TABLE: backend.tables.audit,
    DYNAMODB_ENDPOINT: backend.dynamodbEndpoint,
    KEY_PROVIDER: 'local' as const,
    CAREBOW_DATA_DIR: dataDir,
  };
  const deps = anchorDeps(config, { metrics, clock });
  // One lane (lane 0, the key format before lanes), so the tamper cases know each record's key; `lanes` uses all 16.
  const log = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, clock, undefined, undefined, { lanes: 1 });
  const lanes = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, clock);
  return {
    dataDir,
    deps,
    metrics,
    digestDir: join(dataDir, 'audit-digests', 'local'),
    at: (t: number) => (now = t),
    append: async (subjectId: string, count: number) => {
      const chain = await deps.auditTrail.chain(subjectId);
      for (let n = 1; n <= count; n++) await log.append(event(subjectId, chain.length + n));
    },
    /** `count` appends in flight at once from one container: over as many lanes. */
    appendAtOnce: async (subjectId: string, count: number) => {
      await Promise.all(Array.from({ length: count }, (_, n) => lanes.append(event(subjectId, n + 1))));
    },
    anchor: () => anchorAudit(deps, { stage: 'local' }),
    verify: (subjectId: string) => verifyAnchoredChain(deps, subjectId),
  };
};

const key = (subjectId: string, seq: number) => marshall({ pk: `SUBJECT#${subjectId}`, sk: `SEQ#${String(seq).padStart(12, '0')}` });

describe('Audit anchoring on dynalite', () => {
  it('anchors changed chains in a signed digest file and verifies an untouched chain', async () => {
    // Prepare
    const w = anchorWorld(Date.parse('2026-03-02T10:00:00.000Z'));
    const subjectId = randomUUID();
    w.at(Date.parse('2026-03-02T10:01:00.000Z'));
    await w.append(subjectId, 3);

    // Act
    w.at(Date.parse('2026-03-02T10:06:30.000Z'));
    const outcome = await w.anchor();
    const verdict = await w.verify(subjectId);

    // Assess
    expect(outcome).toMatchObject({ written: true, to: '2026-03-02T10:05:00.000Z' });
    const [file] = readdirSync(w.digestDir);
    const stored = readFileSync(join(w.digestDir, file!), 'utf8');
    const digest = JSON.parse(stored);
    expect(digest.heads).toContainEqual({ subjectId, lane: 0, seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(digest).toMatchObject({ version: 2, stage: 'local', previous: null, signingKeyId: expect.stringMatching(/^local:[0-9a-f]{16}$/) });
    // Ids, seqs and hashes only: nothing of the events themselves.
    expect(stored).not.toMatch(/profile\.read|198\.51\.100\.7|consent:|actor-/);
    expect(verdict).toEqual({ ok: true, result: 'ok', events: 3, anchoredSeq: 3, digestsChecked: 1 });
    expect(w.metrics.counts.get('AuditDigestWritten')).toBe(1);
    expect(w.metrics.counts.get('AuditChainVerification:ok')).toBe(1);
  });

  it('reports a chain whose newest records were dropped as truncated (verifier and next anchor run)', async () => {
    // Prepare
    const w = anchorWorld(Date.parse('2026-03-03T10:00:00.000Z'));
    const subjectId = randomUUID();
    w.at(Date.parse('2026-03-03T10:01:00.000Z'));
    await w.append(subjectId, 4);
    w.at(Date.parse('2026-03-03T10:06:30.000Z'));
    await w.anchor();

    // Act
    for (const seq of [4, 3]) await raw.send(new DeleteItemCommand({ TableName: backend.tables.audit, Key: key(subjectId, seq) }));
    const verdict = await w.verify(subjectId);
    w.at(Date.parse('2026-03-03T10:11:30.000Z'));
    const nextRun = await w.anchor();

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'truncated', brokenAt: 3 });
    expect(nextRun.continuity.truncated).toBe(1);
    expect(w.metrics.counts.get('AuditChainVerification:truncated')).toBe(2);
  });

  it("anchors every lane's head and finds one lane truncated, naming it (ADR 0019)", async () => {
    // Prepare: 8 appends in flight over 8 lanes, then 2 more on each of those lanes.
    const w = anchorWorld(Date.parse('2026-03-06T10:00:00.000Z'));
    const subjectId = randomUUID();
    w.at(Date.parse('2026-03-06T10:01:00.000Z'));
    for (let round = 0; round < 3; round++) await w.appendAtOnce(subjectId, 8);
    w.at(Date.parse('2026-03-06T10:06:30.000Z'));
    await w.anchor();
    const trail = await w.deps.auditTrail.chain(subjectId);
    // The head of the longest lane (the container's preferred lane holds one record per round).
    const victim = [...trail].sort((a, b) => b.seq - a.seq)[0]!;

    // Act: that lane's newest record dropped.
    await raw.send(
      new DeleteItemCommand({ TableName: backend.tables.audit, Key: marshall({ pk: `SUBJECT#${subjectId}`, sk: auditSortKey(victim.seq, victim.lane ?? 0) }) }),
    );
    const verdict = await w.verify(subjectId);

    // Assess
    const [file] = readdirSync(w.digestDir);
    const digest = JSON.parse(readFileSync(join(w.digestDir, file!), 'utf8'));
    const lanes = digest.heads.filter((head: { subjectId: string }) => head.subjectId === subjectId);
    expect(lanes).toHaveLength(new Set(trail.map((record) => record.lane ?? 0)).size);
    expect(lanes.reduce((sum: number, head: { seq: number }) => sum + head.seq, 0)).toBe(24);
    expect(victim.seq).toBe(3);
    expect(verdict).toMatchObject({ ok: false, result: 'truncated', brokenAt: 3, lane: victim.lane ?? 0 });
  });

  it('reports a rewritten chain with recomputed hashes as recomputed, though it verifies on its own', async () => {
    // Prepare
    const w = anchorWorld(Date.parse('2026-03-04T10:00:00.000Z'));
    const subjectId = randomUUID();
    w.at(Date.parse('2026-03-04T10:01:00.000Z'));
    await w.append(subjectId, 3);
    w.at(Date.parse('2026-03-04T10:06:30.000Z'));
    await w.anchor();

    // Act
    await rewriteAndRecompute(
      { raw, trail: new DynamoAuditTrail(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit), table: backend.tables.audit },
      subjectId,
    );
    const verdict = await w.verify(subjectId);
    w.at(Date.parse('2026-03-04T10:11:30.000Z'));
    const nextRun = await w.anchor();

    // Assess
    const chainOnly = await backend.call('GET', `/api/v1/audit/verify?subjectId=${subjectId}`, {
      token: (await accountHolding(backend, 'compliance')).token,
    });
    // The route reads the backend's own digests, which this world's anchor did not write to.
    expect(chainOnly.json).toEqual({ ok: true, events: 3, anchored: { result: 'not_anchored', digestsRead: 0 } });
    expect(verdict).toMatchObject({ ok: false, result: 'recomputed', brokenAt: 3 });
    expect(nextRun.continuity.recomputed).toBe(1);
  });

  it.each([
    ['deleted', (path: string) => unlinkSync(path), 'digest deleted'],
    ['altered', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(/"seq":\d+/, '"seq":1')), 'invalid signature'],
  ])('finds a digest %s', async (_name, tamper, reason) => {
    // Prepare
    const w = anchorWorld(Date.parse('2026-03-05T10:00:00.000Z'));
    const subjectId = randomUUID();
    w.at(Date.parse('2026-03-05T10:01:00.000Z'));
    await w.append(subjectId, 2);
    w.at(Date.parse('2026-03-05T10:06:30.000Z'));
    await w.anchor();
    w.at(Date.parse('2026-03-05T10:07:00.000Z'));
    await w.append(subjectId, 1);
    w.at(Date.parse('2026-03-05T10:11:30.000Z'));
    await w.anchor();
    const [, oldest] = readdirSync(w.digestDir).sort();

    // Act
    tamper(join(w.digestDir, oldest!));
    const verdict = await w.verify(subjectId);

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'broken' });
    expect((verdict as { reason: string }).reason).toContain(reason);
  });

  it('runs as the anchor worker on the local stand-ins, into <dataDir>/audit-digests/', async () => {
    // Prepare: events an hour ago, so their windows have closed
    const dataDir = mkdtempSync(join(tmpdir(), 'carebow-anchor-worker-'));
    dirs.push(dataDir);
    const subjectId = randomUUID();
    const hourAgo = { now: () => new Date(Date.now() - 60 * MIN) };
    const log = new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, hourAgo);
    await log.append(event(subjectId, 1));
    const saved = { ...process.env };
    Object.assign(process.env, {
      CAREBOW_STAGE: 'local',
      AUDIT_TABLE: backend.tables.audit,
      DYNAMODB_ENDPOINT: backend.dynamodbEndpoint,
      KEY_PROVIDER: 'local',
      CAREBOW_DATA_DIR: dataDir,
    });

    // Act
    const { handler } = await import('../../functions/audit/anchor');
    const result = await handler();
    process.env = saved;

    // Assess
    expect(result).toEqual({ written: true });
    const [file] = readdirSync(join(dataDir, 'audit-digests', 'local'));
    expect(JSON.parse(readFileSync(join(dataDir, 'audit-digests', 'local', file!), 'utf8')).heads).toContainEqual(
      expect.objectContaining({ subjectId, seq: 1 }),
    );
  });

  it('runs on npm start’s timer into <dataDir>/audit-digests/local/', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'carebow-anchor-timer-'));
    dirs.push(dataDir);
    const subjectId = randomUUID();
    const hourAgo = { now: () => new Date(Date.now() - 60 * MIN) };
    await new DynamoAuditLog(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit, hourAgo).append(event(subjectId, 1));

    // Act
    const timer = startAuditAnchorTimer({ dataDir, dynamodbEndpoint: backend.dynamodbEndpoint, auditTable: backend.tables.audit, everyMs: 20 });
    await vi.waitFor(() => expect(existsSync(join(dataDir, 'audit-digests', 'local'))).toBe(true), { timeout: 10_000 });
    await timer.stop();

    // Assess
    const files = readdirSync(join(dataDir, 'audit-digests', 'local'));
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dataDir, 'audit-digests', 'local', files[0]!), 'utf8')).heads).toContainEqual(
      expect.objectContaining({ subjectId, seq: 1 }),
    );
  });
});
