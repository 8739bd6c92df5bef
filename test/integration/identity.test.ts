import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const auditEvents = async (action?: string) => (await backend.items('audit')).filter((event) => action === undefined || event['action'] === action);

describe('Route: POST /api/v1/auth/register', () => {
  it('creates a patient and never stores the password or the plain e-mail as a key', async () => {
    // Act
    const response = await backend.call('POST', '/api/v1/auth/register', {
      body: { email: canaryEmail('reg'), password: CANARY.password, name: CANARY.name },
    });

    // Assess
    expect(response.status).toBe(201);
    expect(response.json.user).toEqual({ id: expect.any(String), email: canaryEmail('reg').toLowerCase(), roles: ['patient'] });
    const raw = JSON.stringify(await backend.items('identity'));
    expect(raw).not.toContain(CANARY.password);
    const claim = (await backend.items('identity')).find((item) => item['kind'] === 'email' && item['userId'] === response.json.user.id);
    expect(String(claim?.['pk'])).toMatch(/^EMAIL#[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a duplicate e-mail regardless of case and surrounding spaces with 409', async () => {
    // Prepare
    await backend.call('POST', '/api/v1/auth/register', { body: { email: 'dup@example.com', password: 'a perfectly long passphrase' } });

    // Act
    const response = await backend.call('POST', '/api/v1/auth/register', { body: { email: '  DUP@Example.COM ', password: 'another long passphrase' } });

    // Assess
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('email_taken');
  });

  it('lets exactly one of many concurrent registrations of one e-mail win', async () => {
    // Prepare
    const usersBefore = (await backend.items('identity')).filter((item) => item['kind'] === 'user').length;

    // Act
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        backend.call('POST', '/api/v1/auth/register', { body: { email: 'race@example.com', password: `a perfectly long passphrase ${i}` } }),
      ),
    );

    // Assess
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const usersAfter = (await backend.items('identity')).filter((item) => item['kind'] === 'user').length;
    expect(usersAfter - usersBefore).toBe(1);
  });

  it('rejects weak passwords with 400 and the reasons, writing nothing', async () => {
    // Prepare
    const before = (await backend.items('identity')).length;

    // Act
    const short = await backend.call('POST', '/api/v1/auth/register', { body: { email: 'weak@example.com', password: 'short' } });
    const common = await backend.call('POST', '/api/v1/auth/register', { body: { email: 'weak@example.com', password: 'password12345678' } });
    const ownEmail = await backend.call('POST', '/api/v1/auth/register', { body: { email: 'weakling@example.com', password: 'my weakling@example.com' } });

    // Assess
    expect(short.status).toBe(400);
    expect(short.json.error.details.map((d: { code: string }) => d.code)).toContain('too_short');
    expect(common.json.error.details.map((d: { code: string }) => d.code)).toContain('common');
    expect(ownEmail.json.error.details.map((d: { code: string }) => d.code)).toContain('contains_email');
    expect((await backend.items('identity')).length).toBe(before);
  });

  it('ignores any attempt to choose a role: unknown fields are refused', async () => {
    // Act
    const response = await backend.call('POST', '/api/v1/auth/register', {
      body: { email: 'sneaky@example.com', password: 'a perfectly long passphrase', roles: ['admin'] },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error.details[0].message).toMatch(/roles/);
  });
});

