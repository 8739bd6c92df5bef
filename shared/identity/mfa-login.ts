import { ANONYMOUS, anonymousSubject, requestFacts } from '../audit/actor';
import type { RequestMeta } from '../domain/caller';
import { PASSWORD_AND_OTP } from '../domain/mfa-policy';
import { UnauthorizedError } from '../errors';
import type { AppDeps } from '../deps';
import { checkDevice, rememberDevice, type DeviceDeps } from './devices';
import { issueTokenPair, type TokenPairResult } from './issue-tokens';
import { challengeHash } from './mfa-challenge';
import { claimCodeAttempt, clearWrongCodes, useSecondFactor, type SecondFactor, type SecondFactorDeps } from './mfa-codes';
import type { MfaChallengeStore } from './ports';

/** Everything the second step of a login touches. */
export type MfaLoginDeps = Pick<AppDeps, 'users' | 'refreshFamilies' | 'audit' | 'signer' | 'clock' | 'tokens'> &
  SecondFactorDeps &
  Pick<DeviceDeps, 'knownDevices' | 'notifications' | 'blindIndex'> & { readonly mfaChallenges: MfaChallengeStore };

/**
 * The second step of a login (docs/adr/0015-mfa.md): the challenge from the password step and a
 * TOTP code or a recovery code, for a token pair whose `amr` is `['pwd', 'otp']` (a recovery code is
 * a one-time password too; the audit event says `recovery_code`). Any failure is one generic 401;
 * a wrong code counts toward the account's lockout (429 + Retry-After) and is audited on
 * `auth.login` with reason `mfa_failed`. The challenge is consumed by the one success.
 *
 * @example
 * const tokens = await completeMfaLogin(deps, { challenge, code: '123456' }, meta);
 */
export const completeMfaLogin = async (
  deps: MfaLoginDeps,
  input: SecondFactor & { readonly challenge: string },
  meta: RequestMeta,
): Promise<TokenPairResult> => {
  const nowEpoch = Math.floor(deps.clock.now().getTime() / 1000);
  const hash = challengeHash(input.challenge);
  const challenge = hash === undefined ? undefined : await deps.mfaChallenges.get(hash);
  const live = challenge !== undefined && challenge.expiresAt > nowEpoch ? challenge : undefined;
  const subjectId = live?.userId;
  const audit = (outcome: 'success' | 'failure' | 'denied', reason?: string) =>
    deps.audit.append({
      action: 'auth.login',
      outcome,
      subjectId: subjectId ?? anonymousSubject(),
      actor: { userId: subjectId ?? ANONYMOUS, roles: [] },
      resource: { type: 'account', ...(subjectId ? { id: subjectId } : {}) },
      ...requestFacts(meta),
      ...(reason ? { reason } : {}),
    });
  const refuse = async (reason: string): Promise<never> => {
    await audit('failure', reason);
    throw new UnauthorizedError('The challenge or code is invalid.');
  };

  if (live === undefined) return refuse('mfa_challenge_invalid');
  const user = await deps.users.get(live.userId);
  if (user === undefined || user.status !== 'active') return refuse('account_disabled');
  await claimCodeAttempt(deps, user.id).catch(async (error: unknown) => {
    await audit('denied', 'locked_out');
    throw error;
  });
  const enrolment = await deps.mfa.get(user.id);
  const used = enrolment?.status === 'active' ? await useSecondFactor(deps, user.id, enrolment, input) : { ok: false, recovery: false };
  if (!used.ok) {
    return refuse('mfa_failed');
  }
  // One challenge, one token pair: of two concurrent completions only one deletes it.
  if (!(await deps.mfaChallenges.consume(hash!))) return refuse('mfa_challenge_invalid');
  await clearWrongCodes(deps, user.id);
  const [tokens, device] = await Promise.all([issueTokenPair(deps, user, live.authTime, PASSWORD_AND_OTP), checkDevice(deps, user.id, meta)]);
  await audit('success', used.recovery ? 'recovery_code' : device?.isNew ? 'new_device' : undefined);
  await rememberDevice(deps, user.id, device, deps.clock.now());
  return tokens;
};
