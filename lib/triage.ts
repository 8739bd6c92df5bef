import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { WORKER_FILES } from '../functions/routes/bundle-files';
import { MODEL_CLIENT_MODULES } from '../shared/adapters/openai/sdk';
import type { TableName } from '../shared/data/tables';
import type { Grants } from '../shared/http/route';
import { grantDeclared, invokedTarget, nodeFunction, type FunctionSettings } from './functions';
import { acknowledge } from './nag';
import { workQueue } from './queues';
import { TRIAGE_WORKER_ENTRY } from './function-entries';

/**
 * The whole deadline of one model call in the worker: 8 s per attempt, two attempts, 1 s between
 * them (shared/adapters/openai/openai-triage-model.ts). The worker's timeout must leave room for
 * it plus the reads, the unwrap, the seal and the writes around it.
 */
export const MODEL_CALL_DEADLINE = Duration.seconds(17);
/** What a worker timeout must add to the model deadline (Secrets Manager, KMS, DynamoDB, audit). */
const WORKER_HEADROOM = Duration.seconds(10);

/**
 * What the triage worker may do, in the route table's vocabulary (lib/functions.ts): read and
 * update sessions and read consents (records), read wrapped data keys (keys), unwrap them under
 * the PHI purpose (never generate one: a patient who has a session already has a key), append to
 * the audit trail, count each session once in the product figures (content: a marker and an ADD,
 * no PHI), and send `triage_ready` (ids only) to the notifications queue. Consuming the queue is
 * granted by its event source; reading the model's API key by the secret, only when the stage
 * enables the model. Nothing else: chat has its own worker (lib/chat.ts, `CHAT_WORKER_GRANTS`).
 */
export const TRIAGE_WORKER_GRANTS = {
  tables: { records: 'readWrite', keys: 'read', audit: 'append', content: 'readWrite' },
  dataKeys: 'decrypt',
  notificationsQueue: 'send',
} as const satisfies Grants;

