import { AsyncLocalStorage } from 'node:async_hooks';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { Schema } from '../zod';
import { log, stackFrames } from '../logger';
import { httpRoute, type HttpRouteOptions } from './http-route';
import type { HttpRequest } from './request';
import type { Access, CallerOf, Parsed, Route } from './route';

/** One server-sent event: its name and its data, written as one line of JSON. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * The handler of a streaming route: it may refuse the request by throwing (a JSON error, before any byte), else it
 * resolves to its events. `signal` aborts when the client goes away; the events must still end soon after (the stream
 * route reads them to the end, so the handler's own bookkeeping, such as its audit event, runs).
 */
export type StreamRouteHandler<A extends Access, B, Q, P> = (
  request: HttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>, CallerOf<A>> & { readonly signal: AbortSignal },
) => Promise<AsyncIterable<ServerSentEvent> | Iterable<ServerSentEvent>>;

/** What the prelude leaves for the stream: the handler's events (none if it refused) and the client's abort. */
interface Slot {
  readonly controller: AbortController;
  events?: AsyncIterable<ServerSentEvent> | Iterable<ServerSentEvent>;
}
const slots = new AsyncLocalStorage<Slot>();

/** The event sent when the events themselves fail after the headers went out: generic, no internals. */
const INTERNAL_ERROR = { code: 'internal_error', message: 'Something went wrong. Send the message again.' };

export const sse = ({ event, data }: ServerSentEvent): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Wraps a streaming route's handler (`route.stream`) as a Lambda response-streaming function
 * (`awslambda.streamifyResponse`; API Gateway's integration in `STREAM` transfer mode). The prelude is `httpRoute`
 * itself: the same access log, authorization (each denial audited), strict parsing, error mapping and security
 * headers, so everything refused before the stream starts is the usual JSON error with its status. Then the answer
 * is `text/event-stream` with the same headers, each event written and flushed as the handler yields it. A client
 * that goes away aborts the handler's `signal`; the events are still read to their end, written nowhere.
 *
 * @example
 * export const handler = streamRoute(routes.chatStream, async ({ body, caller, meta, signal }) => streamChatMessage(deps, caller, body, meta, signal), { audit: deps.audit });
 */
export const streamRoute = <A extends Access, B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined>(
  route: Route<A, B, Q, P>,
  handle: StreamRouteHandler<A, B, Q, P>,
  options: HttpRouteOptions = {},
) => {
  if (route.stream !== true) throw new Error(`Route ${route.id} does not stream: give its line \`stream: true\``);
  const prelude = httpRoute(
    route,
    async (request) => {
      const slot = slots.getStore()!;
      slot.events = await handle({ ...request, signal: slot.controller.signal });
      return { status: route.status, headers: { 'Content-Type': 'text/event-stream' } };
    },
    options,
  );
  return awslambda.streamifyResponse<APIGatewayProxyEvent>(async (event, responseStream, context: Context) => {
    const slot: Slot = { controller: new AbortController() };
    const { statusCode, headers, body } = await slots.run(slot, () => prelude(event, context));
    const out = awslambda.HttpResponseStream.from(responseStream, { statusCode, headers });
    let open = true;
    const gone = (): void => {
      if (!open) return;
      open = false;
      slot.controller.abort();
    };
    out.on('close', gone);
    out.on('error', gone);
    const ended = new Promise<void>((resolve) => {
      out.once('finish', resolve);
      out.once('close', resolve);
    });
    if (slot.events === undefined) {
      out.end(body);
      return ended;
    }
    // The prelude goes out at once: the client knows the stream started before the model's first token.
    out.write('');
    try {
      for await (const item of slot.events) {
        if (open && !out.write(sse(item)))
          await new Promise((resolve) => {
            out.once('drain', resolve);
            out.once('close', resolve);
          });
      }
    } catch (error) {
      log.error('stream failed', {
        requestId: event.requestContext?.requestId,
        route: route.id,
        errorName: error instanceof Error ? error.name : 'unknown',
        errorFrames: stackFrames(error),
      });
      if (open) out.write(sse({ event: 'error', data: INTERNAL_ERROR }));
    }
    if (open) {
      open = false;
      out.end();
    }
    return ended;
  });
};
