import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { WORKER_FILES } from '../functions/routes/bundle-files';
import { MODEL_CLIENT_MODULES } from '../shared/adapters/openai/sdk';
import type { TableName } from '../shared/data/tables';
import type { Grants } from '../shared/http/route';
import { grantDeclared, invokedTarget, nodeFunction, type FunctionSettings } from './functions';
import { acknowledge } from './nag';
import { workQueue } from './queues';
import { MODEL_CALL_DEADLINE } from './triage';
import { CHAT_WORKER_ENTRY } from './function-entries';

/**
 * Model calls one chat reply may make: the first answer, then one after each tool round
 * (`MAX_TOOL_CALLS` = 3 in shared/chat/tools.ts; test/infra/chat.test.ts keeps the two in step).
 */
export const MODEL_CALLS_PER_REPLY = 4;
/** What the chat worker's timeout must add to its model calls (Secrets Manager, KMS, DynamoDB, the index, audit). */
const CHAT_WORKER_HEADROOM = Duration.seconds(10);

/**
 * What the chat worker may do, in the route table's vocabulary (lib/functions.ts): read and update
 * conversations and read consents, and, for the assistant's tools, the patient's appointments and the
 * practitioners' directory index (records); read wrapped data keys (keys) and unwrap them under the
 * PHI purpose; append to the audit trail (the reply, each tool call); read the library's search index
 * (content, no PHI) and practitioners' account standing (identity, `find_practitioners`). Consuming the
 * queue is granted by its event source; reading the model's API key by the secret, only when the
 * stage enables the model. No queue to send to, nothing else.
 */
export const CHAT_WORKER_GRANTS = {
  tables: { records: 'readWrite', keys: 'read', audit: 'append', content: 'read', identity: 'read' },
  dataKeys: 'decrypt',
} as const satisfies Grants;

export interface ChatProps {
  /** CMK the queue and its DLQ are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /**
   * Timeout of the chat worker; the visibility timeout is six times it, so a message is not
   * redelivered while a batch is still being worked on. At least four model calls' deadline
   * (4 × 17 s) plus 10 s.
   * @default Duration.seconds(90)
   */
  readonly workerTimeout?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to the queues when the stack is deleted.
   * @default RemovalPolicy.DESTROY (messages are transient; conversations live in DynamoDB)
   */
  readonly removalPolicy?: RemovalPolicy;
}

export interface ChatWorkerProps {
  /** Log group and role settings, the same as the API's functions. */
  readonly settings: FunctionSettings;
  /**
   * The route functions' environment (the worker reads the same configuration schema); it already
   * names the model secret (`OPENAI_API_KEY_SECRET_ID`) and endpoint where the stage enables the model.
   */
  readonly environment: Readonly<Record<string, string>>;
  /** The tables, keyed like `TABLES` (the worker is granted `CHAT_WORKER_GRANTS.tables`). */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** The key that wraps per-user data keys (decrypt under the PHI purpose only). */
  readonly dataKeyWrappingKey: kms.IKey;
  /**
   * The model API key secret (`Triage/ModelApiKeySecret`, the same one the triage worker and the
   * streamed chat route read), where the stage enables the model.
   * @default - no model: every reply is the offline one
   */
  readonly modelApiKeySecret?: secretsmanager.ISecret;
  /** Reserved concurrency of the worker; at least `maxConcurrency`. */
  readonly reservedConcurrency: number;
  /** Concurrent invocations the queue's event source may drive (2 to 1000; SQS's minimum is 2). */
  readonly maxConcurrency: number;
  /**
   * How long the event source may wait to fill a batch of 10 (a patient is waiting on the reply).
   * @default Duration.seconds(1)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Memory of the worker, MB.
   * @default 512
   */
  readonly memorySize?: number;
}

/** The worker `Chat.addWorker` built. */
export interface ChatWorker {
  /** `Chat/WorkerFunction`. */
  readonly function: lambda.IFunction;
  /** The SQS event source mapping of the chat queue (partial batch responses). */
  readonly eventSourceMapping: lambda.IEventSourceMapping;
}

