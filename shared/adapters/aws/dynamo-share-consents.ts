import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShareConsents } from '../../care/ports';
import type { ConsentRecord } from '../../records/ports';
import { putConsent, revokeConsent, undoPutConsent, undoRevokeConsent, updateConsent } from './dynamo-consent-items';

/**
 * The share consents of bookings (`shareProfile`): the same item as `DynamoRecords` writes for a
 * consent, written by the same functions (dynamo-consent-items.ts), so the records routes read,
 * list and revoke them like any other. Only the writes the booking routes need, so their bundles
 * do not carry the whole records adapter (the 100 KB budget): the grant and its undo here (the
 * booking), the changes in `DynamoShareConsents` (cancel, reschedule). Each is one conditional write.
 */
export class DynamoShareConsentGrants implements Pick<ShareConsents, 'create' | 'undoCreate'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  /** A booking's consent has a fresh id: stored iff none with it exists. */
  public create(record: ConsentRecord): Promise<boolean> {
    return putConsent(this.client, this.tableName, record, 'attribute_not_exists(pk)');
  }

  public undoCreate(record: ConsentRecord, previous: ConsentRecord | undefined): Promise<boolean> {
    return undoPutConsent(this.client, this.tableName, record, previous);
  }
}

/** A booking's share consent revoked (a cancellation) or moved (a reschedule), and those undone. */
export class DynamoShareConsents extends DynamoShareConsentGrants implements ShareConsents {
  public revoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return revokeConsent(this.client, this.tableName, patientId, consentId, at);
  }

  public undoRevoke(patientId: string, consentId: string, at: string): Promise<boolean> {
    return undoRevokeConsent(this.client, this.tableName, patientId, consentId, at);
  }

  public moveExpiry(patientId: string, consentId: string, from: string, to: string): Promise<boolean> {
    const condition = 'expiresAt = :from AND attribute_not_exists(revokedAt)';
    return updateConsent(this.client, this.tableName, patientId, consentId, 'SET expiresAt = :to', condition, { ':from': from, ':to': to });
  }
}
