import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultSchedule, type FaultRule, type FaultSchedule } from './fault-schedule';

/**
 * A fault-injecting HTTP proxy in front of a local stand-in (dynalite or fauxqs), for the integration tier. It reads
 * each call's operation (`X-Amz-Target: DynamoDB_20120810.<Op>` or `AmazonSQS.<Op>`, the SQS SDK's JSON protocol;
 * or a query `Action=`) and its table or queue, asks its {@link FaultSchedule}, and either forwards the call
 * untouched or answers as the real service does when it fails: a throttling 400 or a 500 with the service's own
 * error body, no answer (held until the client gives up), a dropped connection, a slow answer, or a lost one (the call
 * carried out, its answer never sent).
 */
export type ProxiedService = 'dynamodb' | 'sqs';

export interface FaultProxy extends Pick<FaultSchedule, 'inject' | 'clear' | 'seen'> {
  /** The endpoint to give the SDK clients. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The error bodies the services send (AWS JSON 1.0), per fault kind. */
const ERRORS: Record<ProxiedService, Record<'throttle' | 'server_error', { status: number; type: string; message: string; queryError?: string }>> = {
  dynamodb: {
    throttle: {
      status: 400,
      type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    },
    server_error: { status: 500, type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
  },
  sqs: {
    throttle: {
      status: 400,
      type: 'com.amazonaws.sqs#RequestThrottled',
      message: 'The request was denied due to request throttling.',
      queryError: 'RequestThrottled;Sender',
    },
    server_error: {
      status: 500,
      type: 'com.amazonaws.sqs#InternalFailure',
      message: 'We encountered an internal error. Please try again.',
      queryError: 'InternalFailure;Receiver',
    },
  },
};

/** The operation and the tables or queues a call names. */
export const describeCall = (service: ProxiedService, headers: IncomingMessage['headers'], body: string): { operation: string; resources: string[] } => {
  const target = String(headers['x-amz-target'] ?? '');
  let operation = target.includes('.') ? target.slice(target.lastIndexOf('.') + 1) : '';
  let parsed: Record<string, unknown> = {};
  if (target !== '') {
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      parsed = {};
    }
  } else {
    const form = new URLSearchParams(body);
    operation = form.get('Action') ?? 'unknown';
    parsed = Object.fromEntries(form.entries());
  }
  if (service === 'dynamodb') {
    const tables = typeof parsed['TableName'] === 'string' ? [parsed['TableName']] : Object.keys((parsed['RequestItems'] as object | undefined) ?? {});
    return { operation, resources: tables };
  }
  const queueUrl = typeof parsed['QueueUrl'] === 'string' ? parsed['QueueUrl'] : '';
  return { operation, resources: queueUrl === '' ? [] : [queueUrl.slice(queueUrl.lastIndexOf('/') + 1)] };
};

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Starts a proxy on 127.0.0.1 that forwards to `upstream` (an `http://host:port` endpoint).
 *
 * @example
 * const dynamo = await startFaultProxy('dynamodb', standIns.dynamodbEndpoint);
 * dynamo.inject({ fault: 'server_error', operation: 'PutItem', window: { next: 3 } });
 */
export const startFaultProxy = async (service: ProxiedService, upstream: string): Promise<FaultProxy> => {
  const schedule = faultSchedule();
  const target = new URL(upstream);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  /** Forwards the call; with `loseAnswer`, lets the stand-in carry it out and then drops the connection instead of answering. */
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, loseAnswer = false): void => {
    const upstreamRequest = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamResponse) => {
        if (loseAnswer) {
          upstreamResponse.resume();
          upstreamResponse.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => res.destroy());
    upstreamRequest.end(body);
  };

  const fail = (res: ServerResponse, rule: FaultRule): void => {
    const error = ERRORS[service][rule.fault as 'throttle' | 'server_error'];
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `fault-${schedule.seen.length}` };
    if (error.queryError !== undefined) headers['x-amzn-query-error'] = error.queryError;
    res.writeHead(error.status, headers);
    res.end(JSON.stringify({ __type: error.type, message: error.message }));
  };

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const call = describeCall(service, req.headers, body.toString('utf8'));
      const rule = schedule.decide(call.operation, call.resources);
      if (rule === undefined) return forward(req, res, body);
      switch (rule.fault) {
        case 'throttle':
        case 'server_error':
          return fail(res, rule);
        case 'drop':
          return req.socket.destroy();
        case 'timeout':
          // Held, never forwarded: the write did not happen. The client's timeout ends it (or the hold does).
          return later(rule.delayMs ?? 30_000, () => req.socket.destroy());
        case 'slow':
          return later(rule.delayMs ?? 1_000, () => forward(req, res, body));
        case 'lost_answer':
          return forward(req, res, body, true);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: schedule.inject,
    clear: schedule.clear,
    seen: schedule.seen,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
