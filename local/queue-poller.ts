import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './proxy-event';

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export interface PollerOptions {
  readonly sqsEndpoint: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly loadHandler: () => Promise<SqsHandler>;
  /** Messages per invocation, like the event source mapping's batch size. @default 10 */
  readonly batchSize?: number;
  /** Seconds before a failed message is visible again. In AWS that is the visibility timeout; locally short. @default 1 */
  readonly retryDelaySeconds?: number;
  /**
   * The handler holds a failed message back itself (`ChangeMessageVisibility` on its receipt handle, the
   * notifications worker's back-off): the poller then leaves failed messages as they are, as the Lambda
   * event source mapping does, and `retryDelaySeconds` is unused. If the handler's call failed, the message
   * comes back after the queue's own visibility timeout.
   * @default false
   */
  readonly handlerSetsVisibility?: boolean;
}

export interface QueuePoller {
  stop(): Promise<void>;
}

/**
 * Plays the Lambda SQS event source mapping locally: long-polls the queue, invokes the worker
 * handler module with a batch (each record with its receipt handle and `ApproximateReceiveCount`),
 * deletes the messages it processed and leaves the ones it reported in `batchItemFailures` to come
 * back (and, past `maxReceiveCount`, to be moved to the DLQ by the queue's redrive policy). One batch
 * at a time: a bounded maximum concurrency of one.
 */
export const startQueuePoller = (options: PollerOptions): QueuePoller => {
  const sqs = new SQSClient({ endpoint: options.sqsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const controller = new AbortController();
  let handler: Promise<SqsHandler> | undefined;

  const toRecord = (message: {
    MessageId?: string;
    ReceiptHandle?: string;
    Body?: string;
    MD5OfBody?: string;
    Attributes?: Record<string, string>;
  }): SQSRecord => ({
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    md5OfBody: message.MD5OfBody ?? '',
    attributes: {
      ApproximateReceiveCount: message.Attributes?.['ApproximateReceiveCount'] ?? '1',
      SentTimestamp: message.Attributes?.['SentTimestamp'] ?? String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: message.Attributes?.['ApproximateFirstReceiveTimestamp'] ?? String(Date.now()),
    },
    messageAttributes: {},
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueArn,
    awsRegion: 'us-east-1',
  });

  const pollOnce = async (): Promise<void> => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: options.batchSize ?? 10,
        WaitTimeSeconds: 1,
        MessageSystemAttributeNames: ['All'],
      }),
      { abortSignal: controller.signal },
    );
    if (Messages.length === 0) return;
    const records = Messages.map(toRecord);
    handler ??= options.loadHandler();
    let failed: Set<string>;
    try {
      const response = await (await handler)({ Records: records }, lambdaContext('carebow-local-triage-worker', 30_000));
      failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch {
      failed = new Set(records.map((record) => record.messageId));
    }
    const done = records.filter((record) => !failed.has(record.messageId));
    const retry = records.filter((record) => failed.has(record.messageId));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: options.queueUrl, Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })) }),
      );
    }
    if (retry.length > 0 && options.handlerSetsVisibility !== true) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: retry.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle, VisibilityTimeout: options.retryDelaySeconds ?? 1 })),
        }),
      );
    }
  };

  const running = (async () => {
    while (!controller.signal.aborted) {
      try {
        await pollOnce();
      } catch {
        if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  })();

  return {
    stop: async () => {
      controller.abort();
      await running;
      sqs.destroy();
    },
  };
};
