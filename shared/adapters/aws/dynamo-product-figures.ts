import { createHash } from 'node:crypto';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FigureEntry, FigureCounter, ProductFigures, WeekCounts } from '../../content/figures-ports';
import { COUNTED_TTL_DAYS, isoWeek } from '../../content/figures';
import { COUNTED, countedKey, FIGURES, figuresKey } from '../../data/keys';
import { batchGet } from './dynamo-batch';
import { conditionalWrite } from './dynamo-kit';

/**
 * The product figures in the content table (no PHI, no person): `FIGURES#<YYYY-Www> / FIGURES`, one item per ISO
 * week whose numeric attributes (`accounts`, `sessions_<level>`, `appointments_<status>`) change only by atomic
 * `ADD`; and `COUNTED#<kind>#<digest> / COUNTED`, the marker that makes each source count once, keyed by the
 * SHA-256 of the source id (base64url) rather than the id, and expiring after 120 days (`expiresAt`, the table's TTL).
 */
export class DynamoFigureCounter implements FigureCounter {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async count({ figure, kind, sourceId, at }: FigureEntry): Promise<boolean> {
    const digest = createHash('sha256').update(sourceId).digest('base64url');
    const marked = await conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: countedKey(kind, digest), sk: COUNTED, expiresAt: Math.floor(at.getTime() / 1000) + COUNTED_TTL_DAYS * 86_400 },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    if (!marked) return false;
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: figuresKey(isoWeek(at)), sk: FIGURES },
        UpdateExpression: 'ADD #figure :one',
        ExpressionAttributeNames: { '#figure': figure },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return true;
  }
}

/** The counter and the dashboard's read of the weeks (a writer's bundle takes `DynamoFigureCounter` alone). */
export class DynamoProductFigures extends DynamoFigureCounter implements ProductFigures {
  public async weeks(weeks: readonly string[]): Promise<Map<string, WeekCounts>> {
    const items = await batchGet(
      this.client,
      this.tableName,
      weeks.map((week) => ({ pk: figuresKey(week), sk: FIGURES })),
    );
    return new Map(
      items.map((item) => {
        const { pk, sk: _sk, ...counts } = item;
        return [String(pk).slice(figuresKey('').length), Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, Number(n)])) as WeekCounts];
      }),
    );
  }
}
