import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readJwksMaxAgeSeconds } from '../../functions/identity/authorizer-config';
import { publishedJwk } from '../../shared/adapters/token-signing-key';
import type { JsonWebKeyWithKid } from '../../shared/identity/ports';

/**
 * The authorizer's JWKS cache (ADR 0013): re-read after 300 s, or on an unknown kid at most every 30 s, so a rotated key
 * is trusted before it signs and an unpublished one stops verifying. `fetch` and `Date` are faked; the module is loaded
 * fresh per test, as a cold start.
 */
const ISSUER = 'https://api.carebow.test';
const JWKS_URI = `${ISSUER}/.well-known/jwks.json`;
const T0 = Date.parse('2026-11-26T22:00:00.000Z');

const newKey = async (): Promise<{ privateKey: KeyObject; jwk: JsonWebKeyWithKid }> => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: await publishedJwk(privateKey) };
};
const tokenOf = (key: { privateKey: KeyObject; jwk: JsonWebKeyWithKid }) => {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: 'carebow-test', token_use: 'access', scope: 'openid carebow/api', groups: ['patient'], jti: 'j' })
    .setProtectedHeader({ alg: 'ES256', kid: key.jwk.kid })
    .setIssuer(ISSUER)
    .setSubject('u1')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 900)
    .sign(key.privateKey);
};

let published: JsonWebKeyWithKid[];
let fetches: number;

const loadAuthorizer = async () => {
  vi.resetModules();
  return (await import('../../functions/identity/authorizer')).handler;
};
const allowed = async (handler: Awaited<ReturnType<typeof loadAuthorizer>>, token: string): Promise<boolean> => {
  try {
    await handler({ type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: 'arn:aws:execute-api:eu-west-1:1:api/dev/GET/me' });
    return true;
  } catch {
    return false;
  }
};
const advance = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  fetches = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetches += 1;
    expect(url).toBe(JWKS_URI);
    return new Response(JSON.stringify({ keys: published }), { status: 200 });
  });
  vi.stubEnv('AUTHORIZER_ISSUERS', JSON.stringify([{ issuer: ISSUER, audience: 'carebow-test', jwksUri: JWKS_URI }]));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('Function: authorizer, its JWKS cache', () => {
  it('trusts a newly published key on its first token, but re-reads the JWKS for unknown kids at most every 30 s', async () => {
    // Prepare
    const a = await newKey();
    const b = await newKey();
    published = [a.jwk];
    const handler = await loadAuthorizer();
    expect(await allowed(handler, await tokenOf(a))).toBe(true);

    // Act
    const unknownTooSoon = await allowed(handler, await tokenOf(b));
    published = [b.jwk, a.jwk];
    advance(10);
    const stillTooSoon = await allowed(handler, await tokenOf(b));
    advance(20);
    const afterCooldown = await allowed(handler, await tokenOf(b));

    // Assess
    expect([unknownTooSoon, stillTooSoon, afterCooldown]).toEqual([false, false, true]);
    expect(fetches).toBe(2);
  });

  it('keeps an unpublished key until its cache is 300 s old, then refuses its tokens', async () => {
    // Prepare
    const a = await newKey();
    const b = await newKey();
    published = [b.jwk, a.jwk];
    const handler = await loadAuthorizer();
    expect(await allowed(handler, await tokenOf(a))).toBe(true);
    published = [b.jwk];

    // Act
    advance(299);
    const cached = await allowed(handler, await tokenOf(a));
    advance(1);
    const refreshed = await allowed(handler, await tokenOf(a));

    // Assess
    expect(cached).toBe(true);
    expect(refreshed).toBe(false);
    expect(await allowed(handler, await tokenOf(b))).toBe(true);
    expect(fetches).toBe(2);
  });

  it('keeps the last key set when a refresh fails, and tries again 30 s later', async () => {
    // Prepare
    const a = await newKey();
    published = [a.jwk];
    const handler = await loadAuthorizer();
    expect(await allowed(handler, await tokenOf(a))).toBe(true);
    vi.stubGlobal('fetch', async () => {
      fetches += 1;
      return new Response('unavailable', { status: 503 });
    });

    // Act
    advance(300);
    const duringOutage = await allowed(handler, await tokenOf(a));
    advance(10);
    const beforeRetry = await allowed(handler, await tokenOf(a));
    const fetchesBeforeRetry = fetches;
    advance(20);
    const atRetry = await allowed(handler, await tokenOf(a));

    // Assess
    expect([duringOutage, beforeRetry, atRetry]).toEqual([true, true, true]);
    expect(fetchesBeforeRetry).toBe(2);
    expect(fetches).toBe(3);
  });

  it('fetches at most once per 30 s during a JWKS outage, however many tokens with unknown kids arrive', async () => {
    // Prepare
    const a = await newKey();
    const stranger = await newKey();
    published = [a.jwk];
    const handler = await loadAuthorizer();
    expect(await allowed(handler, await tokenOf(a))).toBe(true);
    vi.stubGlobal('fetch', async () => {
      fetches += 1;
      return new Response('unavailable', { status: 503 });
    });
    advance(300);
    expect(await allowed(handler, await tokenOf(a))).toBe(true);

    // Act
    const refused: boolean[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) refused.push(await allowed(handler, await tokenOf(stranger)));

    // Assess
    expect(refused).toEqual([false, false, false, false, false]);
    expect(fetches).toBe(2);
  });

  it('refuses every token while no key set was ever loaded', async () => {
    // Prepare
    const a = await newKey();
    vi.stubGlobal('fetch', async () => new Response('unavailable', { status: 503 }));
    const handler = await loadAuthorizer();

    // Act
    const refused = await allowed(handler, await tokenOf(a));

    // Assess
    expect(refused).toBe(false);
  });

  it('uses a shorter cache when AUTHORIZER_JWKS_MAX_AGE_SECONDS says so, and never a longer one', () => {
    // Act + Assess
    expect(readJwksMaxAgeSeconds(undefined, 300)).toBe(300);
    expect(readJwksMaxAgeSeconds('0', 300)).toBe(0);
    expect(() => readJwksMaxAgeSeconds('301', 300)).toThrow('AUTHORIZER_JWKS_MAX_AGE_SECONDS');
    expect(() => readJwksMaxAgeSeconds('1.5', 300)).toThrow('AUTHORIZER_JWKS_MAX_AGE_SECONDS');
  });
});
