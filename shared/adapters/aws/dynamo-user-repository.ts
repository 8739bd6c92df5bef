import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../domain/roles';
import type { UserRecord, UserRepository } from '../../identity/ports';
import { emailKey, userKey } from '../../data/keys';
import { conditionalWrite, createOnce, putOnce, updateOnce, withoutKeys } from './dynamo-kit';

const account = (id: string) => ({ pk: userKey(id) });
const claim = (emailIndex: string) => ({ pk: emailKey(emailIndex) });

/**
 * An account read and marked deleted, and nothing else (account deletion): a class of its own, so the
 * deletion's bundle does not ship the rest of the account writes. `DynamoUserRepository` is this and more.
 */
export class DynamoAccountDeletion implements Pick<UserRepository, 'get' | 'markDeleted'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<UserRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: account(userId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys(Item, ['kind', 'rolesVersion']);
  }

  public async markDeleted(user: Pick<UserRecord, 'id' | 'emailIndex'>, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: account(user.id),
        UpdateExpression: 'SET #status = :deleted, deletedAt = :at REMOVE passwordHash',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':deleted': 'deleted', ':at': at },
      }),
    );
    await this.releaseEmail(user.id, user.emailIndex);
  }

  /** Frees an e-mail claim, only if it still points at `userId`. */
  protected async releaseEmail(userId: string, emailIndex: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: claim(emailIndex),
        ConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':userId': userId },
      }),
    );
  }
}

/**
 * Users in the identity table: `userKey(id)` holds the account, `emailKey(hmac)` is the unique
 * claim that maps an e-mail's blind index to the user id.
 */
export class DynamoUserRepository extends DynamoAccountDeletion implements UserRepository {
  /** `createOnce`: a create sent again after its answer was lost finds its own account; another id's still throws. */
  public create(user: UserRecord): Promise<void> {
    return createOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...account(user.id), kind: 'user', ...user, roles: [...user.roles] },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** `putOnce`: a claim sent again after its answer was lost finds its own user id, not another account's claim. */
  public claimEmail(emailIndex: string, userId: string): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...claim(emailIndex), kind: 'email', userId },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public async discard(userId: string, emailIndex: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: account(userId) }));
    await this.releaseEmail(userId, emailIndex);
  }

  public async findIdByEmail(emailIndex: string): Promise<string | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: claim(emailIndex), ConsistentRead: true }));
    return typeof Item?.['userId'] === 'string' ? Item['userId'] : undefined;
  }

  public async setRoles(userId: string, roles: readonly Role[], expected: readonly Role[]): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: account(userId),
        ConsistentRead: true,
        ProjectionExpression: '#roles, rolesVersion',
        ExpressionAttributeNames: { '#roles': 'roles' },
      }),
    );
    if (Item === undefined || JSON.stringify(Item['roles']) !== JSON.stringify(expected)) return false;
    // The version (not the list, which DynamoDB's = compares unreliably across stores) guards the swap.
    const version = Number(Item['rolesVersion'] ?? 0);
    return updateOnce(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: account(userId),
        UpdateExpression: 'SET #roles = :roles, rolesVersion = :next',
        ConditionExpression: version === 0 ? 'attribute_exists(pk) AND attribute_not_exists(rolesVersion)' : 'rolesVersion = :version',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': [...roles], ':next': version + 1, ...(version === 0 ? {} : { ':version': version }) },
      }),
    );
  }

  public async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: account(userId),
        UpdateExpression: 'SET passwordHash = :hash',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':hash': passwordHash },
      }),
    );
  }

  public replacePasswordHash(userId: string, next: string, expected: string): Promise<boolean> {
    return updateOnce(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: account(userId),
        UpdateExpression: 'SET passwordHash = :next',
        ConditionExpression: 'passwordHash = :expected AND #status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':next': next, ':expected': expected, ':active': 'active' },
      }),
    );
  }
}
