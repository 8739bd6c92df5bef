import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../shared/domain/totp';
import type { Caller } from '../../shared/domain/caller';
import { authorize, callerFrom } from '../../shared/http/caller';
import { login } from '../../shared/identity/login';
import { completeMfaLogin } from '../../shared/identity/mfa-login';
import { confirmTotpEnrolment, disableMfa, startTotpEnrolment } from '../../shared/identity/mfa-enrolment';
import { mfaContext } from '../../shared/identity/mfa-context';
import { register } from '../../shared/identity/register';
import { inMemoryIdentity, META } from '../helpers/in-memory';

const input = { email: 'ann@example.com', password: 'a perfectly long passphrase' };
const NOW = new Date('2026-11-25T12:00:00Z');
const codeAt = (secret: string, offset = 0) => hotp(base32Decode(secret), totpStep(NOW.getTime() / 1000) + offset);
const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

/** A registered patient and its caller, on fakes (the clock stands still at NOW). */
const world = async () => {
  const identity = inMemoryIdentity({ clock: { now: () => NOW } });
  const { user } = await register(identity.deps, input, META);
  const caller: Caller = { userId: user.id, roles: ['patient'], clientId: 'app', tokenId: 't' };
  return { ...identity, caller };
};

describe('Use case: startTotpEnrolment / confirmTotpEnrolment', () => {
  it('stores the secret sealed and pending, then activates it with a first code and ten recovery codes stored as hashes', async () => {
    // Prepare
    const { deps, caller, mfa, events } = await world();

    // Act
    const { secret } = await startTotpEnrolment(deps, caller, META);
    const pending = mfa.enrolments.get(caller.userId);
    const { recoveryCodes } = await confirmTotpEnrolment(deps, caller, codeAt(secret), META);

    // Assess
    expect(pending).toMatchObject({ status: 'pending' });
    expect(pending?.secretSealed).not.toContain(secret);
    const active = mfa.enrolments.get(caller.userId);
    expect(active).toMatchObject({ status: 'active', lastStep: totpStep(NOW.getTime() / 1000) });
    expect(recoveryCodes).toHaveLength(10);
    expect(active?.recoveryHashes).toHaveLength(10);
    expect(JSON.stringify(active)).not.toContain(recoveryCodes[0]);
    expect(events.slice(1).map((e) => [e.action, e.outcome])).toEqual([
      ['mfa.enrol', 'success'],
      ['mfa.activate', 'success'],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('refuses a wrong first code with 400 invalid_code, counted toward the lockout, and stays pending', async () => {
    // Prepare
    const { deps, caller, mfa } = await world();
    const { secret } = await startTotpEnrolment(deps, caller, META);
    const wrong = codeAt(secret, 5);

    // Act
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await confirmTotpEnrolment(deps, caller, wrong, META).catch((error) => error.code));

    // Assess
    expect(attempts).toEqual(['invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'too_many_requests']);
    expect(mfa.enrolments.get(caller.userId)?.status).toBe('pending');
  });

  it('undoes the activation when its audit append fails', async () => {
    // Prepare
    const { deps, caller, mfa } = await world();
    const { secret } = await startTotpEnrolment(deps, caller, META);

    // Act
    const attempt = confirmTotpEnrolment({ ...deps, audit: failingAudit }, caller, codeAt(secret), META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(mfa.enrolments.get(caller.userId)).toBeUndefined();
  });
});

describe('Use case: login with MFA / completeMfaLogin', () => {
  it('answers the password with a challenge, and the challenge and a newer code with tokens once', async () => {
    // Prepare
    const { deps, caller, events, families } = await world();
    const { secret } = await startTotpEnrolment(deps, caller, META);
    await confirmTotpEnrolment(deps, caller, codeAt(secret), META);

    // Act
    const first = await login(deps, input, META);
    const challenge = 'challenge' in first ? first.challenge : '';
    const replayStep = await completeMfaLogin(deps, { challenge, code: codeAt(secret) }, META).catch((error) => error.status);
    const tokens = await completeMfaLogin(deps, { challenge, code: codeAt(secret, 1) }, META);
    const again = await completeMfaLogin(deps, { challenge, code: codeAt(secret, 1) }, META).catch((error) => error.status);

    // Assess
    expect(first).toEqual({ mfa_required: true, challenge: expect.stringMatching(/^mc1\./), expiresIn: 300 });
    expect(replayStep).toBe(401);
    expect(tokens.tokenType).toBe('Bearer');
    expect(again).toBe(401);
    expect([...families.values()].map((family) => family.amr)).toEqual([['pwd', 'otp']]);
    expect(events.filter((e) => e.action === 'auth.login').map((e) => [e.outcome, e.reason])).toEqual([
      ['denied', 'mfa_required'],
      ['failure', 'mfa_failed'],
      ['success', undefined],
      ['failure', 'mfa_challenge_invalid'],
    ]);
  });

  it('refuses an expired challenge', async () => {
    // Prepare
    let now = NOW;
    const { deps, caller } = await world();
    const clocked = { ...deps, clock: { now: () => now } };
    const { secret } = await startTotpEnrolment(clocked, caller, META);
    await confirmTotpEnrolment(clocked, caller, codeAt(secret), META);
    const first = await login(clocked, input, META);
    now = new Date(NOW.getTime() + 301_000);

    // Act
    const late = completeMfaLogin(
      clocked,
      { challenge: 'challenge' in first ? first.challenge : '', code: hotp(base32Decode(secret), totpStep(now.getTime() / 1000)) },
      META,
    );

    // Assess
    await expect(late).rejects.toMatchObject({ status: 401 });
  });
});

describe('Use case: disableMfa', () => {
  it('refuses an account whose roles require MFA with 403 mfa_mandatory, and removes a patient’s with a recovery code', async () => {
    // Prepare
    const { deps, caller, mfa } = await world();
    const { secret } = await startTotpEnrolment(deps, caller, META);
    const { recoveryCodes } = await confirmTotpEnrolment(deps, caller, codeAt(secret), META);
    await deps.users.setRoles(caller.userId, ['patient', 'provider'], ['patient']);

    // Act
    const refused = await disableMfa(deps, caller, { recoveryCode: recoveryCodes[0]! }, META).catch((error) => [error.status, error.code]);
    await deps.users.setRoles(caller.userId, ['patient'], ['patient', 'provider']);
    await disableMfa(deps, caller, { recoveryCode: recoveryCodes[0]! }, META);

    // Assess
    expect(refused).toEqual([403, 'mfa_mandatory']);
    expect(mfa.enrolments.get(caller.userId)).toBeUndefined();
  });
});

describe('Function: authorize and mfaContext (docs/security.md #29)', () => {
  // Through the authorizer's context and `callerFrom`, as a route sees it.
  const caller = (roles: Caller['roles'], amr: string[]): Caller =>
    callerFrom({
      requestContext: { authorizer: { sub: 'u', groups: roles.join(','), clientId: 'app', jti: 't', ...mfaContext({ groups: roles, amr }) } },
    } as never)!;
  const codeOf = (run: () => void): string | undefined => {
    try {
      run();
      return undefined;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('asks otp of sensitive routes, enrolment of role accounts without it, and nothing more of patients', () => {
    // Act
    const outcomes = {
      providerPwd: codeOf(() => authorize({ roles: ['provider'] }, caller(['provider'], ['pwd']))),
      providerPwdEnrol: codeOf(() => authorize({ roles: ['provider'], mfa: 'enrol' }, caller(['provider'], ['pwd']))),
      providerOtp: codeOf(() => authorize({ roles: ['provider'] }, caller(['provider'], ['pwd', 'otp']))),
      patientPwd: codeOf(() => authorize({ roles: ['patient'] }, caller(['patient'], ['pwd']))),
      patientPwdSensitive: codeOf(() => authorize({ roles: ['patient'], mfa: 'otp' }, caller(['patient'], ['pwd']))),
      adminPwdSensitive: codeOf(() => authorize({ roles: ['admin'], mfa: 'otp' }, caller(['admin'], ['pwd']))),
      adminOtpSensitive: codeOf(() => authorize({ roles: ['admin'], mfa: 'otp' }, caller(['admin'], ['pwd', 'otp']))),
      wrongRole: codeOf(() => authorize({ roles: ['admin'], mfa: 'enrol' }, caller(['patient'], ['pwd', 'otp']))),
    };

    // Assess
    expect(outcomes).toEqual({
      providerPwd: 'mfa_enrolment_required',
      providerPwdEnrol: undefined,
      providerOtp: undefined,
      patientPwd: undefined,
      patientPwdSensitive: 'mfa_required',
      adminPwdSensitive: 'mfa_required',
      adminOtpSensitive: undefined,
      wrongRole: 'forbidden',
    });
    expect(mfaContext({ groups: ['patient', 'editor'], amr: ['pwd'] })).toEqual({ amr: 'pwd', mfa: 'enrol' });
    expect(mfaContext({ groups: ['admin'], amr: ['pwd', 'otp'] })).toEqual({ amr: 'pwd,otp', mfa: 'otp' });
    expect(mfaContext({ groups: ['patient'], amr: [] })).toEqual({ amr: '', mfa: '' });
  });
});
