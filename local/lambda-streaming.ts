import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';

/**
 * The two pieces of the Lambda Node.js runtime a response-streaming function uses (`awslambda.streamifyResponse`,
 * `awslambda.HttpResponseStream.from`), for the local API server: a streamed route's answer is written to the HTTP
 * response as the function writes it, each write sent at once. A client that goes away destroys the function's
 * stream (its `close` event), as the runtime does when the connection drops.
 */

/** The mark the Lambda runtime looks for on a streaming handler. */
export const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

/** What `HttpResponseStream.from` sets: the status and headers, written before the first byte of the body. */
interface Prelude {
  readonly statusCode?: number;
  readonly headers?: Record<string, unknown>;
}

/** The response stream handed to a streaming handler: a Writable onto the local server's HTTP response. */
export class LocalResponseStream extends Writable {
  public prelude: Prelude = {};

  public constructor(private readonly response: ServerResponse) {
    super();
    response.on('close', () => {
      if (!response.writableFinished) this.destroy();
    });
  }

  /** Writes the status and headers once, and sends them at once. */
  private begin(): void {
    if (this.response.headersSent) return;
    const headers = Object.fromEntries(Object.entries(this.prelude.headers ?? {}).map(([name, value]) => [name, String(value)]));
    this.response.writeHead(this.prelude.statusCode ?? 200, headers);
    this.response.flushHeaders();
  }

  public override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.begin();
    if (chunk.length === 0) callback();
    else this.response.write(chunk, (error) => callback(error ?? null));
  }

  public override _final(callback: (error?: Error | null) => void): void {
    this.begin();
    this.response.end(() => callback());
  }
}

/** Installs the `awslambda` global's streaming pieces (once) as the Lambda runtime provides them; handler modules use them when they load. */
export const installLambdaStreaming = (): void => {
  // The AWS SDK's invoke store may have made the global already (with its `InvokeStore` only): add to it.
  const global = globalThis as { awslambda?: Record<string, unknown> };
  global.awslambda ??= {};
  const awslambda = global.awslambda;
  awslambda['streamifyResponse'] ??= <H extends object>(handler: H): H => Object.assign(handler, { [STREAMING]: 'response' });
  awslambda['HttpResponseStream'] ??= {
    from: (stream: LocalResponseStream, prelude: Prelude): LocalResponseStream => {
      stream.prelude = prelude;
      return stream;
    },
  };
};
