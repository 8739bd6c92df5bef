import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { type AnchoredVerifyDeps, verifyAnchoredChain } from './anchored-verify';
import type { AccountStatusReader } from './active-account';
import { auditOfficer, requireOfficer } from './trail';

/**
 * How many digests the route reads, newest first: each is a GetObject and a signature check, and the answer must
 * come well inside API Gateway's 29 s. At one digest per 5 minutes that is the last ~8 hours of anchoring; the
 * anchor run itself checks every changed chain's continuity, and `npm run admin -- verify-audit` reads them all.
 */
export const ROUTE_MAX_DIGESTS = 100;

/** What the digests say of the subject: `not_anchored` when none of the digests read names it. */
export type AnchoredResult = 'ok' | 'truncated' | 'recomputed' | 'broken' | 'not_anchored';

export type AnchoredRouteVerdict = (
  | { readonly ok: true; readonly events: number }
  | { readonly ok: false; readonly brokenAt?: number; readonly lane?: number; readonly reason: string }
) & {
  readonly anchored: { readonly result: AnchoredResult; readonly anchoredSeq?: number; readonly digestsRead: number };
};

export type AnchoredRouteDeps = Pick<AppDeps, 'auditTrail' | 'audit'> & {
  readonly anchor: Omit<AnchoredVerifyDeps, 'auditTrail'>;
  /** The officer's account (`requireOfficer`). */
  readonly users: AccountStatusReader;
};

/**
 * Compliance: checks one subject's hash chain on its own and against the signed digests (ADR 0014), and audits the
 * check in the officer's chain with the anchored result. A tamper result (`truncated`, `recomputed`, `broken`)
 * makes `ok` false even when the chain verifies on its own. Reads the chain at most once.
 *
 * @example
 * await verifyAuditAnchored({ auditTrail, audit, users, anchor: { digests, signer, metrics } }, caller, subjectId, meta);
 * // { ok: false, brokenAt: 3, lane: 0, reason: 'chain ends at seq 2 but seq 4 was anchored (records dropped)',
 * //   anchored: { result: 'truncated', digestsRead: 1 } }
 */
export const verifyAuditAnchored = async (deps: AnchoredRouteDeps, caller: Caller, subjectId: string, meta: RequestMeta): Promise<AnchoredRouteVerdict> => {
  await requireOfficer(deps, caller, meta, 'audit.verify');
  let records: ReturnType<AnchoredRouteDeps['auditTrail']['chain']> | undefined;
  const once = { chain: () => (records ??= deps.auditTrail.chain(subjectId)) };
  const verdict = await verifyAnchoredChain({ ...deps.anchor, auditTrail: once }, subjectId, { maxDigests: ROUTE_MAX_DIGESTS });
  const answer: AnchoredRouteVerdict = verdict.ok
    ? {
        ok: true,
        events: verdict.events,
        anchored:
          verdict.anchoredSeq === null
            ? { result: 'not_anchored', digestsRead: verdict.digestsChecked }
            : { result: 'ok', anchoredSeq: verdict.anchoredSeq, digestsRead: verdict.digestsChecked },
      }
    : {
        ok: false,
        ...(verdict.brokenAt !== undefined ? { brokenAt: verdict.brokenAt } : {}),
        ...(verdict.lane !== undefined ? { lane: verdict.lane } : {}),
        // The verifier's fixed sentences, naming seqs and digest keys only; bounded like the response field.
        reason: verdict.reason.slice(0, 256),
        anchored: { result: verdict.result, digestsRead: verdict.digestsChecked },
      };
  await auditOfficer(deps, caller, meta, 'audit.verify', `subject:${subjectId} anchored:${answer.anchored.result}`);
  return answer;
};
