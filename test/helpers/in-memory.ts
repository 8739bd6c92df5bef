import { inMemoryUsageCounters } from './fakes/budgets';
import type { Role } from '../../shared/domain/roles';
import { randomBytes, randomUUID } from 'node:crypto';
import type { LoginDeps } from '../../shared/identity/login';
import { ScryptPasswordHasher } from '../../shared/identity/password-hasher';
import type { AuditEvent } from '../../shared/audit/ports';
import type { DataKeyRepository, DataKeyService, WrappedDataKeys } from '../../shared/vault/ports';
import type { MfaChallengeStore, MfaStore, RefreshFamily, UserRecord } from '../../shared/identity/ports';
import { Vault } from '../../shared/vault/vault';
import { places } from '../../shared/vault/places';
import type { Caller } from '../../shared/domain/caller';
import { inMemoryAiQuota, inMemoryConversations } from './fakes/chat';
import { inMemoryMfa } from './fakes/mfa';
import { inMemoryRecords } from './fakes/records';
import { inMemoryQueue, inMemorySymptomSessions, recordingMetrics } from './fakes/triage';
import { inMemoryDeletionNotices, inMemoryKnownDevices, inMemoryNotificationAccountData, recordingEvents } from './fakes/notification-account';

/**
 * What a DynamoDB conditional write throws when its condition fails (`isConditionFailure` matches it), for the fakes of
 * adapters whose write is not `conditionalWrite` (so the condition failure reaches the caller).
 */
export const conditionFailure = (what: string): Error =>
  Object.assign(new Error(`${what} (the conditional request failed)`), { name: 'ConditionalCheckFailedException' });

/** The local stand-in for KMS's encryption context: the user a wrapped key was made for, ahead of the key. */
const DATA_KEY_CONTEXT_SEPARATOR = 0;

/** In-memory data keys; `calls` counts key-service calls (a warm request must make none). */
export const inMemoryDataKeys = () => {
  const stored = new Map<string, WrappedDataKeys>();
  const calls = { generate: 0, unwrap: 0 };
  // "Wrapping" does not encrypt here (these tests are about caching and placement, not KMS), but it binds the key to
  // its user as KMS's encryption context does: `unwrap` for any other user fails like KMS's `Decrypt`.
  const context = (userId: string) => Buffer.concat([Buffer.from(userId), Buffer.of(DATA_KEY_CONTEXT_SEPARATOR)]);
  const service: DataKeyService = {
    generate: async (userId) => {
      calls.generate++;
      const key = randomBytes(32);
      return { plaintext: key, wrapped: Buffer.concat([context(userId), key]) };
    },
    unwrap: async (userId, wrapped) => {
      calls.unwrap++;
      const bytes = Buffer.from(wrapped);
      const bound = context(userId);
      if (bytes.length !== bound.length + 32 || !bytes.subarray(0, bound.length).equals(bound)) {
        throw Object.assign(new Error('The ciphertext does not match the encryption context'), { name: 'InvalidCiphertextException' });
      }
      return bytes.subarray(bound.length);
    },
  };
  const repository: DataKeyRepository = {
    get: async (userId) => stored.get(userId),
    create: async (userId, wrapped) => (stored.has(userId) ? false : (stored.set(userId, { state: 'active', current: 1, versions: { 1: wrapped } }), true)),
    addVersion: async (userId, version, wrapped, expected) => {
      const keys = stored.get(userId);
      if (keys?.state !== 'active' || keys.current !== expected) return false;
      stored.set(userId, { state: 'active', current: version, versions: { ...keys.versions, [version]: wrapped } });
      return true;
    },
    destroy: async (userId) => void stored.set(userId, { state: 'destroyed' }),
  };
  return { stored, calls, service, repository };
};

/** A day without failures forgets the count, as `DynamoLoginAttempts` (its TTL, and its reads, ignore older items). */
const LOGIN_FAILURES_FORGET_AFTER_SECONDS = 86_400;

/**
 * In-memory ports for use-case unit tests (no network), with the adapters' contracts (shared/identity/ports.ts): a
 * `create` over an existing id, and `markDeleted`, `setPasswordHash` or `revoke` of an unknown id, throw as the
 * conditional writes do; `markDeleted` drops `passwordHash` and sets `deletedAt`; `rotate` needs an unexpired family;
 * login failures are forgotten after a quiet day (by `clock`, which stands for the wall clock here) and an earlier lock
 * stays when `lockedUntil` answers `undefined`. The DynamoDB adapters are tested in integration, and against these
 * fakes in test/integration/adapter-contracts.test.ts.
 */
