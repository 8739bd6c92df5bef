import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchGetItem takes at most 100 keys a call. */
export const BATCH_GET_KEYS = 100;
/** Calls one batch of keys may take: the first, then the unprocessed keys asked again after a back-off; then it fails. */
export const BATCH_GET_ROUNDS = 5;

/**
 * The items at `keys` in one table, read consistently with BatchGetItem: 100 keys a call, and the
 * keys DynamoDB left unprocessed (throttling, or the 16 MB answer limit) asked again after a jittered
 * exponential back-off (full jitter, under 20, 40, 80, 160 ms), as AWS advises. Keys given twice are
 * read once (BatchGetItem refuses duplicates). Missing items are simply absent; the order of the
 * answer is not the keys'. Throws when keys are still unprocessed after {@link BATCH_GET_ROUNDS} calls.
 *
 * @example
 * const items = await batchGet(client, tableName, ids.map((id) => ({ pk: userKey(id) })));
 */
export const batchGet = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, string>[],
): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
  const items: Record<string, unknown>[] = [];
  for (let at = 0; at < unique.length; at += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] = unique.slice(at, at + BATCH_GET_KEYS);
    for (let round = 0; pending.length > 0; round++) {
      if (round === BATCH_GET_ROUNDS) throw new Error(`BatchGetItem: ${pending.length} keys still unprocessed after ${BATCH_GET_ROUNDS} calls`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** round));
      const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
};
