import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './xray';
import type { NotificationRedelivery } from '../../notifications/ports';
import { MAX_VISIBILITY_SECONDS } from '../../notifications/retry-backoff';

/**
 * A worker's back-off on its own queue (`ChangeMessageVisibility`, granted to the worker by its SQS
 * event source): the notifications worker after a transient send failure, the chat worker while the
 * model is unavailable. A module apart from the queue senders, so the routes that only enqueue
 * neither bundle it nor count its command in their SDK reference (bench/functions.ts).
 */
export class SqsRedelivery implements NotificationRedelivery {
  public constructor(
    private readonly queueUrl: string,
    private readonly sqs: SQSClient = traced(new SQSClient({})),
  ) {}

  public async retryLater(receiptHandle: string, seconds: number): Promise<void> {
    const timeout = Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, Math.ceil(seconds)));
    await this.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: timeout }));
  }
}
