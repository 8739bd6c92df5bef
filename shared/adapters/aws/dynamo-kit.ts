import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../domain/page';
import { isConditionFailure } from './dynamo-client';
import { decodeCursor, encodeCursor } from './page-cursor';

/**
 * The few moves every DynamoDB adapter makes: a conditional write, an item without its keys, a
 * key condition on a partition and a sort-key prefix, one page of a query behind an opaque cursor,
 * and a whole query. Key strings come from `shared/data/keys.ts`.
 */

/**
 * Sends a write that carries a condition: `true` if it was applied, `false` only if its condition
 * did not hold. Any other error is rethrown. An invariant stays one conditional write (ADR 0001).
 *
 * @example
 * if (!(await conditionalWrite(client, new PutCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' })))) return 'taken';
 */
export const conditionalWrite = async (client: DynamoDBDocumentClient, command: PutCommand | UpdateCommand | DeleteCommand): Promise<boolean> => {
  try {
    // One cast: `send`'s overloads take one command type at a time, not their union.
    await client.send(command as PutCommand);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * `conditionalWrite` of a put the SDK may have sent twice: a put whose answer was lost is sent again and refused by
 * its own first write (ADR 0020, "A timeout is ambiguous"). So a refused put reads the item (its key), and finds
 * it written iff it is exactly its own item. Only for an item no other writer could write byte for byte: a fresh id,
 * a timestamp, a sealed field (a fresh IV), a version of its own.
 *
 * @example
 * if (!(await putOnce(client, new PutCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' })))) return 'taken';
 */
export const putOnce = async (client: DynamoDBDocumentClient, command: PutCommand): Promise<boolean> =>
  (await conditionalWrite(client, command)) || holdsOwn(client, command);

/**
 * `putOnce` for a create that throws when refused: its own item found again is created; anything else rethrows the
 * condition failure (`ConditionalCheckFailedException`), as the plain put did.
 *
 * @example
 * await createOnce(client, new PutCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' }));
 */
export const createOnce = async (client: DynamoDBDocumentClient, command: PutCommand): Promise<void> => {
  try {
    await client.send(command);
  } catch (error) {
    if (!isConditionFailure(error) || !(await holdsOwn(client, command))) throw error;
  }
};

/** The attribute `updateOnce` writes: the id of the last call that changed the item. */
const WRITE_CLAIM = 'writeClaim';

/**
 * `conditionalWrite` of an update the SDK may have sent twice (ADR 0020, "A timeout is ambiguous"). The update also
 * sets `writeClaim` to a fresh id of this call, so a refused update whose item holds that id was this call's own,
 * carried out before its answer was lost: written. Another request's identical update is still refused, so what is
 * accepted once stays accepted once (a TOTP step, a recovery code). The caller's expression must not name `writeClaim`.
 *
 * @example
 * if (!(await updateOnce(client, new UpdateCommand({ …, ConditionExpression: 'lastStep < :step' })))) return 'used';
 */
export const updateOnce = async (client: DynamoDBDocumentClient, command: UpdateCommand): Promise<boolean> => {
  const { UpdateExpression = '', ExpressionAttributeValues = {}, TableName, Key } = command.input;
  const claim = randomUUID();
  const set = `#${WRITE_CLAIM} = :${WRITE_CLAIM}`;
  const claimed = new UpdateCommand({
    ...command.input,
    // DynamoDB takes each clause once: join the SET clause if there is one, else open it.
    UpdateExpression: /^\s*SET\s/i.test(UpdateExpression) ? UpdateExpression.replace(/^\s*SET\s/i, `SET ${set}, `) : `SET ${set} ${UpdateExpression}`,
    ExpressionAttributeNames: { ...command.input.ExpressionAttributeNames, [`#${WRITE_CLAIM}`]: WRITE_CLAIM },
    ExpressionAttributeValues: { ...ExpressionAttributeValues, [`:${WRITE_CLAIM}`]: claim },
  });
  if (await conditionalWrite(client, claimed)) return true;
  const { Item } = await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
  return Item?.[WRITE_CLAIM] === claim;
};

/**
 * `conditionalWrite` of a delete the SDK may have sent twice. It reads the item first: with nothing there, nothing is
 * deleted (`false`). A refused delete of an item that was there and is gone now was carried out (by this call before
 * its answer was lost, or by a request that wanted the same): deleted. Only for a delete whose callers all want the
 * item gone (turning MFA off); never to consume something once.
 *
 * @example
 * if (!(await deleteOnce(client, new DeleteCommand({ …, ConditionExpression: '#status = :active' })))) return 'not active';
 */
export const deleteOnce = async (client: DynamoDBDocumentClient, command: DeleteCommand): Promise<boolean> => {
  const { TableName, Key } = command.input;
  const exists = async (): Promise<boolean> => (await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item !== undefined;
  if (!(await exists())) return false;
  return (await conditionalWrite(client, command)) || !(await exists());
};

/** Whether the item a refused put names is exactly the put's own item. */
const holdsOwn = async (client: DynamoDBDocumentClient, command: PutCommand): Promise<boolean> => {
  const { TableName, Item = {} } = command.input;
  // Tables keyed by `pk` alone (identity, keys, sessions) have no `sk`.
  const Key = Item['sk'] === undefined ? { pk: Item['pk'] } : { pk: Item['pk'], sk: Item['sk'] };
  const { Item: found } = await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
  return found !== undefined && isDeepStrictEqual(canonical(found), canonical(Item));
};

/**
 * An item as its stored form compares: without `undefined` attributes (never stored), a set as its sorted members (a
 * string set comes back in any order), bytes as base64 (a `Buffer` written comes back a `Uint8Array`).
 */
const canonical = (item: Record<string, unknown>): unknown =>
  JSON.parse(
    JSON.stringify(item, (_key, value: unknown) => {
      if (value instanceof Set) return [...value].sort();
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      // A Buffer reaches the replacer already as its toJSON form.
      if ((value as { type?: unknown } | null)?.type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
        return Buffer.from((value as { data: number[] }).data).toString('base64');
      }
      return value;
    }),
  );

/** An item without its table keys (`pk`, `sk`), `updateOnce`'s `writeClaim`, and the further attributes named (index or bookkeeping ones). */
export const withoutKeys = <T>(item: Record<string, unknown>, also: readonly string[] = []): T => {
  const { pk: _pk, sk: _sk, [WRITE_CLAIM]: _claim, ...rest } = item;
  for (const name of also) delete rest[name];
  return rest as T;
};

/** The key condition "partition `pk`, sort key starting with `prefix`", with any further values the query uses. */
export const partitionPrefix = (pk: string, prefix: string, values?: Record<string, unknown>) => ({
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...values },
});

/** A query's page as the ports return it: its items mapped, and a cursor only when there is more. */
export const toPage = <T>(
  result: { Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> },
  toItem: (item: Record<string, unknown>) => T,
): Page<T> => {
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map((item) => toItem(item)), ...(nextCursor ? { nextCursor } : {}) };
};

/** Every item a query matches, page after page (for the few lists that are always read whole). */
export const queryAll = async (client: DynamoDBDocumentClient, query: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...query, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
};

/**
 * One page of a query: at most `page.limit` items from where `page.cursor` left off. The cursor is
 * accepted only if it carries `scope` (the partition or index key it was made for), so a crafted
 * one cannot reach another user's items.
 *
 * @example
 * queryPage(client, { TableName, ...partitionPrefix(pk, SESSION_PREFIX), ScanIndexForward: false }, page, { pk }, toSession);
 */
export const queryPage = async <T>(
  client: DynamoDBDocumentClient,
  query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
  scope: Record<string, string>,
  toItem: (item: Record<string, unknown>) => T,
): Promise<Page<T>> =>
  toPage(await client.send(new QueryCommand({ ...query, Limit: page.limit, ExclusiveStartKey: decodeCursor(page.cursor, scope) })), toItem);

/**
 * The undo of a write whose audit append failed: puts `previous` back at `Key`, or deletes the item when there was
 * none, in one write conditional on `ConditionExpression` (the item is still the one just written). `false` when it
 * is not: nothing is written. No transaction (dynalite has none): the write and its undo are two conditional
 * writes.
 */
export const undoWrite = (
  client: DynamoDBDocumentClient,
  TableName: string,
  Key: Record<string, string>,
  previous: object | undefined,
  ConditionExpression: string,
  ExpressionAttributeValues?: Record<string, unknown>,
): Promise<boolean> => {
  const write = { TableName, ConditionExpression, ExpressionAttributeValues };
  return conditionalWrite(client, previous ? new PutCommand({ ...write, Item: { ...Key, ...previous } }) : new DeleteCommand({ ...write, Key }));
};
