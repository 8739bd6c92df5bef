import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { baseConfigSchema } from '../config';
import { readConfig } from '../env-schema';
import { CareBowError, ForbiddenError } from '../errors';
import type { AuditLog } from '../audit/ports';
import * as z from '../zod';
import type { Schema } from '../zod';
import { log, stackFrames } from '../logger';
import { stdoutLine } from '../observability/emf';
import { requestMetricsLine } from '../observability/request-metrics';
import { authorize, callerFrom } from './caller';
import { errorResponse } from './error-response';
import { normalizedHeaders, parseRequest } from './parse-request';
import { rateLimitHeaders, stageThrottle } from './rate-limit';
import { securityHeaders } from './security-headers';
import type { HttpReply, HttpRequest } from './request';
import type { Access, CallerOf, Parsed, Route, RouteDef } from './route';

const { CORS_ALLOWED_ORIGINS } = readConfig(baseConfigSchema());
const STAGE_THROTTLE = stageThrottle();
/** Until this execution environment's first response (`ColdStart`). */
let coldStart = true;

/** The handler of one route: its request typed by the route's schemas and access. */
export type RouteHandler<A extends Access, B, Q, P> = (request: HttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>, CallerOf<A>>) => Promise<HttpReply>;

export interface HttpRouteOptions {
  /** Where authorization denials are recorded; required on every protected route. */
  readonly audit?: AuditLog;
}
type Internal = { startedAt: number };

const requestIdOf = (event: APIGatewayProxyEvent): string => event.requestContext?.requestId ?? 'unknown';

/** Headers of every response of a route: CORS (only for allowed origins), the request id, the route's limits. */
const baseHeaders = (event: APIGatewayProxyEvent, limits: Record<string, string>): Record<string, string> => {
  const origin = normalizedHeaders(event)['origin'];
  const headers: Record<string, string> = { Vary: 'Origin', ...limits, 'X-Request-Id': requestIdOf(event) };
  if (origin !== undefined && CORS_ALLOWED_ORIGINS.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    // Bearer tokens, no cookies: credentials mode is never needed. Let clients read these.
    headers['Access-Control-Expose-Headers'] = `Retry-After, ETag, X-Request-Id, ${Object.keys(limits).join(', ')}`;
  }
  return headers;
};

/** Logs one access line per request and turns every error into the JSON error body. Runs last on errors. */
const accessLogAndErrors = (
  route: RouteDef,
  routeId: string,
  audit: AuditLog | undefined,
  limits: Record<string, string>,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context, Internal> => {
  const finish = (request: { event: APIGatewayProxyEvent; response: APIGatewayProxyResult | null | undefined; internal: Internal }, error?: unknown): void => {
    const status = request.response?.statusCode ?? 500;
    const fields = {
      requestId: requestIdOf(request.event),
      route: routeId,
      method: route.method,
      status,
      latencyMs: Math.round(performance.now() - request.internal.startedAt),
      userId: callerFrom(request.event)?.userId,
    };
    const errorCode = error instanceof CareBowError ? error.code : undefined;
    if (status >= 500) log.error('request failed', { ...fields, errorName: error instanceof Error ? error.name : 'unknown', errorFrames: stackFrames(error) });
    else log.info('request completed', { ...fields, errorCode });
    // The request's figures beside its log line (ADR 0017): labels only, never the user id.
    stdoutLine(
      requestMetricsLine(
        { route: routeId, status, latencyMs: fields.latencyMs, errorCode, errorName: (error as Error | undefined)?.name, coldStart },
        Date.now(),
      ),
    );
    coldStart = false;
  };
  return {
    before: (request) => {
      request.internal.startedAt = performance.now();
    },
    after: (request) => finish(request),
    onError: async (request) => {
      const caller = callerFrom(request.event);
      if (request.error instanceof ForbiddenError && caller !== undefined && audit !== undefined) {
        // Every authorization denial leaves one audit event; if it cannot, the request fails.
        await audit
          .append({
            action: 'route.denied',
            outcome: 'denied',
            subjectId: caller.userId,
            actor: { userId: caller.userId, roles: [...caller.roles] },
            resource: { type: 'route', id: routeId },
            requestId: requestIdOf(request.event),
            sourceIp: request.event.requestContext?.identity?.sourceIp ?? 'unknown',
          })
          .catch((error: unknown) => {
            request.error = error as Error;
          });
      }
      request.response = errorResponse(request.error, requestIdOf(request.event));
      request.response.headers = { ...request.response.headers, ...baseHeaders(request.event, limits) };
      finish(request, request.error);
    },
  };
};

/**
 * Wraps a route handler in CareBow's HTTP stack: access log and error mapping, security headers,
 * authorization per the route's `access` line, strict request parsing, and response shaping
 * through the route's response schema (unknown fields are stripped, so nothing leaks by accident).
 * Every response, success or error, carries the request id and the route's limits (`route.throttle`,
 * else the stage's; `rate-limit.ts`).
 *
 * @example
 * export const handler = httpRoute(routes.me, async ({ caller, meta }) => ({ body: await getMe(deps, caller, meta) }), { audit: deps.audit });
 */
export const httpRoute = <A extends Access, B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined>(
  route: Route<A, B, Q, P>,
  handle: RouteHandler<A, B, Q, P>,
  options: HttpRouteOptions = {},
) => {
  const routeId = route.id;
  const limits = rateLimitHeaders(route.throttle ?? STAGE_THROTTLE);
  if (!('public' in route.access) && options.audit === undefined) throw new Error(`Route ${routeId} is protected: pass the audit log, its denials are audited`);
  // A public GET route's `cache` makes its successes cacheable; everything else stays `no-store`.
  const cache = route.method === 'GET' && 'public' in route.access ? route.cache : undefined;
  return (
    middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context, Internal>()
      // Registered first so its onError runs last, after the error handler has built the response.
      .use(securityHeaders(cache) as MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context, Internal>)
      .use(accessLogAndErrors(route as RouteDef, routeId, options.audit, limits))
      .handler(async (event) => {
        const caller = callerFrom(event);
        authorize(route.access, caller);
        const parsed = parseRequest(route as RouteDef, event);
        const headers = normalizedHeaders(event);
        const userAgent = headers['user-agent'];
        const reply = await (handle as (request: HttpRequest) => Promise<HttpReply>)({
          ...parsed,
          headers,
          caller,
          meta: {
            requestId: requestIdOf(event),
            sourceIp: event.requestContext?.identity?.sourceIp ?? 'unknown',
            ...(userAgent ? { userAgent: userAgent.slice(0, 256) } : {}),
          },
        });
        const status = reply.status ?? route.status;
        const body = reply.body === undefined || route.response === undefined ? undefined : z.parse(route.response, reply.body);
        return {
          statusCode: status,
          headers: {
            ...baseHeaders(event, limits),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...reply.headers,
          },
          body: body === undefined ? '' : JSON.stringify(body),
        };
      })
  );
};
