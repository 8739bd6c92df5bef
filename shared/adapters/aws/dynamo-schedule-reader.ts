import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Ledger } from '../../care/ledger';
import type { AvailabilityBatch, AvailabilityRepository, LedgerRepository, StoredAvailability } from '../../care/ports';
import { AVAILABILITY, LEDGER_PREFIX, ledgerKey, userKey } from '../../data/keys';
import { batchGet } from './dynamo-batch';
import { queryAll, withoutKeys } from './dynamo-kit';

/**
 * Practitioners' schedules, read only: the availability and ledger items `DynamoAvailability` and
 * `DynamoLedgers` write (dynamo-bookings.ts). Both read them through the two functions below, so an
 * item is read one way. Caregiver matching reads many practitioners' schedules and writes none, so
 * its bundle ships no schedule writes.
 */

/** A practitioner's availability item (`USER#<id>` / `AVAILABILITY`), read consistently. */
export const readAvailability = async (client: DynamoDBDocumentClient, tableName: string, practitionerId: string): Promise<StoredAvailability | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { pk: userKey(practitionerId), sk: AVAILABILITY }, ConsistentRead: true }));
  return Item === undefined ? undefined : withoutKeys<StoredAvailability>(Item);
};

/** A practitioner's ledger days from `from` to `to` (local dates, both included), read consistently. */
export const readLedgerDays = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  practitionerId: string,
  from: string,
  to: string,
): Promise<Ledger[]> => {
  const items = await queryAll(client, {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': userKey(practitionerId), ':from': ledgerKey(from), ':to': ledgerKey(to) },
    ConsistentRead: true,
  });
  return items.filter((item) => String(item['sk']).startsWith(LEDGER_PREFIX)).map((item) => withoutKeys<Ledger>(item));
};

export class DynamoScheduleReader implements Pick<AvailabilityRepository, 'get'>, Pick<LedgerRepository, 'days'> {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public get(practitionerId: string): Promise<StoredAvailability | undefined> {
    return readAvailability(this.client, this.tableName, practitionerId);
  }

  public days(practitionerId: string, from: string, to: string): Promise<Ledger[]> {
    return readLedgerDays(this.client, this.tableName, practitionerId, from, to);
  }
}

/**
 * Many practitioners' schedules, read only (caregiver matching, care options): the availability of
 * many in one BatchGetItem (`AvailabilityBatch`), and each one's ledger days. Booking reads one
 * practitioner's and ships `DynamoScheduleReader` alone.
 */
export class DynamoScheduleBatch extends DynamoScheduleReader implements AvailabilityBatch {
  public async getMany(practitionerIds: readonly string[]): Promise<Map<string, StoredAvailability>> {
    const items = await batchGet(
      this.client,
      this.tableName,
      practitionerIds.map((id) => ({ pk: userKey(id), sk: AVAILABILITY })),
    );
    return new Map(items.map((item) => [String(item['pk']).slice(userKey('').length), withoutKeys<StoredAvailability>(item)]));
  }
}
