import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AUDIT_LANES, auditPartition, nextRecord, storedItem } from '../../audit/chain';
import type { AuditEvent, AuditLog } from '../../audit/ports';
import { lanePrefix } from '../../data/keys';
import type { Clock } from '../../domain/clock';
import { RetryLaterError } from '../../errors';
import { conditionalWrite } from './dynamo-kit';

/** Enough for a burst of one user's parallel requests; then the request fails (never unaudited). */
const MAX_APPEND_ATTEMPTS = 24;
/** Lane heads this container appended last, so an uncontended append skips the head query. */
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

/** How the appender spreads over lanes; every field has a production default. */
export interface AuditLaneOptions {
  /**
   * How many lanes appends use, 1 to `AUDIT_LANES`. Only the local stage sets fewer (the bench's single-chain figure).
   * @default AUDIT_LANES (16)
   */
  readonly lanes?: number;
  /**
   * A random number in [0, 1): the container's preferred lane, the lane tried after a lost race, the back-off jitter.
   * @default Math.random
   */
  readonly random?: () => number;
  /**
   * Waits `ms`: the back-off, taken only once every lane was tried.
   * @default setTimeout
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

type Head = { seq: number; hash: string };

/**
 * The audit trail in DynamoDB: per data subject, `AUDIT_LANES` hash chains ("lanes", ADR 0019) in one partition
 * (`SUBJECT#id` / `SEQ#n` for lane 0, `L<nn>#SEQ#n` for the others; the item layout `storedItem` in
 * shared/audit/chain.ts, which the verifier checks attribute by attribute). An append writes the record after its
 * lane's head with `attribute_not_exists`, one conditional put, so a lane never forks. Each container prefers one
 * lane, picked at random, and its appends in flight at once take distinct lanes; an append that loses the race for a
 * head moves at once to a lane it has not tried (one head query, one put), and only once it has tried them all backs
 * off (full jitter) and starts over, up to `maxAttempts` puts. The head this container wrote last in each lane is
 * remembered, so an uncontended append is one write. Records are never updated or deleted. Reading the trail is
 * `DynamoAuditTrail`'s job, kept apart so the many functions that only append do not ship it.
 *
 * @example
 * const audit = new DynamoAuditLog(client, 'carebow-dev-audit', clock, () => retries.add(1));
 * await audit.append(event); // or throws AuditAppendError (503 audit_busy)
 */
export class DynamoAuditLog implements AuditLog {
  readonly #heads = new Map<string, Head>();
  /** Appends of this container in flight, per `subject#lane`: a second one picks another lane. */
  readonly #holding = new Map<string, number>();
  readonly #lanes: number;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #preferred: number;

  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = { now: () => new Date() },
    /** Told of each lost race before the next try (`AuditAppendRetries`). */
    private readonly onRetry: () => void = () => {},
    /** Conditional puts before giving up; tests lower it to force the exhaustion. */
    private readonly maxAttempts: number = MAX_APPEND_ATTEMPTS,
    options: AuditLaneOptions = {},
  ) {
    this.#lanes = options.lanes ?? AUDIT_LANES;
    if (!Number.isInteger(this.#lanes) || this.#lanes < 1 || this.#lanes > AUDIT_LANES) throw new RangeError(`lanes must be 1 to ${AUDIT_LANES}`);
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#preferred = Math.floor(this.#random() * this.#lanes);
  }

  public async append(event: AuditEvent): Promise<void> {
    const subjectId = event.subjectId;
    const tried = new Set<number>();
    let lane = this.pick(subjectId, tried, true);
    this.hold(subjectId, lane, 1);
    try {
      let head = this.#heads.get(`${subjectId}#${lane}`) ?? (await this.head(subjectId, lane));
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        const record = nextRecord(event, head, this.clock.now().toISOString(), lane);
        // Exactly the attributes the verifier checks: the hashed fields, the hash, and what derives from them.
        const item = storedItem(record);
        const appended =
          (await conditionalWrite(this.client, new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }))) ||
          (await this.holdsOwn(item));
        if (appended) {
          this.remember(`${subjectId}#${lane}`, { seq: record.seq, hash: record.hash });
          // A lane won after a lost race is likely free of the other writers: prefer it from now on.
          if (tried.size > 0) this.#preferred = lane;
          return;
        }
        // Another writer took this number: try a lane not tried yet at once; back off only once all were.
        this.#heads.delete(`${subjectId}#${lane}`);
        this.onRetry();
        if (attempt === this.maxAttempts) break;
        tried.add(lane);
        if (tried.size >= this.#lanes) {
          tried.clear();
          await this.#sleep(this.#random() * Math.min(200, 2 ** attempt));
        }
        this.hold(subjectId, lane, -1);
        lane = this.pick(subjectId, tried, false);
        this.hold(subjectId, lane, 1);
        head = await this.head(subjectId, lane);
      }
      throw new AuditAppendError();
    } finally {
      this.hold(subjectId, lane, -1);
    }
  }

  /**
   * The lane to try: among those not `tried`, one no other append of this container holds for the subject if any
   * (the preferred lane first, on a first try), at random.
   */
  private pick(subjectId: string, tried: ReadonlySet<number>, first: boolean): number {
    const untried = Array.from({ length: this.#lanes }, (_, lane) => lane).filter((lane) => !tried.has(lane));
    const free = untried.filter((lane) => !this.#holding.has(`${subjectId}#${lane}`));
    if (first && free.includes(this.#preferred)) return this.#preferred;
    const from = free.length > 0 ? free : untried;
    return from[Math.floor(this.#random() * from.length)] ?? from[0]!;
  }

  private hold(subjectId: string, lane: number, delta: 1 | -1): void {
    const key = `${subjectId}#${lane}`;
    const count = (this.#holding.get(key) ?? 0) + delta;
    if (count > 0) this.#holding.set(key, count);
    else this.#holding.delete(key);
  }

  private remember(key: string, head: Head): void {
    this.#heads.delete(key);
    if (this.#heads.size >= MAX_CACHED_HEADS) this.#heads.delete(this.#heads.keys().next().value!);
    this.#heads.set(key, head);
  }

  /**
   * After a refused put: whether the record there is this one (its hash covers the event, the time and the link). A put
   * whose answer was lost and that the SDK sent again finds its own record (ADR 0020): that is an append, not a lost
   * race, and appending again would record the event twice.
   */
  private async holdsOwn(item: Record<string, unknown>): Promise<boolean> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: item['pk'], sk: item['sk'] },
        ConsistentRead: true,
        ProjectionExpression: '#hash',
        ExpressionAttributeNames: { '#hash': 'hash' },
      }),
    );
    return Item?.['hash'] === item['hash'];
  }

  /** The newest record of one lane: one Query on the lane's key prefix, newest first, one item. */
  private async head(subjectId: string, lane: number): Promise<Head | undefined> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lane)',
        ExpressionAttributeValues: { ':pk': auditPartition(subjectId), ':lane': lanePrefix(lane) },
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
