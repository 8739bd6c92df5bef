import { PutCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { nextRecord } from '../../audit/chain';
import type { AuditEvent, AuditLog, AuditSearch, AuditTrail, Clock, Page, PageRequest, StoredAuditEvent } from '../../ports';
import { isConditionFailure } from './dynamo-client';
import { decodeCursor, encodeCursor } from './page-cursor';

/** Enough for a burst of one user's parallel requests; then the request fails (never unaudited). */
const MAX_APPEND_ATTEMPTS = 24;
/** Chain heads this container appended last, so an uncontended append skips the head query. */
const MAX_CACHED_HEADS = 1_000;
const partition = (subjectId: string) => `SUBJECT#${subjectId}`;
const sortKey = (seq: number) => `SEQ#${String(seq).padStart(12, '0')}`;

/** The append failed: the event could not be recorded, so the request must fail. */
export class AuditAppendError extends Error {
  public constructor() {
    super('Could not append the audit event');
    this.name = 'AuditAppendError';
  }
}

const toEvent = (item: Record<string, unknown>): StoredAuditEvent => {
  const { pk: _pk, sk: _sk, actorId: _actorId, ...event } = item;
  return event as unknown as StoredAuditEvent;
};

/**
 * The audit trail in DynamoDB: one hash chain per data subject (`SUBJECT#id` / `SEQ#n`). An
 * append writes the record after the chain's head with `attribute_not_exists`, one conditional
 * put: of two concurrent appends one wins the sequence number and the other re-reads the head and
 * retries, so a chain never forks. The head this container wrote last is remembered, so an
 * uncontended append is one write. Records are never updated or deleted.
 */
export class DynamoAuditLog implements AuditLog, AuditTrail {
  readonly #heads = new Map<string, { seq: number; hash: string }>();

  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  public async append(event: AuditEvent): Promise<void> {
    let head = this.#heads.get(event.subjectId) ?? (await this.head(event.subjectId));
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      const record = nextRecord(event, head, this.clock.now().toISOString());
      try {
        await this.client.send(new PutCommand({
          TableName: this.tableName,
          Item: { pk: partition(event.subjectId), sk: sortKey(record.seq), actorId: event.actor.userId, ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }));
        this.remember(event.subjectId, { seq: record.seq, hash: record.hash });
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Someone else took this number: back off (exponential, full jitter), then re-read the head.
        this.#heads.delete(event.subjectId);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));
        head = await this.head(event.subjectId);
      }
    }
    throw new AuditAppendError();
  }

  public async chain(subjectId: string): Promise<StoredAuditEvent[]> {
    const records: StoredAuditEvent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({
        TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition(subjectId) },
        ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      records.push(...(page.Items ?? []).map(toEvent));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return records;
  }

  public async search(query: AuditSearch, page: PageRequest): Promise<Page<StoredAuditEvent>> {
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (query.action !== undefined) (filters.push('#action = :action'), (values[':action'] = query.action), (names['#action'] = 'action'));
    const range = (attribute: string): string | undefined => {
      if (query.from !== undefined) values[':from'] = query.from;
      if (query.to !== undefined) values[':to'] = query.to;
      if (query.from !== undefined && query.to !== undefined) return `${attribute} BETWEEN :from AND :to`;
      if (query.from !== undefined) return `${attribute} >= :from`;
      if (query.to !== undefined) return `${attribute} <= :to`;
      return undefined;
    };
    let input: QueryCommandInput;
    if (query.subjectId !== undefined) {
      values[':pk'] = partition(query.subjectId);
      const timeFilter = range('#at');
      if (timeFilter) (filters.push(timeFilter), (names['#at'] = 'at'));
      if (query.actorId !== undefined) (filters.push('actorId = :actor'), (values[':actor'] = query.actorId));
      input = { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExclusiveStartKey: decodeCursor(page.cursor, { pk: partition(query.subjectId) }) };
    } else {
      values[':actor'] = query.actorId;
      const timeKey = range('#at');
      if (timeKey) names['#at'] = 'at';
      input = {
        TableName: this.tableName, IndexName: 'byActor',
        KeyConditionExpression: `actorId = :actor${timeKey ? ` AND ${timeKey}` : ''}`,
        ExclusiveStartKey: decodeCursor(page.cursor, { actorId: query.actorId! }),
      };
    }
    const result = await this.client.send(new QueryCommand({
      ...input, ScanIndexForward: false, Limit: page.limit,
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeValues: values, ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    }));
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map(toEvent), ...(nextCursor ? { nextCursor } : {}) };
  }

  private remember(subjectId: string, head: { seq: number; hash: string }): void {
    this.#heads.delete(subjectId);
    if (this.#heads.size >= MAX_CACHED_HEADS) this.#heads.delete(this.#heads.keys().next().value!);
    this.#heads.set(subjectId, head);
  }

  private async head(subjectId: string): Promise<{ seq: number; hash: string } | undefined> {
    const { Items } = await this.client.send(new QueryCommand({
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition(subjectId) },
      ScanIndexForward: false, Limit: 1, ConsistentRead: true, ProjectionExpression: 'seq, #hash', ExpressionAttributeNames: { '#hash': 'hash' },
    }));
    const head = Items?.[0];
    return head === undefined ? undefined : { seq: Number(head['seq']), hash: String(head['hash']) };
  }
}
