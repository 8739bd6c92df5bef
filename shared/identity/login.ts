import { ceilingSecondsAfter, lockSecondsAfter, sourceThrottleKey } from '../domain/lockout';
import { normalizeEmail } from '../domain/email';
import { TooManyRequestsError, UnauthorizedError } from '../errors';
import type { RequestMeta } from '../domain/caller';
import type { UserRecord } from './ports';
import { ANONYMOUS, requestFacts, unknownEmailSubject } from '../audit/actor';
import type { AppDeps } from '../deps';

import { issueTokenPair, type TokenPairResult } from './issue-tokens';
import { checkDevice, rememberDevice, type DeviceDeps } from './devices';
import { issueMfaChallenge, type MfaChallengeResult } from './mfa-challenge';
import type { MfaChallengeStore, MfaStore } from './ports';

/** Everything a login touches. */
export type LoginDeps = Pick<AppDeps, 'users' | 'loginAttempts' | 'refreshFamilies' | 'audit' | 'signer' | 'blindIndex' | 'passwords' | 'clock' | 'tokens'> &
  Pick<DeviceDeps, 'knownDevices' | 'notifications'> & { readonly mfa: Pick<MfaStore, 'get'>; readonly mfaChallenges: Pick<MfaChallengeStore, 'create'> };

export interface LoginInput {
  readonly email: string;
  readonly password: string;
}

/**
 * Exchanges credentials for a token pair. A wrong e-mail and a wrong password take the same path
 * and time (a dummy scrypt for unknown e-mails) and get the same 401. Throttling (ADR 0018,
 * ../domain/lockout.ts): attempts per (e-mail, source), each claimed before the hash, lock that source for a growing
 * time once past the free ones, and past
 * a per-e-mail ceiling only a known device may try (429 with Retry-After, audited `locked_out`); so a
 * stranger cannot lock the owner out, from one source or many. A success from a device the account has
 * not used (./devices.ts; never its first login) says `new_device` in its audit event, then queues
 * a `security_new_login` e-mail; that alert never fails the login. An account with active MFA gets
 * no tokens yet but a challenge for `completeMfaLogin` (./mfa-login.ts), audited as `denied` with
 * reason `mfa_required`; the device check waits for that second step. Tokens say `amr: ['pwd']`.
 */
export const login = async (deps: LoginDeps, input: LoginInput, meta: RequestMeta): Promise<TokenPairResult | MfaChallengeResult> => {
  const now = deps.clock.now();
  const emailIndex = await deps.blindIndex.of(normalizeEmail(input.email));
  const userId = await deps.users.findIdByEmail(emailIndex);
  const user = userId === undefined ? undefined : await deps.users.get(userId);
  const audit = (outcome: 'success' | 'failure' | 'denied', reason?: string) =>
    deps.audit.append({
      action: 'auth.login',
      outcome,
      subjectId: user?.id ?? unknownEmailSubject(emailIndex),
      actor: { userId: user?.id ?? ANONYMOUS, roles: [] },
      resource: { type: 'account', ...(user ? { id: user.id } : {}) },
      ...requestFacts(meta),
      ...(reason ? { reason } : {}),
    });

  // Every login reads and writes the same items, known e-mail or not (an unknown one checks a device of its pseudo-subject).
  const sourceIndex = await deps.blindIndex.of(sourceThrottleKey(emailIndex, meta.sourceIp));
  const [perEmail, device] = await Promise.all([deps.loginAttempts.get(emailIndex), checkDevice(deps, user?.id ?? unknownEmailSubject(emailIndex), meta)]);
  const knownDevice = device?.known?.hashes.includes(device.hash) === true;
  // The source's attempt is counted before the hash, in one conditional write: guesses in flight together each take
  // their own count, so no more than the free ones reach the password check (ADR 0018).
  const ceilingMs = knownDevice ? 0 : lockLeft(perEmail, now);
  const source = ceilingMs > 0 ? undefined : await deps.loginAttempts.claim(sourceIndex, now, lockUntil(now, lockSecondsAfter));
  const waitMs = source === undefined ? ceilingMs : source.ok ? 0 : source.lockedUntil - now.getTime();
  if (waitMs > 0) {
    await audit('denied', 'locked_out');
    throw new TooManyRequestsError(waitMs / 1000, 'Too many failed attempts; retry later.');
  }

  if (!(await credentialsMatch(deps, user, input.password))) {
    await deps.loginAttempts.recordFailure(emailIndex, now, lockUntil(now, ceilingSecondsAfter));
    await audit('failure', user?.status === 'disabled' ? 'account_disabled' : 'bad_credentials');
    throw new UnauthorizedError('The e-mail or password is incorrect.');
  }

  await Promise.all([perEmail && deps.loginAttempts.clear(emailIndex), deps.loginAttempts.clear(sourceIndex)]);
  if ((await deps.mfa.get(user!.id))?.status === 'active') {
    const challenge = await issueMfaChallenge(deps, user!.id, Math.floor(now.getTime() / 1000));
    await audit('denied', 'mfa_required');
    return challenge;
  }
  const tokens = await issueTokenPair(deps, user!, Math.floor(now.getTime() / 1000));
  await audit('success', device?.isNew ? 'new_device' : undefined);
  await rememberDevice(deps, user!.id, device, now);
  return tokens;
};

/** Milliseconds left of a counter's lock (0: none). */
const lockLeft = (attempts: { lockedUntil?: number } | undefined, now: Date): number => Math.max(0, (attempts?.lockedUntil ?? 0) - now.getTime());

/** A counter's lock policy as `recordFailure` wants it: epoch ms to lock until, or `undefined` (an earlier lock stays). */
const lockUntil =
  (now: Date, secondsAfter: (failures: number) => number) =>
  (failures: number): number | undefined => {
    const seconds = secondsAfter(failures);
    return seconds > 0 ? now.getTime() + seconds * 1000 : undefined;
  };

/** True only for an active account whose password matches; rehashes when the cost has risen. */
const credentialsMatch = async (deps: LoginDeps, user: UserRecord | undefined, password: string): Promise<boolean> => {
  if (user === undefined) {
    await deps.passwords.verifyDummy(password);
    return false;
  }
  const { ok, needsRehash } = await deps.passwords.verify(password, user.passwordHash);
  if (ok && needsRehash) await deps.users.setPasswordHash(user.id, await deps.passwords.hash(password));
  return ok && user.status === 'active';
};
