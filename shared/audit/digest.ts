import { createHash } from 'node:crypto';
import * as z from '../zod';
import type { ChainHead, DigestSigner, StoredDigestObject } from './anchor-ports';
import { AUDIT_LANES, canonical } from './chain';

/**
 * An audit digest (ADR 0014), modelled on CloudTrail's digest files: for one period, the head (lane, seq and
 * hash) of every chain (a lane of a subject's trail, ADR 0019) that changed in it, the previous digest's key and hash (digests form a chain of
 * their own, so a missing or replaced digest is found), the signing key's id, and an ES256 signature
 * over the canonical JSON of all of that. Stored as that canonical JSON, so the bytes are the form.
 */
export interface AuditDigest {
  /**
   * `2` (written since lanes, ADR 0019): every head names its `lane`. `1` (before lanes): heads have no `lane`, and
   * each is lane 0, the subject's only chain then. Both are read; only version 2 is written.
   */
  readonly version: 1 | 2;
  readonly stage: string;
  /** The windows covered: `[from, to)`, ISO 8601 UTC, window-aligned. */
  readonly period: { readonly from: string; readonly to: string };
  /** One entry per lane that changed in the period, sorted by `subjectId`, then `lane`. Read them with {@link anchoredHeads}. */
  readonly heads: readonly DigestHead[];
  /** The digest before this one; `null` for a stage's first digest. */
  readonly previous: { readonly key: string; readonly hash: string } | null;
  readonly signingKeyId: string;
}

/** A head as a digest stores it: version 2 names the lane, version 1 does not (lane 0). */
export type DigestHead = Omit<ChainHead, 'lane'> & { readonly lane?: number };

/** A digest with its signature: base64url of the raw ES256 `r‖s`. */
export interface SignedDigest extends AuditDigest {
  readonly signature: string;
}

/** Base error of digest handling; never names a subject. */
export class AuditDigestError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'AuditDigestError';
  }
}

/** The most heads one digest may name: far above one period's changes, a bound on what a reader accepts. */
export const MAX_DIGEST_HEADS = 200_000;
const Hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const Key = z.string().check(z.minLength(1), z.maxLength(256));
const SubjectId = z.string().check(z.minLength(1), z.maxLength(256));
const Seq = z.int().check(z.gte(1));
const digestSchema = <V extends 1 | 2, H extends z.ZodMiniType>(version: V, head: H) =>
  z.strictObject({
    version: z.literal(version),
    stage: z.string().check(z.minLength(1), z.maxLength(32)),
    period: z.strictObject({ from: z.iso.datetime(), to: z.iso.datetime() }),
    heads: z.array(head).check(z.maxLength(MAX_DIGEST_HEADS)),
    previous: z.nullable(z.strictObject({ key: Key, hash: Hash })),
    signingKeyId: z.string().check(z.minLength(1), z.maxLength(2048)),
    signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{86}$/)),
  });
/** Version 1 (before lanes): no lane. Version 2: every head names its lane, 0 to AUDIT_LANES − 1. */
const DigestSchema = z.discriminatedUnion('version', [
  digestSchema(1, z.strictObject({ subjectId: SubjectId, seq: Seq, hash: Hash })),
  digestSchema(2, z.strictObject({ subjectId: SubjectId, lane: z.int().check(z.gte(0), z.lt(AUDIT_LANES)), seq: Seq, hash: Hash })),
]);

/**
 * The heads a digest anchors, each with its lane (lane 0 for a version-1 digest's).
 *
 * @example
 * anchoredHeads(digest).filter((head) => head.subjectId === subjectId);
 */
export const anchoredHeads = (digest: AuditDigest): ChainHead[] =>
  digest.heads.map((head) => ({ subjectId: head.subjectId, lane: head.lane ?? 0, seq: head.seq, hash: head.hash }));

