import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../domain/page';
import type { StoredSymptomSession, SymptomSessionReader, SymptomSessionRepository } from '../../triage/ports';
import { SESSION_PREFIX, sessionKey, userKey } from '../../data/keys';
import { conditionalWrite, createOnce, partitionPrefix, queryPage, undoWrite, withoutKeys } from './dynamo-kit';

const key = (patientId: string, sessionId: string) => ({ pk: userKey(patientId), sk: sessionKey(sessionId) });

/**
 * Reading symptom sessions in the patient's records partition (`sessionKey(uuidv7)`, so they sort
 * by time). Apart from the writes below so the functions that only read do not ship them.
 */
export class DynamoSymptomSessionReader implements SymptomSessionReader {
  public constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  public async getSession(patientId: string, sessionId: string): Promise<StoredSymptomSession | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(patientId, sessionId), ConsistentRead: true }));
    return Item === undefined ? undefined : withoutKeys(Item);
  }

  /** Newest first. */
  public sessionsOf(patientId: string, page: PageRequest): Promise<Page<StoredSymptomSession>> {
    const pk = userKey(patientId);
    return queryPage(
      this.client,
      { TableName: this.tableName, ...partitionPrefix(pk, SESSION_PREFIX), ScanIndexForward: false },
      page,
      { pk },
      withoutKeys<StoredSymptomSession>,
    );
  }
}

/**
 * Symptom sessions, read and written. Every state change is one conditional write: a revision is
 * queued once, and a result is stored once per revision however often the worker sees the message.
 */
export class DynamoSymptomSessions extends DynamoSymptomSessionReader implements SymptomSessionRepository {
  /** `createOnce`: a create sent again after its answer was lost finds its own session; another still throws. */
  public create(session: StoredSymptomSession): Promise<void> {
    return createOnce(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key(session.patientId, session.id), ...session },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Counts page after page (a query page stops at 1 MB read), with `Select: COUNT` so no item is sent back. */
  public async countSince(patientId: string, since: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          ...partitionPrefix(userKey(patientId), SESSION_PREFIX, { ':since': since }),
          FilterExpression: 'createdAt >= :since',
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return count;
  }

  public requeue(patientId: string, sessionId: string, inputSealed: string, expectedRevision: number, at: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(patientId, sessionId),
        UpdateExpression: 'SET inputSealed = :input, revision = :next, #status = :queued, updatedAt = :at',
        ConditionExpression: 'revision = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':input': inputSealed, ':next': expectedRevision + 1, ':expected': expectedRevision, ':queued': 'queued', ':at': at },
      }),
    );
  }

  public complete(patientId: string, sessionId: string, revision: number, resultSealed: string, at: string): Promise<boolean> {
    return conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(patientId, sessionId),
        UpdateExpression: 'SET resultSealed = :result, processedRevision = :revision, #status = :status, updatedAt = :at',
        // A result for this revision (or a newer one) already stored: a redelivery, nothing to do.
        ConditionExpression: 'attribute_exists(pk) AND processedRevision < :revision AND revision = :revision',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':result': resultSealed, ':revision': revision, ':status': 'completed', ':at': at },
      }),
    );
  }

  public async markProcessing(patientId: string, sessionId: string, revision: number, at: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(patientId, sessionId),
        UpdateExpression: 'SET #status = :processing, updatedAt = :at',
        ConditionExpression: 'revision = :revision AND processedRevision < :revision',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':processing': 'processing', ':revision': revision, ':at': at },
      }),
    );
  }

  /** Deletes a just-created session whose audit append failed, only while it is at revision 1 (no answers added). */
  public discard(patientId: string, sessionId: string): Promise<boolean> {
    return undoWrite(this.client, this.tableName, key(patientId, sessionId), undefined, 'revision = :first', { ':first': 1 });
  }

  public revertRequeue(previous: StoredSymptomSession): Promise<boolean> {
    return undoWrite(this.client, this.tableName, key(previous.patientId, previous.id), previous, 'revision = :next', {
      ':next': previous.revision + 1,
    });
  }

  /** A no-op for a session that does not exist: the condition keeps the update from creating a stub item. */
  public async fail(patientId: string, sessionId: string, at: string): Promise<void> {
    await conditionalWrite(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(patientId, sessionId),
        UpdateExpression: 'SET #status = :failed, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':at': at },
      }),
    );
  }
}
