import { lockSecondsAfter } from '../domain/lockout';
import { checkPassword } from '../domain/password-policy';
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import type { AppDeps } from '../deps';
import { log } from '../logger';
import { notificationEvent } from '../notifications/events';
import type { NotificationQueue } from '../notifications/ports';
import { places } from '../vault/places';
import type { RefreshFamilyRepository, UserRepository } from './ports';

/** Everything a password change touches. */
export type ChangePasswordDeps = Pick<AppDeps, 'loginAttempts' | 'audit' | 'passwords' | 'clock'> & {
  readonly users: Pick<UserRepository, 'get' | 'replacePasswordHash'>;
  readonly refreshFamilies: Pick<RefreshFamilyRepository, 'familiesOf' | 'revoke'>;
  readonly vault: Pick<AppDeps['vault'], 'open'>;
  readonly notifications: NotificationQueue;
};

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
}

const WRONG_CURRENT = 'The current password is incorrect.';

/** The `loginAttempts` counter of an account's password changes (ADR 0018). */
export const passwordChangeKey = (userId: string): string => `password-change:${userId}`;

/**
 * Changes the caller's password (issue 11).
 *
 * 1. The current password must verify. Each attempt is claimed before the hash on the account's own
 *    counter (`passwordChangeKey`, the login throttle's tight policy: a few free, then a doubling lock),
 *    so a stolen access token cannot be used to guess it, not even with many requests in flight; while
 *    locked the answer is 429 with Retry-After. It is not the e-mail's login counter: strangers' failed
 *    logins cannot stop the owner from changing the password, and the owner's typos here lock no login.
 * 2. The new one must differ from it and pass the registration policy (`weak_password`, with reasons).
 * 3. The new hash is stored with ONE conditional write: iff the stored hash is still the one verified,
 *    so of two concurrent changes only one wins (the other gets 409).
 * 4. Every refresh-token family of the user is revoked, this device's too: each client signs in again
 *    with the new password (access tokens live out their ≤ 15 minutes). If that fails, the hash is put back.
 * 5. One audit event `auth.password_change` (never a password); if it cannot be written the hash is put
 *    back (conditional on the new one) and the request fails.
 * 6. A `security_password_changed` event (ids only) is queued; like login's alert it never fails the
 *    change once made (a retry could not redo it), a failure is logged with ids only.
 */
export const changePassword = async (deps: ChangePasswordDeps, caller: Caller, input: ChangePasswordInput, meta: RequestMeta): Promise<void> => {
  const now = deps.clock.now();
  const user = await deps.users.get(caller.userId);
  const audit = (outcome: 'success' | 'failure' | 'denied', reason?: string) =>
    deps.audit.append({
      action: 'auth.password_change',
      outcome,
      subjectId: caller.userId,
      actor: actorOf(caller),
      resource: { type: 'account', id: caller.userId },
      ...requestFacts(meta),
      ...(reason ? { reason } : {}),
    });

  if (user === undefined || user.status !== 'active') {
    await audit('failure', 'account_inactive');
    throw new NotFoundError('The account no longer exists.');
  }

  // Claimed before the hash, on the account's own counter (not the e-mail's login ceiling, which strangers can fill).
  const attempt = await deps.loginAttempts.claim(passwordChangeKey(caller.userId), now, (attempts) => {
    const seconds = lockSecondsAfter(attempts);
    return seconds > 0 ? now.getTime() + seconds * 1000 : undefined;
  });
  if (!attempt.ok) {
    await audit('denied', 'locked_out');
    throw new TooManyRequestsError((attempt.lockedUntil - now.getTime()) / 1000, 'Too many failed attempts; retry later.');
  }

  if (!(await deps.passwords.verify(input.currentPassword, user.passwordHash)).ok) {
    await audit('failure', 'bad_credentials');
    throw new ValidationError(WRONG_CURRENT, undefined, 'invalid_credentials');
  }
  await deps.loginAttempts.clear(passwordChangeKey(caller.userId));

  if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    await audit('failure', 'same_password');
    throw new ValidationError('The new password must differ from the current one.', undefined, 'same_password');
  }
  const email = await deps.vault.open(places.userEmail(user.id), user.emailSealed);
  const problems = checkPassword(input.newPassword, email);
  if (problems.length > 0) {
    await audit('failure', `weak_password:${problems.map((problem) => problem.code).join('+')}`);
    throw new ValidationError('The password does not meet the policy.', problems, 'weak_password');
  }

  const nextHash = await deps.passwords.hash(input.newPassword);
  if (!(await deps.users.replacePasswordHash(user.id, nextHash, user.passwordHash))) {
    await audit('failure', 'concurrent_change');
    throw new ConflictError('The password was changed meanwhile; sign in again.', 'password_changed');
  }

  let revoked = 0;
  try {
    for (const familyId of await deps.refreshFamilies.familiesOf(user.id)) {
      await deps.refreshFamilies.revoke(familyId, 'password_changed');
      revoked++;
    }
    await audit('success', `sessions_revoked:${revoked}`);
  } catch (error) {
    // No change left without its revocations and its audit event: put the verified hash back, then fail.
    await deps.users.replacePasswordHash(user.id, user.passwordHash, nextHash);
    throw error;
  }

  try {
    await deps.notifications.enqueue(notificationEvent('security_password_changed', user.id, {}, now));
  } catch (error) {
    log.warn('password change alert not queued', {
      userId: user.id,
      action: 'security_password_changed',
      outcome: 'alert_failed',
      errorName: (error as Error)?.name,
    });
  }
};
