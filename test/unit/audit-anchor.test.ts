import { describe, expect, it } from 'vitest';
import { anchorAudit, type AnchorDeps } from '../../shared/audit/anchor';
import { anchorWindowOf, windowsBetween } from '../../shared/audit/anchor-window';
import { verifyAnchoredChain } from '../../shared/audit/anchored-verify';
import { nextRecord, recordHash, storedItem, type ChainedAuditRecord } from '../../shared/audit/chain';
import {
  anchoredHeads,
  AuditDigestError,
  buildDigest,
  digestBody,
  digestHash,
  digestKey,
  openDigest,
  signDigest,
  signedBytes,
  type AuditDigest,
} from '../../shared/audit/digest';
import type { AuditEvent, StoredAuditEvent } from '../../shared/audit/ports';
import { MemoryAnchorHeads, MemoryDigestStore, memorySigner, RecordingAnchorMetrics } from '../helpers/fakes/audit-anchor';

const T0 = Date.parse('2026-11-26T20:00:00.000Z');
const MIN = 60_000;
const HASH = (c: string) => c.repeat(64);

const event = (subjectId: string, n: number): AuditEvent => ({
  action: 'profile.read',
  outcome: 'success',
  subjectId,
  actor: { userId: `actor-${n}`, roles: ['caregiver'] },
  resource: { type: 'profile', id: subjectId },
  requestId: `req-${n}`,
  sourceIp: '198.51.100.7',
});

/** A world: chains in memory, a digest store, a signer, metrics and a settable clock. */
const world = () => {
  const heads = new MemoryAnchorHeads();
  const digests = new MemoryDigestStore();
  const signer = memorySigner();
  const metrics = new RecordingAnchorMetrics();
  let now = T0;
  const deps: AnchorDeps = { heads, digests, signer, metrics, clock: { now: () => new Date(now) } };
  const verifyDeps = { auditTrail: heads, digests, signer, metrics };
  const append = (subjectId: string, at: number, count = 1, lane = 0) => {
    const chain = heads.chains.get(subjectId) ?? [];
    for (let i = 0; i < count; i++) {
      const head = chain.filter((record) => (record.lane ?? 0) === lane).at(-1);
      const record = nextRecord(event(subjectId, chain.length + 1), head, new Date(at).toISOString(), lane);
      chain.push(storedItem(record) as unknown as StoredAuditEvent);
    }
    heads.chains.set(subjectId, chain);
  };
  return { heads, digests, signer, metrics, deps, verifyDeps, append, setNow: (t: number) => (now = t) };
};

/** Rewrites a whole trail with other events and recomputes every hash, lane by lane: internally consistent again. */
const recompute = (records: readonly StoredAuditEvent[]): StoredAuditEvent[] => {
  const out: StoredAuditEvent[] = [];
  for (const record of records) {
    const { hash: _h, prevHash: _p, seq: _s, lane, at, ...fields } = record as unknown as ChainedAuditRecord & Record<string, unknown>;
    const { pk: _pk, sk: _sk, actorId: _a, anchorWindow: _w, ...evt } = fields as Record<string, unknown>;
    const head = out.filter((r) => (r.lane ?? 0) === (lane ?? 0)).at(-1);
    const next = nextRecord({ ...(evt as unknown as AuditEvent), reason: 'rewritten' }, head, at, lane ?? 0);
    out.push(storedItem(next) as unknown as StoredAuditEvent);
  }
  return out;
};

