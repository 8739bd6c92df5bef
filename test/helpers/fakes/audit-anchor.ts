import { generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  headKey,
  type AnchorHeads,
  type AnchorMetrics,
  type ChainHead,
  type DigestSigner,
  type DigestStore,
  type StoredDigestObject,
  type VerificationResult,
} from '../../../shared/audit/anchor-ports';
import type { StoredAuditEvent } from '../../../shared/audit/ports';

/** The digest store as a map; `latest` is the first key in sort order, as S3 lists them. */
export class MemoryDigestStore implements DigestStore {
  public readonly objects = new Map<string, string>();

  public async latest(): Promise<StoredDigestObject | undefined> {
    const [key] = [...this.objects.keys()].sort();
    return key === undefined ? undefined : { key, body: this.objects.get(key)! };
  }

  public async get(key: string): Promise<StoredDigestObject | undefined> {
    const body = this.objects.get(key);
    return body === undefined ? undefined : { key, body };
  }

  public async put(object: StoredDigestObject): Promise<void> {
    if (this.objects.has(object.key)) throw new Error(`exists: ${object.key}`);
    this.objects.set(object.key, object.body);
  }

  /** Keys newest first. */
  public keys(): string[] {
    return [...this.objects.keys()].sort();
  }
}

/** An in-memory P-256 signer with the id `keyId`. */
export const memorySigner = (keyId = 'test-key'): DigestSigner => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    keyId: async () => keyId,
    sign: async (message) => sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
    verify: async (message, signature, id) => id === keyId && verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
  };
};

/** Trails in memory (subject → records of every lane, each lane in seq order), found by `at` like the `byAnchorWindow` index. */
export class MemoryAnchorHeads implements AnchorHeads {
  public readonly chains = new Map<string, StoredAuditEvent[]>();

  public async changedHeads(from: number, to: number): Promise<ChainHead[]> {
    const heads = new Map<string, ChainHead>();
    for (const [subjectId, records] of this.chains) {
      for (const record of records.filter((r) => Date.parse(r.at) >= from && Date.parse(r.at) < to)) {
        const head = { subjectId, lane: record.lane ?? 0, seq: record.seq, hash: record.hash };
        const known = heads.get(`${subjectId}#${head.lane}`);
        if (known === undefined || head.seq > known.seq) heads.set(`${subjectId}#${head.lane}`, head);
      }
    }
    return [...heads.values()];
  }

  public async storedHashes(heads: readonly ChainHead[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    for (const head of heads) {
      const record = this.chains.get(head.subjectId)?.find((r) => (r.lane ?? 0) === head.lane && r.seq === head.seq);
      if (record !== undefined) hashes.set(headKey(head), record.hash);
    }
    return hashes;
  }

  /** The trail's `chain`, over the same records. */
  public async chain(subjectId: string): Promise<StoredAuditEvent[]> {
    return this.chains.get(subjectId) ?? [];
  }
}

/** Metrics kept as counts by name (`AuditDigestWritten`, `AuditChainVerification:<result>`). */
export class RecordingAnchorMetrics implements AnchorMetrics {
  public readonly counts = new Map<string, number>();

  public digestWritten(): void {
    this.add('AuditDigestWritten', 1);
  }

  public verified(result: VerificationResult, count = 1): void {
    this.add(`AuditChainVerification:${result}`, count);
  }

  private add(name: string, count: number): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + count);
  }
}
