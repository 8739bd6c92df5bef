import { randomUUID } from 'node:crypto';
import type { KmsTokenSigner } from '../../shared/adapters/aws/kms-token-signer';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token for `userId`, signed through KMS by `signer`, in the shape the app issues: the configured issuer and
 * client, a patient, `amr: ['pwd']`, valid 15 minutes from now (`Date.now()`, so a test's fake clock applies).
 *
 * @example
 * const token = await kmsSignedAccessToken(new KmsTokenSigner(keyArn, kms), userId);
 */
export const kmsSignedAccessToken = async (signer: KmsTokenSigner, userId: string): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: process.env.AUTH_ISSUER,
    sub: userId,
    client_id: process.env.AUTH_CLIENT_ID,
    token_use: 'access',
    scope: 'openid carebow/api',
    groups: ['patient'],
    jti: `kms-${randomUUID()}`,
    amr: ['pwd'],
    iat: now,
    nbf: now,
    exp: now + 900,
  };
  const signingInput = `${b64url({ alg: 'ES256', typ: 'JWT', kid: await signer.keyId() })}.${b64url(claims)}`;
  return `${signingInput}.${Buffer.from(await signer.sign(new TextEncoder().encode(signingInput))).toString('base64url')}`;
};
