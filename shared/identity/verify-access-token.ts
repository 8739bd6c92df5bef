import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

/** An issuer whose access tokens the API accepts, with its public keys. */
export interface TrustedIssuer {
  readonly issuer: string;
  /** Matched against `client_id` (Cognito access tokens) or `aud`. */
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
}

/** What a verified token vouches for. */
export interface VerifiedCaller {
  readonly sub: string;
  readonly groups: string[];
  readonly clientId: string;
  readonly scope: string;
  readonly jti: string;
  /** Authentication methods (`pwd`, `otp`); empty when the token has no `amr`. */
  readonly amr: string[];
}

/** Why a token was refused; a code for logs and tests, never shown to the caller. */
export class TokenRejectedError extends Error {
  public constructor(public readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

const MAX_TOKEN_LENGTH = 4096;
/** Headers that would let a token name its own key or key source (ASVS 9.1): never honoured. */
const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'x5t', 'crit'];
const KID = /^[A-Za-z0-9_-]{1,128}$/;
/** Allowed clock skew between issuer and API (docs/security.md #6). */
export const CLOCK_TOLERANCE_SECONDS = 60;

const reject = (reason: string): never => {
  throw new TokenRejectedError(reason);
};

const decode = <T>(decoder: () => T, reason: string): T => {
  try {
    return decoder();
  } catch {
    return reject(reason);
  }
};

/**
 * Verifies a Cognito-style ES256 access token against a fixed list of issuers: algorithm pinned,
 * key chosen only from the issuer's configured key set (an unknown `kid` is refused without any
 * fetch), `iss`, `client_id`/`aud`, `exp`, `nbf` and `token_use` checked.
 *
 * @example
 * const caller = await createAccessTokenVerifier([{ issuer, audience: 'carebow-dev', jwks }])(token);
 */
export const createAccessTokenVerifier = (issuers: readonly TrustedIssuer[]) => {
  const keySets = new Map(issuers.map((trusted) => [trusted.issuer, { trusted, keys: createLocalJWKSet(trusted.jwks) }]));

  return async (token: string, now: Date = new Date()): Promise<VerifiedCaller> => {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) reject('length');
    const header = decode(() => decodeProtectedHeader(token), 'malformed_header');
    if (header.alg !== 'ES256') reject('algorithm');
    if (FORBIDDEN_HEADERS.some((name) => name in header)) reject('forbidden_header');
    if (typeof header.kid !== 'string' || !KID.test(header.kid)) reject('kid');
    const unverified = decode(() => decodeJwt(token), 'malformed_payload');
    const entry = typeof unverified.iss === 'string' ? keySets.get(unverified.iss) : undefined;
    if (entry === undefined) return reject('issuer');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, entry.keys, {
        algorithms: ['ES256'],
        issuer: entry.trusted.issuer,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: now,
      }));
    } catch (error) {
      return reject(error instanceof Error && 'code' in error ? String(error.code) : 'signature');
    }
    const clientId = typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined;
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
    if (clientId !== entry.trusted.audience && !audiences.includes(entry.trusted.audience)) reject('audience');
    if (payload['token_use'] !== 'access') reject('token_use');
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) reject('subject');
    const groups = payload['groups'] ?? payload['cognito:groups'] ?? [];
    return {
      sub: payload.sub!,
      groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
      clientId: clientId ?? entry.trusted.audience,
      scope: typeof payload['scope'] === 'string' ? payload['scope'] : '',
      jti: typeof payload.jti === 'string' ? payload.jti : '',
      amr: Array.isArray(payload['amr']) ? payload['amr'].filter((value): value is string => typeof value === 'string' && /^[a-z]{1,16}$/.test(value)) : [],
    };
  };
};
