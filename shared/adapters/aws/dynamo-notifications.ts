import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { appointmentKey, CONTACT, DELIVERY_PREFIX, deliveryKey, NOTIFY_PREFS, PRACTITIONER, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import type {
  AppointmentFacts,
  AppointmentLookup,
  ContactRecord,
  ContactRepository,
  DeliveryKey,
  DeliveryReason,
  DeliveryRecord,
  DeliveryRepository,
  EmailSuppression,
  PreferenceRepository,
  StoredPreferences,
} from '../../notifications/ports';
import { isConditionFailure } from './dynamo-client';
import { conditionalWrite, partitionPrefix, putOnce, queryPage, undoWrite, withoutKeys } from './dynamo-kit';

/**
 * The notifications area in the records table, in the recipient's partition `USER#<id>`:
 * `CONTACT` (the phone sealed, its verification, e-mail suppression), `NOTIFYPREFS` (preferences)
 * and `DELIVERY#<eventId>#<channel>` (one delivery: status and reason, never an address or a text).
 * Every invariant is one conditional write: a versioned put, an attempt spent, a delivery claimed
 * under a lease. No Scan, no transaction.
 */

/** `put` of a versioned item: iff absent (version 1) or still at the version before; `putOnce`, so a resent put finds itself. */
const versionedPut = (client: DynamoDBDocumentClient, TableName: string, Item: Record<string, unknown> & { version: number }) =>
  putOnce(
    client,
    new PutCommand({
      TableName,
      Item,
      ConditionExpression: Item.version === 1 ? 'attribute_not_exists(pk)' : 'version = :expected',
      ...(Item.version === 1 ? {} : { ExpressionAttributeValues: { ':expected': Item.version - 1 } }),
    }),
  );

export class DynamoContacts implements ContactRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(userId: string) {
    return { pk: userKey(userId), sk: CONTACT };
  }

  public async get(userId: string): Promise<ContactRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(userId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<ContactRecord>(Item);
  }

  public put(userId: string, record: ContactRecord): Promise<boolean> {
    return versionedPut(this.client, this.tableName, { ...this.key(userId), ...record });
  }

  public undoPut(userId: string, written: Pick<ContactRecord, 'version'>, previous: ContactRecord | undefined): Promise<boolean> {
    return undoWrite(this.client, this.tableName, this.key(userId), previous, 'version = :v', { ':v': written.version });
  }

  public async consumeAttempt(userId: string, verificationId: string, nowMs: number, maxAttempts: number): Promise<ContactRecord | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(userId),
          UpdateExpression: 'SET verification.attempts = verification.attempts + :one, version = version + :one',
          ConditionExpression: 'verification.id = :id AND verification.attempts < :max AND verification.expiresAt > :now',
          ExpressionAttributeValues: { ':one': 1, ':id': verificationId, ':max': maxAttempts, ':now': nowMs },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes === undefined ? undefined : withoutKeys<ContactRecord>(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  public async clearCode(userId: string, verificationId: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(userId),
        UpdateExpression: 'REMOVE verification.codeSealed',
        ConditionExpression: 'verification.id = :id',
        ExpressionAttributeValues: { ':id': verificationId },
      }),
    );
  }

  public suppressEmail(userId: string, suppression: EmailSuppression): Promise<boolean> {
    // A new version, so a concurrent whole-item put (which read the version before) fails instead of dropping the flag.
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(userId),
        UpdateExpression:
          'SET emailSuppressed = :s, version = if_not_exists(version, :zero) + :one, phoneVerified = if_not_exists(phoneVerified, :false), updatedAt = :at',
        ConditionExpression: 'attribute_not_exists(emailSuppressed)',
        ExpressionAttributeValues: { ':s': suppression, ':zero': 0, ':one': 1, ':false': false, ':at': suppression.at },
      }),
    );
  }
}

export class DynamoNotificationPreferences implements PreferenceRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(userId: string) {
    return { pk: userKey(userId), sk: NOTIFY_PREFS };
  }

  public async get(userId: string): Promise<StoredPreferences | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(userId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<StoredPreferences>(Item);
  }

  public put(userId: string, stored: StoredPreferences): Promise<boolean> {
    return versionedPut(this.client, this.tableName, { ...this.key(userId), ...stored });
  }

  public undoPut(userId: string, written: Pick<StoredPreferences, 'version'>, previous: StoredPreferences | undefined): Promise<boolean> {
    return undoWrite(this.client, this.tableName, this.key(userId), previous, 'version = :v', { ':v': written.version });
  }
}

/** Absent, or `queued` without a live lease: the only deliveries a claim or an unleased write may touch. */
const UNCLAIMED = 'attribute_not_exists(pk) OR (#status = :queued AND (attribute_not_exists(leaseUntil) OR leaseUntil < :nowMs))';
/** Attributes a reader never sees: the lease. */
const LEASE = ['leaseId', 'leaseUntil'];

