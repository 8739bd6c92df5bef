import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier, TokenRejectedError } from '../../shared/identity/verify-access-token';

const ISSUER = 'https://issuer.example.com';
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
let kid: string;
let verify: ReturnType<typeof createAccessTokenVerifier>;
const NOW = new Date('2026-11-25T12:00:00Z');
const t = Math.floor(NOW.getTime() / 1000);

beforeAll(async () => {
  const jwk = await exportJWK(keys.publicKey);
  kid = await calculateJwkThumbprint(jwk);
  verify = createAccessTokenVerifier([{ issuer: ISSUER, audience: 'app', jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] } }]);
});

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  sub: 'user-1',
  client_id: 'app',
  token_use: 'access',
  groups: ['patient'],
  scope: 's',
  jti: 'j',
  iat: t,
  exp: t + 900,
  ...overrides,
});
const sign = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid }).sign(keys.privateKey);
const reason = async (token: Promise<string> | string) => {
  try {
    await verify(await token, NOW);
    return 'accepted';
  } catch (error) {
    return error instanceof TokenRejectedError ? error.reason : `unexpected ${String(error)}`;
  }
};

describe('Function: createAccessTokenVerifier', () => {
  it('returns the caller of a valid Cognito-style access token', async () => {
    expect(await verify(await sign(claims()), NOW)).toEqual({ sub: 'user-1', groups: ['patient'], clientId: 'app', scope: 's', jti: 'j', amr: [] });
  });

  it('returns the amr claim’s method names, dropping anything that is not a short lowercase word', async () => {
    expect((await verify(await sign(claims({ amr: ['pwd', 'otp', 'x,otp', 7] })), NOW)).amr).toEqual(['pwd', 'otp']);
  });

  it('reads Cognito groups and an aud claim too', async () => {
    const caller = await verify(await sign(claims({ client_id: undefined, aud: 'app', groups: undefined, 'cognito:groups': ['admin'] })), NOW);
    expect(caller.groups).toEqual(['admin']);
  });

  it('allows at most 60 s of clock skew on exp and nbf', async () => {
    expect(await reason(sign(claims({ exp: t - 59 })))).toBe('accepted');
    expect(await reason(sign(claims({ exp: t - 61 })))).toBe('ERR_JWT_EXPIRED');
    expect(await reason(sign(claims({ nbf: t + 59 })))).toBe('accepted');
    expect(await reason(sign(claims({ nbf: t + 61 })))).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('names why a token is refused (for logs, never for callers)', async () => {
    expect(await reason(sign(claims({ iss: 'https://other.example.com' })))).toBe('issuer');
    expect(await reason(sign(claims({ client_id: 'other' })))).toBe('audience');
    expect(await reason(sign(claims({ token_use: 'id' })))).toBe('token_use');
    expect(await reason('a.b.c')).toBe('malformed_header');
    expect(await reason('x'.repeat(5000))).toBe('length');
    expect(await reason(new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid, jku: 'https://x' }).sign(keys.privateKey))).toBe('forbidden_header');
    expect(await reason(new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: '../etc/passwd' }).sign(keys.privateKey))).toBe('kid');
  });
});
