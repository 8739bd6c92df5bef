import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord, ConsentRepository, ConsentUndo, FeedbackRecord, FeedbackRepository, ProfileRepository, StoredProfile } from '../../records/ports';
import { CONSENT_PREFIX, FEEDBACK_PREFIX, PROFILE, feedbackKey, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { consentItemKey, consentsBetween, putConsent, revokeConsent, undoPutConsent, undoRevokeConsent } from './dynamo-consent-items';
import { partitionPrefix, putOnce, queryAll, queryPage, undoWrite, withoutKeys } from './dynamo-kit';

const profile = (userId: string) => ({ pk: userKey(userId), sk: PROFILE });
const feedbackItem = (feedback: FeedbackRecord) => ({ pk: userKey(feedback.userId), sk: feedbackKey(feedback.createdAt, feedback.id) });
const profileOf = (item: Record<string, unknown>): StoredProfile => ({
  sealed: String(item['data']),
  version: Number(item['version']),
  updatedAt: String(item['updatedAt']),
});

/** A patient's consents (granted) and a grantee's (received), listed, and nothing else: the base of the slim classes below. */
export class DynamoConsentLists implements Pick<ConsentRepository, 'granted' | 'received'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  /** A patient's consents in id order: random UUIDs, so not by time. */
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
}

/** Consents listed and revoked, and nothing else (account deletion): the deletion's bundle ships no other records write. */
export class DynamoConsentRevoker extends DynamoConsentLists implements Pick<ConsentRepository, 'granted' | 'received' | 'revoke'> {
  public revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return revokeConsent(this.client, this.tableName, patientId, consentId, at);
  }
}

/** The profile, consents and feedback read, and nothing written (the account's export): no write in its bundle. */
export class DynamoRecordsReader
  extends DynamoConsentLists
  implements Pick<ProfileRepository, 'get'>, Pick<ConsentRepository, 'granted' | 'received'>, Pick<FeedbackRepository, 'ofUser'>
{
  public async get(userId: string): Promise<StoredProfile | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: profile(userId), ConsistentRead: true }));
    return Item === undefined ? undefined : profileOf(Item);
  }

  public async ofUser(userId: string): Promise<FeedbackRecord[]> {
    const items = await queryAll(this.client, { TableName: this.tableName, ...partitionPrefix(userKey(userId), FEEDBACK_PREFIX) });
    return items.map((item) => withoutKeys<FeedbackRecord>(item));
  }
}

/**
 * A patient's records in one partition (`userKey(id)`): the profile (`PROFILE`, sealed, versioned),
 * consents (`consentKey(id)`, findable by grantee through the `byGrantee` index, written by
 * dynamo-consent-items.ts as the booking routes' share consents are) and feedback
 * (`feedbackKey(time, id)`, comments sealed). Each write a use case audits has an undo (`undoPut`,
 * `undoCreate`, `undoRevoke`, `undoAdd`) for when the audit append fails: one conditional write
 * that restores the item only while it is still the one written.
 */
export class DynamoRecords extends DynamoRecordsReader implements ProfileRepository, ConsentRepository, ConsentUndo, FeedbackRepository {
  public override async get(userId: string): Promise<StoredProfile | undefined>;
  public override async get(patientId: string, consentId: string): Promise<ConsentRecord | undefined>;
  public override async get(userId: string, consentId?: string): Promise<StoredProfile | ConsentRecord | undefined> {
    const Key = consentId === undefined ? profile(userId) : consentItemKey(userId, consentId);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    if (Item === undefined) return undefined;
    if (consentId !== undefined) return withoutKeys<ConsentRecord>(Item);
    return profileOf(Item);
  }

  /** `putOnce`: a put sent again after its answer was lost finds its own profile (a sealed field, a fresh IV), not a change. */
  public put(userId: string, sealed: string, updatedAt: string, expectedVersion: number | undefined): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...profile(userId), data: sealed, version: (expectedVersion ?? 0) + 1, updatedAt },
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  }

  public undoPut(userId: string, written: Pick<StoredProfile, 'version'>, previous: StoredProfile | undefined): Promise<boolean> {
    return undoWrite(
      this.client,
      this.tableName,
      profile(userId),
      previous && { data: previous.sealed, version: previous.version, updatedAt: previous.updatedAt },
      'version = :v',
      { ':v': written.version },
    );
  }

  public create(record: ConsentRecord): Promise<boolean> {
    // A share consent has a fresh id; the AI-processing consent's id is per patient, so this
    // one condition keeps at most one of those active.
    return putConsent(this.client, this.tableName, record, 'attribute_not_exists(pk) OR attribute_exists(revokedAt)');
  }

  public undoCreate(record: ConsentRecord, previous: ConsentRecord | undefined): Promise<boolean> {
    return undoPutConsent(this.client, this.tableName, record, previous);
  }

  public between(patientId: string, granteeId: string): Promise<ConsentRecord[]> {
    return consentsBetween(this.client, this.tableName, patientId, granteeId);
  }

  public revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return revokeConsent(this.client, this.tableName, patientId, consentId, at);
  }

  public undoRevoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return undoRevokeConsent(this.client, this.tableName, patientId, consentId, at);
  }

  public async add(feedback: FeedbackRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...feedbackItem(feedback), ...feedback },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public undoAdd(feedback: FeedbackRecord): Promise<boolean> {
    return undoWrite(this.client, this.tableName, feedbackItem(feedback), undefined, 'attribute_exists(pk)');
  }
}
