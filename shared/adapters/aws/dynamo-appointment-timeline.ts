import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppointmentRecord, AppointmentTimeline } from '../../care/ports';
import { appointmentPartyKey, appointmentStartKey, userKey } from '../../data/keys';
import type { Page, PageRequest } from '../../domain/page';
import { ValidationError } from '../../errors';
import { withoutKeys } from './dynamo-kit';
import { decodeCursor, encodeCursor } from './page-cursor';

/** The last instant a `Date` holds: no start lies beyond it, and its 16 digits are the sort key's width. */
const LAST_INSTANT = 8.64e15;

/**
 * The appointment list by time (`AppointmentTimeline`): the copies `DynamoAppointments`
 * (dynamo-bookings.ts) writes, read through the sparse `byPartyTime` index of the records table.
 * A file of its own: the list route ships no write and only the Query command, and the routes that
 * write copies do not ship this.
 */
export class DynamoAppointmentTimeline implements AppointmentTimeline {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * One Query of the `byPartyTime` index: `apptStart BETWEEN` the window's bounds on the holder's
   * side, in start order, `limit + 1` items read so that a full page knows whether more follow. The
   * cursor is the last item's index and table keys, accepted only for this holder and side, and only
   * inside the window (DynamoDB refuses a start key outside the key condition).
   */
  public async listByStart(
    holderId: string,
    side: 'patient' | 'practitioner',
    fromMs: number,
    toMs: number,
    page: PageRequest,
  ): Promise<Page<AppointmentRecord>> {
    const apptParty = appointmentPartyKey(holderId, side);
    // [from, to): every key of a start before `to` sorts below the bare padded `to`, which no item has.
    const low = appointmentStartKey(Math.max(0, fromMs));
    const high = appointmentStartKey(Math.min(toMs, LAST_INSTANT));
    const start = decodeCursor(page.cursor, { apptParty, pk: userKey(holderId) });
    const after = start?.['apptStart'];
    if (start && !(typeof after === 'string' && after >= low && after <= high))
      throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
    if (low >= high) return { items: [] };
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byPartyTime',
        KeyConditionExpression: 'apptParty = :party AND apptStart BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':party': apptParty, ':low': low, ':high': high },
        Limit: page.limit + 1,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const items = Items.slice(0, page.limit);
    const last = Items.length > page.limit ? items.at(-1) : LastEvaluatedKey;
    const nextCursor = last && encodeCursor({ pk: last['pk'], sk: last['sk'], apptParty: last['apptParty'], apptStart: last['apptStart'] });
    // Without the index attributes, as `DynamoAppointments` reads a copy.
    return { items: items.map((item) => withoutKeys<AppointmentRecord>(item, ['apptParty', 'apptStart'])), ...(nextCursor ? { nextCursor } : {}) };
  }
}
