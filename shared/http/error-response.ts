import type { APIGatewayProxyResult } from 'aws-lambda';
import { CareBowError, NotFoundError, RequestTimeoutError, RetryLaterError, TooManyRequestsError } from '../errors';
import { DataKeyDestroyedError, UnknownDataSubjectError } from '../vault/errors';

/** Outcomes of other modules that mean something to a caller. */
const asHttpError = (error: unknown): unknown =>
  // A crypto-shredded user's records are gone for good, and a user this deployment never provisioned
  // (a trusted external issuer's token, no account here) has none: for a caller, both are "not found".
  error instanceof DataKeyDestroyedError || error instanceof UnknownDataSubjectError
    ? new NotFoundError()
    : // middy's early time-out (just before Lambda's) and AbortSignal.timeout() both throw a `TimeoutError`.
      error instanceof Error && error.name === 'TimeoutError'
      ? new RequestTimeoutError()
      : error;

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
  // Every 429 says when to retry: the limit's own wait when it knows it (lockout, AI quota); so does a busy 503.
  const retryAfter =
    error instanceof TooManyRequestsError || error instanceof RetryLaterError || error instanceof RequestTimeoutError
      ? error.retryAfterSeconds
      : statusCode === 429
        ? 1
        : undefined;
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  return { statusCode, headers, body: JSON.stringify(body) };
};
