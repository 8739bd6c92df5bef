import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../shared/domain/totp';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { signUp, startTestBackend, type ApiResponse, type TestBackend } from '../helpers/test-backend';
import { registeredAdmin } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const PASSWORD = CANARY.password;
/** The code of the step `offset` steps from now: a step newer than the last used one is still in the ±1 window. */
const codeAt = (secret: string, offset = 0): string => hotp(base32Decode(secret), totpStep(Date.now() / 1000) + offset);
const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
const auditEvents = async (action: string, subjectId: string) =>
  (await backend.items('audit')).filter((event) => event['action'] === action && event['subjectId'] === subjectId);

/** A patient with MFA active: its secret, recovery codes and the step offset to use next (each code works once). */
const enrolled = async (suffix: string) => {
  const email = canaryEmail(suffix);
  const user = await signUp(backend, email, PASSWORD);
  const started = await backend.call('POST', '/api/v1/me/mfa/totp', { token: user.accessToken });
  const secret = String(started.json.secret);
  const confirmed = await backend.call('POST', '/api/v1/me/mfa/totp/confirm', { token: user.accessToken, body: { code: codeAt(secret) } });
  return { ...user, email, secret, started, confirmed, recoveryCodes: confirmed.json.recoveryCodes as string[] };
};
const passwordStep = (email: string): Promise<ApiResponse> => backend.call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
const secondStep = (body: Record<string, string>): Promise<ApiResponse> => backend.call('POST', '/api/v1/auth/mfa', { body });

