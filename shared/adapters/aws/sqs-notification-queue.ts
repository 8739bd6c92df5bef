import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './xray';
import type { NotificationEvent } from '../../notifications/events';
import type { NotificationQueue } from '../../notifications/ports';

/** The notifications queue (SQS). A message is one event: ids only, so no PHI ever sits in the queue or its DLQ. */
export class SqsNotificationQueue implements NotificationQueue {
  public constructor(
    private readonly queueUrl: string,
    private readonly sqs: SQSClient = traced(new SQSClient({})),
  ) {}

  public async enqueue(event: NotificationEvent, options: { readonly delaySeconds?: number } = {}): Promise<void> {
    const delay = options.delaySeconds === undefined ? undefined : Math.min(900, Math.max(0, Math.ceil(options.delaySeconds)));
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(event), ...(delay ? { DelaySeconds: delay } : {}) }));
  }
}
