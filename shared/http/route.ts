import type { output } from 'zod/v4/core';
import type { Schema } from '../zod';
import type { Caller } from '../domain/caller';
import type { Role } from '../domain/roles';
import type { TableName } from '../data/tables';

/** A route anyone may call, without a token. */
export interface PublicAccess {
  readonly public: true;
}

/** A route for an authenticated caller holding one of `roles`. */
export interface RoleAccess {
  readonly roles: readonly Role[];
  /**
   * The second factor (docs/adr/0015-mfa.md). By default an account whose roles require MFA must
   * have used it (else 403 `mfa_enrolment_required`); `otp`: every caller must have used it in
   * this session (sensitive routes, else 403 `mfa_required`); `enrol`: open to accounts that have
   * not enrolled yet (enrolment itself, `me`).
   */
  readonly mfa?: 'otp' | 'enrol';
}

/** Who may call a route: anyone, or an authenticated caller holding one of `roles`. */
export type Access = PublicAccess | RoleAccess;

/** API Gateway method throttling override (requests per second, burst). */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * What a route's function may touch. The CDK API turns each entry into a grant, so a function
 * holds only what its route declares; nothing else is ever granted.
 */
export interface Grants {
  /**
   * `read`, `readWrite`, or `append`: PutItem plus the reads (GetItem, Query, also on indexes)
   * that finding a chain's head and searching the trail need; never an update or a delete.
   */
  readonly tables?: Partial<Record<TableName, 'read' | 'readWrite' | 'append'>>;
  /** `DescribeTable` on these tables (health probes). */
  readonly describeTables?: readonly TableName[];
  /** `sign` also allows reading the public key; `publicKey` only reads it; `describe` probes it. */
  readonly tokenSigningKey?: 'sign' | 'publicKey' | 'describe';
  /** Reads the HMAC key of the e-mail blind index. */
  readonly blindIndexSecret?: true;
  /** `probe` reads queue attributes; `send` enqueues. */
  readonly triageQueue?: 'probe' | 'send';
  /** `send` enqueues a chat message (ids only) for the chat worker's model reply. */
  readonly chatQueue?: 'send';
  /**
   * The KMS key that wraps per-user data keys (encryption context `purpose=carebow-phi`):
   * `decrypt` unwraps existing keys; `generate` also makes new ones.
   */
  readonly dataKeys?: 'decrypt' | 'generate';
  /** `send` enqueues notification events (ids only) on the notifications queue. */
  readonly notificationsQueue?: 'send';
  /** `read` reads the model API key secret (the streamed chat calls the model itself; the stage must enable the model). */
  readonly modelApiKey?: 'read';
  /** `send` enqueues a rebuild of the public content library (posts' rendering and the search index). */
  readonly contentQueue?: 'send';
  /** `manage` creates, replaces and deletes appointments' one-time reminder schedules (EventBridge Scheduler). */
  readonly reminders?: 'manage';
  /** `read` lists and reads the stage's audit digests and the anchor key's public key (ADR 0014); never writes or signs. */
  readonly auditDigests?: 'read';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Request headers a route acts on, documented in the OpenAPI document: `Idempotency-Key` (a retry
 * replays the first answer; docs/security.md #19) and `If-Match` (optimistic concurrency, 412 if stale).
 */
export type RequestHeader = 'Idempotency-Key' | 'If-Match';

/** One line of the route table, typed by its schemas and access (see `route`). */
export interface RouteLine<
  A extends Access = Access,
  B extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
> {
  readonly method: HttpMethod;
  /** API Gateway style path, `{param}` for path parameters. */
  readonly path: string;
  /** Handler module under `functions/`, without extension; it exports `handler`. */
  readonly entry: string;
  readonly access: A;
  readonly summary: string;
  readonly body?: B;
  readonly query?: Q;
  readonly params?: P;
  /** Success response schema; `undefined` for 204. */
  readonly response?: Schema;
  readonly status: number;
  readonly throttle?: Throttle;
  readonly grants: Grants;
  /** Largest accepted body in bytes. */
  readonly maxBodyBytes: number;
  /** Data files beside the handler that ship with its bundle (read at cold start, not bundled as code). */
  readonly bundleFiles?: readonly string[];
  /** Request headers the handler honours; none by default. */
  readonly headers?: readonly RequestHeader[];
  /**
   * Public GET routes only: answers may be cached at the edge (API Gateway's stage cache, keyed on
   * the path and the query schema's parameters) and by browsers for `ttlSeconds`. Every other
   * answer is `Cache-Control: no-store`.
   */
  readonly cache?: { readonly ttlSeconds: number };
  /**
   * The handler streams its response (Lambda response streaming; API Gateway's integration in
   * `STREAM` transfer mode): it exports a streaming handler instead of a buffered one.
   */
  readonly stream?: true;
}

/** A route line with its id: its name in the route table, in logs, metrics and construct ids. */
export type Route<
  A extends Access = Access,
  B extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
> = RouteLine<A, B, Q, P> & { readonly id: string };

/** Any route of the table, with its types erased (the CDK app, the local server, the OpenAPI document). */
export type RouteDef = Route;

/** What a schema slot of a route gives its handler: the parsed value, or `undefined` without a schema. */
export type Parsed<S> = S extends Schema ? output<S> : undefined;

/** The caller a route's handler sees: always present on a protected route, never on a public one. */
export type CallerOf<A extends Access> = A extends RoleAccess ? Caller : undefined;

export const PUBLIC: PublicAccess = { public: true };

export const isPublic = (access: Access): access is PublicAccess => 'public' in access;

/** The body limit when a route does not set one: identity bodies are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

type RouteOptions<B, Q, P> = Omit<RouteLine, 'method' | 'path' | 'entry' | 'access' | 'status' | 'grants' | 'maxBodyBytes' | 'body' | 'query' | 'params'> &
  Partial<Pick<RouteLine, 'status' | 'grants' | 'maxBodyBytes'>> & { readonly body?: B; readonly query?: Q; readonly params?: P };

/**
 * Builds a route line from its id, `'METHOD /path'`, its handler entry and who may call it. The line
 * keeps the types of its schemas and access, so `httpRoute` hands the handler typed `body`, `query`,
 * `params` and (on protected routes) a `caller` that is always there.
 *
 * Each line is its own export of its area's module, marked `@__PURE__`, and its handler imports that
 * line alone: the bundler then drops the other lines, and the contract schemas only they use, from
 * the function's bundle (a zod schema is built when its module loads; docs/architecture.md, "Cold start").
 *
 * @example
 * route('login', 'POST /api/v1/auth/login', 'identity/login', PUBLIC, { summary: 'Log in', body: LoginRequest, response: TokenPair });
 */
export const route = <
  const Id extends string,
  A extends Access,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  id: Id,
  signature: `${HttpMethod} /${string}`,
  entry: string,
  access: A,
  options: RouteOptions<B, Q, P>,
): RouteLine<A, B, Q, P> & { readonly id: Id } => {
  const [method, path] = signature.split(/\s+/) as [HttpMethod, string];
  const grants = options.grants ?? {};
  return {
    ...options,
    id,
    method,
    path,
    entry,
    access,
    status: options.status ?? (method === 'POST' ? 201 : 200),
    // Every protected route audits its denials, so it may append to the audit trail.
    grants: isPublic(access) || grants.tables?.audit !== undefined ? grants : { ...grants, tables: { ...grants.tables, audit: 'append' } },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
};

/**
 * An area's table: its lines keyed by id.
 *
 * @example
 * routeTable([profileGet, profilePut]); // { profileGet, profilePut }
 */
export const routeTable = <const L extends readonly { readonly id: string }[]>(lines: L): { readonly [R in L[number] as R['id']]: R } =>
  Object.fromEntries(lines.map((line) => [line.id, line])) as never;
