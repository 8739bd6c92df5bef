import type { Clock } from '../domain/clock';
import { headKey, type AnchorHeads, type AnchorMetrics, type ChainHead, type DigestSigner, type DigestStore, type VerificationResult } from './anchor-ports';
import { ANCHOR_WINDOW_MS, windowStart } from './anchor-window';
import { anchoredHeads, buildDigest, digestBody, digestKey, openDigest, signDigest, type SignedDigest } from './digest';

/** The `service` dimension of the anchor's metrics (functions/audit/anchor.ts) that the alarms watch (lib/audit-anchor.ts). */
export const ANCHOR_METRICS_SERVICE = 'audit-anchor' as const;

export interface AnchorDeps {
  readonly heads: AnchorHeads;
  readonly digests: DigestStore;
  readonly signer: DigestSigner;
  readonly metrics: AnchorMetrics;
  readonly clock: Clock;
}

export interface AnchorSettings {
  /** The stage, written into every digest and its key. */
  readonly stage: string;
  /**
   * How long after a window closes it is anchored: appenders' clocks and the index lag by a moment.
   * @default 60_000
   */
  readonly settleMs?: number;
  /**
   * The most windows one run covers (a job that was down catches up over several runs).
   * @default 288 (one day)
   */
  readonly maxWindows?: number;
  /**
   * A digest is written at least this often even when nothing changed, so the digest chain shows the job is alive.
   * @default 3_600_000 (one hour)
   */
  readonly heartbeatMs?: number;
  /**
   * How far back a stage's first digest starts.
   * @default 86_400_000 (one day)
   */
  readonly firstLookbackMs?: number;
}

/** How the chains the previous digest named still stand: one count per result. */
export type ContinuityCounts = Readonly<Record<VerificationResult, number>>;

export type AnchorOutcome =
  | { readonly written: true; readonly key: string; readonly heads: number; readonly from: string; readonly to: string; readonly continuity: ContinuityCounts }
  | { readonly written: false; readonly reason: 'up_to_date' | 'nothing_changed'; readonly continuity: ContinuityCounts };

const noCounts = (): Record<VerificationResult, number> => ({ ok: 0, broken: 0, truncated: 0, recomputed: 0 });

/**
 * Re-reads each head the previous digest anchored: gone is `truncated`, another hash is `recomputed`. One batched
 * read per run, so an attack on a recently anchored chain shows within minutes (the full check is
 * `verifyAnchoredChain`). Reported as `AuditChainVerification` counts.
 */
const checkContinuity = async (deps: AnchorDeps, anchored: readonly ChainHead[]): Promise<ContinuityCounts> => {
  const counts = noCounts();
  if (anchored.length === 0) return counts;
  const stored = await deps.heads.storedHashes(anchored);
  for (const head of anchored) {
    const hash = stored.get(headKey(head));
    counts[hash === undefined ? 'truncated' : hash === head.hash ? 'ok' : 'recomputed'] += 1;
  }
  for (const result of Object.keys(counts) as VerificationResult[]) if (counts[result] > 0) deps.metrics.verified(result, counts[result]);
  return counts;
};

/**
 * One anchor run (ADR 0014): finds every chain head that changed in the windows since the newest digest (closed at
 * least `settleMs` ago), writes a signed digest of them chained to that digest, and re-checks the heads that digest
 * named. Writes nothing when nothing changed, unless the newest digest is `heartbeatMs` old. Throws if the newest
 * digest does not open (invalid or unsigned): a broken digest chain is never extended; the run fails and alarms.
 *
 * @example
 * await anchorAudit({ heads, digests, signer, metrics, clock }, { stage: 'dev' });
 * // { written: true, key: 'dev/8235195199999-20261126T220500Z.json', heads: 12, from, to, continuity }
 */
export const anchorAudit = async (deps: AnchorDeps, settings: AnchorSettings): Promise<AnchorOutcome> => {
  const { stage, settleMs = 60_000, maxWindows = 288, heartbeatMs = 3_600_000, firstLookbackMs = 86_400_000 } = settings;
  const closed = windowStart(deps.clock.now().getTime() - settleMs);
  const latestObject = await deps.digests.latest();
  const latest = latestObject === undefined ? undefined : { key: latestObject.key, digest: await openDigest(deps.signer, latestObject) };
  const from = latest === undefined ? windowStart(closed - firstLookbackMs) : Date.parse(latest.digest.period.to);
  const continuity = await checkContinuity(deps, latest === undefined ? [] : anchoredHeads(latest.digest));
  if (from >= closed) return { written: false, reason: 'up_to_date', continuity };
  const to = Math.min(closed, from + maxWindows * ANCHOR_WINDOW_MS);
  const heads = await deps.heads.changedHeads(from, to);
  if (heads.length === 0 && latest !== undefined && to - from < heartbeatMs) return { written: false, reason: 'nothing_changed', continuity };
  const signed: SignedDigest = await signDigest(
    deps.signer,
    buildDigest({ stage, from, to, heads, previous: latest, signingKeyId: await deps.signer.keyId() }),
  );
  const key = digestKey(stage, to);
  await deps.digests.put({ key, body: digestBody(signed) });
  deps.metrics.digestWritten();
  return { written: true, key, heads: signed.heads.length, from: signed.period.from, to: signed.period.to, continuity };
};
