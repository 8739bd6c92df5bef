import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UsageCounters } from '../../budgets/ports';
import { budgetKey, userKey } from '../../data/keys';
import { conditionalWrite } from './dynamo-kit';

/**
 * Per-user budget counters in the records table (`userKey(id)` / `budgetKey(counter)`): one conditional `ADD` per
 * take, refused by DynamoDB once the count holds the limit, with `expiresAt` for the table's TTL.
 */
export class DynamoUsageCounters implements UsageCounters {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async increment(userId: string, counterId: string, limit: number, expiresAt: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: userKey(userId), sk: budgetKey(counterId) },
        UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expiresAt': expiresAt },
      }),
    );
  }
}
