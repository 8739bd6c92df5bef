import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResult } from 'aws-lambda';

/**
 * The security headers of a JSON API (OWASP Secure Headers for APIs): HTTPS only, no sniffing,
 * no framing, no referrer, no caching of responses that may hold PHI, and a CSP that forbids
 * everything, since nothing here is meant to render. Written here rather than taken from
 * `@middy/http-security-headers`: that middleware is built for HTML and adds ~40 browser policy
 * directives to every response and 5 KB to every function, which the bundle budgets cannot spare.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};

/**
 * Adds {@link SECURITY_HEADERS} to every response, success or error; a route cannot drop them. With
 * `cache` (a public GET route's `route.cache`), a success (2xx) is `Cache-Control: public, max-age=<ttl>`
 * instead of `no-store` (and without `Pragma`); its errors stay `no-store`.
 */
export const securityHeaders = (cache?: { readonly ttlSeconds: number }): MiddlewareObj<unknown, APIGatewayProxyResult> => {
  const apply = (request: { response: APIGatewayProxyResult | null | undefined }): void => {
    if (request.response) request.response.headers = { ...request.response.headers, ...SECURITY_HEADERS };
  };
  const after = (request: { response: APIGatewayProxyResult | null | undefined }): void => {
    apply(request);
    if (cache === undefined || !request.response || request.response.statusCode >= 300) return;
    const { Pragma: _pragma, ...headers } = request.response.headers ?? {};
    request.response.headers = { ...headers, 'Cache-Control': `public, max-age=${cache.ttlSeconds}` };
  };
  return { after, onError: apply };
};
