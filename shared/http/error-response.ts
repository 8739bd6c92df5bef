import type { APIGatewayProxyResult } from 'aws-lambda';
import { CareBowError, TooManyRequestsError } from '../errors';

/**
 * Maps any thrown value to the JSON error response: the one place typed outcomes become HTTP.
 * A 5xx never exposes its cause; the request id lets support find the log line.
 */
export const errorResponse = (error: unknown, requestId: string): APIGatewayProxyResult => {
  const known = error instanceof CareBowError;
  const statusCode = known ? error.status : 500;
  const exposeDetails = known && statusCode < 500 && error.details !== undefined;
  const body = {
    error: {
      code: known ? error.code : 'internal_error',
      message: known && statusCode < 500 ? error.message : 'Something went wrong. Quote the request id if you contact support.',
      requestId,
      ...(exposeDetails ? { details: error.details } : {}),
    },
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (error instanceof TooManyRequestsError) headers['Retry-After'] = String(error.retryAfterSeconds);
  return { statusCode, headers, body: JSON.stringify(body) };
};
