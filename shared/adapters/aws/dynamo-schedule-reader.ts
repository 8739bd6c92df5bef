import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Ledger } from '../../care/ledger';
import type { AvailabilityRepository, LedgerRepository, StoredAvailability } from '../../care/ports';
import { AVAILABILITY, LEDGER_PREFIX, ledgerKey, userKey } from '../../data/keys';
import { queryAll, withoutKeys } from './dynamo-kit';

/**
 * Practitioners' schedules, read only: the availability and ledger items `DynamoAvailability` and
 * `DynamoLedgers` write (dynamo-bookings.ts), read the same way. Caregiver matching reads many
 * practitioners' schedules and writes none, so its bundle ships no schedule writes.
 */
export class DynamoScheduleReader implements Pick<AvailabilityRepository, 'get'>, Pick<LedgerRepository, 'days'> {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async get(practitionerId: string): Promise<StoredAvailability | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: userKey(practitionerId), sk: AVAILABILITY }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : withoutKeys<StoredAvailability>(Item);
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
}
