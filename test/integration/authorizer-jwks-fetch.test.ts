import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KmsTokenSigner } from '../../shared/adapters/aws/kms-token-signer';
import { kmsSignedAccessToken } from '../helpers/kms-access-token';
import type { JsonWebKeyWithKid } from '../../shared/identity/ports';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * docs/security.md (the AWS key adapters): the authorizer's `jwksUri` fetch over real HTTP, from the app's own JWKS
 * route publishing the KMS stand-in's key (`CAREBOW_KEYS=kms-standin`), through a relay the test can cut: an unknown
 * kid makes it fetch the key set again (at most once per 30 s), and a failed fetch keeps the last key set. Only `Date`
 * is faked, to step over the cooldown and the 300 s cache; the fetch itself is real.
 */
type RelayMode = 'pass' | 'down';

let backend: TestBackend;
let kms: KMSClient;
let relay: Server;
let relayUrl: string;
let mode: RelayMode = 'pass';
let extraKeys: JsonWebKeyWithKid[] = [];
let fetches = 0;
let now = Date.parse('2026-11-27T01:00:00.000Z');

const advance = (seconds: number) => {
  now += seconds * 1000;
  vi.setSystemTime(now);
};
const newKmsSigner = async (): Promise<KmsTokenSigner> => {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
  return new KmsTokenSigner(KeyMetadata!.Arn!, kms);
};
const loadAuthorizer = async () => {
  vi.resetModules();
  vi.stubEnv('AUTHORIZER_ISSUERS', JSON.stringify([{ issuer: process.env.AUTH_ISSUER, audience: process.env.AUTH_CLIENT_ID, jwksUri: relayUrl }]));
  vi.stubEnv('AUTHORIZER_JWKS_MAX_AGE_SECONDS', '');
  return (await import('../../functions/identity/authorizer')).handler;
};
const allowed = async (handler: Awaited<ReturnType<typeof loadAuthorizer>>, token: string): Promise<boolean> => {
  try {
    await handler({ type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: 'arn:aws:execute-api:us-east-1:1:api/local/GET/me' });
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now });
  vi.stubEnv('CAREBOW_KEYS', 'kms-standin');
  backend = await startTestBackend();
  kms = new KMSClient({});
  // The relay: the app's JWKS route, plus keys a test publishes, or a dropped connection while it is down.
  relay = createServer(async (request, response) => {
    fetches += 1;
    if (mode === 'down') {
      request.socket.destroy();
      return;
    }
    const published = (await backend.call('GET', '/.well-known/jwks.json')).json as { keys: JsonWebKeyWithKid[] };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [...published.keys, ...extraKeys] }));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  relay?.closeAllConnections();
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  kms?.destroy();
  await backend?.stop();
  vi.unstubAllEnvs();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Function: authorizer, its jwksUri fetch over HTTP (KMS stand-in keys)', () => {
  it('fetches again for an unknown kid after the cooldown, and keeps the last key set while the JWKS is unreachable', async () => {
    // Prepare: a KMS-signed login token, and a second KMS key not yet published
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { userId, accessToken } = await signUp(backend, 'jwks-fetch@example.com');
    const next = await newKmsSigner();
    const neverPublished = await newKmsSigner();
    const handler = await loadAuthorizer();
    const first = await allowed(handler, accessToken);
    const fetchesAtStart = fetches;

    // Act 1: the next key's token before it is published, then after, within and past the 30 s cooldown
    const unknownKid = await allowed(handler, await kmsSignedAccessToken(next, userId));
    extraKeys = [await next.publicJwk()];
    advance(10);
    const withinCooldown = await allowed(handler, await kmsSignedAccessToken(next, userId));
    advance(21);
    const afterCooldown = await allowed(handler, await kmsSignedAccessToken(next, userId));
    const fetchesAfterRefresh = fetches;

    // Act 2: the JWKS goes unreachable when the cache is due
    mode = 'down';
    advance(300);
    const loginTokenDuringOutage = await allowed(handler, accessToken);
    const nextTokenDuringOutage = await allowed(handler, await kmsSignedAccessToken(next, userId));
    const strangerDuringOutage = await allowed(handler, await kmsSignedAccessToken(neverPublished, userId));
    // Unknown kids during the outage: no fetch each (this was one fetch per token before the fix)
    for (let attempt = 0; attempt < 3; attempt += 1) await allowed(handler, await kmsSignedAccessToken(neverPublished, userId));
    const fetchesDuringOutage = fetches;
    advance(30);
    mode = 'pass';
    const afterOutage = await allowed(handler, accessToken);

    // Assess
    expect([first, fetchesAtStart]).toEqual([true, 1]);
    expect([unknownKid, withinCooldown, afterCooldown]).toEqual([false, false, true]);
    expect(fetchesAfterRefresh).toBe(2);
    expect([loginTokenDuringOutage, nextTokenDuringOutage, strangerDuringOutage]).toEqual([true, true, false]);
    expect(fetchesDuringOutage).toBe(3);
    expect([afterOutage, fetches]).toEqual([true, 4]);
  });
});
