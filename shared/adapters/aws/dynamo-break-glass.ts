import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { breakGlassCountKey, userKey } from '../../data/keys';
import type { BreakGlassStore, ConsentRecord } from '../../records/ports';
import { consentsBetween, putConsent, undoPutConsent } from './dynamo-consent-items';
import { conditionalWrite } from './dynamo-kit';

/**
 * Break-glass in the records table: the grants are consent items (written by dynamo-consent-items.ts, as every
 * consent is: `userKey(patient)` / `consentKey(id)`, `granteeId` feeding `byGrantee`), and each provider's count per
 * UTC day is one item in the provider's own partition, `userKey(provider)` / `breakGlassCountKey(date)`, attribute
 * `n`, changed only by conditional `ADD`s. A class of its own, so the break-glass route ships no other records write.
 */
export class DynamoBreakGlass implements BreakGlassStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public between(patientId: string, granteeId: string): Promise<ConsentRecord[]> {
    return consentsBetween(this.client, this.tableName, patientId, granteeId);
  }

  /** A fresh id: never overwrites. */
  public create(record: ConsentRecord): Promise<boolean> {
    return putConsent(this.client, this.tableName, record, 'attribute_not_exists(pk)');
  }

  public undoCreate(record: ConsentRecord, previous: ConsentRecord | undefined): Promise<boolean> {
    return undoPutConsent(this.client, this.tableName, record, previous);
  }

  public count(providerId: string, date: string, limit: number): Promise<boolean> {
    return this.add(providerId, date, 1, 'attribute_not_exists(n) OR n < :bound', limit);
  }

  public uncount(providerId: string, date: string): Promise<boolean> {
    return this.add(providerId, date, -1, 'n > :bound', 0);
  }

  private add(providerId: string, date: string, by: number, ConditionExpression: string, bound: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: userKey(providerId), sk: breakGlassCountKey(date) },
        UpdateExpression: 'ADD n :by',
        ConditionExpression,
        ExpressionAttributeValues: { ':by': by, ':bound': bound },
      }),
    );
  }
}
