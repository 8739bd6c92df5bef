import { readConfig } from '../env-schema';
import { envSchema, integer, withDefault } from '../env-schema';
import type { Throttle } from './route';

/**
 * The stage's default method throttle, for routes without their own: lib/api.ts passes the stage's
 * (lib/stages.ts) as `API_RATE_LIMIT` and `API_BURST_LIMIT`. Where nothing sets them (the local
 * server, which does not throttle), the Api construct's own defaults stand in.
 */
const DEFAULT_RATE_LIMIT = 10;
const DEFAULT_BURST_LIMIT = 20;
export const STAGE_THROTTLE_DEFAULT: Throttle = { rateLimit: DEFAULT_RATE_LIMIT, burstLimit: DEFAULT_BURST_LIMIT };

const limit = (fallback: number) => withDefault(integer(1, 1_000_000), fallback);

/** Read once per cold start, like all configuration; an invalid value stops the function there. */
export const stageThrottle = (): Throttle => {
  const { API_RATE_LIMIT: rateLimit, API_BURST_LIMIT: burstLimit } = readConfig(
    envSchema({ API_RATE_LIMIT: limit(DEFAULT_RATE_LIMIT), API_BURST_LIMIT: limit(DEFAULT_BURST_LIMIT) }),
  );
  return { rateLimit, burstLimit };
};

/**
 * The headers that tell a client a route's limits, on every response its function sends (success
 * or error). API Gateway throttles each method as a token bucket shared by all callers: `rateLimit`
 * requests per second, bursts of up to `burstLimit`.
 * - `RateLimit-Policy` (IETF httpapi draft): a quota of `rateLimit` per one-second window, the pace
 *   at which a caller on its own is never throttled;
 * - `X-RateLimit-Limit`: the same rate, per second (the header the OWASP ruleset looks for);
 * - `X-RateLimit-Burst`: the bucket's size.
 * The remaining quota is the gateway's and not known to the function, so it is not sent; a 429
 * carries `Retry-After` (`error-response.ts`).
 *
 * @example
 * rateLimitHeaders({ rateLimit: 10, burstLimit: 20 });
 * // { 'RateLimit-Policy': '"route";q=10;w=1', 'X-RateLimit-Limit': '10', 'X-RateLimit-Burst': '20' }
 */
export const rateLimitHeaders = ({ rateLimit, burstLimit }: Throttle): Record<string, string> => ({
  'RateLimit-Policy': `"route";q=${rateLimit};w=1`,
  'X-RateLimit-Limit': `${rateLimit}`,
  'X-RateLimit-Burst': `${burstLimit}`,
});
