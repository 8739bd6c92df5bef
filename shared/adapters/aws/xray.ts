import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { traceHeader } from '../../observability/trace-header';

/**
 * X-Ray subsegments, written by hand: one UDP datagram to the Lambda X-Ray daemon per AWS SDK call and per model
 * call, under the function's own segment (`_X_AMZN_TRACE_ID`'s `Parent`). Powertools Tracer (aws-xray-sdk-core)
 * would cost a route more than its whole margin (ADR 0017). A subsegment holds the operation, the table name or
 * queue URL, times, the status and the error flags: never a key, a payload or a prompt. Nothing is sent outside
 * Lambda (no daemon address), or when the invocation is not sampled.
 */

/** The part of a subsegment the caller knows; ids, trace and parent are added when it is sent. */
export interface Subsegment {
  readonly name: string;
  readonly namespace: 'aws' | 'remote';
  readonly start_time: number;
  readonly end_time: number;
  readonly error?: true;
  readonly fault?: true;
  readonly throttle?: true;
  readonly http?: { readonly request?: { readonly method: string; readonly url: string }; readonly response?: { readonly status: number } };
  readonly aws?: Readonly<Record<string, string | number>>;
}

let socket: Socket | undefined;

/** `AWS_XRAY_DAEMON_ADDRESS`: `host:port`, or `udp:host:port tcp:host:port`. */
const daemon = (): { host: string; port: number } | undefined => {
  const raw = process.env.AWS_XRAY_DAEMON_ADDRESS?.split(' ').find((part) => !part.startsWith('tcp:'));
  const udp = raw?.replace(/^udp:/, '');
  const colon = udp?.lastIndexOf(':') ?? -1;
  return udp && colon > 0 ? { host: udp.slice(0, colon), port: Number(udp.slice(colon + 1)) } : undefined;
};

/** Where the current invocation's subsegments go, or `undefined` when nothing must be sent. */
const destination = () => {
  const trace = traceHeader();
  const to = daemon();
  return trace?.sampled && trace.root && trace.parent && to ? { ...to, trace_id: trace.root, parent_id: trace.parent } : undefined;
};

/** Sends one finished subsegment; fire and forget (a lost datagram loses a trace span, never a request). */
const send = (to: NonNullable<ReturnType<typeof destination>>, subsegment: Subsegment): void => {
  const { host, port, ...ids } = to;
  const document = { ...subsegment, ...ids, type: 'subsegment', id: randomBytes(8).toString('hex') };
  if (socket === undefined) {
    socket = createSocket('udp4');
    socket.on('error', () => {});
    socket.unref();
  }
  try {
    socket.send(`{"format":"json","version":1}\n${JSON.stringify(document)}`, port, host);
  } catch {
    // A malformed daemon address throws here, synchronously: tracing must never fail the call it describes.
  }
};

const seconds = (): number => Date.now() / 1000;

/** The error flags X-Ray reads: throttle (429 or a throttling error) and error for 4xx, fault for 5xx. */
const flags = (status: number | undefined, name?: string): Pick<Subsegment, 'error' | 'fault' | 'throttle'> => {
  if (status === 429 || (name !== undefined && /Throttl|TooManyRequests|ProvisionedThroughputExceeded/.test(name))) return { error: true, throttle: true };
  return status !== undefined && status < 500 ? { error: true } : { fault: true };
};

interface SdkMetadata {
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string; readonly attempts?: number };
}
type SdkNext = (args: { readonly input: unknown }) => Promise<{ readonly output: SdkMetadata }>;

/** Names only, from the command's input: the table and the queue, never keys, items or bodies. */
const resources = (input: unknown): Record<string, string> => {
  const { TableName, QueueUrl } = (input ?? {}) as { TableName?: unknown; QueueUrl?: unknown };
  return { ...(typeof TableName === 'string' ? { table_name: TableName } : {}), ...(typeof QueueUrl === 'string' ? { queue_url: QueueUrl } : {}) };
};

/**
 * The SDK v3 middleware (step `initialize`: the whole call, retries included) that sends one `aws` subsegment per call.
 *
 * @example
 * new DynamoDBClient({}).middlewareStack.add(xrayMiddleware, { step: 'initialize', name: 'carebowXRay' });
 */
export const xrayMiddleware =
  (next: SdkNext, context: { readonly clientName?: string; readonly commandName?: string }) => async (args: { readonly input: unknown }) => {
    const to = destination();
    if (to === undefined) return next(args);
    const start_time = seconds();
    const base = {
      name: (context.clientName ?? 'AWS').replace(/Client$/, ''),
      namespace: 'aws' as const,
      start_time,
    };
    const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
    try {
      const result = await next(args);
      const meta = result.output.$metadata ?? {};
      send(to, {
        ...base,
        end_time: seconds(),
        aws: { operation, ...resources(args.input), ...(meta.requestId ? { request_id: meta.requestId } : {}), retries: Math.max(0, (meta.attempts ?? 1) - 1) },
        ...(meta.httpStatusCode ? { http: { response: { status: meta.httpStatusCode } } } : {}),
      });
      return result;
    } catch (error) {
      const meta = (error as SdkMetadata).$metadata ?? {};
      const status = meta.httpStatusCode;
      send(to, {
        ...base,
        end_time: seconds(),
        aws: { operation, ...resources(args.input), ...(meta.requestId ? { request_id: meta.requestId } : {}) },
        ...(status ? { http: { response: { status } } } : {}),
        ...flags(status, (error as Error)?.name),
      });
      throw error;
    }
  };

/** A client whose middleware stack takes one more `initialize` middleware (every AWS SDK v3 client). */
interface Instrumentable {
  readonly middlewareStack: { add(middleware: never, options: { step: 'initialize'; name: string }): void };
}

/**
 * The client, with one X-Ray subsegment per call. Every SDK client CareBow builds goes through this (a test checks it).
 *
 * @example
 * const kms = traced(new KMSClient({}));
 */
export const traced = <C extends Instrumentable>(client: C): C => {
  client.middlewareStack.add(xrayMiddleware as never, { step: 'initialize', name: 'carebowXRay' });
  return client;
};

/**
 * `fetch` with one `remote` subsegment per call (name: the host; the method and the URL without its query, never the
 * body or headers) and, when the response's headers are in, `onDone` with the time it took in ms.
 *
 * @example
 * new OpenAiTriageModel({ model, apiKey, fetch: tracedFetch(fetch, (ms) => latency(ms)) });
 */
export const tracedFetch =
  (inner: typeof fetch, onDone: (ms: number) => void = () => {}): typeof fetch =>
  async (input, init) => {
    const to = destination();
    const started = performance.now();
    const start_time = seconds();
    const url = new URL(input instanceof Request ? input.url : String(input));
    const base = { name: url.host, namespace: 'remote' as const, start_time };
    const request = { method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url: `${url.origin}${url.pathname}` };
    try {
      const response = await inner(input, init);
      onDone(Math.round(performance.now() - started));
      if (to)
        send(to, { ...base, end_time: seconds(), http: { request, response: { status: response.status } }, ...(response.ok ? {} : flags(response.status)) });
      return response;
    } catch (error) {
      if (to) send(to, { ...base, end_time: seconds(), http: { request }, fault: true });
      throw error;
    }
  };