export interface TriageProps {
  /** CMK the queue and its DLQ are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /**
   * Timeout of the triage worker; the visibility timeout is six times it, so a message is not
   * redelivered while a batch is still being worked on (docs/security.md #24). At least the model
   * call's deadline (17 s) plus 10 s.
   * @default Duration.seconds(30)
   */
  readonly workerTimeout?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to the queues when the stack is deleted.
   * @default RemovalPolicy.DESTROY (messages are transient; sessions live in DynamoDB)
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The triage model as the worker sees it (a stage's `aiModel` without the model name). */
export interface TriageModelProps {
  /** Whether the worker calls the model; when false there is no secret and the rules engine answers alone. */
  readonly enabled: boolean;
  /**
   * An OpenAI-compatible endpoint (`OPENAI_BASE_URL`, https only).
   * @default - the provider's own endpoint
   */
  readonly baseUrl?: string;
}

export interface TriageWorkerProps {
  /** Log group and role settings, the same as the API's functions. */
  readonly settings: FunctionSettings;
  /**
   * The route functions' environment (the worker reads the same configuration schema); the worker
   * adds `OPENAI_API_KEY_SECRET_ID` and `OPENAI_BASE_URL` to it when the model is enabled.
   */
  readonly environment: Readonly<Record<string, string>>;
  /** The tables, keyed like `TABLES` (the worker is granted `TRIAGE_WORKER_GRANTS.tables`). */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** The key that wraps per-user data keys (decrypt under the PHI purpose only). */
  readonly dataKeyWrappingKey: kms.IKey;
  /** Where the worker tells a patient their assessment is ready (`triage_ready`, send only). */
  readonly notificationsQueue: sqs.IQueue;
  /** The triage model; see {@link TriageModelProps}. */
  readonly model: TriageModelProps;
  /** Reserved concurrency of the worker; at least `maxConcurrency`. */
  readonly reservedConcurrency: number;
  /** Concurrent invocations the queue's event source may drive (2 to 1000; SQS's minimum is 2). */
  readonly maxConcurrency: number;
  /**
   * How long the event source may wait to fill a batch of 10 (a patient is waiting on the result).
   * @default Duration.seconds(1)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Memory of the worker, MB.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * What happens to the model API key secret when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly secretRemovalPolicy?: RemovalPolicy;
}

/** The worker `Triage.addWorker` built. */
export interface TriageWorker {
  /** `Triage/WorkerFunction`. */
  readonly function: lambda.IFunction;
  /** The SQS event source mapping of the triage queue (partial batch responses). */
  readonly eventSourceMapping: lambda.IEventSourceMapping;
  /** The model API key secret (`Triage/ModelApiKeySecret`), when the model is enabled. */
  readonly modelApiKeySecret?: secretsmanager.ISecret;
}

/**
 * The triage work queue, its dead-letter queue, and (`addWorker`) the worker that consumes it.
 *
 * A message is a session revision to assess. The worker gets batches of up to 10 and answers
 * with the ids of the messages it failed (partial batch response), so only those come back; a
 * message that fails `maxReceiveCount` (5) times moves to the DLQ, which alarms. The visibility
 * timeout is six times the worker's timeout (AWS's guidance for Lambda consumers), so a batch
 * still being worked on is never handed to a second invocation.
 *
 * **Model API key.** When the stage enables the model, `addWorker` creates the secret
 * `Triage/ModelApiKeySecret`, encrypted with the stage's CMK, holding a random placeholder. Its
 * value is set by DevOps after the first deploy, never in code or a template:
 *
 * ```sh
 * aws secretsmanager put-secret-value --secret-id <ModelApiKeySecretArn output> --secret-string "$OPENAI_API_KEY"
 * ```
 *
 * Until then the model rejects the placeholder and the rules engine answers. The worker reads the
 * secret at cold start; a new value reaches it with the next cold start. Rotating the key is the
 * same command with the provider's new key (then revoke the old one at the provider).
 */
export class Triage extends Construct {
  /** Where symptom sessions wait for an assessment. */
  public readonly queue: sqs.IQueue;
  /** Messages that failed `maxReceiveCount` times. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** The worker's timeout the visibility timeout was sized for. */
  public readonly workerTimeout: Duration;

  private worker: TriageWorker | undefined;
  private secret: secretsmanager.Secret | undefined;

  public constructor(scope: Construct, id: string, props: TriageProps) {
    super(scope, id);
    this.workerTimeout = props.workerTimeout ?? Duration.seconds(30);
    if (this.workerTimeout.toSeconds() < MODEL_CALL_DEADLINE.toSeconds() + WORKER_HEADROOM.toSeconds()) {
      throw new Error(
        `workerTimeout (${this.workerTimeout.toSeconds()} s) must be at least the model call's ${MODEL_CALL_DEADLINE.toSeconds()} s deadline plus ${WORKER_HEADROOM.toSeconds()} s`,
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

  /**
   * The model API key secret, `Triage/ModelApiKeySecret` (created on the first call, the same one
   * after): the worker reads it, and so do the chat worker (lib/chat.ts) and the streamed chat route,
   * which is built before the worker (the stack asks for it first where the stage enables the model).
   */
  public modelApiKeySecret(props: {
    readonly stage: string;
    readonly encryptionKey: kms.IKey;
    readonly removalPolicy?: RemovalPolicy | undefined;
  }): secretsmanager.ISecret {
    if (this.secret === undefined) {
      this.secret = new secretsmanager.Secret(this, 'ModelApiKeySecret', {
        description: `CareBow ${props.stage}: API key of the triage model. Holds a placeholder until DevOps sets it (put-secret-value).`,
        encryptionKey: props.encryptionKey,
        // A random placeholder, never a real key: the value is set out of band after deploy.
        generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false },
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
      acknowledge(this.secret, 'modelApiKeySecretRotation');
    }
    return this.secret;
  }

  /**
   * Adds the worker (`functions/triage/worker.ts`) and its event source on the queue. Called once,
   * after the API: the worker starts from the route functions' environment.
   */
  public addWorker(props: TriageWorkerProps): TriageWorker {
    if (this.worker !== undefined) throw new Error('The triage worker already exists');
    if (props.maxConcurrency > props.reservedConcurrency) {
      throw new Error(`maxConcurrency (${props.maxConcurrency}) must not exceed reservedConcurrency (${props.reservedConcurrency})`);
    }
    if (props.model.baseUrl !== undefined && !props.model.baseUrl.startsWith('https://')) throw new Error('model.baseUrl must be https');

    const modelApiKeySecret = props.model.enabled
      ? this.modelApiKeySecret({ stage: props.settings.stage, encryptionKey: props.settings.encryptionKey, removalPolicy: props.secretRemovalPolicy })
      : undefined;

    const fn = nodeFunction(this, 'Worker', props.settings, {
      entry: TRIAGE_WORKER_ENTRY,
      description: 'Triage worker: assesses queued symptom sessions (rules, then the model)',
      // The rules engine's tables are data read at cold start (shared/triage/rules/tables.ts).
      bundleFiles: WORKER_FILES,
      // The model client, loaded on the first model call (ADR 0024).
      lazyModules: MODEL_CLIENT_MODULES,
      memorySize: props.memorySize ?? 512,
      timeout: this.workerTimeout,
      reservedConcurrency: props.reservedConcurrency,
      environment: {
        ...props.environment,
        ...(modelApiKeySecret !== undefined ? { OPENAI_API_KEY_SECRET_ID: modelApiKeySecret.secretArn } : {}),
        ...(modelApiKeySecret !== undefined && props.model.baseUrl !== undefined ? { OPENAI_BASE_URL: props.model.baseUrl } : {}),
      },
    });
    acknowledge(fn, 'queueWorkerNoLambdaDlq');
    grantDeclared(fn, TRIAGE_WORKER_GRANTS, {
      tables: props.tables,
      dataKeyWrappingKey: props.dataKeyWrappingKey,
      notificationsQueue: props.notificationsQueue,
    });
    modelApiKeySecret?.grantRead(fn);

    // Grants ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes and
    // GetQueueUrl on this queue, and kms:Decrypt on its key.
    const source = new SqsEventSource(this.queue, {
      batchSize: 10,
      maxBatchingWindow: props.maxBatchingWindow ?? Duration.seconds(1),
      reportBatchItemFailures: true,
      maxConcurrency: props.maxConcurrency,
    });
    // The queue invokes the `live` alias, which CodeDeploy moves to each deploy's version (errors roll it back).
    const target = invokedTarget(fn, props.settings, { name: 'triageWorker' });
    target.addEventSource(source);
    const eventSourceMapping = target.node.children.find((child): child is lambda.EventSourceMapping => child instanceof lambda.EventSourceMapping);
    if (eventSourceMapping === undefined) throw new Error('The triage queue event source mapping was not created');
    acknowledge(eventSourceMapping, 'queueEventSourceRedrivesToDlq');

    this.worker = { function: fn, eventSourceMapping, ...(modelApiKeySecret !== undefined ? { modelApiKeySecret } : {}) };
    return this.worker;
  }
}
