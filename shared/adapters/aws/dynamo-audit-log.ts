import { randomUUID } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditLog, Clock } from '../../ports';

/**
 * Append-only audit log: one PutItem per event under the data subject's partition, sorted by
 * time. The condition makes it a pure insert (it can never overwrite an event). The per-subject
 * hash chain arrives with the PHI vault.
 */
export class DynamoAuditLog implements AuditLog {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  public async append(event: AuditEvent): Promise<void> {
    const at = this.clock.now().toISOString();
    const eventId = randomUUID();
    await this.client.send(new PutCommand({
      TableName: this.tableName,
      Item: { pk: `SUBJECT#${event.subjectId}`, sk: `${at}#${eventId}`, eventId, at, ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }
}
