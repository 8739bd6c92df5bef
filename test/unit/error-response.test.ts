import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditAppendError } from '../../shared/adapters/aws/dynamo-audit-log';
import { CareBowError, NotFoundError, RetryLaterError, TooManyRequestsError, ValidationError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';
import { DataKeyDestroyedError, DataKeyMissingError, UnknownDataSubjectError } from '../../shared/vault/errors';

describe('Function: errorResponse', () => {
  it('maps typed errors to their status with code, message, request id and safe details', () => {
    const response = errorResponse(new ValidationError('bad', [{ path: 'email', message: 'Invalid' }]), 'req-1');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'invalid_request', message: 'bad', requestId: 'req-1', details: [{ path: 'email', message: 'Invalid' }] },
    });
    expect(errorResponse(new NotFoundError(), 'r').statusCode).toBe(404);
  });

  it('adds Retry-After to 429', () => {
    expect(errorResponse(new TooManyRequestsError(12.2), 'r').headers).toMatchObject({ 'Retry-After': '13' });
  });

  it('adds Retry-After to every 429, even one that does not say when', () => {
    expect(errorResponse(new CareBowError(429, 'too_many_requests', 'Slow down.'), 'r').headers).toMatchObject({ 'Retry-After': '1' });
    expect(errorResponse(new NotFoundError(), 'r').headers?.['Retry-After']).toBeUndefined();
  });

  it('answers an audit chain out of append retries with 503 audit_busy and a jittered 1-3 s Retry-After, never a 500', () => {
    // Act
    const responses = Array.from({ length: 50 }, () => errorResponse(new AuditAppendError(), 'req-7'));

    // Assess
    const waits = new Set(responses.map((response) => response.headers?.['Retry-After']));
    expect(responses.every((response) => response.statusCode === 503)).toBe(true);
    expect([...waits].every((wait) => ['1', '2', '3'].includes(String(wait)))).toBe(true);
    expect(waits.size).toBeGreaterThan(1);
    expect(JSON.parse(responses[0]!.body)).toEqual({
      error: { code: 'audit_busy', message: 'Too many requests for this record at once; retry shortly.', requestId: 'req-7' },
    });
    expect(errorResponse(new RetryLaterError('busy', 'Busy.', 4.2), 'r').headers).toMatchObject({ 'Retry-After': '5' });
  });

  it('answers a time-out (middy’s early one, AbortSignal.timeout()) with 503 timeout and Retry-After, never a 500', () => {
    // Prepare
    const middyTimeout = Object.assign(new Error('[AbortError]: The operation was aborted.'), { name: 'TimeoutError' });
    const signalTimeout = new DOMException('The operation timed out.', 'TimeoutError');

    // Act
    const responses = [errorResponse(middyTimeout, 'req-8'), errorResponse(signalTimeout, 'req-8')];

    // Assess
    for (const response of responses) {
      expect(response.statusCode).toBe(503);
      expect(response.headers).toMatchObject({ 'Retry-After': '2' });
      expect(JSON.parse(response.body).error).toMatchObject({ code: 'timeout', requestId: 'req-8' });
      expect(JSON.parse(response.body).error.message).toContain('may have taken effect');
    }
  });

  it('answers an SDK call’s own time-out (a TimeoutError with $metadata) as the dependency being unavailable, not the request’s', () => {
    // Prepare
    const sdkTimeout = Object.assign(new Error('Request did not complete within 1500 ms'), { name: 'TimeoutError', $metadata: { attempts: 3 } });

    // Act
    const response = errorResponse(sdkTimeout, 'req-9');

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers).toHaveProperty('Retry-After');
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'service_unavailable', requestId: 'req-9' });
    expect(response.body).not.toContain('1500');
  });

  it('answers 404 for a caller whose data is gone or was never here, 500 for an inconsistent key store', () => {
    // Act
    const shredded = errorResponse(new DataKeyDestroyedError(), 'r');
    const neverProvisioned = errorResponse(new UnknownDataSubjectError(), 'r');
    const missingVersion = errorResponse(new DataKeyMissingError(), 'r');

    // Assess
    expect([shredded.statusCode, neverProvisioned.statusCode, missingVersion.statusCode]).toEqual([404, 404, 500]);
    expect(JSON.parse(neverProvisioned.body).error.code).toBe('not_found');
  });

  it('never exposes an unknown error: generic message and the request id only', () => {
    const secret = new Error('ConditionalCheckFailed on table carebow-prod-identity for ann@example.com');
    const response = errorResponse(secret, 'req-9');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('ann@example.com');
    expect(response.body).not.toContain('carebow-prod');
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'internal_error', requestId: 'req-9' });
  });
});

