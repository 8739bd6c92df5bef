import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { localTokenSigningKeyPem } from '../../shared/adapters/local/keyring';
import { LocalTokenSigner } from '../../shared/adapters/local/local-token-signer';
import type { Role } from '../../shared/domain/roles';

/**
 * Mints a valid access token from the local issuer's key for any subject and roles, so tests can
 * act as a role without an admin ceremony. Only tests can do this: it needs the keyring file.
 * By default the session passed MFA (`amr: ['pwd', 'otp']`), as every role account's must; pass
 * `amr: ['pwd']` to act as a password-only session (test/integration/mfa.test.ts).
 */
export const tokenFor = async (dataDir: string, userId: string, roles: readonly Role[], amr: readonly string[] = ['pwd', 'otp']): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    client_id: process.env.AUTH_CLIENT_ID,
    token_use: 'access',
    scope: 'openid carebow/api',
    groups: [...roles],
    jti: `test-${now}`,
    amr: [...amr],
  })
    .setProtectedHeader({ alg: 'ES256', kid: await new LocalTokenSigner(dataDir).keyId() })
    .setIssuer(process.env.AUTH_ISSUER!)
    .setSubject(userId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(createPrivateKey(localTokenSigningKeyPem(dataDir)));
};
