import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RefreshFamily, RefreshFamilyRepository } from "../../identity/ports";
import { isConditionFailure } from './dynamo-client';

const key = (familyId: string) => ({ pk: `FAMILY#${familyId}` });

/** Refresh-token families as `FAMILY#<id>` items; every state change is one conditional write. */
export class DynamoRefreshFamilies implements RefreshFamilyRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async create(family: RefreshFamily): Promise<void> {
    await this.client.send(new PutCommand({
      TableName: this.tableName, Item: { ...key(family.familyId), ...family }, ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  public async get(familyId: string): Promise<RefreshFamily | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(familyId), ConsistentRead: true }));
    if (Item === undefined) return undefined;
    const { pk: _pk, ...family } = Item;
    return family as RefreshFamily;
  }

  public async rotate(familyId: string, expectedHash: string, nextHash: string, nowEpoch: number): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({
        TableName: this.tableName, Key: key(familyId),
        UpdateExpression: 'SET currentHash = :next, generation = generation + :one, rotatedAt = :now',
        ConditionExpression: 'currentHash = :expected AND revoked = :false AND expiresAt > :now',
        ExpressionAttributeValues: { ':next': nextHash, ':expected': expectedHash, ':one': 1, ':false': false, ':now': nowEpoch },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  public async familiesOf(userId: string): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({
        TableName: this.tableName, IndexName: 'byUser', KeyConditionExpression: 'userId = :user',
        ExpressionAttributeValues: { ':user': userId }, ProjectionExpression: 'familyId', ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      ids.push(...(page.Items ?? []).map((item) => String(item['familyId'])));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return ids;
  }

  public async revoke(familyId: string, reason: 'logout' | 'reuse_detected' | 'account_disabled' | 'account_deleted'): Promise<void> {
    await this.client.send(new UpdateCommand({
      TableName: this.tableName, Key: key(familyId),
      UpdateExpression: 'SET revoked = :true, revokedReason = :reason, revokedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':true': true, ':reason': reason, ':at': new Date().toISOString() },
    }));
  }
}