describe('Function: httpRoute: the route’s limits on every response, Retry-After on every 429', () => {
  // http-route reads its configuration at import: the stage's default throttle is 25/s, bursts of 50.
  const env = { CAREBOW_STAGE: 'local', CORS_ALLOWED_ORIGINS: 'https://app.example', API_RATE_LIMIT: '25', API_BURST_LIMIT: '50' };
  const load = async () => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    // Fresh modules: the errors thrown must be the classes the fresh http stack knows.
    const [{ httpRoute }, { platformRoutes }, { identityRoutes }, errors] = await Promise.all([
      import('../../shared/http/http-route'),
      import('../../functions/routes/platform'),
      import('../../functions/routes/identity'),
      import('../../shared/errors'),
    ]);
    return { httpRoute, platformRoutes, identityRoutes, errors };
  };
  const event = (body: unknown = null, origin?: string) =>
    ({
      httpMethod: 'POST',
      path: '/',
      body: body === null ? null : JSON.stringify(body),
      isBase64Encoded: false,
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      queryStringParameters: null,
      pathParameters: null,
      requestContext: { requestId: 'req-42', identity: { sourceIp: '192.0.2.1' } },
    }) as unknown as APIGatewayProxyEvent;
  const invoke = (handler: (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>, e: APIGatewayProxyEvent) =>
    handler(e, {} as Context);
  /** What the OpenAPI document promises on every success (`required` in components.headers). */
  const promised = () => {
    const headers = (
      JSON.parse(readFileSync(new URL('../../functions/platform/openapi.generated.json', import.meta.url), 'utf8')) as {
        components: { headers: Record<string, { required?: boolean }> };
      }
    ).components.headers;
    return ['X-Request-Id', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Burst'].filter((name) => headers[name]?.required);
  };

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('sends the stage’s default limits on a route without its own, and the headers the document promises', async () => {
    // Prepare
    const { httpRoute, platformRoutes } = await load();
    const handler = httpRoute(platformRoutes.health, async () => ({ body: { status: 'ok', version: 't', time: new Date().toISOString() } }));

    // Act
    const response = await invoke(handler, { ...event(), httpMethod: 'GET', headers: { origin: 'https://app.example' } } as unknown as APIGatewayProxyEvent);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'RateLimit-Policy': '"route";q=25;w=1',
      'X-RateLimit-Limit': '25',
      'X-RateLimit-Burst': '50',
      'X-Request-Id': 'req-42',
    });
    expect(promised()).toHaveLength(4);
    for (const name of promised()) expect(response.headers?.[name], name).toBeDefined();
    expect(String(response.headers?.['Access-Control-Expose-Headers'])).toContain('RateLimit-Policy, X-RateLimit-Limit, X-RateLimit-Burst');
  });

  it('sends a throttled route’s own limits on a 429, with Retry-After from the limit that was hit', async () => {
    // Prepare
    const { httpRoute, identityRoutes, errors } = await load();
    const handler = httpRoute(identityRoutes.login, async () => {
      throw new errors.TooManyRequestsError(42.5, 'Too many failed attempts; retry later.');
    });

    // Act
    const response = await invoke(handler, event({ email: 'ann@example.com', password: 'correct horse battery staple' }));

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({
      'Retry-After': '43',
      'RateLimit-Policy': '"route";q=10;w=1',
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Burst': '20',
      'X-Request-Id': 'req-42',
    });
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'too_many_requests', requestId: 'req-42' });
  });

  it('answers a handler that outlives the function’s time with 503 timeout and Retry-After, not 500', async () => {
    // Prepare
    const { httpRoute, identityRoutes } = await load();
    const handler = httpRoute(identityRoutes.login, () => new Promise(() => {})); // never settles, like a handler stuck in a queue
    const nearlyOut = { getRemainingTimeInMillis: () => 30 } as unknown as Context;

    // Act
    const response = await handler(event({ email: 'ann@example.com', password: 'correct horse battery staple' }), nearlyOut);

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '2', 'X-Request-Id': 'req-42', 'X-RateLimit-Limit': '10' });
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'timeout', requestId: 'req-42' });
  });

  it('sends them on every error, a 500 and a 400 included', async () => {
    // Prepare
    const { httpRoute, identityRoutes } = await load();
    const handler = httpRoute(identityRoutes.login, async () => {
      throw new Error('boom');
    });

    // Act
    const failed = await invoke(handler, event({ email: 'ann@example.com', password: 'correct horse battery staple' }));
    const invalid = await invoke(handler, event({ unexpected: true }));

    // Assess
    expect(failed.statusCode).toBe(500);
    expect(invalid.statusCode).toBe(400);
    for (const response of [failed, invalid]) expect(response.headers).toMatchObject({ 'X-RateLimit-Limit': '10', 'RateLimit-Policy': '"route";q=10;w=1' });
  });
});
