import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/domain/caller';
import { changePassword } from '../../shared/identity/change-password';
import { login } from '../../shared/identity/login';
import { register } from '../../shared/identity/register';
import { CANARY } from '../helpers/canaries';
import { inMemoryIdentity, META, testClock } from '../helpers/in-memory';
import { CEILING_FAILURES, FREE_FAILURES } from '../../shared/domain/lockout';

const EMAIL = 'ann@example.com';
const CURRENT = 'a perfectly long passphrase';
const NEXT = CANARY.password;

/** An account with two signed-in sessions, as a caller. */
const signedIn = async (overrides: Parameters<typeof inMemoryIdentity>[0] = {}) => {
  const world = inMemoryIdentity(overrides);
  const { user } = await register(world.deps, { email: EMAIL, password: CURRENT }, META);
  await login(world.deps, { email: EMAIL, password: CURRENT }, META);
  await login(world.deps, { email: EMAIL, password: CURRENT }, META);
  world.events.length = 0;
  world.notifications.sent.length = 0;
  const caller: Caller = { userId: user.id, roles: ['patient'], clientId: 'app', tokenId: 'jti-1' };
  return { ...world, caller, deps: { ...world.deps, notifications: world.notifications.queue } };
};

describe('Use case: changePassword', () => {
  it('stores the new hash, revokes every session, queues the alert and audits once', async () => {
    // Prepare
    const { deps, caller, users, families, events, notifications } = await signedIn();

    // Act
    await changePassword(deps, caller, { currentPassword: CURRENT, newPassword: NEXT }, META);

    // Assess
    expect((await deps.passwords.verify(NEXT, users.get(caller.userId)!.passwordHash)).ok).toBe(true);
    expect([...families.values()].map((family) => family.revoked)).toEqual([true, true]);
    expect(notifications.sent).toEqual([expect.objectContaining({ type: 'security_password_changed', recipientId: caller.userId, refs: {} })]);
    expect(events).toEqual([
      expect.objectContaining({ action: 'auth.password_change', outcome: 'success', subjectId: caller.userId, reason: 'sessions_revoked:2' }),
    ]);
    expect(JSON.stringify(events)).not.toContain(CANARY.password);
    await expect(login(deps, { email: EMAIL, password: CURRENT }, META)).rejects.toMatchObject({ status: 401 });
    await expect(login(deps, { email: EMAIL, password: NEXT }, META)).resolves.toHaveProperty('refreshToken');
  });

  it('refuses a wrong current password with 400, counts it toward the lockout, and then answers 429', async () => {
    // Prepare
    const { deps, caller, users, events } = await signedIn();
    const before = users.get(caller.userId)!.passwordHash;
    const wrong = { currentPassword: CANARY.password, newPassword: 'another long passphrase' };

    // Act
    const first = await changePassword(deps, caller, wrong, META).catch((error: unknown) => error);
    for (let i = 0; i < 10; i++) await changePassword(deps, caller, wrong, META).catch(() => undefined);
    const locked = await changePassword(deps, caller, { currentPassword: CURRENT, newPassword: NEXT }, META).catch((error: unknown) => error);

    // Assess
    expect(first).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'The current password is incorrect.' });
    expect(locked).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    expect(users.get(caller.userId)!.passwordHash).toBe(before);
    expect(events[0]).toMatchObject({ action: 'auth.password_change', outcome: 'failure', reason: 'bad_credentials' });
    expect(events.at(-1)).toMatchObject({ outcome: 'denied', reason: 'locked_out' });
    expect(JSON.stringify(events)).not.toContain(CANARY.password);
  });

  it('counts on the account’s own counter: strangers’ failed logins do not stop the change, and its wrong passwords lock no login', async () => {
    // Prepare: strangers fill the e-mail's login ceiling from many sources; the owner mistypes the current password 6 times.
    const { deps, caller } = await signedIn({ clock: testClock() });
    for (let i = 0; i < CEILING_FAILURES; i++) {
      await login(deps, { email: EMAIL, password: 'a stranger’s guess' }, { ...META, sourceIp: `198.51.${Math.floor(i / 4)}.9` }).catch(() => undefined);
    }
    const wrong = { currentPassword: 'a mistyped passphrase', newPassword: 'another long passphrase' };
    const typos = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) typos.push(await changePassword(deps, caller, wrong, META).catch((error: { status: number }) => error.status));

    // Act
    const ownerLogin = await login(deps, { email: EMAIL, password: CURRENT }, META);

    // Assess
    expect(typos).toEqual([...Array<number>(FREE_FAILURES).fill(400), 429]);
    expect(ownerLogin).toHaveProperty('refreshToken');
  });

  it('lets no more than the free wrong passwords of 16 sent at once reach the check', async () => {
    // Prepare
    const { deps, caller } = await signedIn();
    let checked = 0;
    const counting = {
      ...deps,
      passwords: { ...deps.passwords, verify: (...args: Parameters<typeof deps.passwords.verify>) => (checked++, deps.passwords.verify(...args)) },
    };
    const wrong = { currentPassword: 'a guessed passphrase', newPassword: 'another long passphrase' };

    // Act
    const statuses = await Promise.all(
      Array.from({ length: 16 }, () => changePassword(counting, caller, wrong, META).catch((error: { status: number }) => error.status)),
    );

    // Assess
    expect(checked).toBe(FREE_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(16 - FREE_FAILURES);
  });

  it('refuses a new password that fails the registration policy, with its reasons', async () => {
    // Prepare
    const { deps, caller, events } = await signedIn();

    // Act
    const error = await changePassword(deps, caller, { currentPassword: CURRENT, newPassword: 'ann@example.com-2026' }, META).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ status: 400, code: 'weak_password', details: [expect.objectContaining({ code: 'contains_email' })] });
    expect(events).toEqual([expect.objectContaining({ outcome: 'failure', reason: 'weak_password:contains_email' })]);
  });

  it('refuses a new password equal to the current one', async () => {
    // Prepare
    const { deps, caller, families } = await signedIn();

    // Act
    const error = await changePassword(deps, caller, { currentPassword: CURRENT, newPassword: CURRENT }, META).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ status: 400, code: 'same_password' });
    expect([...families.values()].some((family) => family.revoked)).toBe(false);
  });

  it('lets only one of two concurrent changes win; the other gets 409', async () => {
    // Prepare
    const { deps, caller, users } = await signedIn();

    // Act
    const results = await Promise.allSettled([
      changePassword(deps, caller, { currentPassword: CURRENT, newPassword: 'first new long passphrase' }, META),
      changePassword(deps, caller, { currentPassword: CURRENT, newPassword: 'second new long passphrase' }, META),
    ]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    const stored = users.get(caller.userId)!.passwordHash;
    const winners = await Promise.all(['first new long passphrase', 'second new long passphrase'].map((p) => deps.passwords.verify(p, stored)));
    expect(winners.filter((w) => w.ok)).toHaveLength(1);
  });

  it('puts the old hash back and fails when the audit append fails', async () => {
    // Prepare
    const { deps, caller, users, notifications } = await signedIn();
    const before = users.get(caller.userId)!.passwordHash;
    const failing = { ...deps, audit: { append: async () => Promise.reject(new Error('audit store down')) } };

    // Act
    const attempt = changePassword(failing, caller, { currentPassword: CURRENT, newPassword: NEXT }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(users.get(caller.userId)!.passwordHash).toBe(before);
    expect(notifications.sent).toEqual([]);
  });

  it('keeps the change when the alert cannot be queued', async () => {
    // Prepare
    const { deps, caller, users, events, notifications } = await signedIn();
    notifications.failNext();

    // Act
    await changePassword(deps, caller, { currentPassword: CURRENT, newPassword: NEXT }, META);

    // Assess
    expect((await deps.passwords.verify(NEXT, users.get(caller.userId)!.passwordHash)).ok).toBe(true);
    expect(events).toEqual([expect.objectContaining({ outcome: 'success' })]);
  });
});