describe('Audit anchor windows', () => {
  it('puts a record in the UTC hour of its at', () => {
    // Act
    const windows = ['2026-11-26T22:07:31.120Z', '2026-11-26T22:59:59.999Z', '2026-11-26T23:00:00.000Z', 42].map(anchorWindowOf);

    // Assess
    expect(windows).toEqual(['2026-11-26T22', '2026-11-26T22', '2026-11-26T23', undefined]);
  });

  it('queries each hour a period touches, with the period as an inclusive at range', () => {
    // Act
    const windows = windowsBetween(T0 - 5 * MIN, T0 + 5 * MIN);

    // Assess
    const range = { from: '2026-11-26T19:55:00.000Z', to: '2026-11-26T20:04:59.999Z' };
    expect(windows).toEqual([
      { window: '2026-11-26T19', ...range },
      { window: '2026-11-26T20', ...range },
    ]);
  });

  it('stores the window as a derived attribute, so a record hashes exactly as before', () => {
    // Prepare
    const record = nextRecord(event('s-1', 1), undefined, '2026-11-26T20:03:00.000Z');

    // Act
    const item = storedItem(record);

    // Assess
    expect(item['anchorWindow']).toBe('2026-11-26T20');
    const { hash, ...unhashed } = record;
    expect(recordHash(unhashed)).toBe(hash);
  });
});

describe('Audit digests', () => {
  it('builds one head per subject and lane (the highest seq), sorted by subject then lane, in canonical JSON (version 2)', async () => {
    // Prepare
    const signer = memorySigner('k-1');
    const heads = [
      { subjectId: 'b', lane: 0, seq: 2, hash: HASH('b') },
      { subjectId: 'a', lane: 5, seq: 1, hash: HASH('5') },
      { subjectId: 'a', lane: 0, seq: 1, hash: HASH('1') },
      { subjectId: 'a', lane: 0, seq: 3, hash: HASH('3') },
    ];

    // Act
    const digest = buildDigest({ stage: 'dev', from: T0, to: T0 + 5 * MIN, heads, previous: undefined, signingKeyId: 'k-1' });
    const signed = await signDigest(signer, digest);

    // Assess
    expect(new TextDecoder().decode(signedBytes(digest))).toBe(
      `{"heads":[{"hash":"${HASH('3')}","lane":0,"seq":3,"subjectId":"a"},{"hash":"${HASH('5')}","lane":5,"seq":1,"subjectId":"a"},` +
        `{"hash":"${HASH('b')}","lane":0,"seq":2,"subjectId":"b"}],` +
        '"period":{"from":"2026-11-26T20:00:00.000Z","to":"2026-11-26T20:05:00.000Z"},"previous":null,"signingKeyId":"k-1","stage":"dev","version":2}',
    );
    const body = digestBody(signed);
    expect(JSON.parse(body)).toEqual(signed);
    expect(Object.keys(JSON.parse(body))).toEqual(['heads', 'period', 'previous', 'signature', 'signingKeyId', 'stage', 'version']);
    await expect(openDigest(signer, { key: 'k', body: digestBody(signed) })).resolves.toEqual(signed);
  });

  it('names keys so that the newest digest sorts first', () => {
    // Act
    const older = digestKey('dev', T0);
    const newer = digestKey('dev', T0 + 5 * MIN);

    // Assess
    expect(newer).toMatch(/^dev\/\d{13}-20261126T200500Z\.json$/);
    expect([older, newer].sort()).toEqual([newer, older]);
  });

  it.each([
    ['not JSON', (body: string) => body.slice(1), 'is not JSON'],
    ['an unknown field', (body: string) => body.replace('{', '{"extra":1,'), 'is not a valid digest'],
    ['a head changed', (body: string) => body.replace('"seq":3', '"seq":2'), 'invalid signature'],
    ['another key id', (body: string) => body.replace('"signingKeyId":"k-1"', '"signingKeyId":"k-2"'), 'invalid signature'],
    ['a lane out of range', (body: string) => body.replace('"lane":0', '"lane":16'), 'is not a valid digest'],
    ['a head without its lane', (body: string) => body.replace('"lane":0,', ''), 'is not a valid digest'],
    ['version 1 with a lane', (body: string) => body.replace('"version":2', '"version":1'), 'is not a valid digest'],
  ])('refuses a digest with %s', async (_name, tamper, message) => {
    // Prepare
    const signer = memorySigner('k-1');
    const digest = buildDigest({
      stage: 'dev',
      from: T0,
      to: T0 + 5 * MIN,
      heads: [{ subjectId: 'a', lane: 0, seq: 3, hash: HASH('3') }],
      previous: undefined,
      signingKeyId: 'k-1',
    });
    const body = digestBody(await signDigest(signer, digest));

    // Act
    const opened = openDigest(signer, { key: 'k', body: tamper(body) });

    // Assess
    await expect(opened).rejects.toThrow(AuditDigestError);
    await expect(opened).rejects.toThrow(message);
  });
});