type IdentityDeps = LoginDeps & { vault: Vault; mfa: MfaStore; mfaChallenges: MfaChallengeStore };

export const inMemoryIdentity = (overrides: Partial<IdentityDeps> = {}) => {
  const dataKeys = inMemoryDataKeys();
  const users = new Map<string, UserRecord>();
  const emails = new Map<string, string>();
  const families = new Map<string, RefreshFamily>();
  const attempts = new Map<string, { failures: number; lockedUntil?: number; expiresAt: number }>();
  const events: AuditEvent[] = [];
  const devices = inMemoryKnownDevices();
  const notifications = recordingEvents();
  const mfa = inMemoryMfa();
  let signed = 0;
  const deps: IdentityDeps = {
    vault: new Vault(dataKeys.repository, dataKeys.service),
    users: {
      create: async (user) => {
        if (users.has(user.id)) throw conditionFailure(`user ${user.id} exists`);
        users.set(user.id, user);
      },
      claimEmail: async (index, id) => (emails.has(index) ? false : (emails.set(index, id), true)),
      discard: async (id, index) => {
        users.delete(id);
        if (emails.get(index) === id) emails.delete(index);
      },
      findIdByEmail: async (index) => emails.get(index),
      get: async (id) => users.get(id),
      setRoles: async (id, roles: readonly Role[], expected: readonly Role[]) => {
        const user = users.get(id);
        if (user === undefined || user.roles.length !== expected.length || user.roles.some((role, i) => role !== expected[i])) return false;
        users.set(id, { ...user, roles });
        return true;
      },
      setPasswordHash: async (id, passwordHash) => {
        const user = users.get(id);
        if (user === undefined) throw conditionFailure(`no user ${id}`);
        users.set(id, { ...user, passwordHash });
      },
      replacePasswordHash: async (id, next, expected) => {
        const user = users.get(id);
        if (user === undefined || user.passwordHash !== expected || user.status !== 'active') return false;
        users.set(id, { ...user, passwordHash: next });
        return true;
      },
      markDeleted: async (user, at) => {
        const stored = users.get(user.id);
        if (stored === undefined) throw conditionFailure(`no user ${user.id}`);
        // As stored by the adapter: no `passwordHash` (which `UserRecord` does not allow for), and a `deletedAt`.
        const { passwordHash: _removed, ...kept } = stored;
        users.set(user.id, { ...kept, status: 'deleted', deletedAt: at } as unknown as UserRecord);
        if (emails.get(user.emailIndex) === user.id) emails.delete(user.emailIndex);
      },
    },
    loginAttempts: {
      get: async (index) => {
        const stored = attempts.get(index);
        if (stored === undefined || stored.expiresAt * 1000 <= deps.clock.now().getTime()) return undefined;
        return { failures: stored.failures, ...(stored.lockedUntil ? { lockedUntil: stored.lockedUntil } : {}) };
      },
      recordFailure: async (index, now, lockedUntil) => {
        const nowEpoch = Math.floor(now.getTime() / 1000);
        const stored = attempts.get(index);
        // A forgotten count restarts at one without its lock; a live one keeps its lock unless a new one is set.
        const live = stored !== undefined && stored.expiresAt > nowEpoch ? stored : undefined;
        const failures = (live?.failures ?? 0) + 1;
        const until = lockedUntil(failures) ?? live?.lockedUntil;
        attempts.set(index, { failures, expiresAt: nowEpoch + LOGIN_FAILURES_FORGET_AFTER_SECONDS, ...(until !== undefined ? { lockedUntil: until } : {}) });
        return failures;
      },
      claim: async (index, now, lockedUntil) => {
        const nowEpoch = Math.floor(now.getTime() / 1000);
        const stored = attempts.get(index);
        const live = stored !== undefined && stored.expiresAt > nowEpoch ? stored : undefined;
        if (live?.lockedUntil !== undefined && live.lockedUntil > now.getTime()) return { ok: false, lockedUntil: live.lockedUntil };
        const count = (live?.failures ?? 0) + 1;
        const until = lockedUntil(count);
        attempts.set(index, {
          failures: count,
          expiresAt: nowEpoch + LOGIN_FAILURES_FORGET_AFTER_SECONDS,
          ...(until !== undefined ? { lockedUntil: until } : {}),
        });
        return { ok: true, attempts: count };
      },
      clear: async (index) => void attempts.delete(index),
    },
    refreshFamilies: {
      create: async (family) => {
        if (families.has(family.familyId)) throw conditionFailure(`family ${family.familyId} exists`);
        families.set(family.familyId, family);
      },
      get: async (id) => families.get(id),
      rotate: async (id, expected, next, nowEpoch) => {
        const family = families.get(id);
        if (!family || family.revoked || family.currentHash !== expected || family.expiresAt <= nowEpoch) return false;
        families.set(id, { ...family, currentHash: next, generation: family.generation + 1 });
        return true;
      },
      revoke: async (id) => {
        const family = families.get(id);
        if (family === undefined) throw conditionFailure(`no family ${id}`);
        families.set(id, { ...family, revoked: true });
      },
      familiesOf: async (userId) => [...families.values()].filter((f) => f.userId === userId).map((f) => f.familyId),
    },
    audit: { append: async (event) => void events.push(event) },
    signer: {
      keyId: async () => 'kid',
      sign: async () => (signed++, new Uint8Array(64)),
      publicJwk: async () => ({ kty: 'EC', kid: 'kid', alg: 'ES256', use: 'sig' }),
    },
    blindIndex: { of: async (value) => `idx:${value}` },
    passwords: new ScryptPasswordHasher(10),
    clock: { now: () => new Date('2026-11-25T12:00:00Z') },
    tokens: { issuer: 'https://issuer.example.com', clientId: 'app', ttlSeconds: 900, refreshTtlSeconds: 86_400 },
    knownDevices: devices.store,
    notifications: notifications.queue,
    mfa: mfa.store,
    mfaChallenges: mfa.challengeStore,
    ...overrides,
  };
  return { deps, users, emails, families, events, dataKeys, devices, notifications, mfa, signatures: () => signed };
};

