import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord, ConsentRepository, FeedbackRecord, FeedbackRepository, ProfileRepository, StoredProfile } from "../../records/ports";
import type { Page, PageRequest } from "../../domain/page";
import { isConditionFailure } from './dynamo-client';
import { decodeCursor, encodeCursor } from './page-cursor';

const userPartition = (userId: string) => `USER#${userId}`;
const consentKey = (patientId: string, consentId: string) => ({ pk: userPartition(patientId), sk: `CONSENT#${consentId}` });

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
};

/**
 * A patient's records in one partition (`USER#id`): the profile (`PROFILE`, sealed, versioned),
 * consents (`CONSENT#id`, findable by grantee through the `byGrantee` index) and feedback
 * (`FEEDBACK#time#id`, comments sealed).
 */
export class DynamoRecords implements ProfileRepository, ConsentRepository, FeedbackRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<StoredProfile | undefined>;
  public async get(patientId: string, consentId: string): Promise<ConsentRecord | undefined>;
  public async get(userId: string, consentId?: string): Promise<StoredProfile | ConsentRecord | undefined> {
    const Key = consentId === undefined ? { pk: userPartition(userId), sk: 'PROFILE' } : consentKey(userId, consentId);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    if (consentId !== undefined) return strip<ConsentRecord>(Item);
    return { sealed: String(Item['data']), version: Number(Item['version']), updatedAt: String(Item['updatedAt']) };
  }

  public async put(userId: string, sealed: string, updatedAt: string, expectedVersion: number | undefined): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({
        TableName: this.tableName,
        Item: { pk: userPartition(userId), sk: 'PROFILE', data: sealed, version: (expectedVersion ?? 0) + 1, updatedAt },
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  public async create(consent: ConsentRecord): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...consentKey(consent.patientId, consent.id), ...consent },
        // A share consent has a fresh id; the AI-processing consent's id is per patient, so this
        // one condition keeps at most one of those active.
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(revokedAt)',
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  public async between(patientId: string, granteeId: string): Promise<ConsentRecord[]> {
    const { Items = [] } = await this.client.send(new QueryCommand({
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', FilterExpression: 'granteeId = :grantee',
      ExpressionAttributeValues: { ':pk': userPartition(patientId), ':prefix': 'CONSENT#', ':grantee': granteeId }, ConsistentRead: true,
    }));
    return Items.map((item) => strip<ConsentRecord>(item));
  }

  public async granted(patientId: string, page: PageRequest): Promise<Page<ConsentRecord>> {
    const pk = userPartition(patientId);
    return this.page(page, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': 'CONSENT#' },
      ExclusiveStartKey: decodeCursor(page.cursor, { pk }),
    });
  }

  public async received(granteeId: string, page: PageRequest): Promise<Page<ConsentRecord>> {
    return this.page(page, {
      IndexName: 'byGrantee', KeyConditionExpression: 'granteeId = :grantee AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':grantee': granteeId, ':prefix': 'CONSENT#' }, ExclusiveStartKey: decodeCursor(page.cursor, { granteeId }),
    });
  }

  public async revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({
        TableName: this.tableName, Key: consentKey(patientId, consentId), UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)', ExpressionAttributeValues: { ':at': at },
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  public async add(feedback: FeedbackRecord): Promise<void> {
    await this.client.send(new PutCommand({
      TableName: this.tableName,
      Item: { pk: userPartition(feedback.userId), sk: `FEEDBACK#${feedback.createdAt}#${feedback.id}`, ...feedback },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  public async ofUser(userId: string): Promise<FeedbackRecord[]> {
    const { Items = [] } = await this.client.send(new QueryCommand({
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': 'FEEDBACK#' },
    }));
    return Items.map((item) => strip<FeedbackRecord>(item));
  }

  private async page(page: PageRequest, query: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<Page<ConsentRecord>> {
    const result = await this.client.send(new QueryCommand({ TableName: this.tableName, Limit: page.limit, ...query }));
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map((item) => strip<ConsentRecord>(item)), ...(nextCursor ? { nextCursor } : {}) };
  }
}