describe('Route: POST /api/v1/auth/login', () => {
  it('returns a token pair and audits the success', async () => {
    // Prepare
    const { userId } = await signUp(backend, 'login-ok@example.com');

    // Assess
    const events = (await auditEvents('auth.login')).filter((e) => e['subjectId'] === userId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'success', actor: { userId }, requestId: expect.any(String), sourceIp: expect.any(String) });
  });

  it('answers a wrong password and an unknown e-mail with the same generic 401', async () => {
    // Prepare
    await signUp(backend, 'login-wrong@example.com');

    // Act
    const wrongPassword = await backend.call('POST', '/api/v1/auth/login', {
      body: { email: 'login-wrong@example.com', password: 'not the passphrase at all' },
    });
    const unknownEmail = await backend.call('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'not the passphrase at all' } });

    // Assess
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json.error.message).toBe(unknownEmail.json.error.message);
    expect(wrongPassword.json.error.code).toBe(unknownEmail.json.error.code);
  });

  it('throttles an e-mail from one source after repeated failures with 429 and Retry-After, known or not', async () => {
    // Prepare
    await signUp(backend, 'locked@example.com');
    const attempt = (email: string, password = 'definitely wrong passphrase') => backend.call('POST', '/api/v1/auth/login', { body: { email, password } });

    // Act
    for (let i = 0; i < 5; i++) await attempt('locked@example.com');
    for (let i = 0; i < 5; i++) await attempt('ghost@example.com');
    const locked = await attempt('locked@example.com', 'a perfectly long passphrase');
    const ghost = await attempt('ghost@example.com');

    // Assess
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ghost.status).toBe(429);
    const failures = (await auditEvents('auth.login')).filter((e) => e['outcome'] === 'failure');
    expect(failures.length).toBeGreaterThanOrEqual(10);
  });
});

describe('Route: POST /api/v1/auth/refresh', () => {
  it('rotates: the new token works once, the old one is dead', async () => {
    // Prepare
    const { refreshToken } = await signUp(backend, 'rotate@example.com');

    // Act
    const first = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
    const second = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.json.refreshToken } });

    // Assess
    expect(first.status).toBe(200);
    expect(first.json.refreshToken).not.toBe(refreshToken);
    expect(second.status).toBe(200);
  });

  it('revokes the whole family when a rotated token is replayed, and audits the reuse', async () => {
    // Prepare
    const { refreshToken, userId } = await signUp(backend, 'replay@example.com');
    const rotated = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

    // Act
    const replay = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
    const legit = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: rotated.json.refreshToken } });

    // Assess
    expect(replay.status).toBe(401);
    expect(legit.status).toBe(401);
    const reuse = (await auditEvents('auth.refresh_reuse')).filter((e) => e['subjectId'] === userId);
    expect(reuse).toHaveLength(1);
  });

  it('rotates exactly once under concurrent refreshes of the same token', async () => {
    // Prepare
    const { refreshToken } = await signUp(backend, 'concurrent@example.com');

    // Act
    const results = await Promise.all(Array.from({ length: 5 }, () => backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } })));

    // Assess
    const successes = results.filter((r) => r.status === 200).length;
    expect(successes).toBeLessThanOrEqual(1);
    const familyId = refreshToken.split('.')[1];
    const family = (await backend.items('sessions')).find((f) => f['pk'] === `FAMILY#${familyId}`);
    expect(family?.['generation']).toBe(1 + successes);
  });
});

describe('Route: POST /api/v1/auth/logout', () => {
  it('answers 204 and no refresh works afterwards', async () => {
    // Prepare
    const { refreshToken, userId } = await signUp(backend, 'logout@example.com');

    // Act
    const logout = await backend.call('POST', '/api/v1/auth/logout', { body: { refreshToken } });
    const refresh = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

    // Assess
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    expect(refresh.status).toBe(401);
    expect((await auditEvents('auth.logout')).filter((e) => e['subjectId'] === userId && e['outcome'] === 'success')).toHaveLength(1);
  });
});

describe('Route: GET /api/v1/me', () => {
  it('returns the caller’s account without secrets and audits the read', async () => {
    // Prepare
    const { accessToken, userId } = await signUp(backend, 'me@example.com');

    // Act
    const response = await backend.call('GET', '/api/v1/me', { token: accessToken });

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: userId, email: 'me@example.com', roles: ['patient'], createdAt: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await auditEvents('account.read')).filter((e) => e['subjectId'] === userId)).toHaveLength(1);
  });

  it('is 401 without a token', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/me');

    // Assess
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('unauthorized');
  });
});