export const META = { requestId: 'req-1', sourceIp: '203.0.113.9' };

/** A clock the test moves; starts at `start`. */
export const testClock = (start = '2026-11-25T12:00:00.000Z') => {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    set: (at: string) => void (now = Date.parse(at)),
    advance: (ms: number) => void (now += ms),
  };
};

/**
 * Every port the records, triage and chat use cases take, in memory (test/helpers/fakes), over the
 * identity fakes above: one vault, one audit log (`events`), one movable clock. `addUser` makes an
 * active account with its data key, as registration would, and returns it as a caller.
 */
export const inMemoryApp = () => {
  const clock = testClock();
  const identity = inMemoryIdentity({ clock });
  const records = inMemoryRecords();
  const sessions = inMemorySymptomSessions();
  const conversations = inMemoryConversations();
  const queue = inMemoryQueue();
  const quota = inMemoryAiQuota();
  const budgets = inMemoryUsageCounters();
  const metrics = recordingMetrics();
  const notificationData = inMemoryNotificationAccountData();
  const notices = inMemoryDeletionNotices();
  const deps = {
    ...identity.deps,
    notificationData: notificationData.data,
    notices: notices.repository,
    profiles: records.profileRepository,
    consents: records.consentRepository,
    feedback: records.feedbackRepository,
    sessions: sessions.repository,
    conversations: conversations.repository,
    queue: queue.queue,
    quota: quota.quota,
    counters: budgets.counters,
    metrics: metrics.metrics,
    modelConfigured: false,
  };
  const addUser = async (roles: readonly Role[] = ['patient'], status: UserRecord['status'] = 'active'): Promise<Caller> => {
    const id = randomUUID();
    await deps.vault.createKey(id);
    identity.users.set(id, {
      id,
      emailSealed: await deps.vault.seal(places.userEmail(id), `${id}@example.com`),
      emailIndex: `idx:${id}`,
      passwordHash: 'scrypt$unused',
      roles: [...roles],
      status,
      createdAt: clock.now().toISOString(),
    });
    return { userId: id, roles: [...roles], clientId: 'app', tokenId: randomUUID() };
  };
  return {
    deps,
    clock,
    events: identity.events,
    users: identity.users,
    dataKeys: identity.dataKeys,
    records,
    sessions,
    conversations,
    queue,
    quota,
    /** The per-user budget counters, by `userId/counterId`. */
    budgetCounts: budgets.counts,
    metrics,
    devices: identity.devices,
    notifications: identity.notifications,
    notificationData,
    notices,
    addUser,
  };
};
