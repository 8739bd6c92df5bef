/**
 * Time limits of every SDK call (ADR 0020). Without them a call waits for the SDK's default socket timeout (5
 * minutes for DynamoDB, 15 for SQS), far past a route's 10 s Lambda timeout, so a hung connection ends as a
 * Lambda timeout (a 502 without a body) instead of a clear 503. With them one call, retries included, gives up
 * within 3 × 1.5 s plus the back-off (≤ 1.5 s): about 6 s.
 */
const CONNECTION_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 1_500;
/** The stand-ins share one busy process with the functions (and, in tests, with other suites): more slack, unless a test sets it. */
const LOCAL_REQUEST_TIMEOUT_MS = 5_000;
/** Attempts per call, the first included (DynamoDB's SDK default is 4, whose throttling back-off alone can take 7 s). */
const MAX_ATTEMPTS = 3;

const requestHandler = (requestTimeout: number) => ({ connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout, throwOnRequestTimeout: true });

/** `SDK_REQUEST_TIMEOUT_MS` (local stand-ins only): a whole number of milliseconds, else the local default. */
const localRequestTimeout = (): number => {
  const configured = Number(process.env.SDK_REQUEST_TIMEOUT_MS);
  return Number.isInteger(configured) && configured >= 100 && configured <= 60_000 ? configured : LOCAL_REQUEST_TIMEOUT_MS;
};

/**
 * SDK client settings: the time limits and attempts above; in AWS nothing else (the function's role and region);
 * for a local stand-in an endpoint, a region and dummy credentials (dynalite and fauxqs accept any).
 *
 * @example
 * const sqs = new SQSClient(clientConfig(config.SQS_ENDPOINT));
 */
export const clientConfig = (endpoint: string | undefined) =>
  endpoint === undefined
    ? { maxAttempts: MAX_ATTEMPTS, requestHandler: requestHandler(REQUEST_TIMEOUT_MS) }
    : {
        maxAttempts: MAX_ATTEMPTS,
        requestHandler: requestHandler(localRequestTimeout()),
        endpoint,
        region: process.env.AWS_REGION ?? 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      };
