import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayProxyResult, APIGatewayTokenAuthorizerEvent, Context } from 'aws-lambda';
import type { RouteDef } from '../shared/http/route';
import { isPublic } from '../shared/http/route';
import { SECURITY_HEADERS } from '../shared/http/security-headers';
import { lambdaContext, toProxyEvent } from './proxy-event';
import { serveDocs } from './docs-page';
import { serveDevOutbox } from './dev-outbox';
import { installLambdaStreaming, LocalResponseStream } from './lambda-streaming';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
/** A route line with `stream: true` exports this instead (Lambda response streaming). */
type StreamingHandler = (event: APIGatewayProxyEvent, stream: LocalResponseStream, context: Context) => Promise<void>;
type Authorizer = (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

/** API Gateway's own payload limit; routes enforce their much smaller limits themselves. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const FUNCTIONS_DIR = join(import.meta.dirname, '..', 'functions');

/** Headers API Gateway's gateway responses carry (configured in lib/api.ts). */
const GATEWAY_HEADERS = { 'Content-Type': 'application/json', ...SECURITY_HEADERS };

interface CompiledRoute {
  readonly id: string;
  readonly route: RouteDef;
  readonly pattern: RegExp;
  readonly paramNames: string[];
}

const compile = (id: string, route: RouteDef): CompiledRoute => {
  const paramNames: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    paramNames.push(name);
    return '([^/]+)';
  });
  return { id, route, paramNames, pattern: new RegExp(`^${source}$`) };
};

const readBody = (request: IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** A path parameter's value, or `undefined` when its percent-encoding does not decode (invalid UTF-8, a stray `%`). */
const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

const gatewayError = (response: ServerResponse, status: number, code: string, message: string): void => {
  response.writeHead(status, GATEWAY_HEADERS);
  response.end(JSON.stringify({ error: { code, message, requestId: randomUUID() } }));
};

export interface ApiServerOptions {
  readonly routes: Readonly<Record<string, RouteDef>>;
  readonly port: number;
  readonly corsOrigins: readonly string[];
  /** Resolves a route's handler; defaults to importing `functions/<entry>.ts` like Lambda would. */
  readonly loadHandler?: (route: RouteDef) => Promise<ProxyHandler>;
  /** Serves `GET /api/v1/dev/outbox` from this data dir's outbox (local stage only; never a route of the table). */
  readonly devOutboxDataDir?: string;
}

export interface ApiServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const importHandler = async (entry: string): Promise<ProxyHandler> => {
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(FUNCTIONS_DIR, `${entry}.ts`)).href)) as { handler: ProxyHandler };
  return module.handler;
};

/**
 * The local API Gateway: matches a request against the route table, runs the real authorizer
 * for protected routes, and invokes the route's handler module with a REST proxy event. Like
 * API Gateway, it answers unknown routes, missing tokens and refused tokens itself.
 */
export const startApiServer = async (options: ApiServerOptions): Promise<ApiServer> => {
  const compiled = Object.entries(options.routes).map(([id, route]) => compile(id, route));
  // Streaming handlers call `awslambda.streamifyResponse` when they load, as in the Lambda runtime.
  installLambdaStreaming();
  const load = options.loadHandler ?? ((route: RouteDef) => importHandler(route.entry));
  const handlers = new Map<string, Promise<ProxyHandler>>();
  const handlerFor = (route: RouteDef): Promise<ProxyHandler> => {
    if (!handlers.has(route.entry)) handlers.set(route.entry, load(route));
    return handlers.get(route.entry)!;
  };
  // Loaded on first use, like a cold start: the runtime sets the authorizer's config after binding the port.
  let authorizer: Promise<Authorizer> | undefined;
  const authorize = (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    authorizer ??= import('../functions/identity/authorizer').then((module) => (module as { handler: Authorizer }).handler);
    return authorizer.then((handler) => handler(event));
  };

  const preflight = (request: IncomingMessage, response: ServerResponse, methods: string[]): void => {
    const origin = request.headers.origin;
    const headers: Record<string, string> = { Vary: 'Origin', 'Cache-Control': 'no-store' };
    if (origin !== undefined && options.corsOrigins.includes(origin)) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': methods.join(','),
        'Access-Control-Allow-Headers': 'Authorization,Content-Type,Idempotency-Key,If-Match',
        'Access-Control-Max-Age': '600',
      });
    }
    response.writeHead(204, headers).end();
  };

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // The API reference (GET /docs): local only, no route of the route table, so never deployed.
    if (serveDocs(request, response, url.pathname)) return;
    // What the local notifications worker "sent": local only, no route of the route table, so never deployed.
    if (options.devOutboxDataDir !== undefined && (await serveDevOutbox(request, response, url, options.devOutboxDataDir))) return;
    const candidates = compiled.filter((entry) => entry.pattern.test(url.pathname));
    if (request.method === 'OPTIONS' && candidates.length > 0)
      return preflight(
        request,
        response,
        candidates.map((c) => c.route.method),
      );
    const match = candidates.find((entry) => entry.route.method === request.method);
    if (match === undefined) return gatewayError(response, 404, 'not_found', 'No such route.');

    const body = await readBody(request);
    if (body === undefined) return gatewayError(response, 413, 'payload_too_large', 'The request is too large.');
    const values = match.pattern.exec(url.pathname)!.slice(1).map(decodeSegment);
    // A segment that is not percent-encoded UTF-8 (`%FF`, a lone surrogate's bytes) is the client's mistake, never a 502.
    if (values.includes(undefined)) return gatewayError(response, 400, 'bad_request', 'The path is not valid percent-encoded UTF-8.');
    const pathParameters = match.paramNames.length === 0 ? null : Object.fromEntries(match.paramNames.map((name, i) => [name, values[i]!]));

    let authorizerContext: Record<string, string> | null = null;
    if (!isPublic(match.route.access)) {
      const token = request.headers.authorization;
      if (token === undefined) return gatewayError(response, 401, 'unauthorized', 'Unauthorized');
      try {
        const result = await authorize({
          type: 'TOKEN',
          authorizationToken: token,
          methodArn: `arn:aws:execute-api:local:000000000000:local/local/${match.route.method}${match.route.path}`,
        });
        authorizerContext = { principalId: result.principalId, ...(result.context as Record<string, string>) };
      } catch {
        return gatewayError(response, 401, 'unauthorized', 'Unauthorized');
      }
    }

    const event = toProxyEvent(
      { method: request.method!, url, headers: request.headers, body, sourceIp: request.socket.remoteAddress ?? '127.0.0.1' },
      match.route.path,
      pathParameters,
      authorizerContext,
    );
    if (match.route.stream === true) {
      // Written to the response as the function writes it; a client that goes away destroys the function's stream.
      installLambdaStreaming();
      const handler = (await handlerFor(match.route)) as unknown as StreamingHandler;
      await handler(event, new LocalResponseStream(response), lambdaContext(`carebow-local-${match.id}`));
      if (!response.writableEnded) response.end();
      return;
    }
    const result = await (await handlerFor(match.route))(event, lambdaContext(`carebow-local-${match.id}`));
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name] = values.map(String);
    response.writeHead(result.statusCode, headers);
    response.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  };

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      // The handler stack turns errors into responses; reaching here means the local runtime broke.
      if (!response.headersSent) gatewayError(response, 502, 'bad_gateway', 'The function failed.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
