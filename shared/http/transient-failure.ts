/**
 * Whether a thrown value is a dependency's transient failure (DynamoDB, SQS, KMS, Secrets Manager, …) that outlived
 * the SDK's own retries: throttling, a 5xx, a timeout, a dropped or refused connection (ADR 0020). Read from the
 * error's shape (its name, the SDK's `$fault` and `$metadata`, Node's `code`), so no SDK is imported here. A
 * client fault (a validation error, a failed condition that escaped) is not transient: it stays a 500 and alarms.
 */

/** The throttling errors of the services CareBow calls (the SDK's own list, less those of services it does not use). */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'LimitExceededException',
  'SlowDown',
]);
/** The SDK's timeouts (requestTimeout, socket timeout) and the services' own. */
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Connections that broke or never opened. */
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/**
 * @example
 * if (isTransientFailure(error)) throw new RetryLaterError('service_unavailable', 'Retry shortly.');
 */
export const isTransientFailure = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const shape = error as SdkErrorShape;
  const name = typeof shape.name === 'string' ? shape.name : '';
  if (THROTTLING.has(name) || TIMEOUTS.has(name)) return true;
  if (typeof shape.code === 'string' && NETWORK.has(shape.code)) return true;
  if (shape.$fault === 'server') return true;
  const status = shape.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500 && status <= 599;
};
