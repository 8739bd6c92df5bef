import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { userKey } from '../../data/keys';
import type { UserRecord, UserRepository } from '../../identity/ports';
import { withoutKeys } from './dynamo-kit';

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
    return Item === undefined ? undefined : withoutKeys<UserRecord>(Item, ['kind', 'rolesVersion']);
  }
}
