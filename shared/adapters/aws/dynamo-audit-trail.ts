import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditSearch, AuditTrail, StoredAuditEvent } from '../../audit/ports';
import type { Page, PageRequest } from '../../domain/page';
import { auditPartition } from '../../audit/chain';
import { queryAll, toPage } from './dynamo-kit';
import { decodeCursor } from './page-cursor';

/** The audit table's index of a subject's events by time, across lanes (shared/data/tables.ts, ADR 0019). */
export const SUBJECT_TIME_INDEX = 'bySubjectTime';

/** A search hit as an event: the keys and index attributes dropped. */
const toEvent = (item: Record<string, unknown>): StoredAuditEvent => {
  const { pk: _pk, sk: _sk, actorId: _actorId, anchorWindow: _window, ...event } = item;
  return event as unknown as StoredAuditEvent;
};

/**
 * Reading the audit trail that `DynamoAuditLog` appends to: a subject's whole trail, every lane (to verify
 * it), and compliance searches by subject (the `bySubjectTime` index: lanes interleave, so key order is no longer
 * time order) or by actor (the `byActor` index), newest first; never a scan.
 */
export class DynamoAuditTrail implements AuditTrail {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async chain(subjectId: string): Promise<StoredAuditEvent[]> {
    // Whole items, keys and index attribute included: the verifier checks every attribute.
    return (await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditPartition(subjectId) },
      ConsistentRead: true,
    })) as unknown as StoredAuditEvent[];
  }

  public async search(query: AuditSearch, page: PageRequest): Promise<Page<StoredAuditEvent>> {
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (query.action !== undefined) {
      filters.push('#action = :action');
      values[':action'] = query.action;
      names['#action'] = 'action';
    }
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
      values[':pk'] = auditPartition(query.subjectId);
      const timeKey = range('#at');
      if (timeKey) names['#at'] = 'at';
      if (query.actorId !== undefined) {
        filters.push('actorId = :actor');
        values[':actor'] = query.actorId;
      }
      input = {
        TableName: this.tableName,
        IndexName: SUBJECT_TIME_INDEX,
        KeyConditionExpression: `pk = :pk${timeKey ? ` AND ${timeKey}` : ''}`,
        // The index's LastEvaluatedKey is { pk, sk, at }: bound to the subject's partition like the table's.
        ExclusiveStartKey: decodeCursor(page.cursor, { pk: auditPartition(query.subjectId) }),
      };
    } else {
      values[':actor'] = query.actorId;
      const timeKey = range('#at');
      if (timeKey) names['#at'] = 'at';
      input = {
        TableName: this.tableName,
        IndexName: 'byActor',
        KeyConditionExpression: `actorId = :actor${timeKey ? ` AND ${timeKey}` : ''}`,
        ExclusiveStartKey: decodeCursor(page.cursor, { actorId: query.actorId! }),
      };
    }
    const result = await this.client.send(
      new QueryCommand({
        ...input,
        ScanIndexForward: false,
        Limit: page.limit,
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      }),
    );
    return toPage(result, toEvent);
  }
}
