import { randomUUID } from 'node:crypto';
import type { Role } from '../domain/roles';
import type { TokenSigner } from './ports';
import { PASSWORD_ONLY } from '../domain/mfa-policy';
/** Scopes every CareBow access token carries; routes authorize by role, not scope. */
export const ACCESS_TOKEN_SCOPE = 'openid carebow/api';

export interface AccessTokenSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly ttlSeconds: number;
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Mints an ES256 access token with Cognito-style claims. Assembled by hand because the signature
 * comes from a remote key (KMS) that jose cannot sign with; verification uses jose.
 *
 * @example
 * const { token } = await mintAccessToken(signer, settings, { userId, roles: ['patient'] }, new Date());
 */
export const mintAccessToken = async (
  signer: TokenSigner,
  settings: AccessTokenSettings,
  subject: { userId: string; roles: readonly Role[]; authTime?: number; amr?: readonly string[] },
  now: Date,
): Promise<{ token: string; expiresIn: number }> => {
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', kid: await signer.keyId() };
  const claims = {
    iss: settings.issuer,
    sub: subject.userId,
    client_id: settings.clientId,
    token_use: 'access',
    scope: ACCESS_TOKEN_SCOPE,
    groups: subject.roles,
    jti: randomUUID(),
    iat,
    nbf: iat,
    exp: iat + settings.ttlSeconds,
    auth_time: subject.authTime ?? iat,
    amr: subject.amr ?? PASSWORD_ONLY,
  };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = await signer.sign(Buffer.from(signingInput));
  return { token: `${signingInput}.${Buffer.from(signature).toString('base64url')}`, expiresIn: settings.ttlSeconds };
};
