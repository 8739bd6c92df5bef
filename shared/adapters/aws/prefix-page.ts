import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from "../../domain/page";
import { decodeCursor, encodeCursor } from './page-cursor';

/** Where a prefix page is read from. */
export interface PrefixQuery {
  readonly tableName: string;
  /** The partition, e.g. `USER#<id>`; a cursor from another partition is refused. */
  readonly pk: string;
  /** The sort-key prefix, e.g. `SESSION#`. */
  readonly prefix: string;
}

/**
 * One page of a partition's items whose sort key starts with `prefix`, last key first (newest
 * first where ids are time-ordered, as uuidv7 ones are), with an opaque cursor bound to the
 * partition.
 *
 * @example
 * const sessions = await pageByPrefix(client, { tableName, pk: `USER#${id}`, prefix: 'SESSION#' }, page, toSession);
 */
export const pageByPrefix = async <T>(
  client: DynamoDBDocumentClient,
  { tableName, pk, prefix }: PrefixQuery,
  page: PageRequest,
  toItem: (item: Record<string, unknown>) => T,
): Promise<Page<T>> => {
  const result = await client.send(new QueryCommand({
    TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ScanIndexForward: false, Limit: page.limit,
    ExclusiveStartKey: decodeCursor(page.cursor, { pk }),
  }));
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map(toItem), ...(nextCursor ? { nextCursor } : {}) };
};
