import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './xray';
import type { TriageQueue, WorkMessage } from '../../triage/ports';

/**
 * The triage queue, and the chat queue (the same shape, another URL: `chatQueue()`). A message names a
 * session or conversation and its revision, nothing else: the worker loads the (sealed) input itself, so
 * no PHI ever sits in a queue or a DLQ.
 */
export class SqsTriageQueue implements TriageQueue {
  public constructor(
    private readonly queueUrl: string,
    private readonly sqs: SQSClient = traced(new SQSClient({})),
  ) {}

  public async enqueue(message: WorkMessage): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }
}
