import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAiQuota } from '../../shared/adapters/aws/dynamo-ai-quota';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { putOnce } from '../../shared/adapters/aws/dynamo-kit';
import { DynamoConversations } from '../../shared/adapters/aws/dynamo-conversations';
import { DynamoDataKeyRepository } from '../../shared/adapters/aws/dynamo-data-key-repository';
import { DynamoLoginAttempts } from '../../shared/adapters/aws/dynamo-login-attempts';
import { DynamoRecords } from '../../shared/adapters/aws/dynamo-records';
import { DynamoRefreshFamilies } from '../../shared/adapters/aws/dynamo-refresh-families';
import { DynamoSymptomSessions } from '../../shared/adapters/aws/dynamo-symptom-sessions';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import { encodeCursor } from '../../shared/adapters/aws/page-cursor';
import { ValidationError } from '../../shared/errors';
import type { StoredConversation } from '../../shared/chat/ports';
import type { UserRecord } from '../../shared/identity/ports';
import type { ConsentRecord } from '../../shared/records/ports';
import type { StoredSymptomSession } from '../../shared/triage/ports';
import { localTableName, startDynamo } from '../../local/stand-ins';

/**
 * The DynamoDB adapters on the DynamoDB kit, through the real SDK client on dynalite: every item
 * lands under the key spelled by hand before the kit (asserted on the raw item), every invariant
 * is still one conditional write that answers `false` when its condition fails, and lists page
 * behind cursors bound to their partition.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBDocumentClient;
const table = {
  identity: localTableName('identity'),
  sessions: localTableName('sessions'),
  keys: localTableName('keys'),
  records: localTableName('records'),
};
beforeAll(async () => {
  dynamo = await startDynamo();
  client = createDocumentClient({ endpoint: dynamo.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const raw = async (tableName: string, Key: Record<string, string>) =>
  (await client.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }))).Item;

describe('Class: DynamoUserRepository', () => {
  const user = (): UserRecord => ({
    id: randomUUID(),
    emailSealed: 'cb1.sealed',
    emailIndex: randomUUID(),
    passwordHash: 'scrypt$hash',
    roles: ['patient'],
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  it('stores the account at USER#id and the e-mail claim at EMAIL#index; a claim is taken once', async () => {
    // Prepare
    const users = new DynamoUserRepository(client, table.identity);
    const ann = user();

    // Act
    const claimed = await users.claimEmail(ann.emailIndex, ann.id);
    const again = await users.claimEmail(ann.emailIndex, randomUUID());
    // The same claim sent again (as the SDK does after a lost answer) finds its own item: taken, by this account.
    const resent = await users.claimEmail(ann.emailIndex, ann.id);
    await users.create(ann);

    // Assess
    expect([claimed, again, resent]).toEqual([true, false, true]);
    expect(await raw(table.identity, { pk: `EMAIL#${ann.emailIndex}` })).toEqual({ pk: `EMAIL#${ann.emailIndex}`, kind: 'email', userId: ann.id });
    expect(await raw(table.identity, { pk: `USER#${ann.id}` })).toEqual({ pk: `USER#${ann.id}`, kind: 'user', ...ann });
    expect(await users.get(ann.id)).toEqual(ann);
    expect(await users.findIdByEmail(ann.emailIndex)).toBe(ann.id);
    await expect(users.create({ ...ann, passwordHash: 'scrypt$other' })).rejects.toThrow(expect.objectContaining({ name: 'ConditionalCheckFailedException' }));
  });

  it('swaps roles only from the expected ones, and hides its version', async () => {
    // Prepare
    const users = new DynamoUserRepository(client, table.identity);
    const ann = user();
    await users.create(ann);

    // Act
    const first = await users.setRoles(ann.id, ['patient', 'caregiver'], ['patient']);
    const stale = await users.setRoles(ann.id, ['patient', 'provider'], ['patient']);
    const second = await users.setRoles(ann.id, ['patient'], ['patient', 'caregiver']);
    const nobody = await users.setRoles(randomUUID(), ['patient'], ['patient']);

    // Assess
    expect([first, stale, second, nobody]).toEqual([true, false, true, false]);
    expect((await raw(table.identity, { pk: `USER#${ann.id}` }))?.['rolesVersion']).toBe(2);
    expect(await users.get(ann.id)).toEqual(ann);
  });

  it('releases the e-mail claim on delete only while it points at the user', async () => {
    // Prepare
    const users = new DynamoUserRepository(client, table.identity);
    const ann = user();
    const bob = user();
    await users.create(ann);
    await users.claimEmail(ann.emailIndex, bob.id);

    // Act
    await users.markDeleted(ann, '2026-02-01T00:00:00.000Z');
    await users.discard(bob.id, ann.emailIndex);

    // Assess
    expect(await raw(table.identity, { pk: `EMAIL#${ann.emailIndex}` })).toBeUndefined();
    const deleted = await raw(table.identity, { pk: `USER#${ann.id}` });
    expect(deleted).toMatchObject({ status: 'deleted', deletedAt: '2026-02-01T00:00:00.000Z' });
    expect(deleted).not.toHaveProperty('passwordHash');
  });
});

describe('Class: DynamoLoginAttempts', () => {
  it('counts failures at LOGIN#index, restarts a forgotten count at one, and locks', async () => {
    // Prepare
    const attempts = new DynamoLoginAttempts(client, table.identity);
    const index = randomUUID();
    const t0 = new Date();
    const lockAtThree = (failures: number) => (failures >= 3 ? 12345 : undefined);

    // Act
    const counts = [
      await attempts.recordFailure(index, t0, lockAtThree),
      await attempts.recordFailure(index, t0, lockAtThree),
      await attempts.recordFailure(index, t0, lockAtThree),
    ];
    const stored = await raw(table.identity, { pk: `LOGIN#${index}` });
    const afterADay = await attempts.recordFailure(index, new Date(t0.getTime() + 86_401_000), lockAtThree);

    // Assess
    expect(counts).toEqual([1, 2, 3]);
    expect(stored).toMatchObject({ pk: `LOGIN#${index}`, failures: 3, kind: 'login-attempts', lockedUntil: 12345 });
    expect(afterADay).toBe(1);
    expect(await raw(table.identity, { pk: `LOGIN#${index}` })).not.toHaveProperty('lockedUntil');
  });
});

describe('Class: DynamoRefreshFamilies', () => {
  it("stores FAMILY#id, rotates once per expected hash, and lists a user's families", async () => {
    // Prepare
    const families = new DynamoRefreshFamilies(client, table.sessions);
    const userId = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const family = { familyId: randomUUID(), userId, clientId: 'app', currentHash: 'h0', generation: 0, revoked: false, expiresAt: now + 3600 };
    await families.create(family);
    await families.create({ ...family, familyId: randomUUID() });

    // Act
    const rotated = await families.rotate(family.familyId, 'h0', 'h1', now);
    const replayed = await families.rotate(family.familyId, 'h0', 'h2', now);
    await families.revoke(family.familyId, 'logout');
    const afterRevoke = await families.rotate(family.familyId, 'h1', 'h2', now);

    // Assess
    expect([rotated, replayed, afterRevoke]).toEqual([true, false, false]);
    expect(await raw(table.sessions, { pk: `FAMILY#${family.familyId}` })).toMatchObject({ pk: `FAMILY#${family.familyId}`, currentHash: 'h1', generation: 1 });
    expect(await families.get(family.familyId)).not.toHaveProperty('pk');
    expect(await families.get(family.familyId)).toMatchObject({ ...family, currentHash: 'h1', generation: 1, revoked: true, revokedReason: 'logout' });
    expect((await families.familiesOf(userId)).sort()).toHaveLength(2);
    expect(await families.familiesOf(randomUUID())).toEqual([]);
  });
});

describe('Class: DynamoDataKeyRepository', () => {
  it('stores USER#id once, adds a version only over the expected one, and keeps a tombstone', async () => {
    // Prepare
    const keys = new DynamoDataKeyRepository(client, table.keys);
    const userId = randomUUID();

    // Act
    const created = await keys.create(userId, new Uint8Array([1]));
    const again = await keys.create(userId, new Uint8Array([9]));
    const added = await keys.addVersion(userId, 2, new Uint8Array([2]), 1);
    const stale = await keys.addVersion(userId, 2, new Uint8Array([3]), 1);
    const active = await keys.get(userId);
    await keys.destroy(userId);
    const afterDestroy = await keys.addVersion(userId, 3, new Uint8Array([3]), 2);

    // Assess
    expect([created, again, added, stale, afterDestroy]).toEqual([true, false, true, false, false]);
    expect(active).toEqual({ state: 'active', current: 2, versions: { 1: new Uint8Array([1]), 2: new Uint8Array([2]) } });
    expect(await keys.get(userId)).toEqual({ state: 'destroyed' });
    expect(await raw(table.keys, { pk: `USER#${userId}` })).toEqual({ pk: `USER#${userId}`, destroyedAt: expect.any(String) });
  });
});

describe('Class: DynamoRecords', () => {
  const records = () => new DynamoRecords(client, table.records);
  const consent = (patientId: string, granteeId: string): ConsentRecord => ({
    id: randomUUID(),
    kind: 'share',
    patientId,
    granteeId,
    scopes: ['profile.read'],
    purpose: 'care',
    createdAt: new Date().toISOString(),
  });

  it('versions the profile at USER#id / PROFILE', async () => {
    // Prepare
    const userId = randomUUID();

    // Act
    const first = await records().put(userId, 'cb1.a', '2026-01-01T00:00:00.000Z', undefined);
    const duplicate = await records().put(userId, 'cb1.x', '2026-01-01T00:00:00.000Z', undefined);
    const second = await records().put(userId, 'cb1.b', '2026-01-02T00:00:00.000Z', 1);
    const stale = await records().put(userId, 'cb1.y', '2026-01-03T00:00:00.000Z', 1);

    // Assess
    expect([first, duplicate, second, stale]).toEqual([true, false, true, false]);
    expect(await raw(table.records, { pk: `USER#${userId}`, sk: 'PROFILE' })).toEqual({
      pk: `USER#${userId}`,
      sk: 'PROFILE',
      data: 'cb1.b',
      version: 2,
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(await records().get(userId)).toEqual({ sealed: 'cb1.b', version: 2, updatedAt: '2026-01-02T00:00:00.000Z' });
  });

  it('stores consents at USER#patient / CONSENT#id, revokes once, and re-grants an AI consent only once revoked', async () => {
    // Prepare
    const patientId = randomUUID();
    const granteeId = randomUUID();
    const share = consent(patientId, granteeId);
    const ai: ConsentRecord = { id: `ai-${patientId}`, kind: 'ai_processing', patientId, createdAt: new Date().toISOString() };

    // Act
    const created = await records().create(share);
    const aiFirst = await records().create(ai);
    // Another grant meanwhile (another request, another instant): refused. The same bytes again would be this one's own write.
    const aiWhileActive = await records().create({ ...ai, createdAt: new Date(Date.parse(ai.createdAt) + 1).toISOString() });
    const revoked = await records().revoke(patientId, ai.id, '2026-01-02T00:00:00.000Z');
    const revokedTwice = await records().revoke(patientId, ai.id, '2026-01-03T00:00:00.000Z');
    const revokedMissing = await records().revoke(patientId, randomUUID(), '2026-01-03T00:00:00.000Z');
    const aiAgain = await records().create(ai);

    // Assess
    expect([created, aiFirst, aiWhileActive, revoked, revokedTwice, revokedMissing, aiAgain]).toEqual([true, true, false, true, false, false, true]);
    expect(await raw(table.records, { pk: `USER#${patientId}`, sk: `CONSENT#${share.id}` })).toEqual({
      pk: `USER#${patientId}`,
      sk: `CONSENT#${share.id}`,
      ...share,
    });
    expect(await records().get(patientId, share.id)).toEqual(share);
    expect(await records().between(patientId, granteeId)).toEqual([share]);
  });

  it('pages consents granted (oldest first) and received (by grantee) behind cursors bound to their key', async () => {
    // Prepare
    const patientId = randomUUID();
    const granteeId = randomUUID();
    const ids = ['0001', '0002', '0003'].map((n) => `${n}-${randomUUID()}`);
    for (const id of ids) await records().create({ ...consent(patientId, granteeId), id });

    // Act
    const first = await records().granted(patientId, { limit: 2 });
    const rest = await records().granted(patientId, { limit: 2, cursor: first.nextCursor! });
    const received = await records().received(granteeId, { limit: 10 });

    // Assess
    expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(rest.items.map((c) => c.id)).toEqual(ids.slice(2));
    expect(first.items[0]).not.toHaveProperty('pk');
    expect(received.items.map((c) => c.id).sort()).toEqual(ids);
    await expect(records().granted(randomUUID(), { limit: 2, cursor: first.nextCursor! })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      records().received(randomUUID(), { limit: 2, cursor: encodeCursor({ granteeId, pk: `USER#${patientId}`, sk: `CONSENT#${ids[0]}` })! }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('stores feedback at USER#id / FEEDBACK#time#id and reads it back without keys', async () => {
    // Prepare
    const userId = randomUUID();
    const feedback = { id: randomUUID(), userId, rating: 5, commentsSealed: 'cb1.c', createdAt: '2026-01-01T00:00:00.000Z' };

    // Act
    await records().add(feedback);

    // Assess
    expect(await raw(table.records, { pk: `USER#${userId}`, sk: `FEEDBACK#2026-01-01T00:00:00.000Z#${feedback.id}` })).toEqual({
      pk: `USER#${userId}`,
      sk: `FEEDBACK#2026-01-01T00:00:00.000Z#${feedback.id}`,
      ...feedback,
    });
    expect(await records().ofUser(userId)).toEqual([feedback]);
    await expect(records().add(feedback)).rejects.toThrow(expect.objectContaining({ name: 'ConditionalCheckFailedException' }));
  });
});

describe('Class: DynamoSymptomSessions', () => {
  const sessions = () => new DynamoSymptomSessions(client, table.records);
  const session = (patientId: string, id: string, createdAt: string): StoredSymptomSession => ({
    id,
    patientId,
    status: 'queued',
    revision: 1,
    processedRevision: 0,
    inputSealed: 'cb1.in',
    createdAt,
    updatedAt: createdAt,
  });

  it('stores USER#patient / SESSION#id, and moves it through one conditional write per step', async () => {
    // Prepare
    const patientId = randomUUID();
    const stored = session(patientId, randomUUID(), '2026-01-01T00:00:00.000Z');
    await sessions().create(stored);

    // Act
    await sessions().markProcessing(patientId, stored.id, 1, '2026-01-01T00:00:01.000Z');
    const completed = await sessions().complete(patientId, stored.id, 1, 'cb1.out', '2026-01-01T00:00:02.000Z');
    const redelivered = await sessions().complete(patientId, stored.id, 1, 'cb1.other', '2026-01-01T00:00:03.000Z');
    await sessions().markProcessing(patientId, stored.id, 1, '2026-01-01T00:00:04.000Z');
    const requeued = await sessions().requeue(patientId, stored.id, 'cb1.in2', 1, '2026-01-01T00:00:05.000Z');
    const staleRequeue = await sessions().requeue(patientId, stored.id, 'cb1.in3', 1, '2026-01-01T00:00:06.000Z');
    const missing = await sessions().complete(patientId, randomUUID(), 1, 'cb1.out', '2026-01-01T00:00:07.000Z');

    // Assess
    expect([completed, redelivered, requeued, staleRequeue, missing]).toEqual([true, false, true, false, false]);
    expect(await raw(table.records, { pk: `USER#${patientId}`, sk: `SESSION#${stored.id}` })).toEqual({
      pk: `USER#${patientId}`,
      sk: `SESSION#${stored.id}`,
      ...stored,
      status: 'queued',
      revision: 2,
      processedRevision: 1,
      inputSealed: 'cb1.in2',
      resultSealed: 'cb1.out',
      updatedAt: '2026-01-01T00:00:05.000Z',
    });
    await expect(sessions().create(stored)).rejects.toThrow(expect.objectContaining({ name: 'ConditionalCheckFailedException' }));
  });

  it("pages sessions newest first, counts recent ones, and refuses another partition's cursor", async () => {
    // Prepare
    const patientId = randomUUID();
    const ids = ['01', '02', '03'].map((n) => `${n}-${randomUUID()}`);
    for (const [i, id] of ids.entries()) await sessions().create(session(patientId, id, `2026-01-0${i + 1}T00:00:00.000Z`));

    // Act
    const first = await sessions().sessionsOf(patientId, { limit: 2 });
    const rest = await sessions().sessionsOf(patientId, { limit: 2, cursor: first.nextCursor! });
    const recent = await sessions().countSince(patientId, '2026-01-02T00:00:00.000Z');

    // Assess
    expect(first.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(rest.items.map((s) => s.id)).toEqual([ids[0]]);
    expect(rest.nextCursor).toBeUndefined();
    expect(first.items[0]).toEqual(session(patientId, ids[2]!, '2026-01-03T00:00:00.000Z'));
    expect(recent).toBe(2);
    await expect(sessions().sessionsOf(randomUUID(), { limit: 2, cursor: first.nextCursor! })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('Class: DynamoConversations', () => {
  it('stores USER#patient / CHAT#id, writes only over the expected revision, and pages newest first', async () => {
    // Prepare
    const conversations = new DynamoConversations(client, table.records);
    const patientId = randomUUID();
    const conversation = (id: string, revision: number): StoredConversation => ({
      id,
      patientId,
      persona: 'health_assistant',
      status: 'answered',
      revision,
      messagesSealed: `cb1.m${revision}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const [older, newer] = ['01', '02'].map((n) => `${n}-${randomUUID()}`) as [string, string];

    // Act
    const created = await conversations.saveConversation(conversation(older, 1), 0);
    // Another writer's save over the same revision (other messages) is refused; the same bytes again would be its own write.
    const duplicate = await conversations.saveConversation({ ...conversation(older, 1), messagesSealed: 'cb1.other' }, 0);
    const updated = await conversations.saveConversation(conversation(older, 2), 1);
    const stale = await conversations.saveConversation({ ...conversation(older, 2), messagesSealed: 'cb1.other' }, 1);
    await conversations.saveConversation(conversation(newer, 1), 0);
    const page = await conversations.conversationsOf(patientId, { limit: 1 });
    const next = await conversations.conversationsOf(patientId, { limit: 1, cursor: page.nextCursor! });

    // Assess
    expect([created, duplicate, updated, stale]).toEqual([true, false, true, false]);
    expect(await raw(table.records, { pk: `USER#${patientId}`, sk: `CHAT#${older}` })).toEqual({
      pk: `USER#${patientId}`,
      sk: `CHAT#${older}`,
      ...conversation(older, 2),
    });
    expect(await conversations.getConversation(patientId, older)).toEqual(conversation(older, 2));
    expect(page.items.map((c) => c.id)).toEqual([newer]);
    expect(next.items.map((c) => c.id)).toEqual([older]);
  });
});

describe('Class: DynamoAiQuota', () => {
  it('keeps the bucket at USER#id / AIQUOTA and never spends a token twice under concurrency', async () => {
    // Prepare
    const userId = randomUUID();
    const quota = new DynamoAiQuota(client, table.records, { burst: 3, perHour: 1 });

    // Act
    const decisions = await Promise.all(Array.from({ length: 6 }, () => quota.take(userId)));

    // Assess
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds > 0)).toBe(true);
    expect(await raw(table.records, { pk: `USER#${userId}`, sk: 'AIQUOTA' })).toMatchObject({
      pk: `USER#${userId}`,
      sk: 'AIQUOTA',
      tokens: expect.any(Number),
    });
  });
  it('lets the bucket expire (the records table’s TTL, epoch seconds) when it would be full again, which no item also means', async () => {
    // Prepare: a burst of 3, refilled at 2 an hour, at a fixed clock.
    const userId = randomUUID();
    const now = Date.UTC(2026, 10, 27, 9, 0, 0);
    const quota = new DynamoAiQuota(client, table.records, { burst: 3, perHour: 2 }, () => now);

    // Act
    await quota.take(userId);

    // Assess: one token spent, so full again in half an hour.
    const item = await raw(table.records, { pk: `USER#${userId}`, sk: 'AIQUOTA' });
    expect(item).toMatchObject({ tokens: 2, refilledAt: now, expiresAt: now / 1000 + 1800 });
    expect(Number.isInteger(item!['expiresAt'])).toBe(true);
  });
});

describe('Function: putOnce (dynamo-kit)', () => {
  it('takes exactly its own item, sets and bytes included, for written, and any other item for a refusal', async () => {
    // Prepare: an item with a string set and bytes, as the MFA and key items hold them.
    const pk = `ONCE#${randomUUID()}`;
    const item = { pk, sk: 'X', names: new Set(['b', 'a', 'c']), bytes: Buffer.from('wrapped key'), n: 1 };
    const put = (Item: Record<string, unknown>) =>
      putOnce(client, new PutCommand({ TableName: table.records, Item, ConditionExpression: 'attribute_not_exists(pk)' }));

    // Act
    const first = await put(item);
    const resent = await put({ ...item, names: new Set(['c', 'a', 'b']), bytes: new Uint8Array(Buffer.from('wrapped key')) });
    const otherSet = await put({ ...item, names: new Set(['a', 'b']) });
    const otherBytes = await put({ ...item, bytes: Buffer.from('another key') });
    const otherValue = await put({ ...item, n: 2 });

    // Assess
    expect([first, resent, otherSet, otherBytes, otherValue]).toEqual([true, true, false, false, false]);
  });
});
