import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CONSENT_PREFIX, consentKey, userKey } from '../../data/keys';
import type { ConsentRecord } from '../../records/ports';
import { conditionalWrite, partitionPrefix, putOnce, queryAll, undoWrite, withoutKeys } from './dynamo-kit';

/**
 * A consent's item in the records table, written in this one place: `userKey(patient)` /
 * `consentKey(id)`, every field plain, `granteeId` feeding the `byGrantee` index. `DynamoRecords`
 * (the records routes) and `DynamoShareConsents` (the booking routes' share consents) both write
 * through these functions, each one conditional write; a route bundles only those it calls.
 */

/** A consent's key: its patient's partition, `CONSENT#<id>`. */
export const consentItemKey = (patientId: string, consentId: string) => ({ pk: userKey(patientId), sk: consentKey(consentId) });

/** Every consent `patientId` gave `granteeId`, any status: a consistent query of the patient's partition, read whole. */
export const consentsBetween = async (client: DynamoDBDocumentClient, tableName: string, patientId: string, granteeId: string): Promise<ConsentRecord[]> => {
  const items = await queryAll(client, {
    TableName: tableName,
    ...partitionPrefix(userKey(patientId), CONSENT_PREFIX, { ':grantee': granteeId }),
    FilterExpression: 'granteeId = :grantee',
    ConsistentRead: true,
  });
  return items.map((item) => withoutKeys<ConsentRecord>(item));
};

/** Stores `record` iff `condition` holds on the item there (or its absence). */
export const putConsent = (client: DynamoDBDocumentClient, tableName: string, record: ConsentRecord, condition: string): Promise<boolean> =>
  // `putOnce`: a consent (its fresh id and time) sent again after its answer was lost is its own, not one already there.
  putOnce(
    client,
    new PutCommand({ TableName: tableName, Item: { ...consentItemKey(record.patientId, record.id), ...record }, ConditionExpression: condition }),
  );

/** Undoes `putConsent`: puts back `previous` (none: deletes) while the item is still the one written and not revoked. */
export const undoPutConsent = (
  client: DynamoDBDocumentClient,
  tableName: string,
  record: ConsentRecord,
  previous: ConsentRecord | undefined,
): Promise<boolean> =>
  undoWrite(client, tableName, consentItemKey(record.patientId, record.id), previous, 'createdAt = :c AND attribute_not_exists(revokedAt)', {
    ':c': record.createdAt,
  });

/** One conditional update of a consent. */
export const updateConsent = (
  client: DynamoDBDocumentClient,
  tableName: string,
  patientId: string,
  consentId: string,
  UpdateExpression: string,
  ConditionExpression: string,
  values: Record<string, string>,
): Promise<boolean> =>
  conditionalWrite(
    client,
    new UpdateCommand({
      TableName: tableName,
      Key: consentItemKey(patientId, consentId),
      UpdateExpression,
      ConditionExpression,
      ExpressionAttributeValues: values,
    }),
  );

/** Revokes a consent at `at`: only one that exists and is not revoked yet. */
export const revokeConsent = (client: DynamoDBDocumentClient, tableName: string, patientId: string, consentId: string, at: string): Promise<boolean> =>
  updateConsent(client, tableName, patientId, consentId, 'SET revokedAt = :at', 'attribute_exists(pk) AND attribute_not_exists(revokedAt)', { ':at': at });

/** Undoes `revokeConsent`: only while the consent's `revokedAt` is still `at`. */
export const undoRevokeConsent = (client: DynamoDBDocumentClient, tableName: string, patientId: string, consentId: string, at: string): Promise<boolean> =>
  updateConsent(client, tableName, patientId, consentId, 'REMOVE revokedAt', 'revokedAt = :at', { ':at': at });
