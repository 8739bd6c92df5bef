import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { directoryPosition } from '../../care/directory-position';
import type { DirectoryEntry, DirectoryFilter, PractitionerDirectory, PractitionerRecord, PractitionerRepository } from '../../care/ports';
import { directoryKey, PRACTITIONER, userKey } from '../../data/keys';
import { putOnce, undoWrite, withoutKeys } from './dynamo-kit';

const practitioner = (userId: string) => ({ pk: userKey(userId), sk: PRACTITIONER });

/** The `byDirectory` index of the records table (shared/data/tables.ts) and its key attributes. */
const INDEX = 'byDirectory';
const DIRECTORY_ATTRIBUTES = ['dirKey', 'dirSort'] as const;

/**
 * The stored item of a profile: its fields, plus its directory keys while it is verified. The index
 * is sparse, so the one conditional put that writes a profile also enters it in the directory, moves
 * it there (a new place or kind) or takes it out (unverified): there is no second item to keep in step.
 */
const itemOf = (record: PractitionerRecord) => ({
  ...record,
  ...(record.verified ? { dirKey: directoryKey(record.kind), dirSort: directoryPosition(record) } : {}),
});

/** The filter expression of a directory query: the profile's own attributes (the kind is the partition). */
const filterOf = (filter: DirectoryFilter) => {
  const conditions = ['#verified = :true'];
  const names: Record<string, string> = { '#verified': 'verified' };
  const values: Record<string, unknown> = { ':true': true };
  const add = (condition: string, name: string, attribute: string, value: unknown) => {
    conditions.push(condition);
    names[name] = attribute;
    values[`:${attribute}`] = value;
  };
  if (filter.specialty !== undefined) add('contains(#specialties, :specialties)', '#specialties', 'specialties', filter.specialty);
  if (filter.skill !== undefined) add('contains(#skills, :skills)', '#skills', 'skills', filter.skill);
  if (filter.language !== undefined) add('contains(#languages, :languages)', '#languages', 'languages', filter.language);
  if (filter.telehealth !== undefined) add('#telehealth = :telehealth', '#telehealth', 'telehealth', filter.telehealth);
  return { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, values };
};

const removeProfile = async (client: DynamoDBDocumentClient, tableName: string, userId: string): Promise<void> => {
  await client.send(new DeleteCommand({ TableName: tableName, Key: practitioner(userId) }));
};

/**
 * Account deletion's `remove` alone (the item and with it its directory entry, the index being sparse):
 * without the profile writes and the directory query, so the deletion's bundle stays small.
 */
export class DynamoPractitionerRemover implements Pick<PractitionerRepository, 'remove'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public remove(userId: string): Promise<void> {
    return removeProfile(this.client, this.tableName, userId);
  }
}

/**
 * Practitioner profiles in the records table: one item per practitioner, `PRACTITIONER` in their own
 * partition (`userKey(id)`), holding the record's fields as plain attributes. Every write is one
 * conditional put on the version; its undo, for a failed audit append, one conditional put or
 * delete. A verified profile also carries `dirKey` (`DIR#<kind>`) and `dirSort` (`<geohash>#<id>`),
 * the keys of the sparse `byDirectory` index the directory queries (never a scan).
 */
export class DynamoPractitioners implements PractitionerRepository, PractitionerDirectory {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<PractitionerRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: practitioner(userId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<PractitionerRecord>(Item, DIRECTORY_ATTRIBUTES);
  }

  /** `putOnce`: a put sent again after its answer was lost finds its own profile, not a newer version. */
  public put(record: PractitionerRecord): Promise<boolean> {
    const creating = record.version === 1;
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...practitioner(record.userId), ...itemOf(record) },
        ConditionExpression: creating ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(creating ? {} : { ExpressionAttributeValues: { ':expected': record.version - 1 } }),
      }),
    );
  }

  public undoPut(written: Pick<PractitionerRecord, 'userId' | 'version'>, previous: PractitionerRecord | undefined): Promise<boolean> {
    return undoWrite(this.client, this.tableName, practitioner(written.userId), previous && itemOf(previous), 'version = :v', { ':v': written.version });
  }

  public remove(userId: string): Promise<void> {
    return removeProfile(this.client, this.tableName, userId);
  }

  public async find(
    filter: DirectoryFilter,
    prefix: string,
    options: { readonly after?: string; readonly limit: number; readonly maxRead: number },
  ): Promise<{ entries: DirectoryEntry[]; resume?: string }> {
    if (!(options.limit > 0 && options.maxRead > 0)) throw new RangeError('limit and maxRead must be positive');
    const dirKey = directoryKey(filter.kind);
    const { values, ...filtering } = filterOf(filter);
    const entries: DirectoryEntry[] = [];
    let start: Record<string, unknown> | undefined =
      options.after === undefined ? undefined : { dirKey, dirSort: options.after, ...practitioner(options.after.slice(options.after.indexOf('#') + 1)) };
    let read = 0;
    for (;;) {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX,
          KeyConditionExpression: prefix === '' ? 'dirKey = :dirKey' : 'dirKey = :dirKey AND begins_with(dirSort, :prefix)',
          ExpressionAttributeValues: { ':dirKey': dirKey, ...(prefix === '' ? {} : { ':prefix': prefix }), ...values },
          ...filtering,
          Limit: options.maxRead - read,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      read += result.ScannedCount ?? 0;
      const items = result.Items ?? [];
      for (const [i, item] of items.entries()) {
        const position = item['dirSort'] as string;
        entries.push({ position, record: withoutKeys<PractitionerRecord>(item, DIRECTORY_ATTRIBUTES) });
        if (entries.length === options.limit) {
          const last = i === items.length - 1 && result.LastEvaluatedKey === undefined;
          return { entries, ...(last ? {} : { resume: position }) };
        }
      }
      if (result.LastEvaluatedKey === undefined) return { entries };
      start = result.LastEvaluatedKey;
      if (read >= options.maxRead) return { entries, resume: start['dirSort'] as string };
    }
  }
}
