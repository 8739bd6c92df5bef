import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyClaim, IdempotencyStore } from '../../http/idempotency-store';
import { idempotencyKey as itemKey, userKey } from '../../data/keys';
import { conditionalWrite } from './dynamo-kit';

const DAY_SECONDS = 86_400;
/**
 * How long an unfinished claim blocks its key: longer than any API function runs (10 s, lib/api.ts;
 * API Gateway gives up at 29 s), so a claim older than this was left by a crashed invocation.
 */
const IN_PROGRESS_LEASE_SECONDS = 60;
const IN_PROGRESS = 'in_progress';
const key = (userId: string, idempotencyKey: string) => ({ pk: userKey(userId), sk: itemKey(idempotencyKey) });

/**
 * Idempotency keys in the records table. Written by hand rather than with Powertools'
 * idempotency utility because the stored response is PHI and must be sealed; the claim is one
 * conditional put (`attribute_not_exists`, an expired record, or an unfinished claim whose lease ran
 * out because its invocation crashed).
 */
export class DynamoIdempotency implements IdempotencyStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async claim(userId: string, idempotencyKey: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
    const nowEpoch = Math.floor(now.getTime() / 1000);
    // This claim's own mark: a put whose answer was lost and that the SDK sent again finds it, and knows the claim is its own.
    const claimId = randomUUID();
    // Twice at most: a record released (or expired away) between the refused put and the read leaves the key free again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const claimed = await conditionalWrite(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key(userId, idempotencyKey),
            fingerprint,
            status: IN_PROGRESS,
            expiresAt: nowEpoch + DAY_SECONDS,
            leaseUntil: nowEpoch + IN_PROGRESS_LEASE_SECONDS,
            claimId,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now OR (#status = :inProgress AND leaseUntil <= :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': nowEpoch, ':inProgress': IN_PROGRESS },
        }),
      );
      if (claimed) return { state: 'new' };
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(userId, idempotencyKey), ConsistentRead: true }));
      if (Item !== undefined) {
        if (Item['claimId'] === claimId) return { state: 'new' };
        if (Item['fingerprint'] !== fingerprint) return { state: 'mismatch' };
        if (Item['status'] === 'done') return { state: 'done', responseSealed: String(Item['responseSealed']) };
        return { state: 'in_progress', retryAfterSeconds: Math.max(1, Number(Item['leaseUntil']) - nowEpoch) };
      }
    }
    // Gone twice: other requests keep claiming and releasing the key. It is busy (409, retry later), not another body's.
    return { state: 'in_progress', retryAfterSeconds: 1 };
  }

  /**
   * Throws `ConditionalCheckFailedException` and writes nothing unless the key holds an unfinished claim: an update
   * without that condition would create a record with no fingerprint or expiry (never replayed, never expiring).
   */
  public async complete(userId: string, idempotencyKey: string, responseSealed: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(userId, idempotencyKey),
        UpdateExpression: 'SET #status = :done, responseSealed = :response',
        ConditionExpression: '#status = :inProgress',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':response': responseSealed, ':inProgress': IN_PROGRESS },
      }),
    );
  }

  public async release(userId: string, idempotencyKey: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: key(userId, idempotencyKey) }));
  }
}
