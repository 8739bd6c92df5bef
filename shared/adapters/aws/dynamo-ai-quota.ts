import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { takeToken, type BucketState } from '../../domain/token-bucket';
import type { AiQuota } from '../../assessment/ports';
import { AI_QUOTA, userKey } from '../../data/keys';
import { conditionalWrite } from './dynamo-kit';

const MAX_ATTEMPTS = 5;

/** Epoch seconds at which a bucket refills to `burst`. */
const fullAt = (state: BucketState, limits: { burst: number; perHour: number }): number =>
  Math.ceil(state.refilledAt / 1000 + ((limits.burst - state.tokens) / limits.perHour) * 3600);

/**
 * The AI quota as a token bucket per user (`userKey(id)` / `AI_QUOTA` in the records table). Each take
 * reads the bucket and writes it back only if nobody else did meanwhile (one conditional put on
 * the refill time), so concurrent requests never spend the same token twice. The item expires (the
 * table's TTL) when the bucket would be full again, since no item is a full bucket: so no bucket
 * outlives its use, not even one a deleted account's last token wrote after the deletion.
 */
export class DynamoAiQuota implements AiQuota {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly limits: { burst: number; perHour: number },
    private readonly now: () => number = Date.now,
  ) {}

  public async take(userId: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const Key = { pk: userKey(userId), sk: AI_QUOTA };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
      const state = Item === undefined ? undefined : { tokens: Number(Item['tokens']), refilledAt: Number(Item['refilledAt']) };
      const decision = takeToken(state, Math.max(this.now(), (state?.refilledAt ?? 0) + 1), this.limits);
      if (!decision.allowed) return { allowed: false, retryAfterSeconds: decision.retryAfterSeconds };
      const taken = await conditionalWrite(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: { ...Key, ...decision.next, expiresAt: fullAt(decision.next, this.limits) },
          ConditionExpression: state === undefined ? 'attribute_not_exists(pk)' : 'refilledAt = :seen',
          ...(state === undefined ? {} : { ExpressionAttributeValues: { ':seen': state.refilledAt } }),
        }),
      );
      if (taken) return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: 1 };
  }
}
