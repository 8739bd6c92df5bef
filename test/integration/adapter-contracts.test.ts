import { FREE_FAILURES, lockSecondsAfter } from '../../shared/domain/lockout';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoIdempotency } from '../../shared/adapters/aws/dynamo-idempotency';
import { DynamoLoginAttempts } from '../../shared/adapters/aws/dynamo-login-attempts';
import { DynamoMfa, DynamoMfaChallenges } from '../../shared/adapters/aws/dynamo-mfa';
import { DynamoRefreshFamilies } from '../../shared/adapters/aws/dynamo-refresh-families';
import { DynamoSymptomSessions } from '../../shared/adapters/aws/dynamo-symptom-sessions';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import { LocalDataKeyService } from '../../shared/adapters/local/local-data-keys';
import type {
  LoginAttemptStore,
  MfaChallengeStore,
  MfaStore,
  RefreshFamily,
  RefreshFamilyRepository,
  UserRecord,
  UserRepository,
} from '../../shared/identity/ports';
import type { StoredSymptomSession, SymptomSessionRepository } from '../../shared/triage/ports';
import type { DataKeyService } from '../../shared/vault/ports';
import { inMemorySymptomSessions } from '../helpers/fakes/triage';
import { inMemoryMfa } from '../helpers/fakes/mfa';
import { inMemoryDataKeys, inMemoryIdentity } from '../helpers/in-memory';
import { localTableName, startDynamo } from '../../local/stand-ins';

/**
 * The in-memory fakes the use-case unit tests run on (test/helpers) against the adapters they stand for, on the same
 * cases: the conditions that make a write throw, refuse or do nothing, and what a write leaves behind. A unit test on a
 * fake proves only as much as the fake agrees with its adapter. DynamoDB adapters run on dynalite through the real SDK
 * client; the data-key service against the local keyring (which binds keys to their user as KMS does).
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBDocumentClient;
let keyring: string;
const table = { identity: localTableName('identity'), sessions: localTableName('sessions'), records: localTableName('records') };
beforeAll(async () => {
  dynamo = await startDynamo();
  client = createDocumentClient({ endpoint: dynamo.endpoint });
  keyring = mkdtempSync(join(tmpdir(), 'carebow-contracts-'));
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
  if (keyring !== undefined) rmSync(keyring, { recursive: true, force: true });
});

const conditionFailure = expect.objectContaining({ name: 'ConditionalCheckFailedException' });
/** The identity fakes read "now" from their clock; the adapters from the wall clock. Here both are the wall clock. */
const identityFakes = () => inMemoryIdentity({ clock: { now: () => new Date() } }).deps;

describe.each<[string, () => DataKeyService]>([
  ['inMemoryDataKeys', () => inMemoryDataKeys().service],
  ['LocalDataKeyService', () => new LocalDataKeyService(keyring)],
])('Contract DataKeyService: %s', (_name, make) => {
  it("unwraps a key for the user it was made for, and fails for another user's id", async () => {
    // Prepare
    const service = make();
    const { plaintext, wrapped } = await service.generate('user-a');

    // Act
    const own = await service.unwrap('user-a', wrapped);
    const other = service.unwrap('user-b', wrapped);

    // Assess
    expect(Buffer.from(own).equals(Buffer.from(plaintext))).toBe(true);
    await expect(other).rejects.toThrow();
  });
});

