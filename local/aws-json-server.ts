import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback';

/**
 * An error a stand-in answers the way AWS's JSON 1.1 protocol does: `400` and `{ "__type", "message" }`, which the SDK
 * turns into an exception of that name (e.g. `InvalidCiphertextException`).
 */
export class AwsJsonError extends Error {
  public constructor(
    public readonly type: string,
    message: string,
    public readonly status = 400,
  ) {
    super(message);
    this.name = 'AwsJsonError';
  }
}

/** One operation: the parsed JSON body in, the JSON answer out (or an {@link AwsJsonError}). */
export type AwsJsonOperation = (input: Record<string, unknown>) => unknown;

/** A running stand-in: its endpoint (for `AWS_ENDPOINT_URL_<SERVICE>`) and the operations it was asked, in order. */
export interface AwsJsonServer {
  readonly endpoint: string;
  /** Every `X-Amz-Target` operation received, e.g. `['GenerateDataKey', 'Decrypt']` (for "how many calls" figures). */
  readonly calls: string[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const reply = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AwsJsonError('ValidationException', 'The request is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Serves an AWS JSON 1.1 service on 127.0.0.1 (a free port): `POST /` with `X-Amz-Target: <prefix>.<Operation>`, a
 * SigV4-signed request (the signature is not checked: any credentials pass, as with dynalite), JSON in and out.
 * An unknown operation is `400 UnknownOperationException`; a thrown {@link AwsJsonError} is its own answer; anything
 * else is `500 InternalFailure` (a bug in the stand-in, never a stack trace on the wire).
 *
 * @example
 * const kms = await serveAwsJson('TrentService', { DescribeKey: (input) => ({ KeyMetadata: … }) });
 * process.env.AWS_ENDPOINT_URL_KMS = kms.endpoint;
 */
export const serveAwsJson = async (targetPrefix: string, operations: Readonly<Record<string, AwsJsonOperation>>): Promise<AwsJsonServer> => {
  const calls: string[] = [];
  const server: Server = createServer(async (request, response) => {
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = await readBody(request);
      if (request.method !== 'POST') throw new AwsJsonError('UnknownOperationException', 'Only POST is served');
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '))
        throw new AwsJsonError('MissingAuthenticationTokenException', 'The request is not signed');
      const [prefix, name = ''] = target.split('.');
      const operation = prefix === targetPrefix && Object.hasOwn(operations, name) ? operations[name] : undefined;
      if (operation === undefined) throw new AwsJsonError('UnknownOperationException', `Unknown operation ${target}`);
      calls.push(name);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        throw new AwsJsonError('SerializationException', 'The body is not JSON');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new AwsJsonError('SerializationException', 'The body is not an object');
      reply(response, 200, await operation(input as Record<string, unknown>));
    } catch (error) {
      if (error instanceof AwsJsonError) reply(response, error.status, { __type: error.type, message: error.message });
      else reply(response, 500, { __type: 'InternalFailure', message: 'The stand-in failed' });
    }
  });
  return { ...(await listenOnLoopback(server)), calls };
};

/** A required string field of a request, else `ValidationException` naming it. */
export const requiredString = (input: Record<string, unknown>, field: string): string => {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) throw new AwsJsonError('ValidationException', `${field} is required`);
  return value;
};

/** A required blob field (base64 on the wire), else `ValidationException` naming it. */
export const requiredBlob = (input: Record<string, unknown>, field: string): Buffer => Buffer.from(requiredString(input, field), 'base64');
