import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Ledger } from '../../care/ledger';
import type {
  AppointmentRecord,
  AppointmentRepository,
  AvailabilityRepository,
  LedgerRepository,
  PractitionerRecord,
  PractitionerRepository,
  StalePendingCopies,
  StoredAvailability,
} from '../../care/ports';
import { APPOINTMENT_PREFIX, appointmentKey, appointmentPartyKey, appointmentStartKey, AVAILABILITY, ledgerKey, PRACTITIONER, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { conditionalWrite, partitionPrefix, putOnce, queryPage, undoWrite, withoutKeys } from './dynamo-kit';
import { readAvailability, readLedgerDays } from './dynamo-schedule-reader';

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

  public get(practitionerId: string): Promise<StoredAvailability | undefined> {
    return readAvailability(this.client, this.tableName, practitionerId);
  }

  /** `putOnce`: a put sent again after its answer was lost finds its own availability, not a newer version. */
  public put(practitionerId: string, stored: StoredAvailability): Promise<boolean> {
    const creating = stored.version === 1;
    return putOnce(
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

  public days(practitionerId: string, from: string, to: string): Promise<Ledger[]> {
    return readLedgerDays(this.client, this.tableName, practitionerId, from, to);
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

/** The `byPartyTime` index's attributes (shared/data/keys.ts), which an appointment item carries besides the record's own. */
const INDEX_ATTRIBUTES = ['apptParty', 'apptStart'];

/** A copy as read: without its keys and index attributes. */
const recordOf = (item: Record<string, unknown>) => withoutKeys<AppointmentRecord>(item, INDEX_ATTRIBUTES);

/**
 * `record` as `holderId`'s item holds it: with the `byPartyTime` attributes unless it is pending (the
 * sparse index lists no pending copy), in the list of the side the holder is on. Every whole-item
 * write goes through here, so a reschedule moves the copy in the index in the same write.
 */
const withIndex = (holderId: string, record: AppointmentRecord) =>
  record.status === 'pending'
    ? record
    : {
        ...record,
        apptParty: appointmentPartyKey(holderId, holderId === record.patientId ? 'patient' : 'practitioner'),
        apptStart: appointmentStartKey(record.startMs, record.id),
      };

/**
 * One appointment copy read, created, replaced or deleted on its version: what every appointment
 * adapter does. `DynamoAppointments` adds the undo of a replace and the listings; the booking's
 * `DynamoAppointmentCopies` adds the sweep's query instead, so neither bundle carries the other's.
 */
class DynamoAppointmentItems implements Pick<AppointmentRepository, 'get' | 'create' | 'replace' | 'remove'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  protected key(holderId: string, appointmentId: string) {
    return { pk: userKey(holderId), sk: appointmentKey(appointmentId) };
  }

  public async get(holderId: string, appointmentId: string): Promise<AppointmentRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(holderId, appointmentId), ConsistentRead: true }));
    return Item === undefined ? undefined : recordOf(Item);
  }

  /** `putOnce`: a create sent again after its answer was lost finds its own copy, not a collision (ADR 0020). */
  public create(holderId: string, record: AppointmentRecord): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(holderId, record.id), ...withIndex(holderId, record) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** `putOnce`, as `create`. */
  public replace(holderId: string, record: AppointmentRecord): Promise<boolean> {
    return putOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(holderId, record.id), ...withIndex(holderId, record) },
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
}

/** `AppointmentRepository.list`: the holder's partition, read consistently, filtered by side and window. */
const listCopies = (
  client: DynamoDBDocumentClient,
  TableName: string,
  holderId: string,
  side: 'patient' | 'practitioner',
  fromMs: number,
  toMs: number,
  page: PageRequest,
): Promise<Page<AppointmentRecord>> => {
  const pk = userKey(holderId);
  return queryPage(
    client,
    {
      TableName,
      ...partitionPrefix(pk, APPOINTMENT_PREFIX, { ':me': holderId, ':from': fromMs, ':to': toMs, ':pending': 'pending' }),
      FilterExpression: `${side === 'patient' ? 'patientId' : 'practitionerId'} = :me AND startMs >= :from AND startMs < :to AND #status <> :pending`,
      ExpressionAttributeNames: { '#status': 'status' },
      ConsistentRead: true,
    },
    page,
    { pk },
    recordOf,
  );
};

/** Appointments, one copy per party: the copies' moves, plus the undo of a replace and the consistent listing. */
export class DynamoAppointments extends DynamoAppointmentItems implements AppointmentRepository {
  public restore(holderId: string, written: Pick<AppointmentRecord, 'id' | 'version'>, previous: AppointmentRecord): Promise<boolean> {
    return undoWrite(this.client, this.tableName, this.key(holderId, written.id), withIndex(holderId, previous), 'version = :v', { ':v': written.version });
  }

  public list(holderId: string, side: 'patient' | 'practitioner', fromMs: number, toMs: number, page: PageRequest): Promise<Page<AppointmentRecord>> {
    return listCopies(this.client, this.tableName, holderId, side, fromMs, toMs, page);
  }
}

/** Appointments for the account's export: the consistent listing alone, so its bundle carries no write. */
export class DynamoAppointmentReader implements Pick<AppointmentRepository, 'list'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public list(holderId: string, side: 'patient' | 'practitioner', fromMs: number, toMs: number, page: PageRequest): Promise<Page<AppointmentRecord>> {
    return listCopies(this.client, this.tableName, holderId, side, fromMs, toMs, page);
  }
}

/** The appointment copies as a booking moves them, and the query of its sweep (`StalePendingCopies`): no paging, no undo of a replace. */
export class DynamoAppointmentCopies extends DynamoAppointmentItems implements StalePendingCopies {
  public async stalePending(patientId: string, createdBefore: string, maxRead: number): Promise<AppointmentRecord[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...partitionPrefix(userKey(patientId), APPOINTMENT_PREFIX, { ':pending': 'pending', ':before': createdBefore }),
        FilterExpression: '#status = :pending AND createdAt < :before',
        ExpressionAttributeNames: { '#status': 'status' },
        Limit: maxRead,
        ConsistentRead: true,
      }),
    );
    return Items.map(recordOf);
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
