import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { TABLES, type TableName } from '../../shared/data/tables';

/** Every item of every table, by table and key, as raw attribute JSON (so an update shows as a change). */
export type StoreSnapshot = ReadonlyMap<string, string>;

/** One item that differs between two snapshots. */
export interface StoreChange {
  readonly table: TableName;
  readonly key: string;
  readonly kind: 'added' | 'changed' | 'removed';
  /** The item after the change (before it, for a removal), raw attribute values. */
  readonly item: Record<string, AttributeValue>;
}

const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/**
 * Reads whole tables, for "a rejected request writes nothing": the fuzzer's store is small (a few
 * hundred items), so a full scan of every table per request is cheaper than anything cleverer.
 *
 * @example
 * const store = storeReader(backend.dynamodbEndpoint, backend.tables);
 * const changes = diffStore(before, await store.snapshot());
 */
export const storeReader = (endpoint: string, tables: Readonly<Record<TableName, string>>) => {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const scan = async (table: TableName): Promise<[string, string][]> => {
    const entries: [string, string][] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: tables[table], ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) entries.push([`${table}\u0000${item['pk']?.S}\u0000${item['sk']?.S ?? ''}`, JSON.stringify(item)]);
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return entries;
  };
  return {
    snapshot: async (): Promise<StoreSnapshot> => new Map((await Promise.all(TABLE_NAMES.map(scan))).flat()),
    close: () => client.destroy(),
  };
};

/** What changed from `before` to `after`. */
export const diffStore = (before: StoreSnapshot, after: StoreSnapshot): StoreChange[] => {
  const changes: StoreChange[] = [];
  const change = (id: string, kind: StoreChange['kind'], raw: string): void => {
    const [table, pk, sk] = id.split('\u0000') as [TableName, string, string];
    changes.push({ table, key: sk === '' ? pk : `${pk} ${sk}`, kind, item: JSON.parse(raw) });
  };
  for (const [id, raw] of after) {
    const was = before.get(id);
    if (was === undefined) change(id, 'added', raw);
    else if (was !== raw) change(id, 'changed', raw);
  }
  for (const [id, raw] of before) if (!after.has(id)) change(id, 'removed', raw);
  return changes;
};