describe('MFA: enrolment and login (docs/security.md #29)', () => {
  it('enrols, confirms, then logs in with a challenge and a code for tokens whose amr says pwd and otp, kept by refresh', async () => {
    // Prepare
    const ann = await enrolled('mfa-flow');

    // Act
    const challenged = await passwordStep(ann.email);
    const done = await secondStep({ challenge: challenged.json.challenge, code: codeAt(ann.secret, 1) });
    const refreshed = await backend.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: done.json.refreshToken } });

    // Assess
    expect(ann.started.status).toBe(201);
    expect(ann.started.json.otpauthUri).toBe(
      `otpauth://totp/CareBow:${encodeURIComponent(ann.email.toLowerCase())}?secret=${ann.secret}&issuer=CareBow&algorithm=SHA1&digits=6&period=30`,
    );
    expect(ann.confirmed.status).toBe(200);
    expect(ann.recoveryCodes).toHaveLength(10);
    expect(new Set(ann.recoveryCodes).size).toBe(10);
    expect(claimsOf(ann.accessToken)['amr']).toEqual(['pwd']);
    expect(challenged.status).toBe(200);
    expect(challenged.json).toEqual({ mfa_required: true, challenge: expect.stringMatching(/^mc1\./), expiresIn: 300 });
    expect(challenged.json.accessToken).toBeUndefined();
    expect(done.status).toBe(200);
    expect(claimsOf(done.json.accessToken)['amr']).toEqual(['pwd', 'otp']);
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.json.accessToken)['amr']).toEqual(['pwd', 'otp']);
    const logins = await auditEvents('auth.login', ann.userId);
    expect(logins.map((event) => [event['outcome'], event['reason']])).toEqual([
      ['success', undefined],
      ['denied', 'mfa_required'],
      ['success', undefined],
    ]);
    expect((await auditEvents('mfa.enrol', ann.userId)).map((event) => event['outcome'])).toEqual(['success']);
    expect((await auditEvents('mfa.activate', ann.userId)).map((event) => event['outcome'])).toEqual(['success']);
  });

  it('stores the secret sealed and the recovery codes hashed, and never audits either', async () => {
    // Prepare
    const bob = await enrolled('mfa-sealed');

    // Act
    const identity = JSON.stringify(await backend.items('identity'));
    const audit = JSON.stringify(await backend.items('audit'));

    // Assess
    const item = (await backend.items('identity')).find((row) => row['pk'] === `MFA#${bob.userId}`);
    expect(item?.['status']).toBe('active');
    expect(String(item?.['secretSealed'])).not.toContain(bob.secret);
    for (const text of [identity, audit]) {
      expect(text).not.toContain(bob.secret);
      for (const code of bob.recoveryCodes) expect(text).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('refuses a replayed code, an older code and a used challenge with 401, audited as mfa_failed', async () => {
    // Prepare
    const cat = await enrolled('mfa-replay');
    const code = codeAt(cat.secret, 1);
    const first = await secondStep({ challenge: (await passwordStep(cat.email)).json.challenge, code });

    // Act
    const replayed = await secondStep({ challenge: (await passwordStep(cat.email)).json.challenge, code });
    const older = await secondStep({ challenge: (await passwordStep(cat.email)).json.challenge, code: codeAt(cat.secret, 0) });
    const reusedChallenge = await (async () => {
      const challenge = (await passwordStep(cat.email)).json.challenge;
      await secondStep({ challenge, recoveryCode: cat.recoveryCodes[0]! });
      return secondStep({ challenge, recoveryCode: cat.recoveryCodes[1]! });
    })();

    // Assess
    expect(first.status).toBe(200);
    expect([replayed.status, older.status, reusedChallenge.status]).toEqual([401, 401, 401]);
    expect(replayed.json.error.code).toBe('unauthorized');
    const reasons = (await auditEvents('auth.login', cat.userId)).map((event) => event['reason']);
    expect(reasons.filter((reason) => reason === 'mfa_failed')).toHaveLength(2);
    // The challenge's one success; its reuse no longer names the account (audited on an anonymous chain).
    expect(reasons.at(-1)).toBe('recovery_code');
  });

  it('locks the second factor after repeated wrong codes with 429 and Retry-After, even for the right code', async () => {
    // Prepare
    const dan = await enrolled('mfa-lockout');
    const challenge = (await passwordStep(dan.email)).json.challenge;
    const wrong = codeAt(dan.secret, 1) === '000000' ? '111111' : '000000';
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push((await secondStep({ challenge, code: wrong })).status);

    // Act
    const locked = await secondStep({ challenge, code: codeAt(dan.secret, 1) });

    // Assess
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await auditEvents('auth.login', dan.userId)).at(-1)).toMatchObject({ outcome: 'denied', reason: 'locked_out' });
  });

  it('accepts each recovery code once, for tokens with amr pwd and otp', async () => {
    // Prepare
    const eve = await enrolled('mfa-recovery');
    const recoveryCode = eve.recoveryCodes[0]!;

    // Act
    const first = await secondStep({ challenge: (await passwordStep(eve.email)).json.challenge, recoveryCode: recoveryCode.toLowerCase() });
    const again = await secondStep({ challenge: (await passwordStep(eve.email)).json.challenge, recoveryCode });

    // Assess
    expect(first.status).toBe(200);
    expect(claimsOf(first.json.accessToken)['amr']).toEqual(['pwd', 'otp']);
    expect(again.status).toBe(401);
    expect((await auditEvents('auth.login', eve.userId)).map((event) => event['reason'])).toContain('recovery_code');
  });

  it('refuses a second enrolment while MFA is active with 409', async () => {
    // Prepare
    const fay = await enrolled('mfa-twice');

    // Act
    const again = await backend.call('POST', '/api/v1/me/mfa/totp', { token: fay.accessToken });

    // Assess
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('mfa_already_enabled');
  });
});

describe('MFA: disabling', () => {
  it('lets a patient turn MFA off with a current code; the next login gets tokens at once', async () => {
    // Prepare
    const gil = await enrolled('mfa-disable');
    const token = (await secondStep({ challenge: (await passwordStep(gil.email)).json.challenge, code: codeAt(gil.secret, 1) })).json.accessToken;

    // Act
    const wrong = await backend.call('DELETE', '/api/v1/me/mfa', { token, body: { code: codeAt(gil.secret, 1) } });
    const disabled = await backend.call('DELETE', '/api/v1/me/mfa', { token, body: { recoveryCode: gil.recoveryCodes[1]! } });
    const login = await passwordStep(gil.email);

    // Assess
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('invalid_code');
    expect(disabled.status).toBe(204);
    expect(login.json.accessToken).toEqual(expect.any(String));
    expect((await auditEvents('mfa.disable', gil.userId)).map((event) => event['outcome'])).toEqual(['failure', 'success']);
  });
});