/**
 * The assistant chat's work queue, its dead-letter queue, and (`addWorker`) the worker that answers
 * queued chat messages (`POST /api/v1/ai/chat`) with the model, grounded in the content library and
 * with the assistant's tools. Apart from triage so the triage worker stays small and fast: a chat
 * reply may make four model calls, so its worker runs 90 s, triage's 30 s.
 *
 * A message is a conversation revision to answer (ids only, never PHI). The worker gets batches of up
 * to 10 and answers with the ids of the messages it failed (partial batch response); a message that
 * fails `maxReceiveCount` (5) times moves to the DLQ, which alarms. The visibility timeout is six
 * times the worker's timeout, so a batch still being worked on is never handed to a second invocation.
 */
export class Chat extends Construct {
  /** Where chat messages wait for a model reply. */
  public readonly queue: sqs.IQueue;
  /** Messages that failed `maxReceiveCount` times. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** The worker's timeout the visibility timeout was sized for. */
  public readonly workerTimeout: Duration;

  private worker: ChatWorker | undefined;

  public constructor(scope: Construct, id: string, props: ChatProps) {
    super(scope, id);
    this.workerTimeout = props.workerTimeout ?? Duration.seconds(90);
    const minimum = MODEL_CALLS_PER_REPLY * MODEL_CALL_DEADLINE.toSeconds() + CHAT_WORKER_HEADROOM.toSeconds();
    if (this.workerTimeout.toSeconds() < minimum) {
      throw new Error(
        `workerTimeout (${this.workerTimeout.toSeconds()} s) must be at least ${MODEL_CALLS_PER_REPLY} model calls of ${MODEL_CALL_DEADLINE.toSeconds()} s plus ${CHAT_WORKER_HEADROOM.toSeconds()} s (${minimum} s)`,
      );
    }
    const { queue, deadLetterQueue } = workQueue(this, {
      encryptionKey: props.encryptionKey,
      workerTimeout: this.workerTimeout,
      ...(props.maxReceiveCount !== undefined ? { maxReceiveCount: props.maxReceiveCount } : {}),
      ...(props.removalPolicy !== undefined ? { removalPolicy: props.removalPolicy } : {}),
    });
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;
  }

  /** Adds the worker (`functions/chat/worker.ts`) and its event source on the queue. Called once, after the API. */
  public addWorker(props: ChatWorkerProps): ChatWorker {
    if (this.worker !== undefined) throw new Error('The chat worker already exists');
    if (props.maxConcurrency > props.reservedConcurrency) {
      throw new Error(`maxConcurrency (${props.maxConcurrency}) must not exceed reservedConcurrency (${props.reservedConcurrency})`);
    }

    const fn = nodeFunction(this, 'Worker', props.settings, {
      entry: CHAT_WORKER_ENTRY,
      description: 'Chat worker: answers queued assistant messages (the model, the library, the tools)',
      // The model adapter's answer schema and the rule tables (read at cold start) ship beside the bundle.
      bundleFiles: WORKER_FILES,
      // The model client, loaded on the first model call (ADR 0024).
      lazyModules: MODEL_CLIENT_MODULES,
      memorySize: props.memorySize ?? 512,
      timeout: this.workerTimeout,
      reservedConcurrency: props.reservedConcurrency,
      environment: { ...props.environment },
    });
    acknowledge(fn, 'queueWorkerNoLambdaDlq');
    grantDeclared(fn, CHAT_WORKER_GRANTS, { tables: props.tables, dataKeyWrappingKey: props.dataKeyWrappingKey });
    props.modelApiKeySecret?.grantRead(fn);

    // Grants ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes and
    // GetQueueUrl on this queue, and kms:Decrypt on its key.
    const source = new SqsEventSource(this.queue, {
      batchSize: 10,
      maxBatchingWindow: props.maxBatchingWindow ?? Duration.seconds(1),
      reportBatchItemFailures: true,
      maxConcurrency: props.maxConcurrency,
    });
    // The queue invokes the `live` alias, which CodeDeploy moves to each deploy's version (errors roll it back).
    const target = invokedTarget(fn, props.settings, { name: 'chatWorker' });
    target.addEventSource(source);
    const eventSourceMapping = target.node.children.find((child): child is lambda.EventSourceMapping => child instanceof lambda.EventSourceMapping);
    if (eventSourceMapping === undefined) throw new Error('The chat queue event source mapping was not created');
    acknowledge(eventSourceMapping, 'queueEventSourceRedrivesToDlq');

    this.worker = { function: fn, eventSourceMapping };
    return this.worker;
  }
}
