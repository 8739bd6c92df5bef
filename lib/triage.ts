import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface TriageProps {
  /** CMK the queue and its DLQ are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /**
   * Timeout of the (future) triage worker; the visibility timeout is six times it, so a message
   * is not redelivered while a batch is still being worked on (SECURITY.md #24).
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

/**
 * The triage work queue and its dead-letter queue. Only the queues for now; the worker that
 * consumes them arrives in a later change and will read `workerTimeout` from here.
 */
export class Triage extends Construct {
  /** Where symptom sessions wait for an assessment. */
  public readonly queue: sqs.IQueue;
  /** Messages that failed `maxReceiveCount` times. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** The worker's timeout the visibility timeout was sized for. */
  public readonly workerTimeout: Duration;

  public constructor(scope: Construct, id: string, props: TriageProps) {
    super(scope, id);
    this.workerTimeout = props.workerTimeout ?? Duration.seconds(30);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;

    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    acknowledge(deadLetterQueue, 'deadLetterQueueHasNoDeadLetterQueue');

    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(this.workerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
      removalPolicy,
    });
    this.deadLetterQueue = deadLetterQueue;
  }
}
