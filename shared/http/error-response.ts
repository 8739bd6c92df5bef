import type { APIGatewayProxyResult } from 'aws-lambda';
import { CareBowError, ConflictError, NotFoundError, RequestTimeoutError, RetryLaterError, TooManyRequestsError } from '../errors';
import { DataKeyDestroyedError, UnknownDataSubjectError } from '../vault/errors';
import { isTransientFailure } from './transient-failure';

/** Outcomes of other modules that mean something to a caller. */
const asHttpError = (error: unknown): unknown => {
  // A crypto-shredded user's records are gone for good, and a user this deployment never provisioned
  // (a trusted external issuer's token, no account here) has none: for a caller, both are "not found".
  if (error instanceof DataKeyDestroyedError || error instanceof UnknownDataSubjectError) return new NotFoundError();
  // middy's early time-out (just before Lambda's) and AbortSignal.timeout() both throw a bare `TimeoutError`: the
  // request ran out of time. An SDK call's own time-out has the same name but carries `$metadata` (the SDK's retries
  // decorate it): a dependency that did not answer, mapped below.
  if (error instanceof Error && error.name === 'TimeoutError' && !('$metadata' in error)) return new RequestTimeoutError();
  // A dependency still throttling, failing or unreachable after the SDK's retries: send it again later (ADR 0020).
  // The AWS error's name and message stay in the log line, never in the body.
  if (!(error instanceof CareBowError) && isTransientFailure(error)) {
    return new RetryLaterError('service_unavailable', 'A service CareBow depends on is busy or unavailable; retry shortly.');
  }
  return error;
};

/**
 * Maps any thrown value to the JSON error response: the one place typed outcomes become HTTP.
 * A 5xx never exposes its cause; the request id lets support find the log line.
 */
export const errorResponse = (thrown: unknown, requestId: string): APIGatewayProxyResult => {
  const error = asHttpError(thrown);
  const known = error instanceof CareBowError;
  const statusCode = known ? error.status : 500;
  const exposeDetails = known && statusCode < 500 && error.details !== undefined;
  // A busy or timed-out 503 says so (its message is written for callers); any other 5xx hides its cause.
  const exposeMessage = known && (statusCode < 500 || error instanceof RetryLaterError || error instanceof RequestTimeoutError);
  const body = {
    error: {
      code: known ? error.code : 'internal_error',
      message: exposeMessage ? error.message : 'Something went wrong. Quote the request id if you contact support.',
      requestId,
      ...(exposeDetails ? { details: error.details } : {}),
    },
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  // Every 429 says when to retry: the limit's own wait when it knows it (lockout, AI quota); so does every 503 (ADR 0020),
  // jittered 1–3 s when it has no wait of its own, so that the callers it refused do not all come back at once; and a
  // 409 that passes by itself (an Idempotency-Key still in progress) says when it will.
  const retryAfter =
    error instanceof TooManyRequestsError || error instanceof RetryLaterError || error instanceof RequestTimeoutError || error instanceof ConflictError
      ? error.retryAfterSeconds
      : statusCode === 429
        ? 1
        : statusCode === 503
          ? 1 + Math.floor(Math.random() * 3)
          : undefined;
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  return { statusCode, headers, body: JSON.stringify(body) };
};
