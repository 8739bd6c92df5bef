import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { VisitHistory } from '../../care/ports';
import { APPOINTMENT_PREFIX, userKey } from '../../data/keys';
import { partitionPrefix } from './dynamo-kit';

/**
 * A patient's fulfilled visits per practitioner, from the appointment copies in the patient's own
 * partition of the records table (`USER#<patient>` / `APPT#<id>`, written by `DynamoAppointments`).
 * One Query: `Limit` bounds the items read (DynamoDB counts them before the filter), a projection
 * reads ids and status only, so no sealed field is ever fetched.
 */
export class DynamoVisitHistory implements VisitHistory {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async fulfilledByPractitioner(patientId: string, maxRead: number): Promise<ReadonlyMap<string, number>> {
    if (!(Number.isInteger(maxRead) && maxRead > 0)) throw new RangeError('maxRead must be a positive whole number');
    const pk = userKey(patientId);
    const counts = new Map<string, number>();
    let read = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          ...partitionPrefix(pk, APPOINTMENT_PREFIX, { ':me': patientId, ':fulfilled': 'fulfilled' }),
          // The partition also holds the copies of visits its owner gave as a practitioner.
          FilterExpression: 'patientId = :me AND #status = :fulfilled',
          ProjectionExpression: 'practitionerId',
          ExpressionAttributeNames: { '#status': 'status' },
          Limit: maxRead - read,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      read += page.ScannedCount ?? 0;
      for (const item of page.Items ?? []) {
        const practitionerId = item['practitionerId'];
        if (typeof practitionerId === 'string') counts.set(practitionerId, (counts.get(practitionerId) ?? 0) + 1);
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined && read < maxRead);
    return counts;
  }
}
