import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../shared/adapters/local/outbox-channel';
import { CANARY } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/** POST /api/v1/me/password through the real handler, on dynalite and fauxqs, with the local notifications worker. */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const OLD = 'a perfectly long passphrase';

const account = async () => {
  const email = `pw-${randomUUID().slice(0, 8)}@example.com`;
  return { email, ...(await signUp(backend, email, OLD)) };
};

const change = (token: string, currentPassword: string, newPassword: string) =>
  backend.call('POST', '/api/v1/me/password', { token, body: { currentPassword, newPassword } });

const audits = async (userId: string) =>
  (await backend.items('audit')).filter((event) => event['subjectId'] === userId && event['action'] === 'auth.password_change');

describe('Route: POST /api/v1/me/password', () => {
  it('changes the password: the old one and the old refresh token stop working, one audit event, one e-mail', async () => {
    // Prepare
    const ann = await account();

    // Act
    const response = await change(ann.accessToken, OLD, CANARY.password);
    const oldLogin = await backend.call('POST', '/api/v1/auth/login', { body: { email: ann.email, password: OLD } });
    const newLogin = await backend.call('POST', '/api/v1/auth/login', { body: { email: ann.email, password: CANARY.password } });
    const refresh = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: ann.refreshToken } });

    // Assess
    expect(response.status, response.text).toBe(204);
    expect([oldLogin.status, newLogin.status, refresh.status]).toEqual([401, 200, 401]);
    const events = await audits(ann.userId);
    expect(events).toEqual([expect.objectContaining({ outcome: 'success', reason: 'sessions_revoked:1' })]);
    const stored = JSON.stringify([...(await backend.items('identity')), ...(await backend.items('audit'))]);
    expect(stored).not.toContain(CANARY.password);
    const deadline = Date.now() + 20_000;
    let mail = (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.recipientId === ann.userId && l.type === 'security_password_changed');
    while (mail.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mail = (await readOutbox(backend.dataDir, 10_000)).filter((l) => l.recipientId === ann.userId && l.type === 'security_password_changed');
    }
    expect(mail).toEqual([expect.objectContaining({ channel: 'email', to: ann.email, subject: 'Your CareBow password was changed' })]);
  }, 40_000);

  it('refuses a wrong current password with 400 invalid_credentials, changing nothing, and audits the failure', async () => {
    // Prepare
    const bob = await account();

    // Act
    const response = await change(bob.accessToken, CANARY.password, 'another long passphrase');
    const refresh = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: bob.refreshToken } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('invalid_credentials');
    expect(refresh.status).toBe(200);
    expect(await audits(bob.userId)).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'bad_credentials' })]);
    expect(response.text).not.toContain(CANARY.password);
  });

  it('refuses a weak new password with 400 and the reasons', async () => {
    // Prepare
    const cy = await account();

    // Act
    const response = await change(cy.accessToken, OLD, 'password1234');

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('weak_password');
  });

  it('lets one of two concurrent changes win; the other gets 409', async () => {
    // Prepare
    const dee = await account();

    // Act
    const responses = await Promise.all([
      change(dee.accessToken, OLD, 'first new long passphrase'),
      change(dee.accessToken, OLD, 'second new long passphrase'),
    ]);

    // Assess
    expect(responses.map((r) => r.status).sort()).toEqual([204, 409]);
  });

  it('refuses a call without a token with 401', async () => {
    // Act
    const response = await backend.call('POST', '/api/v1/me/password', { body: { currentPassword: OLD, newPassword: 'another long passphrase' } });

    // Assess
    expect(response.status).toBe(401);
  });
});
