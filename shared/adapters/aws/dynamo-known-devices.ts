import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { devicesKey } from '../../data/keys';
import type { KnownDevices, KnownDeviceStore } from '../../identity/ports';
import { putOnce, withoutKeys } from './dynamo-kit';

/** The known devices forgotten, and nothing else (account deletion): a class of its own for the deletion's bundle. */
export class DynamoKnownDeviceRemover implements Pick<KnownDeviceStore, 'forget'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async forget(userId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: devicesKey(userId) } }));
  }
}

/**
 * Known sign-in devices (shared/identity/devices.ts) in the identity table: one item per account,
 * `DEVICES#<id>`, holding keyed hashes only. A write is one conditional put on the version read.
 */
export class DynamoKnownDevices extends DynamoKnownDeviceRemover implements KnownDeviceStore {
  public async get(userId: string): Promise<KnownDevices | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: devicesKey(userId) }, ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<KnownDevices>(Item);
  }

  /** `putOnce`: a put sent again after its answer was lost finds its own version, not a newer one. */
  public put(userId: string, devices: KnownDevices): Promise<boolean> {
    const first = devices.version === 1;
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: devicesKey(userId), hashes: [...devices.hashes], version: devices.version },
        ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(first ? {} : { ExpressionAttributeValues: { ':expected': devices.version - 1 } }),
      }),
    );
  }
}
