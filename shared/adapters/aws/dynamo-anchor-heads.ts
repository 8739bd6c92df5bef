import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnchorHeads, ChainHead } from '../../audit/anchor-ports';
import { windowsBetween } from '../../audit/anchor-window';
import { auditPartition, auditSortKey } from '../../audit/chain';
import { batchGet } from './dynamo-batch';
import { queryAll } from './dynamo-kit';

/** The audit table's index by UTC hour (shared/data/tables.ts): `anchorWindow`, sorted by `at`. */
export const ANCHOR_WINDOW_INDEX = 'byAnchorWindow';

/**
 * The anchor job's view of the audit table: per hour the period touches, one Query on `byAnchorWindow` with `at` in
 * the period (only `subjectId`, `seq` and `hash` read), keeping the highest seq per subject; and the anchored records re-read by key
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
        ProjectionExpression: 'subjectId, seq, #hash',
        ExpressionAttributeNames: { '#hash': 'hash', '#at': 'at' },
      });
      for (const item of items) {
        const head = { subjectId: String(item['subjectId']), seq: Number(item['seq']), hash: String(item['hash']) };
        const known = heads.get(head.subjectId);
        if (known === undefined || head.seq > known.seq) heads.set(head.subjectId, head);
      }
    }
    return [...heads.values()];
  }

  public async storedHashes(heads: readonly ChainHead[]): Promise<Map<string, string>> {
    const items = await batchGet(
      this.client,
      this.tableName,
      heads.map((head) => ({ pk: auditPartition(head.subjectId), sk: auditSortKey(head.seq) })),
    );
    // Keyed by the item's own place (pk, sk), not its possibly edited subjectId/seq attributes.
    const byPlace = new Map(items.map((item) => [`${String(item['pk'])}|${String(item['sk'])}`, String(item['hash'])]));
    const hashes = new Map<string, string>();
    for (const head of heads) {
      const hash = byPlace.get(`${auditPartition(head.subjectId)}|${auditSortKey(head.seq)}`);
      if (hash !== undefined) hashes.set(`${head.subjectId}#${head.seq}`, hash);
    }
    return hashes;
  }
}
