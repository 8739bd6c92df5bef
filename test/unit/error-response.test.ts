import { describe, expect, it } from 'vitest';
import { NotFoundError, TooManyRequestsError, ValidationError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';

describe('Function: errorResponse', () => {
  it('maps typed errors to their status with code, message, request id and safe details', () => {
    const response = errorResponse(new ValidationError('bad', [{ path: 'email', message: 'Invalid' }]), 'req-1');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'invalid_request', message: 'bad', requestId: 'req-1', details: [{ path: 'email', message: 'Invalid' }] } });
    expect(errorResponse(new NotFoundError(), 'r').statusCode).toBe(404);
  });

  it('adds Retry-After to 429', () => {
    expect(errorResponse(new TooManyRequestsError(12.2), 'r').headers).toMatchObject({ 'Retry-After': '13' });
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
