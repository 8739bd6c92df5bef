import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataKeyRepository, WrappedDataKeys } from '../../vault/ports';
import { userKey } from '../../data/keys';
import { conditionalWrite, putOnce } from './dynamo-kit';

const key = (userId: string) => ({ pk: userKey(userId) });

/**
 * Wrapped data keys, one item per user: `{ current, versions: { "1": <wrapped>, … } }`, read only:
 * what a `SealingVault` needs (shared/vault/vault.ts), without the writes in its bundle.
 */
export class DynamoDataKeyReader implements Pick<DataKeyRepository, 'get'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<WrappedDataKeys | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(userId), ConsistentRead: true }));
    if (Item === undefined) return undefined;
    if (Item['destroyedAt'] !== undefined) return { state: 'destroyed' };
    const versions = Object.fromEntries(Object.entries(Item['versions'] as Record<string, Uint8Array>).map(([version, wrapped]) => [Number(version), wrapped]));
    return { state: 'active', current: Number(Item['current']), versions };
  }
}

/**
 * Wrapped data keys, read and written. Destroying removes every version and leaves a tombstone, so
 * the user can never get a key again.
 */
export class DynamoDataKeyRepository extends DynamoDataKeyReader implements DataKeyRepository {
  /** `putOnce`: a create sent again after its answer was lost finds its own wrapped key, not an existing one. */
  public create(userId: string, wrapped: Uint8Array): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key(userId), current: 1, versions: { '1': wrapped }, createdAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public addVersion(userId: string, version: number, wrapped: Uint8Array, expectedCurrent: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(userId),
        UpdateExpression: 'SET versions.#version = :wrapped, #current = :version',
        ConditionExpression: '#current = :expected AND attribute_not_exists(destroyedAt)',
        ExpressionAttributeNames: { '#version': String(version), '#current': 'current' },
        ExpressionAttributeValues: { ':wrapped': wrapped, ':version': version, ':expected': expectedCurrent },
      }),
    );
  }

  public async destroy(userId: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key(userId), destroyedAt: new Date().toISOString() },
      }),
    );
  }
}
