import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditPartition, nextRecord, storedItem } from '../../audit/chain';
import type { AuditEvent, AuditLog } from '../../audit/ports';
import type { Clock } from '../../domain/clock';
import { RetryLaterError } from '../../errors';
import { conditionalWrite } from './dynamo-kit';

/** Enough for a burst of one user's parallel requests; then the request fails (never unaudited). */
const MAX_APPEND_ATTEMPTS = 24;
/** Chain heads this container appended last, so an uncontended append skips the head query. */
const MAX_CACHED_HEADS = 1_000;

/**
 * The append lost every race for the chain head: the event could not be recorded, so the request fails, as a
 * `503 audit_busy` with a jittered `Retry-After` (the chain is only busy), never a 500.
 */
export class AuditAppendError extends RetryLaterError {
  public constructor() {
    super('audit_busy', 'Too many requests for this record at once; retry shortly.');
    this.name = 'AuditAppendError';
  }
}

/**
 * The audit trail in DynamoDB: one hash chain per data subject (`SUBJECT#id` / `SEQ#n`, the item
 * layout `storedItem` in shared/audit/chain.ts, which the verifier checks attribute by attribute). An
 * append writes the record after the chain's head with `attribute_not_exists`, one conditional
 * put: of two concurrent appends one wins the sequence number and the other re-reads the head and
 * retries, so a chain never forks. The head this container wrote last is remembered, so an
 * uncontended append is one write. Records are never updated or deleted. Reading the trail is
 * `DynamoAuditTrail`'s job, kept apart so the many functions that only append do not ship it.
 */
export class DynamoAuditLog implements AuditLog {
  readonly #heads = new Map<string, { seq: number; hash: string }>();

  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = { now: () => new Date() },
    /** Told of each lost race before the retry (`AuditAppendRetries`). */
    private readonly onRetry: () => void = () => {},
    /** Conditional puts before giving up; tests lower it to force the exhaustion. */
    private readonly maxAttempts: number = MAX_APPEND_ATTEMPTS,
  ) {}

  public async append(event: AuditEvent): Promise<void> {
    let head = this.#heads.get(event.subjectId) ?? (await this.head(event.subjectId));
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const record = nextRecord(event, head, this.clock.now().toISOString());
      const appended = await conditionalWrite(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          // Exactly the attributes the verifier checks: the hashed fields, the hash, and what derives from them.
          Item: storedItem(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      if (appended) {
        this.remember(event.subjectId, { seq: record.seq, hash: record.hash });
        return;
      }
      // Someone else took this number: back off (exponential, full jitter), then re-read the head.
      this.#heads.delete(event.subjectId);
      this.onRetry();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 2 ** attempt)));
      head = await this.head(event.subjectId);
    }
    throw new AuditAppendError();
  }

  private remember(subjectId: string, head: { seq: number; hash: string }): void {
    this.#heads.delete(subjectId);
    if (this.#heads.size >= MAX_CACHED_HEADS) this.#heads.delete(this.#heads.keys().next().value!);
    this.#heads.set(subjectId, head);
  }

  private async head(subjectId: string): Promise<{ seq: number; hash: string } | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditPartition(subjectId) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
        ProjectionExpression: 'seq, #hash',
        ExpressionAttributeNames: { '#hash': 'hash' },
      }),
    );
    const head = Items?.[0];
    return head === undefined ? undefined : { seq: Number(head['seq']), hash: String(head['hash']) };
  }
}