describe('Audit digests (version 1, before lanes)', () => {
  it('still opens a version-1 digest, whose heads read as lane 0', async () => {
    // Prepare: a digest as the job wrote it before lanes (ADR 0019), signed over its own bytes.
    const signer = memorySigner('k-1');
    const v1 = {
      version: 1,
      stage: 'dev',
      period: { from: new Date(T0).toISOString(), to: new Date(T0 + 5 * MIN).toISOString() },
      heads: [{ subjectId: 'a', seq: 3, hash: HASH('3') }],
      previous: null,
      signingKeyId: 'k-1',
    } as const satisfies AuditDigest;
    const body = digestBody(await signDigest(signer, v1));

    // Act
    const opened = await openDigest(signer, { key: 'k', body });

    // Assess
    expect(opened.version).toBe(1);
    expect(digestBody(opened)).toBe(body);
    expect(anchoredHeads(opened)).toEqual([{ subjectId: 'a', lane: 0, seq: 3, hash: HASH('3') }]);
  });
});

describe('anchorAudit', () => {
  it('writes a signed digest of the heads that changed in closed windows, then chains the next one to it', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + 1 * MIN, 3);
    w.append('s-2', T0 + 2 * MIN);
    w.append('s-3', T0 + 6 * MIN); // in a window that has not closed yet
    w.setNow(T0 + 6 * MIN + 30_000);

    // Act
    const first = await anchorAudit(w.deps, { stage: 'dev' });
    w.setNow(T0 + 11 * MIN + 30_000);
    const second = await anchorAudit(w.deps, { stage: 'dev' });

    // Assess
    expect(first).toMatchObject({ written: true, heads: 2, to: '2026-11-26T20:05:00.000Z' });
    expect(second).toMatchObject({
      written: true,
      heads: 1,
      from: '2026-11-26T20:05:00.000Z',
      to: '2026-11-26T20:10:00.000Z',
      continuity: { ok: 2, truncated: 0, recomputed: 0 },
    });
    const [newest, oldest] = w.digests.keys();
    const firstDigest = await openDigest(w.signer, (await w.digests.get(oldest!))!);
    const secondDigest = await openDigest(w.signer, (await w.digests.get(newest!))!);
    expect(firstDigest.heads).toEqual([
      { subjectId: 's-1', lane: 0, seq: 3, hash: w.heads.chains.get('s-1')![2]!.hash },
      { subjectId: 's-2', lane: 0, seq: 1, hash: w.heads.chains.get('s-2')![0]!.hash },
    ]);
    expect(firstDigest.previous).toBeNull();
    expect(secondDigest.previous).toEqual({ key: oldest, hash: digestHash(firstDigest) });
    expect(secondDigest.heads.map((h) => h.subjectId)).toEqual(['s-3']);
    expect(w.metrics.counts.get('AuditDigestWritten')).toBe(2);
    expect(w.metrics.counts.get('AuditChainVerification:ok')).toBe(2);
  });

  it('writes nothing while nothing changed, then a heartbeat digest once the last is an hour old', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + MIN);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });

    // Act
    w.setNow(T0 + 11 * MIN);
    const quiet = await anchorAudit(w.deps, { stage: 'dev' });
    w.setNow(T0 + 11 * MIN);
    const again = await anchorAudit(w.deps, { stage: 'dev' });
    w.setNow(T0 + 66 * MIN);
    const heartbeat = await anchorAudit(w.deps, { stage: 'dev' });

    // Assess
    expect(quiet).toMatchObject({ written: false, reason: 'nothing_changed' });
    expect(again).toMatchObject({ written: false, reason: 'nothing_changed' });
    expect(heartbeat).toMatchObject({ written: true, heads: 0, from: '2026-11-26T20:05:00.000Z', to: '2026-11-26T21:05:00.000Z' });
    expect(w.digests.keys()).toHaveLength(2);
  });

  it('is up to date when no window closed since the last digest', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + MIN);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });

    // Act
    const outcome = await anchorAudit(w.deps, { stage: 'dev' });

    // Assess
    expect(outcome).toMatchObject({ written: false, reason: 'up_to_date' });
  });

  it('catches up at most maxWindows windows per run', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + MIN);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });
    w.append('s-1', T0 + 31 * MIN);

    // Act
    w.setNow(T0 + 120 * MIN);
    const outcome = await anchorAudit(w.deps, { stage: 'dev', maxWindows: 6 });

    // Assess
    expect(outcome).toMatchObject({ written: true, heads: 1, from: '2026-11-26T20:05:00.000Z', to: '2026-11-26T20:35:00.000Z' });
  });

  it('counts a previously anchored head that is gone as truncated and one with another hash as recomputed', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + MIN, 3);
    w.append('s-2', T0 + MIN, 2);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });
    w.heads.chains.set('s-1', w.heads.chains.get('s-1')!.slice(0, 2));
    w.heads.chains.set('s-2', recompute(w.heads.chains.get('s-2')!));

    // Act
    w.setNow(T0 + 11 * MIN);
    const outcome = await anchorAudit(w.deps, { stage: 'dev' });

    // Assess
    expect(outcome.continuity).toEqual({ ok: 0, broken: 0, truncated: 1, recomputed: 1 });
    expect(w.metrics.counts.get('AuditChainVerification:truncated')).toBe(1);
    expect(w.metrics.counts.get('AuditChainVerification:recomputed')).toBe(1);
  });

  it('refuses to extend a digest chain whose newest digest does not verify', async () => {
    // Prepare
    const w = world();
    w.append('s-1', T0 + MIN);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });
    const [key] = w.digests.keys();
    w.digests.objects.set(key!, w.digests.objects.get(key!)!.replace('"seq":1', '"seq":2'));

    // Act
    w.setNow(T0 + 11 * MIN);
    const run = anchorAudit(w.deps, { stage: 'dev' });

    // Assess
    await expect(run).rejects.toThrow(AuditDigestError);
    expect(w.digests.keys()).toHaveLength(1);
  });
});

