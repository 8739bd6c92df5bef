import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import type { JSONWebKeySet } from 'jose';
import { JWKS_CACHE_SECONDS, JWKS_REFRESH_COOLDOWN_SECONDS } from '../../shared/domain/signing-key-ring';
import { createAccessTokenVerifier, TokenRejectedError, type TrustedIssuer } from '../../shared/identity/verify-access-token';
import { readAuthorizerIssuers, readJwksMaxAgeSeconds, type AuthorizerIssuer } from './authorizer-config';
import { mfaContext } from '../../shared/identity/mfa-context';

const issuers = readAuthorizerIssuers(process.env.AUTHORIZER_ISSUERS);
const maxAgeMs = readJwksMaxAgeSeconds(process.env.AUTHORIZER_JWKS_MAX_AGE_SECONDS, JWKS_CACHE_SECONDS) * 1000;
const cooldownMs = Math.min(maxAgeMs, JWKS_REFRESH_COOLDOWN_SECONDS * 1000);

/** Keys come from config; a `jwksUri` (from config, never from a token) is re-read when older than the max age. */
const loadKeys = async (issuer: AuthorizerIssuer): Promise<TrustedIssuer> => {
  if (issuer.jwks !== undefined) return { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks as JSONWebKeySet };
  const response = await fetch(issuer.jwksUri!, { signal: AbortSignal.timeout(3000), redirect: 'error' });
  if (!response.ok) throw new Error(`JWKS fetch failed with ${response.status}`);
  return { issuer: issuer.issuer, audience: issuer.audience, jwks: (await response.json()) as JSONWebKeySet };
};

// Key rotation (ADR 0013) publishes a new key JWKS_CACHE_SECONDS before it signs, so a key set this old is refreshed;
// an unknown kid refreshes it sooner. Either fetches at most once per cooldown after the last attempt, failed or not:
// a failed refresh keeps the last key set (a JWKS outage must not sign everyone out), and tokens with unknown kids
// during an outage must not turn into one fetch each (test/integration/authorizer-jwks-fetch.test.ts).
type Verifier = ReturnType<typeof createAccessTokenVerifier>;
type Loaded = { readonly at: number; readonly value: Promise<Verifier> };
let verifier: Loaded | undefined;
let lastGood: { readonly at: number; readonly verifier: Verifier } | undefined;
let attemptedAt = Number.NEGATIVE_INFINITY;
const getVerifier = (refreshOlderThanMs: number): Promise<Verifier> => {
  const now = Date.now();
  if (verifier === undefined || (now - verifier.at >= refreshOlderThanMs && now - attemptedAt >= cooldownMs)) {
    attemptedAt = now;
    const loaded: Loaded = { at: now, value: Promise.all(issuers.map(loadKeys)).then(createAccessTokenVerifier) };
    verifier = loaded;
    loaded.value.then(
      (fresh) => {
        lastGood = { at: now, verifier: fresh };
      },
      () => {
        if (verifier !== loaded) return;
        verifier = lastGood === undefined ? undefined : { at: lastGood.at, value: Promise.resolve(lastGood.verifier) };
      },
    );
  }
  const previous = lastGood?.verifier;
  return verifier.value.catch((error: unknown) => {
    if (previous === undefined) throw error;
    return previous;
  });
};

const verify = async (token: string) => {
  try {
    return await (await getVerifier(maxAgeMs))(token);
  } catch (error) {
    if (!(error instanceof TokenRejectedError && error.reason === 'ERR_JWKS_NO_MATCHING_KEY')) throw error;
    return (await getVerifier(cooldownMs))(token);
  }
};

/** Allows every method of this API stage: route-level roles are enforced by each route's function. */
const stageWildcard = (methodArn: string): string => `${methodArn.split('/').slice(0, 2).join('/')}/*/*`;

/**
 * API Gateway TOKEN authorizer: verifies the bearer access token and hands the caller to the
 * route as context. Any failure is `Unauthorized` (401), never a 500 and never a reason.
 * Logs a reason code only (no token); written with console to stay free of the AWS SDK and small.
 */
export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(event.authorizationToken ?? '');
  try {
    if (match === null) throw new TokenRejectedError('scheme');
    const caller = await verify(match[1]!);
    return {
      principalId: caller.sub,
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcard(event.methodArn) }] },
      context: { sub: caller.sub, groups: caller.groups.join(','), clientId: caller.clientId, scope: caller.scope, jti: caller.jti, ...mfaContext(caller) },
    };
  } catch (error) {
    const reason = error instanceof TokenRejectedError ? error.reason : 'verifier_unavailable';
    console.log(JSON.stringify({ level: 'INFO', message: 'token rejected', reason }));
    throw new Error('Unauthorized');
  }
};
