import type { Schema } from '../zod';
import type { Role } from '../domain/roles';
import type { TableName } from '../data/tables';

/** Who may call a route: anyone, or an authenticated caller holding one of `roles`. */
export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

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
  /**
   * The KMS key that wraps per-user data keys (encryption context `purpose=carebow-phi`):
   * `decrypt` unwraps existing keys; `generate` also makes new ones.
   */
  readonly dataKeys?: 'decrypt' | 'generate';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Request headers a route acts on, documented in the OpenAPI document: `Idempotency-Key` (a retry
 * replays the first answer; SECURITY.md #19) and `If-Match` (optimistic concurrency, 412 if stale).
 */
export type RequestHeader = 'Idempotency-Key' | 'If-Match';

/** One line of the route table. */
export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway style path, `{param}` for path parameters. */
  readonly path: string;
  /** Handler module under `functions/`, without extension; it exports `handler`. */
  readonly entry: string;
  readonly access: Access;
  readonly summary: string;
  readonly body?: Schema;
  readonly query?: Schema;
  readonly params?: Schema;
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
}

export const PUBLIC: Access = { public: true };

export const isPublic = (access: Access): access is { readonly public: true } => 'public' in access;

/** The body limit when a route does not set one: identity bodies are a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

type RouteOptions = Omit<RouteDef, 'method' | 'path' | 'entry' | 'access' | 'status' | 'grants' | 'maxBodyBytes'> &
  Partial<Pick<RouteDef, 'status' | 'grants' | 'maxBodyBytes'>>;

/**
 * Builds a route line from `'METHOD /path'`, its handler entry and who may call it.
 *
 * @example
 * route('POST /api/v1/auth/login', 'auth/login', PUBLIC, { summary: 'Log in', body: LoginRequest, response: TokenPair })
 */
export const route = (signature: `${HttpMethod} /${string}`, entry: string, access: Access, options: RouteOptions): RouteDef => {
  const [method, path] = signature.split(/\s+/) as [HttpMethod, string];
  const grants = options.grants ?? {};
  return {
    ...options,
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

