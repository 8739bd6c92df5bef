import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CONTACT, DELETION_NOTICE, DELIVERY_PREFIX, NOTIFY_PREFS, userKey } from '../../data/keys';
import type {
  ContactRecord,
  DeletionNotice,
  DeletionNoticeRepository,
  DeliveryRecord,
  NotificationAccountData,
  NotificationItems,
  StoredPreferences,
} from '../../notifications/ports';
import { conditionalWrite, partitionPrefix, queryAll, withoutKeys } from './dynamo-kit';

/**
 * The notification items of one account as a whole (records table, the account's partition), for
 * the account's export and deletion, and its deletion notice. Slim classes, so the export, the
 * deletion and the worker each bundle only the reads or writes they make (as
 * `DynamoAccountReader` does for accounts); the items are those `dynamo-notifications.ts` writes.
 */

/** Attributes a reader never sees: a delivery's lease. */
const LEASE = ['leaseId', 'leaseUntil'];

/** `CONTACT`, `NOTIFYPREFS` and every `DELIVERY#` item, read only (the export). */
export class DynamoNotificationExport implements Pick<NotificationAccountData, 'read'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async read(userId: string): Promise<NotificationItems> {
    const pk = userKey(userId);
    const get = (sk: string) => this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }));
    const [contact, preferences, deliveries] = await Promise.all([
      get(CONTACT),
      get(NOTIFY_PREFS),
      queryAll(this.client, { TableName: this.tableName, ...partitionPrefix(pk, DELIVERY_PREFIX), ScanIndexForward: false, ConsistentRead: true }),
    ]);
    return {
      ...(contact.Item ? { contact: withoutKeys<ContactRecord>(contact.Item) } : {}),
      ...(preferences.Item ? { preferences: withoutKeys<StoredPreferences>(preferences.Item) } : {}),
      deliveries: deliveries.map((item) => withoutKeys<DeliveryRecord>(item, LEASE)),
    };
  }
}

/** Deletes them (account deletion), after telling whether e-mail to the account was suppressed. */
export class DynamoNotificationErasure implements Pick<NotificationAccountData, 'emailSuppressed' | 'erase'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async emailSuppressed(userId: string): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: userKey(userId), sk: CONTACT }, ProjectionExpression: 'emailSuppressed', ConsistentRead: true }),
    );
    return Item?.['emailSuppressed'] !== undefined;
  }

  public async erase(userId: string): Promise<number> {
    const pk = userKey(userId);
    const deliveries = await queryAll(this.client, { TableName: this.tableName, ...partitionPrefix(pk, DELIVERY_PREFIX), ProjectionExpression: 'sk' });
    const keys = [CONTACT, NOTIFY_PREFS, ...deliveries.map((item) => String(item['sk']))];
    let deleted = 0;
    // 25 at a time: a long-lived account has one delivery record per message.
    for (let i = 0; i < keys.length; i += 25) {
      const results = await Promise.all(
        keys.slice(i, i + 25).map((sk) => this.client.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk }, ReturnValues: 'ALL_OLD' }))),
      );
      deleted += results.filter((result) => result.Attributes !== undefined).length;
    }
    return deleted;
  }
}

/** A deleted account's deletion notice, `USER#<id>` / `NOTICE#account_deleted`: read and stored (the deletion). */
export class DynamoDeletionNotices implements Pick<DeletionNoticeRepository, 'get' | 'put'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<DeletionNotice | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: userKey(userId), sk: DELETION_NOTICE }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : withoutKeys<DeletionNotice>(Item);
  }

  public put(userId: string, notice: DeletionNotice): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userKey(userId), sk: DELETION_NOTICE, ...notice },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}

/** The deletion notice read and removed once sent (the worker); stored too, like its base. */
export class DynamoDeletionNoticeStore extends DynamoDeletionNotices implements DeletionNoticeRepository {
  public async remove(userId: string, eventId: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: userKey(userId), sk: DELETION_NOTICE },
        ConditionExpression: 'eventId = :id',
        ExpressionAttributeValues: { ':id': eventId },
      }),
    );
  }
}
