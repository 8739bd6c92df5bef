import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { userKey } from '../../data/keys';
import type { AccountBatch } from '../../care/ports';
import type { UserRecord, UserRepository } from '../../identity/ports';
import { batchGet } from './dynamo-batch';
import { withoutKeys } from './dynamo-kit';

/** An account item as `DynamoUserRepository` reads it: without its key and its bookkeeping attributes. */
const accountOf = (item: Record<string, unknown>) => withoutKeys<UserRecord>(item, ['kind', 'rolesVersion']);

/**
 * Reads accounts only (the item `DynamoUserRepository` writes, read the same way): a route that
 * checks an account's standing (active, holding a role) needs `get` alone, and this keeps the
 * account writes out of its bundle, as `DynamoPractitionerReader` does for profiles.
 */
export class DynamoAccountReader implements Pick<UserRepository, 'get'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: userKey(userId) }, ConsistentRead: true }));
    return Item === undefined ? undefined : accountOf(Item);
  }
}

/**
 * Reads many accounts at once (`AccountBatch`): one BatchGetItem per 100, read the way
 * `DynamoAccountReader` reads one. A class of its own, so the routes that read one account do not ship it.
 */
export class DynamoAccountBatch implements AccountBatch {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async getMany(userIds: readonly string[]): Promise<Map<string, UserRecord>> {
    const items = await batchGet(
      this.client,
      this.tableName,
      userIds.map((id) => ({ pk: userKey(id) })),
    );
    const accounts = items.map(accountOf);
    return new Map(accounts.map((account) => [account.id, account]));
  }
}
