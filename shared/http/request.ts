import type { Caller, RequestMeta } from '../domain/caller';

/**
 * What a route handler receives once the middleware stack has parsed and authorized a request.
 * `httpRoute` infers the type parameters from the route line: its schemas and its access.
 */
export interface HttpRequest<Body = unknown, Query = unknown, Params = unknown, TheCaller extends Caller | undefined = Caller | undefined> {
  readonly body: Body;
  readonly query: Query;
  readonly params: Params;
  readonly headers: Readonly<Record<string, string>>;
  /** The authenticated caller: always there on a protected route, `undefined` on a public one. */
  readonly caller: TheCaller;
  readonly meta: RequestMeta;
}

/** What a route handler returns; the stack serializes it. */
export interface HttpReply {
  readonly body?: unknown;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}
