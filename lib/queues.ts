import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface WorkQueueProps {
  /** CMK both queues are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /** The consuming worker's timeout: the queue's visibility timeout is six times it (AWS's guidance for Lambda consumers). */
  readonly workerTimeout: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to both queues when the stack is deleted.
   * @default RemovalPolicy.DESTROY (messages are transient; what they point at lives in DynamoDB)
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Any queue of the stage: encrypted with the CMK, TLS only. */
export const encryptedQueueProps = (encryptionKey: kms.IKey, removalPolicy: RemovalPolicy) =>
  ({ encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: encryptionKey, enforceSSL: true, removalPolicy }) as const;

/**
 * A worker's queue and its dead-letter queue, as `<scope>/Queue` and `<scope>/DeadLetterQueue` (their
 * logical ids are pinned: test/infra/logical-ids.test.ts). Messages wait 4 days; dead letters 14.
 */
export const workQueue = (scope: Construct, props: WorkQueueProps): { readonly queue: sqs.Queue; readonly deadLetterQueue: sqs.Queue } => {
  const base = encryptedQueueProps(props.encryptionKey, props.removalPolicy ?? RemovalPolicy.DESTROY);
  const deadLetterQueue = new sqs.Queue(scope, 'DeadLetterQueue', { ...base, retentionPeriod: Duration.days(14) });
  acknowledge(deadLetterQueue, 'deadLetterQueueHasNoDeadLetterQueue');
  const queue = new sqs.Queue(scope, 'Queue', {
    ...base,
    visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * 6),
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
  });
  return { queue, deadLetterQueue };
};
