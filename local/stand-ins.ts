import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttributeValue,
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { startFauxqs } from 'fauxqs';
import { TABLES, type KeyAttribute, type TableName, type TableSpec } from '../shared/data/tables';
import { closeDynaliteIterators } from './dynalite-iterators';

/** Names the local stage gives its tables and queues (the CDK names deployed ones). */
export const localTableName = (name: TableName): string => `carebow-local-${name}`;
export const LOCAL_QUEUES = {
  triage: 'carebow-local-triage',
  triageDlq: 'carebow-local-triage-dlq',
  chat: 'carebow-local-chat',
  chatDlq: 'carebow-local-chat-dlq',
  notifications: 'carebow-local-notifications',
  notificationsDlq: 'carebow-local-notifications-dlq',
  content: 'carebow-local-content',
  contentDlq: 'carebow-local-content-dlq',
} as const;
/** The topic SES's configuration set publishes bounces and complaints to; subscribed raw to the notifications queue, as in AWS. */
export const LOCAL_SES_EVENTS_TOPIC = 'carebow-local-ses-events';

export interface StandIns {
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly triageQueueUrl: string;
  readonly triageQueueArn: string;
  readonly triageDlqUrl: string;
  readonly chatQueueUrl: string;
  readonly chatQueueArn: string;
  readonly chatDlqUrl: string;
  readonly notificationsQueueUrl: string;
  readonly notificationsQueueArn: string;
  readonly notificationsDlqUrl: string;
  readonly contentQueueUrl: string;
  readonly contentQueueArn: string;
  /** The ARN of `LOCAL_SES_EVENTS_TOPIC` (SNS, on the same fauxqs endpoint). */
  readonly sesEventsTopicArn: string;
  stop(): Promise<void>;
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

const createTableInput = (name: TableName, spec: TableSpec): CreateTableCommandInput => {
  const keySchema = (partition: KeyAttribute, sort?: KeyAttribute) =>
    [partition, ...(sort ? [sort] : [])].map((key, index) => ({ AttributeName: key.name, KeyType: index === 0 ? ('HASH' as const) : ('RANGE' as const) }));
  const indexes = spec.globalSecondaryIndexes ?? [];
  const attributes = new Map<string, KeyAttribute>();
  for (const key of [spec.partitionKey, spec.sortKey, ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])]) {
    if (key !== undefined) attributes.set(key.name, key);
  }
  return {
    TableName: localTableName(name),
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()].map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
    KeySchema: keySchema(spec.partitionKey, spec.sortKey),
    ...(indexes.length > 0
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
};

/**
 * Creates every table of the shared specs in `endpoint`'s DynamoDB (idempotent), and brings a
 * table kept in a data dir from before a new index up to its spec (`upgradeLocalTable`).
 */
export const createLocalTables = async (endpoint: string): Promise<void> => {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (const [name, spec] of Object.entries(TABLES) as [TableName, TableSpec][]) {
    try {
      await client.send(new CreateTableCommand(createTableInput(name, spec)));
    } catch (error) {
      if ((error as Error).name !== 'ResourceInUseException') throw error;
      await upgradeLocalTable(client, name, spec);
    }
    await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName: localTableName(name) });
  }
  client.destroy();
};

/**
 * A table persisted by an older `npm start` may lack an index the spec has since gained. dynalite
 * cannot add an index to a table (its UpdateTable only changes throughput), so the table is
 * rebuilt: its items are read, the table is created again from the spec and the items put back.
 * Local data only (a laptop's data dir); in AWS, CloudFormation adds the index in place.
 */
const upgradeLocalTable = async (client: DynamoDBClient, name: TableName, spec: TableSpec): Promise<void> => {
  const TableName = localTableName(name);
  const { Table } = await client.send(new DescribeTableCommand({ TableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (spec.globalSecondaryIndexes ?? []).filter((index) => !present.has(index.indexName));
  if (missing.length === 0) return;
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName, ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}) }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  await client.send(new DeleteTableCommand({ TableName }));
  await waitUntilTableNotExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName });
  await client.send(new CreateTableCommand(createTableInput(name, spec)));
  await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 }, { TableName });
  for (const item of items) await client.send(new PutItemCommand({ TableName, Item: item }));
  console.info(`local table ${TableName}: added index ${missing.map((index) => index.indexName).join(', ')} (${items.length} items kept)`);
};

