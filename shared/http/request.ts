import type { Role } from '../domain/roles';

/** The authenticated caller, as the authorizer vouched for it. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly clientId: string;
  readonly tokenId: string;
}

/** Facts about one request that use cases record in audit events (never PHI). */
export interface RequestMeta {
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent?: string;
}

/** What a route handler receives once the middleware stack has parsed and authorized a request. */
export interface HttpRequest<Body = unknown, Query = unknown, Params = unknown> {
  readonly body: Body;
  readonly query: Query;
  readonly params: Params;
  readonly headers: Readonly<Record<string, string>>;
  /** Present on every non-public route. */
  readonly caller?: Caller;
  readonly meta: RequestMeta;
}

/** What a route handler returns; the stack serializes it. */
export interface HttpReply {
  readonly body?: unknown;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}
