import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { headKey, type AnchorHeads, type ChainHead } from '../../audit/anchor-ports';
import { windowsBetween } from '../../audit/anchor-window';
import { auditPartition, auditSortKey } from '../../audit/chain';
import { batchGet } from './dynamo-batch';
import { queryAll } from './dynamo-kit';

/** The audit table's index by UTC hour (shared/data/tables.ts): `anchorWindow`, sorted by `at`. */
export const ANCHOR_WINDOW_INDEX = 'byAnchorWindow';

/**
 * The anchor job's view of the audit table: per hour the period touches, one Query on `byAnchorWindow` with `at` in
 * the period (only `subjectId`, `lane`, `seq` and `hash` read), keeping the highest seq per subject and lane (ADR
 * 0019); and the anchored records re-read by key
 * with BatchGetItem. Never a scan, never a write.
 */
export class DynamoAnchorHeads implements AnchorHeads {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async changedHeads(from: number, to: number): Promise<ChainHead[]> {
    const heads = new Map<string, ChainHead>();
    for (const window of windowsBetween(from, to)) {
      const items = await queryAll(this.client, {
        TableName: this.tableName,
        IndexName: ANCHOR_WINDOW_INDEX,
        KeyConditionExpression: 'anchorWindow = :window AND #at BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':window': window.window, ':from': window.from, ':to': window.to },
        ProjectionExpression: 'subjectId, lane, seq, #hash',
        ExpressionAttributeNames: { '#hash': 'hash', '#at': 'at' },
      });
      for (const item of items) {
        // Lane 0 records carry no lane (ADR 0019).
        const head = { subjectId: String(item['subjectId']), lane: Number(item['lane'] ?? 0), seq: Number(item['seq']), hash: String(item['hash']) };
        const place = `${head.subjectId}#${head.lane}`;
        const known = heads.get(place);
        if (known === undefined || head.seq > known.seq) heads.set(place, head);
      }
    }
    return [...heads.values()];
  }

  public async storedHashes(heads: readonly ChainHead[]): Promise<Map<string, string>> {
    const items = await batchGet(
      this.client,
      this.tableName,
      heads.map((head) => ({ pk: auditPartition(head.subjectId), sk: auditSortKey(head.seq, head.lane) })),
    );
    // Keyed by the item's own place (pk, sk), not its possibly edited subjectId/seq attributes.
    const byPlace = new Map(items.map((item) => [`${String(item['pk'])}|${String(item['sk'])}`, String(item['hash'])]));
    const hashes = new Map<string, string>();
    for (const head of heads) {
      const hash = byPlace.get(`${auditPartition(head.subjectId)}|${auditSortKey(head.seq, head.lane)}`);
      if (hash !== undefined) hashes.set(headKey(head), hash);
    }
    return hashes;
  }
}
