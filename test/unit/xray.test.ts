import { readdirSync, readFileSync } from 'node:fs';
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { traced, tracedFetch } from '../../shared/adapters/aws/xray';
import { CANARY } from '../helpers/canaries';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

/** A fake X-Ray daemon: a real UDP socket on loopback, keeping every datagram. */
let daemon: Socket;
let datagrams: string[];
beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => datagrams.push(message.toString('utf8')));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
});
afterAll(() => daemon.close());
beforeEach(() => {
  datagrams = [];
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${(daemon.address() as AddressInfo).port}`);
  vi.stubEnv('_X_AMZN_TRACE_ID', `Root=${ROOT};Parent=${PARENT};Sampled=1`);
});
afterEach(() => vi.unstubAllEnvs());

/** The datagrams' subsegments, once `count` arrived (UDP on loopback: milliseconds), checking each one's header line. */
const received = async (count: number): Promise<Record<string, unknown>[]> => {
  await vi.waitFor(() => expect(datagrams.length).toBeGreaterThanOrEqual(count), { timeout: 2_000, interval: 5 });
  return datagrams.map((datagram) => {
    const [header, body, ...rest] = datagram.split('\n');
    expect(JSON.parse(header!)).toEqual({ format: 'json', version: 1 });
    expect(rest).toEqual([]);
    return JSON.parse(body!) as Record<string, unknown>;
  });
};
/** Lets any datagram that was (wrongly) sent arrive before asserting there is none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A client whose "network" answers `status` with `body` (JSON), so calls run through the real SDK stack. */
const answering = <C>(make: (config: object) => C, status: number, body: object): C =>
  make({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-abc' },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        },
      }),
    },
  });

describe('Function: traced (X-Ray subsegments of SDK calls)', () => {
  it('sends one aws subsegment per call: trace, parent, operation, table, status and times, never the key', async () => {
    // Prepare
    const documents = DynamoDBDocumentClient.from(traced(answering((config) => new DynamoDBClient(config), 200, {})));
    const before = Date.now() / 1000;

    // Act
    await documents.send(new GetCommand({ TableName: 'carebow-dev-records', Key: { pk: `USER#${CANARY.name}`, sk: 'PROFILE' } }));

    // Assess
    const [subsegment] = await received(1);
    expect(subsegment).toMatchObject({
      type: 'subsegment',
      trace_id: ROOT,
      parent_id: PARENT,
      name: 'DynamoDB',
      namespace: 'aws',
      aws: { operation: 'GetItem', table_name: 'carebow-dev-records', request_id: 'req-abc', retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(subsegment!['id']).toMatch(/^[0-9a-f]{16}$/);
    expect(subsegment!['start_time']).toBeGreaterThanOrEqual(before - 1);
    expect(subsegment!['end_time']).toBeGreaterThanOrEqual(subsegment!['start_time'] as number);
    expect(subsegment).not.toHaveProperty('error');
    expect(datagrams.join('')).not.toContain('Canaryname');
  });

  it('marks a throttled call as error and throttle, and a queue call with its URL only', async () => {
    // Prepare
    const throttled = traced(
      answering((config) => new DynamoDBClient(config), 400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'slow down',
      }),
    );
    const sqs = traced(answering((config) => new SQSClient(config), 200, { MessageId: 'm-1', MD5OfMessageBody: '0' }));
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/carebow-dev-triage';

    // Act
    const failed = await DynamoDBDocumentClient.from(throttled)
      .send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))
      .catch((error: unknown) => error);
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ note: CANARY.name }) })).catch(() => undefined);

    // Assess
    expect((failed as Error).name).toBe('ProvisionedThroughputExceededException');
    const subsegments = await received(2);
    expect(subsegments.find((s) => s['name'] === 'DynamoDB')).toMatchObject({ error: true, throttle: true, http: { response: { status: 400 } } });
    expect(subsegments.find((s) => s['name'] === 'SQS')).toMatchObject({ aws: { operation: 'SendMessage', queue_url: queueUrl } });
    expect(datagrams.join('')).not.toContain('Canaryname');
  });

  it('sends nothing when the invocation is not sampled', async () => {
    // Prepare
    vi.stubEnv('_X_AMZN_TRACE_ID', `Root=${ROOT};Parent=${PARENT};Sampled=0`);
    const client = DynamoDBDocumentClient.from(traced(answering((config) => new DynamoDBClient(config), 200, {})));

    // Act
    await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
    await settle();

    // Assess
    expect(datagrams).toEqual([]);
  });

  it('sends nothing outside Lambda (no daemon address, no trace header)', async () => {
    // Prepare
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', undefined);
    const client = DynamoDBDocumentClient.from(traced(answering((config) => new DynamoDBClient(config), 200, {})));

    // Act
    await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${(daemon.address() as AddressInfo).port}`);
    vi.stubEnv('_X_AMZN_TRACE_ID', undefined);
    await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
    await settle();

    // Assess
    expect(datagrams).toEqual([]);
  });
});

describe('Function: traced, when the daemon address is malformed', () => {
  it('still answers the call: tracing never fails what it describes', async () => {
    // Prepare
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', '127.0.0.1:not-a-port');
    const client = DynamoDBDocumentClient.from(traced(answering((config) => new DynamoDBClient(config), 200, { Item: { pk: { S: 'a' } } })));

    // Act
    const result = await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));

    // Assess
    expect(result.Item).toEqual({ pk: 'a' });
  });
});

describe('Function: tracedFetch (X-Ray subsegments of model calls)', () => {
  it('sends one remote subsegment named by the host, with the path but no query, body or header', async () => {
    // Prepare
    const inner = vi.fn(async () => new Response('{}', { status: 503 }));
    const latencies: number[] = [];
    const call = tracedFetch(inner as unknown as typeof fetch, (ms) => latencies.push(ms));

    // Act
    const response = await call(`https://api.model.example/v1/chat/completions?user=${CANARY.emailLocalPart}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-canary' },
      body: JSON.stringify({ messages: [{ role: 'user', content: CANARY.name }] }),
    });

    // Assess
    expect(response.status).toBe(503);
    expect(latencies).toHaveLength(1);
    const [subsegment] = await received(1);
    expect(subsegment).toMatchObject({
      trace_id: ROOT,
      parent_id: PARENT,
      name: 'api.model.example',
      namespace: 'remote',
      fault: true,
      http: { request: { method: 'POST', url: 'https://api.model.example/v1/chat/completions' }, response: { status: 503 } },
    });
    expect(datagrams.join('')).not.toMatch(/Canaryname|canary\.mail|sk-canary|Bearer/);
  });
});

describe('Every AWS SDK client is traced', () => {
  it('builds no SDK client in shared/ or functions/ outside traced(…) (local stand-ins aside)', () => {
    // Prepare
    const root = join(import.meta.dirname, '..', '..');
    const files = ['shared', 'functions'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.includes('adapters/local/'))
        .map((file) => join(dir, file)),
    );

    // Act
    const untraced = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((line) => /new \w+Client\(/.test(line) && !/^\s*\*/.test(line) && !/traced\(new \w+Client\(/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );

    // Assess
    expect(files.length).toBeGreaterThan(100);
    expect(untraced).toEqual([]);
  });
});