describe.each<[string, () => UserRepository]>([
  ['inMemoryIdentity', () => identityFakes().users],
  ['DynamoUserRepository', () => new DynamoUserRepository(client, table.identity)],
])('Contract UserRepository: %s', (_name, make) => {
  const user = (): UserRecord => ({
    id: randomUUID(),
    emailSealed: 'cb1.sealed',
    emailIndex: randomUUID(),
    passwordHash: 'scrypt$hash',
    roles: ['patient'],
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  it('never overwrites: creating an existing id throws and leaves the first', async () => {
    // Prepare
    const users = make();
    const ann = user();
    await users.create(ann);

    // Act
    const again = users.create({ ...ann, passwordHash: 'scrypt$other' });

    // Assess
    await expect(again).rejects.toThrow(conditionFailure);
    expect(await users.get(ann.id)).toEqual(ann);
  });

  it('throws for an unknown id on setPasswordHash and markDeleted, and creates nothing', async () => {
    // Prepare
    const users = make();
    const ghost = user();

    // Act
    const setHash = users.setPasswordHash(ghost.id, 'scrypt$new');
    const deleted = users.markDeleted(ghost, '2026-02-01T00:00:00.000Z');

    // Assess
    await expect(setHash).rejects.toThrow(conditionFailure);
    await expect(deleted).rejects.toThrow(conditionFailure);
    expect(await users.get(ghost.id)).toBeUndefined();
  });

  it('marks deleted: status and deletedAt set, passwordHash removed, the e-mail claim freed', async () => {
    // Prepare
    const users = make();
    const ann = user();
    await users.claimEmail(ann.emailIndex, ann.id);
    await users.create(ann);

    // Act
    await users.markDeleted(ann, '2026-02-01T00:00:00.000Z');

    // Assess
    const { passwordHash: _gone, ...rest } = ann;
    expect(await users.get(ann.id)).toEqual({ ...rest, status: 'deleted', deletedAt: '2026-02-01T00:00:00.000Z' });
    expect(await users.findIdByEmail(ann.emailIndex)).toBeUndefined();
  });
});

describe.each<[string, () => RefreshFamilyRepository]>([
  ['inMemoryIdentity', () => identityFakes().refreshFamilies],
  ['DynamoRefreshFamilies', () => new DynamoRefreshFamilies(client, table.sessions)],
])('Contract RefreshFamilyRepository: %s', (_name, make) => {
  const NOW = 1_900_000_000;
  const family = (expiresAt = NOW + 3600): RefreshFamily => ({
    familyId: randomUUID(),
    userId: randomUUID(),
    clientId: 'app',
    currentHash: 'h0',
    generation: 1,
    revoked: false,
    expiresAt,
  });

  it('never overwrites: creating an existing id throws and leaves the first', async () => {
    // Prepare
    const families = make();
    const first = family();
    await families.create(first);

    // Act
    const again = families.create({ ...first, currentHash: 'other' });

    // Assess
    await expect(again).rejects.toThrow(conditionFailure);
    expect(await families.get(first.familyId)).toMatchObject({ currentHash: 'h0' });
  });

  it('rotates only while expiresAt is after now', async () => {
    // Prepare
    const families = make();
    const live = family(NOW + 1);
    const expiring = family(NOW);
    await families.create(live);
    await families.create(expiring);

    // Act
    const rotated = await families.rotate(live.familyId, 'h0', 'h1', NOW);
    const expired = await families.rotate(expiring.familyId, 'h0', 'h1', NOW);

    // Assess
    expect([rotated, expired]).toEqual([true, false]);
    expect(await families.get(live.familyId)).toMatchObject({ currentHash: 'h1', generation: 2 });
    expect(await families.get(expiring.familyId)).toMatchObject({ currentHash: 'h0', generation: 1 });
  });

  it('throws when revoking an unknown family, and creates nothing', async () => {
    // Prepare
    const families = make();
    const ghost = randomUUID();

    // Act
    const revoked = families.revoke(ghost, 'logout');

    // Assess
    await expect(revoked).rejects.toThrow(conditionFailure);
    expect(await families.get(ghost)).toBeUndefined();
  });
});

describe.each<[string, () => LoginAttemptStore]>([
  ['inMemoryIdentity', () => identityFakes().loginAttempts],
  ['DynamoLoginAttempts', () => new DynamoLoginAttempts(client, table.identity)],
])('Contract LoginAttemptStore: %s', (_name, make) => {
  const DAY_MS = 86_400_000;
  const LOCK = 1_900_000_000_000;

  it('keeps an earlier lock when a later failure sets none', async () => {
    // Prepare
    const attempts = make();
    const index = randomUUID();
    const now = new Date();
    await attempts.recordFailure(index, now, () => LOCK);

    // Act
    const failures = await attempts.recordFailure(index, now, () => undefined);

    // Assess
    expect(failures).toBe(2);
    expect(await attempts.get(index)).toEqual({ failures: 2, lockedUntil: LOCK });
  });

  it('forgets the count and its lock a day after the last failure, not before', async () => {
    // Prepare
    const attempts = make();
    const [recent, stale] = [randomUUID(), randomUUID()];
    const now = Date.now();
    await attempts.recordFailure(recent, new Date(now - DAY_MS + 60_000), () => LOCK);
    await attempts.recordFailure(stale, new Date(now - DAY_MS - 60_000), () => LOCK);

    // Act
    const stillCounted = await attempts.get(recent);
    const forgotten = await attempts.get(stale);
    const restarted = await attempts.recordFailure(stale, new Date(now), () => undefined);

    // Assess
    expect(stillCounted).toEqual({ failures: 1, lockedUntil: LOCK });
    expect(forgotten).toBeUndefined();
    expect(restarted).toBe(1);
    expect(await attempts.get(stale)).toEqual({ failures: 1 });
  });

  it('claims attempts one by one, refuses while the lock they set holds (with its end), and counts on once it ends', async () => {
    // Prepare: a lock of a minute from the third attempt on.
    const attempts = make();
    const index = randomUUID();
    const now = Date.now();
    const policy = (at: number) => (count: number) => (count >= 3 ? at + 60_000 : undefined);

    // Act
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await attempts.claim(index, new Date(now), policy(now)));
    const afterLock = await attempts.claim(index, new Date(now + 61_000), policy(now + 61_000));

    // Assess
    expect(first).toEqual([
      { ok: true, attempts: 1 },
      { ok: true, attempts: 2 },
      { ok: true, attempts: 3 },
      { ok: false, lockedUntil: now + 60_000 },
    ]);
    expect(afterLock).toEqual({ ok: true, attempts: 4 });
    expect(await attempts.get(index)).toEqual({ failures: 4, lockedUntil: now + 121_000 });
  });

  it('gives each of 16 claims in flight a count of its own: only those before the lock pass', async () => {
    // Prepare: the login throttle's policy for one source (FREE_FAILURES free, the last of them locking).
    const attempts = make();
    const index = randomUUID();
    const now = new Date();

    // Act
    const claims = await Promise.all(
      Array.from({ length: 16 }, () => attempts.claim(index, now, (count) => (lockSecondsAfter(count) > 0 ? now.getTime() + 60_000 : undefined))),
    );

    // Assess
    const passed = claims.filter((claim) => claim.ok).map((claim) => (claim as { attempts: number }).attempts);
    expect(passed.sort((a, b) => a - b)).toEqual(Array.from({ length: FREE_FAILURES }, (_, i) => i + 1));
    expect(claims.filter((claim) => !claim.ok).every((claim) => claim.lockedUntil > now.getTime())).toBe(true);
    expect(await attempts.get(index)).toEqual({ failures: FREE_FAILURES, lockedUntil: now.getTime() + 60_000 });
  });

  it('forgets a claimed count a day after its last attempt, and starts again at one', async () => {
    // Prepare
    const attempts = make();
    const index = randomUUID();
    await attempts.claim(index, new Date(Date.now() - DAY_MS - 60_000), () => LOCK);

    // Act
    const again = await attempts.claim(index, new Date(), () => undefined);

    // Assess
    expect(again).toEqual({ ok: true, attempts: 1 });
    expect(await attempts.get(index)).toEqual({ failures: 1 });
  });
});

describe.each<[string, () => SymptomSessionRepository]>([
  ['inMemorySymptomSessions', () => inMemorySymptomSessions().repository],
  ['DynamoSymptomSessions', () => new DynamoSymptomSessions(client, table.records)],
])('Contract SymptomSessionRepository: %s', (_name, make) => {
  const session = (patientId: string, createdAt = '2026-01-01T00:00:00.000Z'): StoredSymptomSession => ({
    id: randomUUID(),
    patientId,
    status: 'queued',
    revision: 1,
    processedRevision: 0,
    inputSealed: 'cb1.in',
    createdAt,
    updatedAt: createdAt,
  });

  it('fails an existing session whatever its status, and does nothing for a missing one', async () => {
    // Prepare
    const sessions = make();
    const patientId = randomUUID();
    const stored = session(patientId);
    await sessions.create(stored);
    const missing = randomUUID();

    // Act
    await sessions.fail(patientId, stored.id, '2026-01-01T00:00:01.000Z');
    await sessions.fail(patientId, missing, '2026-01-01T00:00:01.000Z');

    // Assess
    expect(await sessions.getSession(patientId, stored.id)).toEqual({ ...stored, status: 'failed', updatedAt: '2026-01-01T00:00:01.000Z' });
    expect(await sessions.getSession(patientId, missing)).toBeUndefined();
  });

  it('discards a session still at revision 1 (completed or not), and neither a requeued nor a missing one', async () => {
    // Prepare
    const sessions = make();
    const patientId = randomUUID();
    const [queued, completed, requeued] = [session(patientId), session(patientId), session(patientId)];
    for (const stored of [queued, completed, requeued]) await sessions.create(stored);
    await sessions.complete(patientId, completed.id, 1, 'cb1.result', '2026-01-01T00:00:01.000Z');
    await sessions.requeue(patientId, requeued.id, 'cb1.in2', 1, '2026-01-01T00:00:01.000Z');

    // Act
    const results = [
      await sessions.discard(patientId, queued.id),
      await sessions.discard(patientId, completed.id),
      await sessions.discard(patientId, requeued.id),
      await sessions.discard(patientId, randomUUID()),
    ];

    // Assess
    expect(results).toEqual([true, true, false, false]);
    expect(await sessions.getSession(patientId, queued.id)).toBeUndefined();
    expect(await sessions.getSession(patientId, completed.id)).toBeUndefined();
    expect(await sessions.getSession(patientId, requeued.id)).toMatchObject({ revision: 2, inputSealed: 'cb1.in2' });
  });
});

/** A client whose queries return `limit` items a page, as a 1 MB page would with bigger items. */
const smallPages = (limit: number) =>
  ({
    send: (command: unknown) =>
      command instanceof QueryCommand ? client.send(new QueryCommand({ ...command.input, Limit: limit })) : client.send(command as PutCommand),
  }) as unknown as DynamoDBDocumentClient;

describe('Class: DynamoSymptomSessions (every page)', () => {
  it('counts the sessions since a time over every page of the query, not just the first', async () => {
    // Prepare
    const patientId = randomUUID();
    const sessions = new DynamoSymptomSessions(smallPages(2), table.records);
    const days = ['01', '02', '03', '04', '05', '06', '07'];
    for (const day of days) {
      const createdAt = `2026-01-${day}T00:00:00.000Z`;
      await sessions.create({
        id: randomUUID(),
        patientId,
        status: 'queued',
        revision: 1,
        processedRevision: 0,
        inputSealed: 'cb1.in',
        createdAt,
        updatedAt: createdAt,
      });
    }

    // Act
    const recent = await sessions.countSince(patientId, '2026-01-03T00:00:00.000Z');

    // Assess
    expect(recent).toBe(5);
  });
});

describe('Class: DynamoIdempotency (claim and complete conditions)', () => {
  const T0 = new Date('2026-11-25T12:00:00Z');
  const rawKey = (userId: string, key: string) => ({ pk: `USER#${userId}`, sk: `IDEMPOTENCY#${key}` });
  const raw = async (userId: string, key: string) =>
    (await client.send(new GetCommand({ TableName: table.records, Key: rawKey(userId, key), ConsistentRead: true }))).Item;

  it('completes nothing without an unfinished claim: it throws and creates no record', async () => {
    // Prepare
    const store = new DynamoIdempotency(client, table.records);
    const userId = randomUUID();

    // Act
    const unclaimed = store.complete(userId, 'key-unclaimed', 'sealed-response');

    // Assess
    await expect(unclaimed).rejects.toThrow(conditionFailure);
    expect(await raw(userId, 'key-unclaimed')).toBeUndefined();
    expect(await store.claim(userId, 'key-unclaimed', 'fp-1', T0)).toEqual({ state: 'new' });
  });

  it('completes a claim once: a second complete throws and the first answer stays', async () => {
    // Prepare
    const store = new DynamoIdempotency(client, table.records);
    const userId = randomUUID();
    await store.claim(userId, 'key-twice', 'fp-1', T0);
    await store.complete(userId, 'key-twice', 'sealed-first');

    // Act
    const second = store.complete(userId, 'key-twice', 'sealed-second');

    // Assess
    await expect(second).rejects.toThrow(conditionFailure);
    expect(await store.claim(userId, 'key-twice', 'fp-1', T0)).toEqual({ state: 'done', responseSealed: 'sealed-first' });
    expect(await raw(userId, 'key-twice')).toMatchObject({ fingerprint: 'fp-1', status: 'done', expiresAt: T0.getTime() / 1000 + 86_400 });
  });

  it('completes nothing after the claim was released', async () => {
    // Prepare
    const store = new DynamoIdempotency(client, table.records);
    const userId = randomUUID();
    await store.claim(userId, 'key-released', 'fp-1', T0);
    await store.release(userId, 'key-released');

    // Act
    const late = store.complete(userId, 'key-released', 'sealed-response');

    // Assess
    await expect(late).rejects.toThrow(conditionFailure);
    expect(await raw(userId, 'key-released')).toBeUndefined();
  });

  /** A client under which, before each read, another request releases the key (and, with `reclaim`, claims it again). */
  const racing = (reclaim: boolean) =>
    ({
      send: async (command: unknown) => {
        if (command instanceof GetCommand) {
          const { Key } = command.input;
          const held = (await client.send(new GetCommand({ TableName: table.records, Key, ConsistentRead: true }))).Item;
          await client.send(new DeleteCommand({ TableName: table.records, Key }));
          const read = await client.send(command);
          if (reclaim && held !== undefined) await client.send(new PutCommand({ TableName: table.records, Item: held }));
          return read;
        }
        return client.send(command as PutCommand);
      },
    }) as unknown as DynamoDBDocumentClient;

  it('claims the key when the record it was refused by is released before the read (not a mismatch)', async () => {
    // Prepare
    const userId = randomUUID();
    await new DynamoIdempotency(client, table.records).claim(userId, 'key-vanished', 'fp-other', T0);
    const store = new DynamoIdempotency(racing(false), table.records);

    // Act
    const claim = await store.claim(userId, 'key-vanished', 'fp-1', new Date(T0.getTime() + 1000));

    // Assess
    expect(claim).toEqual({ state: 'new' });
    expect(await raw(userId, 'key-vanished')).toMatchObject({ fingerprint: 'fp-1', status: 'in_progress' });
  });

  it('answers in progress (busy, not a mismatch) when the record vanishes before the read twice', async () => {
    // Prepare
    const userId = randomUUID();
    await new DynamoIdempotency(client, table.records).claim(userId, 'key-flapping', 'fp-other', T0);
    const store = new DynamoIdempotency(racing(true), table.records);

    // Act
    const claim = await store.claim(userId, 'key-flapping', 'fp-1', new Date(T0.getTime() + 1000));

    // Assess
    expect(claim).toEqual({ state: 'in_progress', retryAfterSeconds: 1 });
    expect(await raw(userId, 'key-flapping')).toMatchObject({ fingerprint: 'fp-other' });
  });
});

describe.each<[string, () => MfaStore]>([
  ['inMemoryMfa', () => inMemoryMfa().store],
  ['DynamoMfa', () => new DynamoMfa(client, table.identity)],
])('Contract MfaStore: %s', (_name, make) => {
  it('replaces a pending enrolment but never an active one, and activates only the pending secret', async () => {
    // Prepare
    const store = make();
    const userId = randomUUID();
    await store.putPending(userId, 'sealed-1', '2026-01-01T00:00:00.000Z');

    // Act
    const replaced = await store.putPending(userId, 'sealed-2', '2026-01-01T00:00:01.000Z');
    const staleActivation = await store.activate(userId, 'sealed-1', 10, ['h1']);
    const activation = await store.activate(userId, 'sealed-2', 10, ['h1', 'h2']);
    const overActive = await store.putPending(userId, 'sealed-3', '2026-01-01T00:00:02.000Z');

    // Assess
    expect([replaced, staleActivation, activation, overActive]).toEqual([true, false, true, false]);
    expect(await store.get(userId)).toMatchObject({
      status: 'active',
      secretSealed: 'sealed-2',
      lastStep: 10,
      recoveryHashes: expect.arrayContaining(['h1', 'h2']),
    });
  });

  it('uses a step only forward and a recovery code once; removes only an active enrolment, and restores it', async () => {
    // Prepare
    const store = make();
    const userId = randomUUID();
    await store.putPending(userId, 'sealed', '2026-01-01T00:00:00.000Z');
    await store.activate(userId, 'sealed', 10, ['h1', 'h2']);

    // Act
    const steps = [await store.useStep(userId, 10), await store.useStep(userId, 11), await store.useStep(userId, 11), await store.useStep(userId, 9)];
    const codes = [await store.useRecoveryCode(userId, 'h1'), await store.useRecoveryCode(userId, 'h1'), await store.useRecoveryCode(userId, 'nope')];
    const before = await store.get(userId);
    const removed = [await store.remove(userId), await store.remove(userId)];
    await store.restore(userId, before!);

    // Assess
    expect(steps).toEqual([false, true, false, false]);
    expect(codes).toEqual([true, false, false]);
    expect(removed).toEqual([true, false]);
    expect(await store.get(userId)).toEqual(before);
    expect(before).toMatchObject({ lastStep: 11, recoveryHashes: ['h2'] });
  });
});

describe.each<[string, () => MfaChallengeStore]>([
  ['inMemoryMfa', () => inMemoryMfa().challengeStore],
  ['DynamoMfaChallenges', () => new DynamoMfaChallenges(client, table.identity)],
])('Contract MfaChallengeStore: %s', (_name, make) => {
  it('consumes a challenge exactly once, and never overwrites one', async () => {
    // Prepare
    const store = make();
    const hash = randomUUID();
    const challenge = { userId: randomUUID(), authTime: 1_000, expiresAt: 1_300 };
    await store.create(hash, challenge);

    // Act
    const again = await store.create(hash, { ...challenge, userId: 'someone-else' }).then(
      () => 'overwritten',
      (error: unknown) => error,
    );
    const read = await store.get(hash);
    const consumed = [await store.consume(hash), await store.consume(hash)];

    // Assess
    expect(again).toEqual(conditionFailure);
    expect(read).toEqual(challenge);
    expect(consumed).toEqual([true, false]);
    expect(await store.get(hash)).toBeUndefined();
  });
});
