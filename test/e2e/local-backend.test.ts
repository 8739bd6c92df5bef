import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../shared/domain/totp';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { runToEnd, startLocalProcess, type LocalProcess } from '../helpers/local-process';

/**
 * The newcomer's path over real HTTP against `npm start`'s entry point in its own process, with
 * production scrypt cost: register → login → me → refresh → reuse detection → logout, then a
 * restart that keeps the data, and the operator CLI both beside a running server and alone.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'carebow-e2e-'));
const email = canaryEmail('e2e');
let server: LocalProcess;

const call = async (method: string, path: string, body?: unknown, token?: string) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
};

beforeAll(async () => {
  server = await startLocalProcess(dataDir);
});
afterAll(async () => {
  if (server?.child.exitCode === null) await server.interrupt();
});

describe('npm start: end to end over HTTP', () => {
  let refreshToken: string;
  let rotated: string;
  /** Kept from the MFA enrolment below, for the login after the restart (a code works once; a recovery code too). */
  let recoveryCode: string;

  it('registers, logs in and reads the account', async () => {
    const registered = await call('POST', '/api/v1/auth/register', { email, password: CANARY.password, name: CANARY.name });
    expect(registered.status).toBe(201);
    const login = await call('POST', '/api/v1/auth/login', { email, password: CANARY.password });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    refreshToken = login.json.refreshToken;
    const me = await call('GET', '/api/v1/me', undefined, login.json.accessToken);
    expect(me.status).toBe(200);
    expect(me.json.email).toBe(email);
  });

  it('refreshes, detects reuse of the rotated token, and revokes the family', async () => {
    const refreshed = await call('POST', '/api/v1/auth/refresh', { refreshToken });
    expect(refreshed.status).toBe(200);
    rotated = refreshed.json.refreshToken;
    expect((await call('GET', '/api/v1/me', undefined, refreshed.json.accessToken)).status).toBe(200);
    expect((await call('POST', '/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
    expect((await call('POST', '/api/v1/auth/refresh', { refreshToken: rotated })).status).toBe(401);
  });

  it('logs out: 204, and that session cannot refresh', async () => {
    const login = await call('POST', '/api/v1/auth/login', { email, password: CANARY.password });
    expect((await call('POST', '/api/v1/auth/logout', { refreshToken: login.json.refreshToken })).status).toBe(204);
    expect((await call('POST', '/api/v1/auth/refresh', { refreshToken: login.json.refreshToken })).status).toBe(401);
  });

  it('serves the JWKS, discovery and OpenAPI documents', async () => {
    const jwks = await call('GET', '/.well-known/jwks.json');
    expect(jwks.json.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    const discovery = await call('GET', '/.well-known/openid-configuration');
    expect(discovery.json.jwks_uri).toMatch(/\/\.well-known\/jwks\.json$/);
    const openapi = await call('GET', '/api/v1/openapi.json');
    expect(openapi.json.paths['/api/v1/auth/login'].post).toBeDefined();
  });

  it('keeps a health profile sealed and versioned', async () => {
    const login = await call('POST', '/api/v1/auth/login', { email, password: CANARY.password });
    const put = await call('PUT', '/api/v1/profile', { allergies: [CANARY.name] }, login.json.accessToken);
    expect(put.status).toBe(201);
    expect((await call('GET', '/api/v1/profile', undefined, login.json.accessToken)).json.profile).toEqual({ allergies: [CANARY.name] });
  });

  it('grants a role through the operator CLI while the server runs', async () => {
    const granted = await runToEnd('bin/admin.ts', ['grant', email, 'admin'], { CAREBOW_DATA_DIR: dataDir });
    expect(granted.code).toBe(0);
    const login = await call('POST', '/api/v1/auth/login', { email, password: CANARY.password });
    // An admin must enrol in MFA first (docs/adr/0015-mfa.md), then log in with a code.
    expect((await call('GET', '/api/v1/health/detailed', undefined, login.json.accessToken)).json.error.code).toBe('mfa_enrolment_required');
    const { secret } = (await call('POST', '/api/v1/me/mfa/totp', undefined, login.json.accessToken)).json;
    const code = (offset: number) => hotp(base32Decode(secret), totpStep(Date.now() / 1000) + offset);
    const confirmed = await call('POST', '/api/v1/me/mfa/totp/confirm', { code: code(0) }, login.json.accessToken);
    recoveryCode = confirmed.json.recoveryCodes[0];
    const { challenge } = (await call('POST', '/api/v1/auth/login', { email, password: CANARY.password })).json;
    const tokens = await call('POST', '/api/v1/auth/mfa', { challenge, code: code(1) });
    expect((await call('GET', '/api/v1/health/detailed', undefined, tokens.json.accessToken)).status).toBe(200);
  });

  it('stops cleanly on Ctrl-C, works offline with the CLI, and keeps the data across a restart', async () => {
    const stopped = await server.interrupt();
    expect(stopped.code).toBe(0);
    expect(stopped.output).toContain('CareBow stopped.');

    const revoked = await runToEnd('bin/admin.ts', ['revoke', email, 'admin'], { CAREBOW_DATA_DIR: dataDir });
    expect(revoked.code).toBe(0);
    const rotated = await runToEnd('bin/admin.ts', ['rotate-key', email], { CAREBOW_DATA_DIR: dataDir });
    expect(rotated.output).toContain('version 2');

    server = await startLocalProcess(dataDir);
    const challenged = await call('POST', '/api/v1/auth/login', { email, password: CANARY.password });
    expect(challenged.status).toBe(200);
    const login = await call('POST', '/api/v1/auth/mfa', { challenge: challenged.json.challenge, recoveryCode });
    expect(login.status).toBe(200);
    expect((await call('GET', '/api/v1/health/detailed', undefined, login.json.accessToken)).status).toBe(403);
    // Sealed under key version 1 before the rotation: still opens; rewritten under version 2.
    expect((await call('GET', '/api/v1/profile', undefined, login.json.accessToken)).json.profile).toEqual({ allergies: [CANARY.name] });
    const rewritten = await fetch(`${server.url}/api/v1/profile`, {
      method: 'PUT',
      body: JSON.stringify({ allergies: ['none'] }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.json.accessToken}`, 'if-match': '"1"' },
    });
    expect(rewritten.status).toBe(200);
    expect((await call('GET', '/api/v1/profile', undefined, login.json.accessToken)).json.profile).toEqual({ allergies: ['none'] });
  });
});
