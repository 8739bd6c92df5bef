import { BatchGetCommand, DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RatingAggregate, RatingRepository, ReviewRepository, StoredReview } from '../../care/ports';
import { appointmentKey, RATING, userKey } from '../../data/keys';
import { conditionalWrite } from './dynamo-kit';

/**
 * Reviews and rating aggregates in the records table (no Scan, no transaction):
 * - a review is the attribute `review` of the patient's appointment copy (`USER#<patient>` /
 *   `APPT#<id>`), set by one conditional update that holds every rule of "once, by the patient,
 *   after the visit";
 * - a practitioner's aggregate is `USER#<practitioner>` / `RATING` with `ratingSum` and
 *   `ratingCount`, changed only by atomic `ADD`s.
 */
export class DynamoReviews implements ReviewRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public add(patientId: string, appointmentId: string, review: StoredReview): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: userKey(patientId), sk: appointmentKey(appointmentId) },
        UpdateExpression: 'SET #review = :review',
        ConditionExpression: 'attribute_exists(pk) AND patientId = :patient AND #status = :fulfilled AND attribute_not_exists(#review)',
        ExpressionAttributeNames: { '#review': 'review', '#status': 'status' },
        ExpressionAttributeValues: { ':review': review, ':patient': patientId, ':fulfilled': 'fulfilled' },
      }),
    );
  }

  public remove(patientId: string, appointmentId: string, written: StoredReview): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: userKey(patientId), sk: appointmentKey(appointmentId) },
        UpdateExpression: 'REMOVE #review',
        ConditionExpression: '#review.createdAt = :at',
        ExpressionAttributeNames: { '#review': 'review' },
        ExpressionAttributeValues: { ':at': written.createdAt },
      }),
    );
  }
}

/** BatchGetItem takes at most 100 keys a call. */
const BATCH = 100;
/** Unprocessed keys are asked again this many times at most, then the call fails. */
const BATCH_ROUNDS = 5;

const aggregateOf = (item: Record<string, unknown> | undefined): RatingAggregate => ({
  sum: Number(item?.['ratingSum'] ?? 0),
  count: Number(item?.['ratingCount'] ?? 0),
});

export class DynamoRatings implements RatingRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(practitionerId: string) {
    return { pk: userKey(practitionerId), sk: RATING };
  }

  public async get(practitionerId: string): Promise<RatingAggregate> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(practitionerId), ConsistentRead: true }));
    return aggregateOf(Item);
  }

  public async getMany(practitionerIds: readonly string[]): Promise<Map<string, RatingAggregate>> {
    const ids = [...new Set(practitionerIds)];
    const found = new Map<string, RatingAggregate>(ids.map((id) => [id, aggregateOf(undefined)]));
    for (let at = 0; at < ids.length; at += BATCH) {
      let keys: Record<string, unknown>[] = ids.slice(at, at + BATCH).map((id) => this.key(id));
      for (let round = 0; keys.length > 0; round++) {
        if (round === BATCH_ROUNDS) throw new Error('Rating aggregates: unprocessed keys after retries');
        const result = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) found.set(String(item['pk']).slice(userKey('').length), aggregateOf(item));
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
  }

  public async add(practitionerId: string, stars: number): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(practitionerId),
        UpdateExpression: 'ADD ratingSum :stars, ratingCount :one',
        ExpressionAttributeValues: { ':stars': stars, ':one': 1 },
      }),
    );
  }

  public subtract(practitionerId: string, stars: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(practitionerId),
        UpdateExpression: 'ADD ratingSum :minusStars, ratingCount :minusOne',
        ConditionExpression: 'ratingCount >= :one',
        ExpressionAttributeValues: { ':minusStars': -stars, ':minusOne': -1, ':one': 1 },
      }),
    );
  }

  public remove(practitionerId: string): Promise<void> {
    return new DynamoRatingRemover(this.client, this.tableName).remove(practitionerId);
  }
}

/** The aggregate's deletion alone (account deletion): the deletion's bundle, near its budget, carries no reads or `ADD`s. */
export class DynamoRatingRemover implements Pick<RatingRepository, 'remove'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async remove(practitionerId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: userKey(practitionerId), sk: RATING } }));
  }
}