/** Starts dynalite with every table; persisted under `<dataDir>/dynamodb` when a data dir is given. */
export const startDynamo = async (dataDir?: string): Promise<{ endpoint: string; stop(): Promise<void> }> => {
  const dynamoPath = dataDir === undefined ? undefined : join(dataDir, 'dynamodb');
  if (dynamoPath !== undefined) mkdirSync(dynamoPath, { recursive: true });
  // Else every Query and Scan leaves a LevelDB iterator open, and memory grows with every write.
  closeDynaliteIterators();
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dynamoPath ? { path: dynamoPath } : {}) });
  const endpoint = `http://127.0.0.1:${await listen(server)}`;
  await createLocalTables(endpoint);
  return { endpoint, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/**
 * Starts dynalite and fauxqs on loopback ports. With a `dataDir` both persist there
 * (`dynamodb/` LevelDB, `sqs/` SQLite); without one they run in memory (tests).
 */
export const startStandIns = async (dataDir?: string): Promise<StandIns> => {
  const dynamo = await startDynamo(dataDir);
  const dynamodbEndpoint = dynamo.endpoint;

  const sqsDir = dataDir === undefined ? undefined : join(dataDir, 'sqs');
  if (sqsDir !== undefined) mkdirSync(sqsDir, { recursive: true });
  const sqs = await startFauxqs({ port: 0, logger: false, ...(sqsDir ? { dataDir: sqsDir } : {}) });
  const { queues, topics } = sqs.setup({
    queues: [
      { name: LOCAL_QUEUES.triageDlq },
      {
        name: LOCAL_QUEUES.triage,
        attributes: {
          VisibilityTimeout: '180',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${LOCAL_QUEUES.triageDlq}`, maxReceiveCount: 5 }),
        },
      },
      { name: LOCAL_QUEUES.chatDlq },
      {
        name: LOCAL_QUEUES.chat,
        attributes: {
          // Six times the chat worker's 90 s, as in AWS (lib/chat.ts).
          VisibilityTimeout: '540',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${LOCAL_QUEUES.chatDlq}`, maxReceiveCount: 5 }),
        },
      },
      { name: LOCAL_QUEUES.notificationsDlq },
      {
        name: LOCAL_QUEUES.notifications,
        attributes: {
          VisibilityTimeout: '60',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${LOCAL_QUEUES.notificationsDlq}`, maxReceiveCount: 5 }),
        },
      },
      { name: LOCAL_QUEUES.contentDlq },
      {
        name: LOCAL_QUEUES.content,
        attributes: {
          VisibilityTimeout: '360',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${LOCAL_QUEUES.contentDlq}`, maxReceiveCount: 5 }),
        },
      },
    ],
    topics: [{ name: LOCAL_SES_EVENTS_TOPIC }],
    subscriptions: [{ topic: LOCAL_SES_EVENTS_TOPIC, queue: LOCAL_QUEUES.notifications, attributes: { RawMessageDelivery: 'true' } }],
  });
  const triage = queues.find((queue) => queue.name === LOCAL_QUEUES.triage)!;
  const dlq = queues.find((queue) => queue.name === LOCAL_QUEUES.triageDlq)!;
  const chat = queues.find((queue) => queue.name === LOCAL_QUEUES.chat)!;
  const chatDlq = queues.find((queue) => queue.name === LOCAL_QUEUES.chatDlq)!;
  const notifications = queues.find((queue) => queue.name === LOCAL_QUEUES.notifications)!;
  const notificationsDlq = queues.find((queue) => queue.name === LOCAL_QUEUES.notificationsDlq)!;
  const content = queues.find((queue) => queue.name === LOCAL_QUEUES.content)!;

  return {
    dynamodbEndpoint,
    sqsEndpoint: sqs.address,
    triageQueueUrl: triage.url,
    triageQueueArn: triage.arn,
    triageDlqUrl: dlq.url,
    chatQueueUrl: chat.url,
    chatQueueArn: chat.arn,
    chatDlqUrl: chatDlq.url,
    notificationsQueueUrl: notifications.url,
    notificationsQueueArn: notifications.arn,
    notificationsDlqUrl: notificationsDlq.url,
    contentQueueUrl: content.url,
    contentQueueArn: content.arn,
    sesEventsTopicArn: topics.find((topic) => topic.name === LOCAL_SES_EVENTS_TOPIC)!.arn,
    stop: async () => {
      await sqs.stop();
      await dynamo.stop();
    },
  };
};