describe('verifyAnchoredChain', () => {
  /** s-1 with 4 records anchored in two digests (seq 2, then 4); s-2 never anchored. */
  const anchoredWorld = async () => {
    const w = world();
    w.append('s-1', T0 + MIN, 2);
    w.setNow(T0 + 6 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });
    w.append('s-1', T0 + 7 * MIN, 2);
    w.setNow(T0 + 11 * MIN);
    await anchorAudit(w.deps, { stage: 'dev' });
    w.append('s-2', T0 + 12 * MIN);
    return w;
  };

  it('passes an untouched chain and names the highest anchored seq', async () => {
    // Prepare
    const w = await anchoredWorld();

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1');
    const unanchored = await verifyAnchoredChain(w.verifyDeps, 's-2');

    // Assess
    expect(verdict).toEqual({ ok: true, result: 'ok', events: 4, anchoredSeq: 4, digestsChecked: 2 });
    expect(unanchored).toEqual({ ok: true, result: 'ok', events: 1, anchoredSeq: null, digestsChecked: 2 });
    expect(w.metrics.counts.get('AuditChainVerification:ok')).toBeGreaterThanOrEqual(2);
  });

  it('reports a chain whose newest records were dropped as truncated', async () => {
    // Prepare
    const w = await anchoredWorld();
    w.heads.chains.set('s-1', w.heads.chains.get('s-1')!.slice(0, 3));

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1');

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'truncated', brokenAt: 4 });
    expect(w.metrics.counts.get('AuditChainVerification:truncated')).toBe(1);
  });

  it('reports a rewritten, recomputed chain as recomputed although it is internally consistent', async () => {
    // Prepare
    const w = await anchoredWorld();
    w.heads.chains.set('s-1', recompute(w.heads.chains.get('s-1')!));

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1');

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'recomputed', brokenAt: 2 });
  });

  it('reports an internal break as broken, as the chain verifier does', async () => {
    // Prepare
    const w = await anchoredWorld();
    const chain = w.heads.chains.get('s-1')!;
    w.heads.chains.set('s-1', [chain[0]!, ...chain.slice(2)]);

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1');

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'broken', brokenAt: 2, reason: 'sequence gap (record deleted)' });
  });

  it.each([
    ['deleted', (w: Awaited<ReturnType<typeof anchoredWorld>>, oldest: string) => w.digests.objects.delete(oldest), 'is missing (digest deleted)'],
    [
      'altered',
      (w: Awaited<ReturnType<typeof anchoredWorld>>, oldest: string) =>
        w.digests.objects.set(oldest, w.digests.objects.get(oldest)!.replace('"seq":2', '"seq":1')),
      'invalid signature',
    ],
    [
      'replaced by another validly signed digest',
      async (w: Awaited<ReturnType<typeof anchoredWorld>>, oldest: string) => {
        const other = await signDigest(
          w.signer,
          buildDigest({ stage: 'dev', from: T0 - 5 * MIN, to: T0 + 5 * MIN, heads: [], previous: undefined, signingKeyId: 'test-key' }),
        );
        w.digests.objects.set(oldest, digestBody(other));
      },
      'is not the one its successor names (digest replaced)',
    ],
  ])('reports a digest %s as broken', async (_name, tamper, reason) => {
    // Prepare
    const w = await anchoredWorld();
    const [, oldest] = w.digests.keys();
    await tamper(w, oldest!);

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1');

    // Assess
    expect(verdict).toMatchObject({ ok: false, result: 'broken' });
    expect((verdict as { reason: string }).reason).toContain(reason);
  });

  it('reads no more than maxDigests digests', async () => {
    // Prepare
    const w = await anchoredWorld();

    // Act
    const verdict = await verifyAnchoredChain(w.verifyDeps, 's-1', { maxDigests: 1 });

    // Assess
    expect(verdict).toEqual({ ok: true, result: 'ok', events: 4, anchoredSeq: 4, digestsChecked: 1 });
  });

  it('anchors each lane of a trail and finds a truncated or recomputed lane, naming it (ADR 0019)', async () => {
    // Prepare: s-1 with lane 0 (2 records) and lane 3 (3 records), all anchored.
    const build = async () => {
      const w = world();
      w.append('s-1', T0 + MIN, 2);
      w.append('s-1', T0 + 2 * MIN, 3, 3);
      w.setNow(T0 + 6 * MIN);
      await anchorAudit(w.deps, { stage: 'dev' });
      return w;
    };
    const intact = await build();
    const truncated = await build();
    truncated.heads.chains.set(
      's-1',
      truncated.heads.chains.get('s-1')!.filter((r) => !(r.lane === 3 && r.seq === 3)),
    );
    const recomputed = await build();
    const chain = recomputed.heads.chains.get('s-1')!;
    recomputed.heads.chains.set('s-1', [...chain.filter((r) => r.lane !== 3), ...recompute(chain.filter((r) => r.lane === 3))]);

    // Act
    const ok = await verifyAnchoredChain(intact.verifyDeps, 's-1');
    const shortened = await verifyAnchoredChain(truncated.verifyDeps, 's-1');
    const rewritten = await verifyAnchoredChain(recomputed.verifyDeps, 's-1');

    // Assess
    const [key] = intact.digests.keys();
    expect((await openDigest(intact.signer, (await intact.digests.get(key!))!)).heads.map((h) => [h.lane, h.seq])).toEqual([
      [0, 2],
      [3, 3],
    ]);
    expect(ok).toEqual({ ok: true, result: 'ok', events: 5, anchoredSeq: 5, digestsChecked: 1 });
    expect(shortened).toMatchObject({ ok: false, result: 'truncated', brokenAt: 3, lane: 3 });
    expect(rewritten).toMatchObject({ ok: false, result: 'recomputed', brokenAt: 3, lane: 3 });
  });
});
