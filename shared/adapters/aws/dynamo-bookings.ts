import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Ledger } from '../../care/ledger';
import type {
  AppointmentRecord,
  AppointmentRepository,
  AvailabilityRepository,
  LedgerRepository,
  PractitionerRecord,
  PractitionerRepository,
  StoredAvailability,
} from '../../care/ports';
import { APPOINTMENT_PREFIX, appointmentKey, AVAILABILITY, LEDGER_PREFIX, ledgerKey, PRACTITIONER, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { conditionalWrite, partitionPrefix, queryAll, queryPage, undoWrite, withoutKeys } from './dynamo-kit';

/**
 * Availability, the booking ledger and appointments in the records table, all in user partitions:
 * `USER#<practitioner>` / `AVAILABILITY`, `USER#<practitioner>` / `LEDGER#<date>` (ADR 0006), and
 * `USER#<party>` / `APPT#<id>` once per party. Every write is one conditional write on a version (or
 * on absence); no Scan, no transaction.
 */
export class DynamoAvailability implements AvailabilityRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(practitionerId: string) {
    return { pk: userKey(practitionerId), sk: AVAILABILITY };
  }

  public async get(practitionerId: string): Promise<StoredAvailability | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(practitionerId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<StoredAvailability>(Item);
  }

  public put(practitionerId: string, stored: StoredAvailability): Promise<boolean> {
    const creating = stored.version === 1;
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(practitionerId), ...stored },
        ConditionExpression: creating ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(creating ? {} : { ExpressionAttributeValues: { ':expected': stored.version - 1 } }),
      }),
    );
  }

  public undoPut(practitionerId: string, written: StoredAvailability, previous: StoredAvailability | undefined): Promise<boolean> {
    return undoWrite(this.client, this.tableName, this.key(practitionerId), previous, 'version = :v', { ':v': written.version });
  }

  public async remove(practitionerId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(practitionerId) }));
  }
}

export class DynamoLedgers implements LedgerRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async day(practitionerId: string, date: string): Promise<Ledger | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: userKey(practitionerId), sk: ledgerKey(date) }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : withoutKeys<Ledger>(Item);
  }

  public async days(practitionerId: string, from: string, to: string): Promise<Ledger[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': userKey(practitionerId), ':from': ledgerKey(from), ':to': ledgerKey(to) },
      ConsistentRead: true,
    });
    return items.filter((item) => String(item['sk']).startsWith(LEDGER_PREFIX)).map((item) => withoutKeys<Ledger>(item));
  }

  public write(practitionerId: string, ledger: Ledger): Promise<boolean> {
    const creating = ledger.version === 1;
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userKey(practitionerId), sk: ledgerKey(ledger.date), ...ledger },
        ConditionExpression: creating ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(creating ? {} : { ExpressionAttributeValues: { ':expected': ledger.version - 1 } }),
      }),
    );
  }
}

export class DynamoAppointments implements AppointmentRepository {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(holderId: string, appointmentId: string) {
    return { pk: userKey(holderId), sk: appointmentKey(appointmentId) };
  }

  public async get(holderId: string, appointmentId: string): Promise<AppointmentRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(holderId, appointmentId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys<AppointmentRecord>(Item);
  }

  public create(holderId: string, record: AppointmentRecord): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({ TableName: this.tableName, Item: { ...this.key(holderId, record.id), ...record }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  public replace(holderId: string, record: AppointmentRecord): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(holderId, record.id), ...record },
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': record.version - 1 },
      }),
    );
  }

  public remove(holderId: string, appointmentId: string, version: number): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new DeleteCommand({
        TableName: this.tableName,
        Key: this.key(holderId, appointmentId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      }),
    );
  }

  public restore(holderId: string, written: Pick<AppointmentRecord, 'id' | 'version'>, previous: AppointmentRecord): Promise<boolean> {
    return undoWrite(this.client, this.tableName, this.key(holderId, written.id), previous, 'version = :v', { ':v': written.version });
  }

  public list(holderId: string, side: 'patient' | 'practitioner', fromMs: number, toMs: number, page: PageRequest): Promise<Page<AppointmentRecord>> {
    const pk = userKey(holderId);
    const query = partitionPrefix(pk, APPOINTMENT_PREFIX, { ':me': holderId, ':from': fromMs, ':to': toMs, ':pending': 'pending' });
    return queryPage(
      this.client,
      {
        TableName: this.tableName,
        ...query,
        FilterExpression: `${side === 'patient' ? 'patientId' : 'practitionerId'} = :me AND startMs >= :from AND startMs < :to AND #status <> :pending`,
        ExpressionAttributeNames: { '#status': 'status' },
        ConsistentRead: true,
      },
      page,
      { pk },
      (item) => withoutKeys<AppointmentRecord>(item),
    );
  }
}

/**
 * Reads practitioner profiles only (the item `DynamoPractitioners` writes): the booking routes need
 * `get` alone, and this keeps the profile writes and the directory out of their bundles.
 */
export class DynamoPractitionerReader implements Pick<PractitionerRepository, 'get'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(userId: string): Promise<PractitionerRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: userKey(userId), sk: PRACTITIONER }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : withoutKeys<PractitionerRecord>(Item);
  }
}
