import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RefreshFamily, RefreshFamilyRepository, RevokeReason } from '../../identity/ports';
import { familyKey } from '../../data/keys';
import { conditionalWrite, createOnce, queryAll, withoutKeys } from './dynamo-kit';

const key = (familyId: string) => ({ pk: familyKey(familyId) });

/**
 * A user's refresh-token families, found and revoked, and nothing else (account deletion): a class
 * of its own, so the deletion's bundle does not ship issuing and rotation. `DynamoRefreshFamilies` is this and more.
 */
export class DynamoFamilyRevoker implements Pick<RefreshFamilyRepository, 'familiesOf' | 'revoke'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async familiesOf(userId: string): Promise<string[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'byUser',
      KeyConditionExpression: 'userId = :user',
      ExpressionAttributeValues: { ':user': userId },
      ProjectionExpression: 'familyId',
    });
    return items.map((item) => String(item['familyId']));
  }

  public async revoke(familyId: string, reason: RevokeReason): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(familyId),
        UpdateExpression: 'SET revoked = :true, revokedReason = :reason, revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':true': true, ':reason': reason, ':at': new Date().toISOString() },
      }),
    );
  }
}

/** Refresh-token families as `familyKey(id)` items; every state change is one conditional write. */
export class DynamoRefreshFamilies extends DynamoFamilyRevoker implements RefreshFamilyRepository {
  /** `createOnce`: a create sent again after its answer was lost finds its own family; another still throws. */
  public create(family: RefreshFamily): Promise<void> {
    return createOnce(
      this.client,
      new PutCommand({ TableName: this.tableName, Item: { ...key(family.familyId), ...family }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  public async get(familyId: string): Promise<RefreshFamily | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(familyId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys(Item);
  }

  public rotate(familyId: string, expectedHash: string, nextHash: string, nowEpoch: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(familyId),
        UpdateExpression: 'SET currentHash = :next, generation = generation + :one, rotatedAt = :now',
        ConditionExpression: 'currentHash = :expected AND revoked = :false AND expiresAt > :now',
        ExpressionAttributeValues: { ':next': nextHash, ':expected': expectedHash, ':one': 1, ':false': false, ':now': nowEpoch },
      }),
    );
  }
}