export class DynamoDeliveries implements DeliveryRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(key: Pick<DeliveryKey, 'recipientId' | 'eventId' | 'channel'>) {
    return { pk: userKey(key.recipientId), sk: deliveryKey(key.eventId, key.channel) };
  }

  /**
   * One conditional update of a delivery: `set` (values by name) and `remove` (names), keeping its
   * identity and first-seen time, under our lease or, without one, only while it is unclaimed.
   */
  private write(key: DeliveryKey, nowMs: number, set: Record<string, unknown>, remove: readonly string[], condition: { leaseId?: string | undefined }) {
    const values: Record<string, unknown> = {
      ':eventId': key.eventId,
      ':channel': key.channel,
      ':type': key.type,
      ':at': new Date(nowMs).toISOString(),
      ':zero': 0,
    };
    const names: Record<string, string> = { '#status': 'status', '#type': 'type' };
    const assignments = ['eventId = :eventId', 'channel = :channel', '#type = :type', 'createdAt = if_not_exists(createdAt, :at)', 'updatedAt = :at'];
    for (const [name, value] of Object.entries(set)) {
      if (name === 'attempts') {
        assignments.push('attempts = if_not_exists(attempts, :zero) + :attempts');
        values[':attempts'] = value;
        continue;
      }
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      assignments.push(`#${name} = :${name}`);
    }
    if (!('attempts' in set)) assignments.push('attempts = if_not_exists(attempts, :zero)');
    const removals = remove.filter((name) => !(name in set)).map((name) => `#${name}`);
    for (const name of removals) names[name] = name.slice(1);
    if (condition.leaseId === undefined) Object.assign(values, { ':queued': 'queued', ':nowMs': nowMs });
    else values[':lease'] = condition.leaseId;
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(key),
        UpdateExpression: `SET ${assignments.join(', ')}${removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : ''}`,
        ConditionExpression: condition.leaseId === undefined ? UNCLAIMED : 'leaseId = :lease',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  public async claim(key: DeliveryKey, leaseId: string, nowMs: number, leaseMs: number): Promise<'claimed' | 'final' | 'busy'> {
    if (await this.write(key, nowMs, { status: 'queued', attempts: 1, leaseId, leaseUntil: nowMs + leaseMs }, ['reason', 'notBefore'], {})) return 'claimed';
    const current = await this.get(key);
    return current?.status === 'queued' ? 'busy' : 'final';
  }

  public settle(
    key: DeliveryKey,
    result: { readonly status: 'sent' | 'failed' | 'suppressed'; readonly reason?: DeliveryReason; readonly providerId?: string },
    nowMs: number,
    leaseId?: string,
  ): Promise<boolean> {
    const set = { ...result, ...(result.status === 'sent' ? { sentAt: new Date(nowMs).toISOString() } : {}) };
    return this.write(key, nowMs, set, ['reason', 'notBefore', ...LEASE], { leaseId });
  }

  public hold(
    key: DeliveryKey,
    reason: 'quiet_hours' | 'transient',
    nowMs: number,
    options: { readonly notBefore?: number; readonly leaseId?: string } = {},
  ): Promise<boolean> {
    const set = { status: 'queued', reason, ...(options.notBefore !== undefined ? { notBefore: new Date(options.notBefore).toISOString() } : {}) };
    return this.write(key, nowMs, set, ['notBefore', ...LEASE], { leaseId: options.leaseId });
  }

  public async get(key: Omit<DeliveryKey, 'type'>): Promise<DeliveryRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(key), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<DeliveryRecord>(Item, LEASE);
  }

  public list(recipientId: string, page: PageRequest): Promise<Page<DeliveryRecord>> {
    const pk = userKey(recipientId);
    return queryPage(
      this.client,
      { TableName: this.tableName, ...partitionPrefix(pk, DELIVERY_PREFIX), ScanIndexForward: false, ConsistentRead: true },
      page,
      { pk },
      (item) => withoutKeys<DeliveryRecord>(item, LEASE),
    );
  }
}

/** An appointment's status and start from the recipient's own copy, and the practitioner's zone from their profile: no sealed field is read. */
export class DynamoAppointmentLookup implements AppointmentLookup {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(recipientId: string, appointmentId: string): Promise<AppointmentFacts | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: userKey(recipientId), sk: appointmentKey(appointmentId) },
        ProjectionExpression: '#status, startMs, patientId, practitionerId, createdAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return undefined;
    const { Item: profile } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: userKey(String(Item['practitionerId'])), sk: PRACTITIONER },
        // TIMEZONE is a reserved word.
        ProjectionExpression: '#tz',
        ExpressionAttributeNames: { '#tz': 'timeZone' },
      }),
    );
    const timeZone = profile?.['timeZone'];
    return {
      status: String(Item['status']),
      startMs: Number(Item['startMs']),
      patientId: String(Item['patientId']),
      ...(typeof timeZone === 'string' ? { timeZone } : {}),
      ...(typeof Item['createdAt'] === 'string' ? { createdAt: Item['createdAt'] } : {}),
    };
  }
}
