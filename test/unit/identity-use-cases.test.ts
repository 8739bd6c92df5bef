import { describe, expect, it } from 'vitest';
import { CEILING_FAILURES } from '../../shared/domain/lockout';
import { login } from '../../shared/identity/login';
import { getMe } from '../../shared/identity/me';
import { register } from '../../shared/identity/register';
import { inMemoryIdentity, META, testClock } from '../helpers/in-memory';

const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};
const input = { email: 'Ann@Example.com ', password: 'a perfectly long passphrase' };

describe('Use case: register', () => {
  it('normalizes the e-mail, gives the patient role only, and audits', async () => {
    // Prepare
    const { deps, events } = inMemoryIdentity();

    // Act
    const { user } = await register(deps, input, META);

    // Assess
    expect(user).toEqual({ id: expect.any(String), email: 'ann@example.com', roles: ['patient'] });
    expect(events).toEqual([
      expect.objectContaining({ action: 'account.register', outcome: 'success', subjectId: user.id, requestId: 'req-1', sourceIp: '203.0.113.9' }),
    ]);
  });

  it('fails and leaves no account behind when the audit append fails', async () => {
    // Prepare
    const { deps, users, emails } = inMemoryIdentity({ audit: failingAudit });

    // Act
    const attempt = register(deps, input, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(users.size).toBe(0);
    expect(emails.size).toBe(0);
  });
});

describe('Use case: login', () => {
  it('issues no tokens when the audit append fails', async () => {
    // Prepare
    const ok = inMemoryIdentity();
    await register(ok.deps, input, META);
    const deps = { ...ok.deps, audit: failingAudit };

    // Act
    const attempt = login(deps, input, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
  });

  it('spends one scrypt derivation for an unknown e-mail as for a known one (no timing oracle)', async () => {
    // Prepare
    const { deps } = inMemoryIdentity();
    await register(deps, input, META);
    let derivations = 0;
    const counting = {
      hash: deps.passwords.hash.bind(deps.passwords),
      verify: async (password: string, stored: string) => (derivations++, deps.passwords.verify(password, stored)),
      verifyDummy: async (password: string) => (derivations++, deps.passwords.verifyDummy(password)),
    };

    // Act
    await expect(login({ ...deps, passwords: counting }, { email: 'nobody@example.com', password: 'whatever it is here' }, META)).rejects.toMatchObject({
      status: 401,
    });
    const unknown = derivations;
    await expect(login({ ...deps, passwords: counting }, { ...input, password: 'the wrong passphrase' }, META)).rejects.toMatchObject({ status: 401 });

    // Assess
    expect(unknown).toBe(1);
    expect(derivations - unknown).toBe(1);
  });

  it('refuses a disabled account with the same 401 as a wrong password', async () => {
    // Prepare
    const { deps, users } = inMemoryIdentity();
    const { user } = await register(deps, input, META);
    users.set(user.id, { ...users.get(user.id)!, status: 'disabled' });

    // Act
    const attempt = login(deps, input, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 401, message: 'The e-mail or password is incorrect.' });
  });

  it('rehashes a password stored at a lower cost on the next login', async () => {
    // Prepare
    const { deps, users } = inMemoryIdentity();
    const { user } = await register(deps, input, META);
    const { ScryptPasswordHasher } = await import('../../shared/identity/password-hasher');

    // Act
    await login({ ...deps, passwords: new ScryptPasswordHasher(11) }, input, META);

    // Assess
    expect(users.get(user.id)!.passwordHash.startsWith('scrypt$11$')).toBe(true);
  });
});

describe('Use case: login lockout', () => {
  const wrong = { ...input, password: 'the wrong passphrase' };

  it('locks after the free failures, keeps counting once the lock ran out, and forgets the count after a quiet day', async () => {
    // Prepare
    const clock = testClock();
    const { deps } = inMemoryIdentity({ clock });
    await register(deps, input, META);
    for (let i = 0; i < 5; i++) await expect(login(deps, wrong, META)).rejects.toMatchObject({ status: 401 });

    // Act
    const locked = login(deps, input, META);
    await expect(locked).rejects.toMatchObject({ status: 429 });
    clock.advance(61_000);
    await expect(login(deps, wrong, META)).rejects.toMatchObject({ status: 401 });
    const lockedAgain = login(deps, input, META);
    await expect(lockedAgain).rejects.toMatchObject({ status: 429 });
    clock.advance(86_400_000);
    await expect(login(deps, wrong, META)).rejects.toMatchObject({ status: 401 });
    const afterQuietDay = await login(deps, input, META);

    // Assess
    expect(afterQuietDay).toHaveProperty('tokenType', 'Bearer');
  });
});

describe('Use case: login throttling', () => {
  const wrong = { ...input, password: 'the wrong passphrase' };
  const from = (sourceIp: string) => ({ ...META, sourceIp });

  it("throttles a stranger's source and still lets the owner in from another one", async () => {
    // Prepare
    const { deps } = inMemoryIdentity({ clock: testClock() });
    await register(deps, input, META);
    for (let i = 0; i < 8; i++) await login(deps, wrong, from('198.51.100.7')).catch(() => undefined);

    // Act
    const stranger = await login(deps, input, from('198.51.100.7')).catch((error: unknown) => error);
    const owner = await login(deps, input, from('203.0.113.50'));

    // Assess
    expect(stranger).toMatchObject({ status: 429 });
    expect(owner).toHaveProperty('tokenType', 'Bearer');
  });

  it('makes the same throttle reads and writes for an unknown e-mail as for a known one (no timing oracle)', async () => {
    // Prepare
    const { deps } = inMemoryIdentity();
    await register(deps, input, META);
    const calls: string[] = [];
    const counted = {
      ...deps,
      blindIndex: { of: (value: string) => (calls.push('blindIndex.of'), deps.blindIndex.of(value)) },
      loginAttempts: {
        get: (key: string) => (calls.push('attempts.get'), deps.loginAttempts.get(key)),
        recordFailure: (...args: Parameters<typeof deps.loginAttempts.recordFailure>) => (
          calls.push('attempts.recordFailure'), deps.loginAttempts.recordFailure(...args)
        ),
        claim: (...args: Parameters<typeof deps.loginAttempts.claim>) => (calls.push('attempts.claim'), deps.loginAttempts.claim(...args)),
        clear: (key: string) => (calls.push('attempts.clear'), deps.loginAttempts.clear(key)),
      },
      knownDevices: { ...deps.knownDevices, get: (userId: string) => (calls.push('devices.get'), deps.knownDevices.get(userId)) },
    };
    const attempt = async (email: string) => {
      calls.length = 0;
      await login(counted, { email, password: 'the wrong passphrase' }, META).catch(() => undefined);
      return [...calls].sort();
    };

    // Act
    const unknown = await attempt('nobody@example.com');
    const known = await attempt(input.email);

    // Assess
    expect(known).toEqual(unknown);
    expect(unknown.filter((call) => call === 'attempts.claim')).toHaveLength(1);
    expect(unknown.filter((call) => call === 'attempts.recordFailure')).toHaveLength(1);
  });

  it('closes the e-mail to unknown devices past the ceiling, known or not, and keeps it open to a known one', async () => {
    // Prepare
    const { deps, events } = inMemoryIdentity({ clock: testClock() });
    await register(deps, input, META);
    await login(deps, input, META);
    const guess = (email: string, i: number) => login(deps, { email, password: 'the wrong passphrase' }, from(`198.51.${Math.floor(i / 4)}.9`));
    for (let i = 0; i < CEILING_FAILURES; i++) {
      await expect(guess(input.email, i)).rejects.toMatchObject({ status: 401 });
      await expect(guess('ghost@example.com', i)).rejects.toMatchObject({ status: 401 });
    }

    // Act
    const unknownDevice = await login(deps, input, from('192.0.2.1')).catch((error: unknown) => error);
    const ghost = await login(deps, { email: 'ghost@example.com', password: input.password }, from('192.0.2.1')).catch((error: unknown) => error);
    const knownDevice = await login(deps, input, META);

    // Assess
    expect(unknownDevice).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(ghost).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(knownDevice).toHaveProperty('tokenType', 'Bearer');
    expect(events.filter((e) => e.action === 'auth.login' && e.reason === 'locked_out')).toHaveLength(2);
  });
});

describe('Use case: getMe', () => {
  it('fails when the audit append fails: no unaudited read', async () => {
    // Prepare
    const ok = inMemoryIdentity();
    const { user } = await register(ok.deps, input, META);

    // Act
    const attempt = getMe({ ...ok.deps, audit: failingAudit }, { userId: user.id, roles: ['patient'], clientId: 'app', tokenId: 'j' }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
  });
});
