import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableName } from '../shared/data/tables';
import type { Grants } from '../shared/http/route';
import { grantDeclared, invokedTarget, nodeFunction, type FunctionSettings } from './functions';
import { workQueue } from './queues';
import { acknowledge } from './nag';
import { CONTENT_WORKER_ENTRY } from './function-entries';

/** The content worker's reserved concurrency: the event source's minimum `maxConcurrency` (2), so SQS never throttles against it. */
export const CONTENT_WORKER_RESERVED = 2;

/**
 * What the content worker may do, in the route table's vocabulary (lib/functions.ts): read the
 * published working copies and write the rendered snapshots and the search index, all in the
 * content table, which holds no PHI. No key, no other table, no other queue.
 */
export const CONTENT_WORKER_GRANTS = {
  tables: { content: 'readWrite' },
} as const satisfies Grants;

export interface ContentProps {
  /** CMK the queue and its DLQ are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /**
   * Timeout of the content worker; the visibility timeout is six times it.
   * @default Duration.seconds(60)
   */
  readonly workerTimeout?: Duration;
  /**
   * What happens to the queues when the stack is deleted.
   * @default RemovalPolicy.DESTROY (a message only says "the library changed"; the posts live in DynamoDB)
   */
  readonly removalPolicy?: RemovalPolicy;
}

export interface ContentWorkerProps {
  /** Log group and role settings, the same as the API's functions. */
  readonly settings: FunctionSettings;
  /** The route functions' environment (the worker reads the same configuration schema). */
  readonly environment: Readonly<Record<string, string>>;
  /** The tables, keyed like `TABLES` (the worker is granted `CONTENT_WORKER_GRANTS.tables`). */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /**
   * Memory of the worker, MB: it renders every changed post and rebuilds the whole index.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * The worker's handler module under `functions/`.
   * @default CONTENT_WORKER_ENTRY
   */
  readonly entry?: string;
}

/**
 * The content library's publication pipeline (docs/adr/0011-content-library.md): a queue the
 * publish and archive routes send "the library changed" to, its dead-letter queue, and (`addWorker`)
 * the worker that renders published posts to sanitised HTML and rebuilds the lexical search index.
 *
 * At most two runs at once (the event source's `maxConcurrency` minimum, with reserved concurrency
 * to match, so SQS never throttles against it and no message reaches the DLQ just for waiting).
 * Each run reconciles the whole library, so a lost or duplicated message changes nothing; the
 * index pointer moves by a conditional write, and a run that loses that race rebuilds once more.
 * A message that fails five times moves to the DLQ, which alarms.
 */
export class Content extends Construct {
  /** Where "the library changed" waits for the worker. */
  public readonly queue: sqs.IQueue;
  /** Messages that failed five times. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** The worker's timeout the visibility timeout was sized for. */
  public readonly workerTimeout: Duration;

  private worker: lambda.IFunction | undefined;

  public constructor(scope: Construct, id: string, props: ContentProps) {
    super(scope, id);
    this.workerTimeout = props.workerTimeout ?? Duration.seconds(60);
    const { queue, deadLetterQueue } = workQueue(this, {
      encryptionKey: props.encryptionKey,
      workerTimeout: this.workerTimeout,
      ...(props.removalPolicy !== undefined ? { removalPolicy: props.removalPolicy } : {}),
    });
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;
  }

  /** Adds the worker (`functions/content/worker.ts`) and its event source on the queue. Called once, after the API. */
  public addWorker(props: ContentWorkerProps): lambda.IFunction {
    if (this.worker !== undefined) throw new Error('The content worker already exists');
    const fn = nodeFunction(this, 'Worker', props.settings, {
      entry: props.entry ?? CONTENT_WORKER_ENTRY,
      description: 'Content worker: renders published posts and rebuilds the library search index',
      memorySize: props.memorySize ?? 1024,
      timeout: this.workerTimeout,
      reservedConcurrency: CONTENT_WORKER_RESERVED,
      environment: { ...props.environment },
    });
    acknowledge(fn, 'queueWorkerNoLambdaDlq');
    grantDeclared(fn, CONTENT_WORKER_GRANTS, { tables: props.tables });
    const source = new SqsEventSource(this.queue, {
      batchSize: 10,
      // Publishing several posts in a row rebuilds once.
      maxBatchingWindow: Duration.seconds(5),
      reportBatchItemFailures: true,
      maxConcurrency: CONTENT_WORKER_RESERVED,
    });
    // The queue invokes the `live` alias, which CodeDeploy moves to each deploy's version (errors roll it back).
    const target = invokedTarget(fn, props.settings, { name: 'contentWorker' });
    target.addEventSource(source);
    const mapping = target.node.children.find((child): child is lambda.EventSourceMapping => child instanceof lambda.EventSourceMapping);
    if (mapping === undefined) throw new Error('The content queue event source mapping was not created');
    acknowledge(mapping, 'queueEventSourceRedrivesToDlq');
    this.worker = fn;
    return fn;
  }
}
