import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import type { JSONWebKeySet } from 'jose';
import { createAccessTokenVerifier, TokenRejectedError, type TrustedIssuer } from '../../shared/identity/verify-access-token';
import { readAuthorizerIssuers, type AuthorizerIssuer } from './authorizer-config';
import { mfaContext } from '../../shared/identity/mfa-context';

const issuers = readAuthorizerIssuers(process.env.AUTHORIZER_ISSUERS);

/** Keys come from config; a `jwksUri` (from config, never from a token) is read once per cold start. */
const loadKeys = async (issuer: AuthorizerIssuer): Promise<TrustedIssuer> => {
  if (issuer.jwks !== undefined) return { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks as JSONWebKeySet };
  const response = await fetch(issuer.jwksUri!, { signal: AbortSignal.timeout(3000), redirect: 'error' });
  if (!response.ok) throw new Error(`JWKS fetch failed with ${response.status}`);
  return { issuer: issuer.issuer, audience: issuer.audience, jwks: (await response.json()) as JSONWebKeySet };
};

let verifier: Promise<ReturnType<typeof createAccessTokenVerifier>> | undefined;
const getVerifier = () => {
  verifier ??= Promise.all(issuers.map(loadKeys)).then(createAccessTokenVerifier);
  verifier.catch(() => {
    verifier = undefined;
  });
  return verifier;
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
    const caller = await (await getVerifier())(match[1]!);
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
