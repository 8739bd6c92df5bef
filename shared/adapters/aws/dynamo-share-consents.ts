import { UpdateCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShareConsents } from '../../care/ports';
import { consentKey, userKey } from '../../data/keys';
import type { ConsentRecord } from '../../records/ports';
import { conditionalWrite, undoWrite } from './dynamo-kit';

/**
 * The share consents of bookings (`shareProfile`): the same item as `DynamoRecords` writes for a
 * consent (`userKey(patient)` / `consentKey(id)`, every field plain, `granteeId` feeding the
 * `byGrantee` index), so the records routes read, list and revoke them like any other. Only the
 * writes the booking routes need, so their bundles do not carry the whole records adapter (the
 * 100 KB budget): the grant and its undo here (the booking), the changes in `DynamoShareConsents`
 * (cancel, reschedule). Each is one conditional write.
 */
export class DynamoShareConsentGrants implements Pick<ShareConsents, 'create' | 'undoCreate'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  /** A booking's consent has a fresh id: stored iff none with it exists. */
  public create(record: ConsentRecord): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userKey(record.patientId), sk: consentKey(record.id), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  public undoCreate(record: ConsentRecord, previous: ConsentRecord | undefined): Promise<boolean> {
    return undoWrite(
      this.client,
      this.tableName,
      { pk: userKey(record.patientId), sk: consentKey(record.id) },
      previous,
      'createdAt = :c AND attribute_not_exists(revokedAt)',
      { ':c': record.createdAt },
    );
  }
}

/** A booking's share consent revoked (a cancellation) or moved (a reschedule), and those undone. */
export class DynamoShareConsents extends DynamoShareConsentGrants implements ShareConsents {
  public revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return this.update(patientId, consentId, 'SET revokedAt = :at', 'attribute_exists(pk) AND attribute_not_exists(revokedAt)', { ':at': at });
  }

  public undoRevoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return this.update(patientId, consentId, 'REMOVE revokedAt', 'revokedAt = :at', { ':at': at });
  }

  public moveExpiry(patientId: string, consentId: string, from: string, to: string): Promise<boolean> {
    return this.update(patientId, consentId, 'SET expiresAt = :to', 'expiresAt = :from AND attribute_not_exists(revokedAt)', { ':from': from, ':to': to });
  }

  private update(patientId: string, consentId: string, UpdateExpression: string, ConditionExpression: string, values: Record<string, string>) {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: userKey(patientId), sk: consentKey(consentId) },
        UpdateExpression,
        ConditionExpression,
        ExpressionAttributeValues: values,
      }),
    );
  }
}
