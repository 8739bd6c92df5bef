import { createHmac, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTokenSigningKeyPem } from '../../shared/adapters/local/keyring';
import { LocalTokenSigner } from '../../shared/adapters/local/local-token-signer';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * docs/security.md #1, #5, #6: every forged, misused or expired token is refused with 401 by the real
 * authorizer in front of a protected route, never with a 500.
 */
let backend: TestBackend;
let userId: string;
let refreshToken: string;
let kid: string;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  backend = await startTestBackend();
  ({ userId, refreshToken } = await signUp(backend, 'target@example.com'));
  kid = await new LocalTokenSigner(backend.dataDir).keyId();
});
afterAll(async () => {
  await backend?.stop();
});

const validClaims = (): JWTPayload => ({
  iss: process.env.AUTH_ISSUER!,
  sub: userId,
  client_id: 'carebow-local',
  token_use: 'access',
  scope: 'openid carebow/api',
  groups: ['patient'],
  jti: 'test',
  iat: now(),
  nbf: now(),
  exp: now() + 600,
});

/** Signs with the real local issuer key, so only the claim or header under test is wrong. */
const signWithIssuerKey = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, ...header }).sign(createPrivateKey(localTokenSigningKeyPem(backend.dataDir)));

const me = (token: string) => backend.call('GET', '/api/v1/me', { token });

describe('Function: authorizer', () => {
  it('accepts a valid token (the control case)', async () => {
    expect((await me(await signWithIssuerKey(validClaims()))).status).toBe(200);
  });

  it('accepts a token expired less than the 60 s clock skew ago', async () => {
    expect((await me(await signWithIssuerKey({ ...validClaims(), iat: now() - 700, nbf: now() - 700, exp: now() - 30 }))).status).toBe(200);
  });

  const attacks: [string, () => Promise<string>][] = [
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(validClaims())}.`],
    [
      'HS256 signed with the public key',
      async () => {
        const publicJwk = await new LocalTokenSigner(backend.dataDir).publicJwk();
        const input = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(validClaims())}`;
        return `${input}.${createHmac('sha256', JSON.stringify(publicJwk)).update(input).digest('base64url')}`;
      },
    ],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await signWithIssuerKey(validClaims())).split('.');
        return `${header}.${b64({ ...validClaims(), groups: ['admin'] })}.${signature}`;
      },
    ],
    ['an expired token', () => signWithIssuerKey({ ...validClaims(), iat: now() - 2000, nbf: now() - 2000, exp: now() - 120 })],
    ['a token not yet valid', () => signWithIssuerKey({ ...validClaims(), nbf: now() + 300 })],
    ['a wrong issuer', () => signWithIssuerKey({ ...validClaims(), iss: 'https://evil.example.com' })],
    ['a wrong client', () => signWithIssuerKey({ ...validClaims(), client_id: 'someone-else' })],
    ['a wrong token_use', () => signWithIssuerKey({ ...validClaims(), token_use: 'id' })],
    ['a missing sub', () => signWithIssuerKey({ ...validClaims(), sub: undefined })],
    ['a missing exp', () => signWithIssuerKey({ ...validClaims(), exp: undefined })],
    ['an unknown kid', () => signWithIssuerKey(validClaims(), { kid: 'unknown-key-id' })],
    ['a kid crafted as a path', () => signWithIssuerKey(validClaims(), { kid: '../../../../dev/null' })],
    ['a jku header', () => signWithIssuerKey(validClaims(), { jku: 'https://evil.example.com/jwks.json' })],
    ['an x5u header', () => signWithIssuerKey(validClaims(), { x5u: 'https://evil.example.com/cert.pem' })],
    [
      'an embedded jwk of the attacker',
      async () => {
        const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const jwk = await exportJWK(attacker.publicKey);
        return new SignJWT(validClaims()).setProtectedHeader({ alg: 'ES256', kid: await calculateJwkThumbprint(jwk), jwk }).sign(attacker.privateKey);
      },
    ],
    [
      'a token signed by another key with our kid',
      async () => {
        const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        return new SignJWT(validClaims()).setProtectedHeader({ alg: 'ES256', kid }).sign(attacker.privateKey);
      },
    ],
    ['a refresh token as a bearer token', async () => refreshToken],
    ['garbage', async () => 'not-a-jwt'],
  ];

  it.each(attacks)('refuses %s with 401, never 500', async (_name, forge) => {
    // Act
    const response = await me(await forge());

    // Assess
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('unauthorized');
    expect(response.text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a non-Bearer scheme with 401', async () => {
    const token = await signWithIssuerKey(validClaims());
    const response = await backend.call('GET', '/api/v1/me', { headers: { authorization: `Basic ${token}` } });
    expect(response.status).toBe(401);
  });
});