/** The bytes a digest's signature covers: the canonical JSON of every field but `signature`. */
export const signedBytes = (digest: AuditDigest): Uint8Array => {
  const { signature: _signature, ...unsigned } = digest as SignedDigest;
  return new TextEncoder().encode(canonical(unsigned));
};

/** The stored form of a signed digest: its canonical JSON. */
export const digestBody = (digest: SignedDigest): string => canonical(digest);

/** SHA-256 (hex) of a digest's stored form: what the next digest's `previous.hash` pins. */
export const digestHash = (digest: SignedDigest): string => createHash('sha256').update(digestBody(digest)).digest('hex');

/** Keys sort newest first (an inverted epoch), so the newest digest is the first key a listing returns. */
const INVERTED_EPOCH_BASE = 9_999_999_999_999;

/**
 * The object key of the digest whose period ends at `to` (epoch ms): `<stage>/<inverted to>-<to>.json`.
 *
 * @example
 * digestKey('dev', Date.parse('2026-11-26T22:05:00Z')); // 'dev/8235195199999-20261126T220500Z.json'
 */
export const digestKey = (stage: string, to: number): string =>
  `${stage}/${String(INVERTED_EPOCH_BASE - to).padStart(13, '0')}-${new Date(to).toISOString().replace(/[-:]|\.\d{3}/g, '')}.json`;

/**
 * A version-2 digest for `stage` over `[from, to)` naming `heads`, chained to `previous`. Heads are sorted by
 * subject, then lane, and one per subject and lane (the highest seq), so the same inputs always give the same bytes.
 *
 * @example
 * buildDigest({ stage: 'dev', from, to, heads, previous: undefined, signingKeyId: 'local:ab12' });
 */
export const buildDigest = (input: {
  stage: string;
  from: number;
  to: number;
  heads: readonly ChainHead[];
  previous: { key: string; digest: SignedDigest } | undefined;
  signingKeyId: string;
}): AuditDigest => {
  const highest = new Map<string, ChainHead>();
  for (const head of input.heads) {
    const place = `${head.subjectId}#${head.lane}`;
    const known = highest.get(place);
    if (known === undefined || head.seq > known.seq) highest.set(place, { subjectId: head.subjectId, lane: head.lane, seq: head.seq, hash: head.hash });
  }
  const previous = input.previous === undefined ? null : { key: input.previous.key, hash: digestHash(input.previous.digest) };
  return {
    version: 2,
    stage: input.stage,
    period: { from: new Date(input.from).toISOString(), to: new Date(input.to).toISOString() },
    heads: [...highest.values()].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : a.lane - b.lane)),
    previous,
    signingKeyId: input.signingKeyId,
  };
};

/** Signs a digest: the signature covers {@link signedBytes}. */
export const signDigest = async (signer: DigestSigner, digest: AuditDigest): Promise<SignedDigest> => ({
  ...digest,
  signature: Buffer.from(await signer.sign(signedBytes(digest))).toString('base64url'),
});

/**
 * A stored digest parsed and checked: strict schema (unknown fields rejected, bounded) and a valid signature.
 * Throws {@link AuditDigestError} naming what is wrong, never the content.
 *
 * @example
 * const digest = await openDigest(signer, await store.get(key));
 */
export const openDigest = async (signer: DigestSigner, object: StoredDigestObject): Promise<SignedDigest> => {
  let json: unknown;
  try {
    json = JSON.parse(object.body);
  } catch {
    throw new AuditDigestError(`digest ${object.key} is not JSON (digest altered)`);
  }
  const parsed = z.safeParse(DigestSchema, json);
  if (!parsed.success) throw new AuditDigestError(`digest ${object.key} is not a valid digest (digest altered)`);
  const digest = parsed.data as SignedDigest;
  const valid = await signer.verify(signedBytes(digest), Buffer.from(digest.signature, 'base64url'), digest.signingKeyId);
  if (!valid) throw new AuditDigestError(`digest ${object.key} has an invalid signature (digest altered or forged)`);
  return digest;
};