describe('MFA: roles that require it', () => {
  it('lets a provider without MFA reach only enrolment and its account (403 mfa_enrolment_required elsewhere), then log in with otp', async () => {
    // Prepare
    const email = canaryEmail('mfa-provider');
    const user = await signUp(backend, email, PASSWORD);
    const admin = (await registeredAdmin(backend)).token;
    expect((await backend.call('POST', `/api/v1/admin/users/${user.userId}/roles`, { token: admin, body: { action: 'grant', role: 'provider' } })).status).toBe(
      200,
    );
    const token = (await passwordStep(email)).json.accessToken;

    // Act
    const other = await backend.call('GET', '/api/v1/practitioners/me', { token });
    const feedback = await backend.call('POST', '/api/v1/feedback', { token, body: { rating: 5 } });
    const me = await backend.call('GET', '/api/v1/me', { token });
    const started = await backend.call('POST', '/api/v1/me/mfa/totp', { token });
    const confirmed = await backend.call('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code: codeAt(started.json.secret) } });
    const challenged = await passwordStep(email);
    const done = await secondStep({ challenge: challenged.json.challenge, code: codeAt(started.json.secret, 1) });
    const afterwards = await backend.call('GET', '/api/v1/practitioners/me', { token: done.json.accessToken });
    const disable = await backend.call('DELETE', '/api/v1/me/mfa', { token: done.json.accessToken, body: { code: codeAt(started.json.secret, 2) } });

    // Assess
    expect(claimsOf(token)['amr']).toEqual(['pwd']);
    expect([other.status, other.json.error.code]).toEqual([403, 'mfa_enrolment_required']);
    expect([feedback.status, feedback.json.error.code]).toEqual([403, 'mfa_enrolment_required']);
    expect([me.status, started.status, confirmed.status]).toEqual([200, 201, 200]);
    expect(challenged.json.mfa_required).toBe(true);
    expect(afterwards.status).toBe(404);
    expect([disable.status, disable.json.error.code]).toEqual([403, 'mfa_mandatory']);
    const denied = (await backend.items('audit')).filter((event) => event['action'] === 'route.denied' && event['subjectId'] === user.userId);
    expect(denied).toHaveLength(2);
  });

  it('refuses the sensitive routes (role changes, audit search and verify, break-glass) to a session without otp with 403 mfa_required', async () => {
    // Prepare
    const admin = await tokenFor(backend.dataDir, 'admin-pwd-only', ['patient', 'admin'], ['pwd']);
    const compliance = await tokenFor(backend.dataDir, 'compliance-pwd-only', ['patient', 'compliance'], ['pwd']);
    const provider = await tokenFor(backend.dataDir, 'provider-pwd-only', ['patient', 'provider'], ['pwd']);
    const patientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

    // Act
    const responses = await Promise.all([
      backend.call('POST', `/api/v1/admin/users/${patientId}/roles`, { token: admin, body: { action: 'grant', role: 'provider' } }),
      backend.call('GET', `/api/v1/audit/events?subjectId=${patientId}`, { token: compliance }),
      backend.call('GET', `/api/v1/audit/verify?subjectId=${patientId}`, { token: compliance }),
      backend.call('POST', `/api/v1/patients/${patientId}/break-glass`, { token: provider, body: { reason: 'unconscious patient in the emergency room' } }),
    ]);

    // Assess
    expect(responses.map((response) => [response.status, response.json.error?.code])).toEqual(Array(4).fill([403, 'mfa_required']));
  });
});
