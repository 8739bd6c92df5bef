import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { traced } from './xray';
import type { ContentQueue } from '../../content/ports';
import { ConfigError } from '../../errors';

/**
 * The content queue (SQS): `{ "kind": "rebuild" }` says only that the library changed; the content worker reconciles
 * every published post and rebuilds the search index. Without `CONTENT_QUEUE_URL` a send throws (the publishing use
 * cases log it and carry on: the worker's next run catches up).
 */
export class SqsContentQueue implements ContentQueue {
  public constructor(
    private readonly queueUrl: string | undefined,
    private readonly sqs: SQSClient = traced(new SQSClient({})),
  ) {}

  public async requestRebuild(): Promise<void> {
    if (this.queueUrl === undefined) throw new ConfigError('Invalid configuration. CONTENT_QUEUE_URL: is required to queue a rebuild');
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify({ kind: 'rebuild' }) }));
  }
}
