import type { AnchorMetrics, ChainHead, DigestSigner, DigestStore, StoredDigestObject } from './anchor-ports';
import { recordsByLane, verifyChain } from './chain';
import { anchoredHeads, AuditDigestError, digestHash, openDigest, type SignedDigest } from './digest';
import type { AuditTrail } from './ports';

export interface AnchoredVerifyDeps {
  readonly auditTrail: Pick<AuditTrail, 'chain'>;
  readonly digests: DigestStore;
  readonly signer: DigestSigner;
  readonly metrics: AnchorMetrics;
}

/** What the anchored verifier found: the chain's own verdict, then the digests' (ADR 0014). */
export type AnchoredVerdict =
  | {
      readonly ok: true;
      readonly result: 'ok';
      readonly events: number;
      /**
       * How many of the subject's events the digests anchor: per lane the highest seq a digest anchored, summed (ADR
       * 0019; with one lane, its highest anchored seq). `null` if none of the digests read names the subject yet.
       */
      readonly anchoredSeq: number | null;
      readonly digestsChecked: number;
    }
  | {
      readonly ok: false;
      /** `broken`: the chain or the digest chain itself; `truncated`: anchored records gone; `recomputed`: an anchored record's hash differs. */
      readonly result: 'broken' | 'truncated' | 'recomputed';
      readonly brokenAt?: number;
      /** The lane of `brokenAt` (ADR 0019). */
      readonly lane?: number;
      readonly reason: string;
      readonly digestsChecked: number;
    };

/**
 * Walks the digest chain from the newest digest back (at most `maxDigests`), checking each signature, each link
 * (`previous` key and hash) and that the periods meet, and collects what the digests anchored for `subjectId`.
 */
const readDigests = async (
  deps: AnchoredVerifyDeps,
  subjectId: string,
  maxDigests: number,
): Promise<{ anchored: ChainHead[]; checked: number; problem?: string }> => {
  const anchored: ChainHead[] = [];
  let object: StoredDigestObject | undefined = await deps.digests.latest();
  let newer: SignedDigest | undefined;
  let checked = 0;
  try {
    while (object !== undefined && checked < maxDigests) {
      const digest = await openDigest(deps.signer, object);
      if (newer !== undefined) {
        if (newer.previous?.hash !== digestHash(digest))
          return { anchored, checked, problem: `digest ${object.key} is not the one its successor names (digest replaced)` };
        if (newer.period.from !== digest.period.to)
          return { anchored, checked, problem: `digest ${object.key} does not end where its successor starts (digest chain gap)` };
      }
      checked += 1;
      anchored.push(...anchoredHeads(digest).filter((head) => head.subjectId === subjectId));
      if (digest.previous === null) break;
      const previousKey: string = digest.previous.key;
      object = await deps.digests.get(previousKey);
      if (object === undefined) return { anchored, checked, problem: `digest ${previousKey} is missing (digest deleted)` };
      newer = digest;
    }
  } catch (error) {
    if (error instanceof AuditDigestError) return { anchored, checked, problem: error.message };
    throw error;
  }
  return { anchored, checked };
};

/**
 * Verifies one subject's trail on its own (`verifyChain`, every lane) and against the signed digests (ADR 0014),
 * lane by lane (ADR 0019): a lane shorter than its anchored seq is `truncated`; a record whose hash is not the
 * anchored one is `recomputed`, even when its lane is internally consistent; a digest that is missing, unsigned, altered, replaced or out of line is
 * `broken`. Emits one `AuditChainVerification` with the result. Reads no more than `maxDigests` digests, newest first.
 *
 * @example
 * await verifyAnchoredChain({ auditTrail, digests, signer, metrics }, subjectId);
 * // { ok: false, result: 'truncated', brokenAt: 8, lane: 3, reason: 'chain ends at seq 7 but seq 9 was anchored (records dropped)', digestsChecked: 40 }
 */
export const verifyAnchoredChain = async (
  deps: AnchoredVerifyDeps,
  subjectId: string,
  options: { readonly maxDigests?: number } = {},
): Promise<AnchoredVerdict> => {
  const verdict = await judge(deps, subjectId, options.maxDigests ?? 10_000);
  deps.metrics.verified(verdict.result);
  return verdict;
};

const judge = async (deps: AnchoredVerifyDeps, subjectId: string, maxDigests: number): Promise<AnchoredVerdict> => {
  const { anchored, checked, problem } = await readDigests(deps, subjectId, maxDigests);
  if (problem !== undefined) return { ok: false, result: 'broken', reason: problem, digestsChecked: checked };
  const records = await deps.auditTrail.chain(subjectId);
  const chain = verifyChain(records, subjectId);
  if (!chain.ok) return { ok: false, result: 'broken', brokenAt: chain.brokenAt, lane: chain.lane, reason: chain.reason, digestsChecked: checked };
  const lanes = recordsByLane(records);
  const highest = new Map<number, number>();
  for (const head of anchored) highest.set(head.lane, Math.max(highest.get(head.lane) ?? 0, head.seq));
  for (const [lane, seq] of [...highest.entries()].sort(([a], [b]) => a - b)) {
    const length = lanes.get(lane)?.length ?? 0;
    if (seq > length) {
      return {
        ok: false,
        result: 'truncated',
        brokenAt: length + 1,
        lane,
        reason: `chain ends at seq ${length} but seq ${seq} was anchored (records dropped)`,
        digestsChecked: checked,
      };
    }
  }
  const differing = anchored.filter((head) => lanes.get(head.lane)?.[head.seq - 1]?.hash !== head.hash).sort((a, b) => a.lane - b.lane || a.seq - b.seq)[0];
  if (differing !== undefined) {
    return {
      ok: false,
      result: 'recomputed',
      brokenAt: differing.seq,
      lane: differing.lane,
      reason: `record ${differing.seq} does not have the anchored hash (chain rewritten and recomputed)`,
      digestsChecked: checked,
    };
  }
  const anchoredEvents = [...highest.values()].reduce((sum, seq) => sum + seq, 0);
  return { ok: true, result: 'ok', events: records.length, anchoredSeq: highest.size === 0 ? null : anchoredEvents, digestsChecked: checked };
};
