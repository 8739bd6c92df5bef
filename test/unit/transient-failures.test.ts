import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientConfig } from '../../shared/adapters/aws/client-config';
import { undoPersistently } from '../../shared/domain/undo';
import { ServiceUnavailableError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';
import { isTransientFailure } from '../../shared/http/transient-failure';

/** An error as the SDK throws it: a name, `$fault` and `$metadata`, its message the service's. */
const sdkError = (name: string, fault: 'client' | 'server', status?: number, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`${name}: the service's own words`), {
    name,
    $fault: fault,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
    ...extra,
  });

/** ADR 0020: transient dependency failures after the SDK's retries are one 503 with Retry-After, decided in one place. */
describe('Function: isTransientFailure', () => {
  it.each([
    ['DynamoDB throttling', sdkError('ProvisionedThroughputExceededException', 'client', 400)],
    ['a throttled request', sdkError('ThrottlingException', 'client', 400)],
    ['SQS throttling', sdkError('RequestThrottled', 'client', 400)],
    ['a DynamoDB 500', sdkError('InternalServerError', 'server', 500)],
    ['a KMS internal error', sdkError('KMSInternalException', 'server', 500)],
    ['a 503 of any name', sdkError('ServiceUnavailable', 'client', 503)],
    ['the SDK request timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
  ])('counts %s as transient', (_label, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a failed condition that escaped', sdkError('ConditionalCheckFailedException', 'client', 400)],
    ['a malformed request', sdkError('ValidationException', 'client', 400)],
    ['a missing table', sdkError('ResourceNotFoundException', 'client', 400)],
    ['a KMS key in the wrong state', sdkError('KMSInvalidStateException', 'client', 400)],
    ['a plain bug', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('leaves %s a 500', (_label, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});

describe('Function: errorResponse (transient failures)', () => {
  it('answers a dependency still throttling after the SDK retries with 503 service_unavailable and Retry-After, hiding its name and message', () => {
    // Act
    const response = errorResponse(sdkError('ProvisionedThroughputExceededException', 'client', 400), 'req-9');

    // Assess
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'service_unavailable', message: 'A service CareBow depends on is busy or unavailable; retry shortly.', requestId: 'req-9' },
    });
    expect(response.body).not.toMatch(/Provisioned|the service's own words/);
  });

  it('keeps a client fault a generic 500 without Retry-After', () => {
    // Act
    const response = errorResponse(sdkError('ValidationException', 'client', 400), 'req-10');

    // Assess
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('internal_error');
    expect(response.headers?.['Retry-After']).toBeUndefined();
  });

  it('gives every 503 a Retry-After of 1 to 3 s, the use cases’ own ServiceUnavailableError included', () => {
    // Act
    const waits = Array.from({ length: 30 }, () => errorResponse(new ServiceUnavailableError(), 'r').headers?.['Retry-After']);

    // Assess
    expect(waits.every((wait) => ['1', '2', '3'].includes(String(wait)))).toBe(true);
  });
});

describe('OpenAPI document: 503', () => {
  it('documents a 503 with Retry-After on every operation', () => {
    // Prepare
    const document = JSON.parse(readFileSync(new URL('../../functions/platform/openapi.generated.json', import.meta.url), 'utf8'));

    // Act
    const operations = Object.values<Record<string, { responses: Record<string, unknown> }>>(document.paths).flatMap((path) => Object.values(path));

    // Assess
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) expect(Object.keys(operation.responses)).toContain('503');
    expect(Object.keys(document.components.responses['503'].headers)).toContain('Retry-After');
  });
});

describe('Function: clientConfig', () => {
  it('bounds every SDK call well inside a route’s 10 s Lambda timeout, retries included', () => {
    // Act
    const config = clientConfig(undefined);

    // Assess
    expect(config).toEqual({ maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_500, throwOnRequestTimeout: true } });
    const worstCaseMs = config.maxAttempts * (config.requestHandler.connectionTimeout + config.requestHandler.requestTimeout);
    expect(worstCaseMs).toBeLessThan(10_000);
  });

  it('gives a local stand-in an endpoint, dummy credentials and the same attempts', () => {
    // Act
    const config = clientConfig('http://127.0.0.1:4567');

    // Assess
    expect(config).toMatchObject({ endpoint: 'http://127.0.0.1:4567', maxAttempts: 3, credentials: { accessKeyId: 'local' } });
    expect(config.requestHandler.throwOnRequestTimeout).toBe(true);
  });
});

describe('Function: undoPersistently', () => {
  it('runs an undo again until it succeeds', async () => {
    // Prepare
    let calls = 0;
    const undo = async () => {
      calls += 1;
      if (calls < 3) throw new Error('store still failing');
    };

    // Act
    await undoPersistently(undo, 3, 0);

    // Assess
    expect(calls).toBe(3);
  });

  it('throws the last error once every attempt failed', async () => {
    // Prepare
    let calls = 0;
    const undo = async () => {
      calls += 1;
      throw new Error(`failure ${calls}`);
    };

    // Act
    const failed = await undoPersistently(undo, 2, 0).catch((error: unknown) => error);

    // Assess
    expect(calls).toBe(2);
    expect((failed as Error).message).toBe('failure 2');
  });
});
