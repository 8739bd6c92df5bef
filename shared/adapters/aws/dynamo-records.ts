import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord, ConsentRepository, FeedbackRecord, FeedbackRepository, ProfileRepository, StoredProfile } from '../../records/ports';
import { CONSENT_PREFIX, FEEDBACK_PREFIX, PROFILE, consentKey, feedbackKey, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { conditionalWrite, partitionPrefix, queryPage, withoutKeys } from './dynamo-kit';

const consent = (patientId: string, consentId: string) => ({ pk: userKey(patientId), sk: consentKey(consentId) });

/**
 * A patient's records in one partition (`userKey(id)`): the profile (`PROFILE`, sealed, versioned),
 * consents (`consentKey(id)`, findable by grantee through the `byGrantee` index) and feedback
 * (`feedbackKey(time, id)`, comments sealed).
 */
export class DynamoRecords implements ProfileRepository, ConsentRepository, FeedbackRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<StoredProfile | undefined>;
  public async get(patientId: string, consentId: string): Promise<ConsentRecord | undefined>;
  public async get(userId: string, consentId?: string): Promise<StoredProfile | ConsentRecord | undefined> {
    const Key = consentId === undefined ? { pk: userKey(userId), sk: PROFILE } : consent(userId, consentId);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    if (consentId !== undefined) return withoutKeys<ConsentRecord>(Item);
    return { sealed: String(Item['data']), version: Number(Item['version']), updatedAt: String(Item['updatedAt']) };
  }

  public put(userId: string, sealed: string, updatedAt: string, expectedVersion: number | undefined): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userKey(userId), sk: PROFILE, data: sealed, version: (expectedVersion ?? 0) + 1, updatedAt },
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  }

  public create(record: ConsentRecord): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...consent(record.patientId, record.id), ...record },
        // A share consent has a fresh id; the AI-processing consent's id is per patient, so this
        // one condition keeps at most one of those active.
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(revokedAt)',
      }),
    );
  }

  public async between(patientId: string, granteeId: string): Promise<ConsentRecord[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...partitionPrefix(userKey(patientId), CONSENT_PREFIX, { ':grantee': granteeId }),
        FilterExpression: 'granteeId = :grantee',
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => withoutKeys<ConsentRecord>(item));
  }

  /** A patient's consents, oldest first. */
  public granted(patientId: string, page: PageRequest): Promise<Page<ConsentRecord>> {
    const pk = userKey(patientId);
    return queryPage(this.client, { TableName: this.tableName, ...partitionPrefix(pk, CONSENT_PREFIX) }, page, { pk }, withoutKeys<ConsentRecord>);
  }

  public received(granteeId: string, page: PageRequest): Promise<Page<ConsentRecord>> {
    return queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName: 'byGrantee',
        KeyConditionExpression: 'granteeId = :grantee AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':grantee': granteeId, ':prefix': CONSENT_PREFIX },
      },
      page,
      { granteeId },
      withoutKeys<ConsentRecord>,
    );
  }

  public revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: consent(patientId, consentId),
        UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  public async add(feedback: FeedbackRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userKey(feedback.userId), sk: feedbackKey(feedback.createdAt, feedback.id), ...feedback },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public async ofUser(userId: string): Promise<FeedbackRecord[]> {
    const { Items = [] } = await this.client.send(new QueryCommand({ TableName: this.tableName, ...partitionPrefix(userKey(userId), FEEDBACK_PREFIX) }));
    return Items.map((item) => withoutKeys<FeedbackRecord>(item));
  }
}
