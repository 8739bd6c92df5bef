import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditAppendError, DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoConversations } from '../../shared/adapters/aws/dynamo-conversations';
import { DynamoRecords } from '../../shared/adapters/aws/dynamo-records';
import { DynamoSymptomSessions } from '../../shared/adapters/aws/dynamo-symptom-sessions';
import { DynamoUsageCounters } from '../../shared/adapters/aws/dynamo-usage-counters';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import type { StoredConversation } from '../../shared/chat/ports';
import { sendChatMessage } from '../../shared/chat/send-message';
import type { TriageInput } from '../../shared/contracts/triage';
import type { Caller } from '../../shared/domain/caller';
import { errorResponse } from '../../shared/http/error-response';
import { createConsent, revokeConsent } from '../../shared/records/consents';
import { giveFeedback } from '../../shared/records/feedback';
import type { ConsentRecord, FeedbackRecord } from '../../shared/records/ports';
import { etagOf, putOwnProfile } from '../../shared/records/profile';
import { answerFollowUps } from '../../shared/triage/sessions';
import { startSession } from '../../shared/triage/start-session';
import { Vault } from '../../shared/vault/vault';
import { localTableName, startDynamo } from '../../local/stand-ins';
import { inMemoryAiQuota } from '../helpers/fakes/chat';
import { inMemoryQueue } from '../helpers/fakes/triage';
import { inMemoryDataKeys, META } from '../helpers/in-memory';
import { CHEST_PAIN, MILD_COLD } from '../helpers/triage';

/**
 * "If the audit append fails, the request fails, and nothing is half-written" (docs/security.md #12), through the
 * real SDK on dynalite: each compensating write of the records and conversations adapters undoes its own write and
 * refuses once the item has changed, and the use cases, given an audit log whose table does not exist, fail with
 * the audit error and leave the records table exactly as it was.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let client: DynamoDBDocumentClient;
const TABLE = localTableName('records');
beforeAll(async () => {
  dynamo = await startDynamo();
  client = createDocumentClient({ endpoint: dynamo.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const records = () => new DynamoRecords(client, TABLE);
const conversations = () => new DynamoConversations(client, TABLE);
const raw = async (pk: string, sk: string) => (await client.send(new GetCommand({ TableName: TABLE, Key: { pk, sk }, ConsistentRead: true }))).Item;
/** Every item of a patient's partition, as stored. */
const partition = async (userId: string) =>
  (await client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `USER#${userId}` } }))).Items;

describe('Class: DynamoRecords (undos)', () => {
  it('undoPut puts the previous version back, or deletes a new profile, only while its version is still the one written', async () => {
    // Prepare
    const [userId, newUserId] = [randomUUID(), randomUUID()];
    await records().put(userId, 'cb1.v1', '2026-01-01T00:00:00.000Z', undefined);
    const v1 = await raw(`USER#${userId}`, 'PROFILE');
    await records().put(userId, 'cb1.v2', '2026-01-02T00:00:00.000Z', 1);
    await records().put(newUserId, 'cb1.new', '2026-01-02T00:00:00.000Z', undefined);

    // Act
    const undone = await records().undoPut(userId, { version: 2 }, { sealed: 'cb1.v1', version: 1, updatedAt: '2026-01-01T00:00:00.000Z' });
    const deleted = await records().undoPut(newUserId, { version: 1 }, undefined);
    await records().put(userId, 'cb1.v2b', '2026-01-03T00:00:00.000Z', 1);
    await records().put(userId, 'cb1.v3', '2026-01-04T00:00:00.000Z', 2);
    const overwritten = await records().undoPut(userId, { version: 2 }, { sealed: 'cb1.v1', version: 1, updatedAt: '2026-01-01T00:00:00.000Z' });

    // Assess
    expect([undone, deleted, overwritten]).toEqual([true, true, false]);
    expect(v1).toEqual({ pk: `USER#${userId}`, sk: 'PROFILE', data: 'cb1.v1', version: 1, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await raw(`USER#${newUserId}`, 'PROFILE')).toBeUndefined();
    expect(await records().get(userId)).toEqual({ sealed: 'cb1.v3', version: 3, updatedAt: '2026-01-04T00:00:00.000Z' });
  });

  it('undoCreate deletes a new consent, or puts back the revoked one it replaced, only while it is the same and unrevoked', async () => {
    // Prepare
    const patientId = randomUUID();
    const share: ConsentRecord = {
      id: randomUUID(),
      kind: 'share',
      patientId,
      granteeId: randomUUID(),
      scopes: ['profile.read'],
      purpose: 'caregiving',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const ai: ConsentRecord = { id: randomUUID(), kind: 'ai_processing', patientId, createdAt: '2026-01-01T00:00:00.000Z' };
    await records().create(share);
    await records().create(ai);
    await records().revoke(patientId, ai.id, '2026-01-02T00:00:00.000Z');
    const revokedAi = await raw(`USER#${patientId}`, `CONSENT#${ai.id}`);
    const renewed = { ...ai, createdAt: '2026-01-03T00:00:00.000Z' };
    await records().create(renewed);

    // Act
    const shareUndone = await records().undoCreate(share, undefined);
    const aiUndone = await records().undoCreate(renewed, { ...ai, revokedAt: '2026-01-02T00:00:00.000Z' });
    const restored = await raw(`USER#${patientId}`, `CONSENT#${ai.id}`);
    await records().create(renewed);
    await records().revoke(patientId, ai.id, '2026-01-04T00:00:00.000Z');
    const afterRevoke = await records().undoCreate(renewed, undefined);
    const again = await records().undoCreate(share, undefined);

    // Assess
    expect([shareUndone, aiUndone, afterRevoke, again]).toEqual([true, true, false, false]);
    expect(revokedAi).toMatchObject({ revokedAt: '2026-01-02T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(restored).toEqual(revokedAi);
    expect(await raw(`USER#${patientId}`, `CONSENT#${share.id}`)).toBeUndefined();
    expect(await records().get(patientId, ai.id)).toEqual({ ...renewed, revokedAt: '2026-01-04T00:00:00.000Z' });
  });

  it('undoRevoke removes its own revokedAt only, and refuses once the consent was renewed', async () => {
    // Prepare
    const patientId = randomUUID();
    const ai: ConsentRecord = { id: randomUUID(), kind: 'ai_processing', patientId, createdAt: '2026-01-01T00:00:00.000Z' };
    await records().create(ai);
    const before = await raw(`USER#${patientId}`, `CONSENT#${ai.id}`);
    await records().revoke(patientId, ai.id, '2026-01-02T00:00:00.000Z');

    // Act
    const someoneElses = await records().undoRevoke(patientId, ai.id, '2026-01-09T00:00:00.000Z');
    const undone = await records().undoRevoke(patientId, ai.id, '2026-01-02T00:00:00.000Z');
    const afterUndo = await raw(`USER#${patientId}`, `CONSENT#${ai.id}`);
    await records().revoke(patientId, ai.id, '2026-01-03T00:00:00.000Z');
    await records().create({ ...ai, createdAt: '2026-01-04T00:00:00.000Z' });
    const afterRenewal = await records().undoRevoke(patientId, ai.id, '2026-01-03T00:00:00.000Z');
    const missing = await records().undoRevoke(patientId, randomUUID(), '2026-01-03T00:00:00.000Z');

    // Assess
    expect([someoneElses, undone, afterRenewal, missing]).toEqual([false, true, false, false]);
    expect(afterUndo).toEqual(before);
    expect(await records().get(patientId, ai.id)).toEqual({ ...ai, createdAt: '2026-01-04T00:00:00.000Z' });
  });

  it('undoAdd deletes the feedback it added, touches no other, and answers false once it is gone', async () => {
    // Prepare
    const userId = randomUUID();
    const feedback = (id: string): FeedbackRecord => ({ id, userId, rating: 3, commentsSealed: 'cb1.c', createdAt: '2026-01-01T00:00:00.000Z' });
    const [mine, other] = [feedback(randomUUID()), feedback(randomUUID())];
    await records().add(mine);
    await records().add(other);

    // Act
    const undone = await records().undoAdd(mine);
    const again = await records().undoAdd(mine);

    // Assess
    expect([undone, again]).toEqual([true, false]);
    expect(await records().ofUser(userId)).toEqual([other]);
  });
});

describe('Class: DynamoConversations (undos)', () => {
  const conversation = (patientId: string, id: string, revision: number, status: StoredConversation['status'] = 'answered'): StoredConversation => ({
    id,
    patientId,
    persona: 'health_assistant',
    status,
    revision,
    messagesSealed: `cb1.m${revision}${status}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: `2026-01-0${revision}T00:00:00.000Z`,
  });

  it('undoSave puts the previous revision back, or deletes a new conversation, only while it is still the one saved', async () => {
    // Prepare
    const patientId = randomUUID();
    const [id, newId] = [randomUUID(), randomUUID()];
    await conversations().saveConversation(conversation(patientId, id, 1), 0);
    const before = await raw(`USER#${patientId}`, `CHAT#${id}`);
    await conversations().saveConversation(conversation(patientId, id, 2, 'pending'), 1);
    await conversations().saveConversation(conversation(patientId, newId, 1, 'pending'), 0);

    // Act
    const undone = await conversations().undoSave(conversation(patientId, id, 2, 'pending'), conversation(patientId, id, 1));
    const deleted = await conversations().undoSave(conversation(patientId, newId, 1, 'pending'), undefined);

    // Assess
    expect([undone, deleted]).toEqual([true, true]);
    expect(await raw(`USER#${patientId}`, `CHAT#${id}`)).toEqual(before);
    expect(await raw(`USER#${patientId}`, `CHAT#${newId}`)).toBeUndefined();
  });

  it('undoSave refuses once the worker answered the revision, or a newer message came', async () => {
    // Prepare
    const patientId = randomUUID();
    const id = randomUUID();
    await conversations().saveConversation(conversation(patientId, id, 1), 0);
    const pending = conversation(patientId, id, 2, 'pending');
    await conversations().saveConversation(pending, 1);
    const answered = conversation(patientId, id, 2, 'answered');
    await conversations().saveConversation(answered, 2);

    // Act
    const afterAnswer = await conversations().undoSave(pending, conversation(patientId, id, 1));
    await conversations().saveConversation(conversation(patientId, id, 3, 'pending'), 2);
    const afterNewer = await conversations().undoSave(answered, conversation(patientId, id, 1));

    // Assess
    expect([afterAnswer, afterNewer]).toEqual([false, false]);
    expect(await conversations().getConversation(patientId, id)).toEqual(conversation(patientId, id, 3, 'pending'));
  });
});

describe('Use cases on dynalite whose audit append fails', () => {
  /** The real audit adapter on a table that does not exist: every append fails as DynamoDB would. */
  const brokenAudit = () => new DynamoAuditLog(client, 'carebow-local-no-such-audit-table');
  const AUDIT_ERROR = { name: 'ResourceNotFoundException' };

  const setUp = async () => {
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    const users = new DynamoUserRepository(client, localTableName('identity'));
    const account = async (roles: ('patient' | 'caregiver')[]): Promise<Caller> => {
      const id = randomUUID();
      await vault.createKey(id);
      await users.create({
        id,
        emailSealed: 'cb1.e',
        emailIndex: randomUUID(),
        passwordHash: 'scrypt$x',
        roles,
        status: 'active',
        createdAt: new Date().toISOString(),
      });
      return { userId: id, roles, clientId: 'app', tokenId: randomUUID() };
    };
    const deps = {
      profiles: records(),
      consents: records(),
      feedback: records(),
      conversations: conversations(),
      users,
      vault,
      audit: new DynamoAuditLog(client, localTableName('audit')),
      clock: { now: () => new Date() },
      quota: inMemoryAiQuota().quota,
      queue: inMemoryQueue().queue,
      modelConfigured: false,
    };
    return { deps, broken: { ...deps, audit: brokenAudit() }, patient: await account(['patient']), caregiver: await account(['patient', 'caregiver']) };
  };

  it('putOwnProfile fails with the audit error and leaves the previous version in place', async () => {
    // Prepare
    const { deps, broken, patient } = await setUp();
    await putOwnProfile(deps, patient, { sex: 'female' }, undefined, META);
    const before = await partition(patient.userId);

    // Act
    const replace = putOwnProfile(broken, patient, { sex: 'male' }, etagOf(1), META);

    // Assess
    await expect(replace).rejects.toMatchObject(AUDIT_ERROR);
    expect(await partition(patient.userId)).toEqual(before);
  });

  it('putOwnProfile whose audit chain ran out of append retries fails as 503 audit_busy and leaves the previous version', async () => {
    // Prepare
    const { deps, patient } = await setUp();
    await putOwnProfile(deps, patient, { sex: 'female' }, undefined, META);
    const before = await partition(patient.userId);
    const exhausted = { append: async () => Promise.reject(new AuditAppendError()) };

    // Act
    const failure = await putOwnProfile({ ...deps, audit: exhausted }, patient, { sex: 'male' }, etagOf(1), META).catch((error: unknown) => error);

    // Assess
    const response = errorResponse(failure, 'req-1');
    expect(response.statusCode).toBe(503);
    expect(response.headers).toHaveProperty('Retry-After');
    expect(JSON.parse(response.body).error.code).toBe('audit_busy');
    expect(await partition(patient.userId)).toEqual(before);
  });

  it('createConsent fails with the audit error and stores no consent; a retry stores exactly one', async () => {
    // Prepare
    const { deps, broken, patient, caregiver } = await setUp();
    const request = { granteeId: caregiver.userId, scopes: ['profile.read' as const], purpose: 'caregiving' as const };

    // Act
    const attempt = createConsent(broken, patient, request, META);
    await expect(attempt).rejects.toMatchObject(AUDIT_ERROR);
    const afterFailure = await partition(patient.userId);
    const retried = await createConsent(deps, patient, request, META);

    // Assess
    expect(afterFailure).toEqual([]);
    expect((await partition(patient.userId))?.map((item) => item['sk'])).toEqual([`CONSENT#${retried.id}`]);
  });

  it('revokeConsent fails with the audit error and leaves the consent active', async () => {
    // Prepare
    const { deps, broken, patient } = await setUp();
    const consent = await createConsent(deps, patient, { kind: 'ai_processing' }, META);
    const before = await partition(patient.userId);

    // Act
    const attempt = revokeConsent(broken, patient, consent.id, META);

    // Assess
    await expect(attempt).rejects.toMatchObject(AUDIT_ERROR);
    expect(await partition(patient.userId)).toEqual(before);
  });

  it('giveFeedback fails with the audit error and stores no feedback', async () => {
    // Prepare
    const { broken, patient } = await setUp();

    // Act
    const attempt = giveFeedback(broken, patient, { rating: 5, comments: 'Helpful' }, META);

    // Assess
    await expect(attempt).rejects.toMatchObject(AUDIT_ERROR);
    expect(await partition(patient.userId)).toEqual([]);
  });

  it('sendChatMessage fails with the audit error and puts the conversation back as it was', async () => {
    // Prepare
    const { deps, broken, patient } = await setUp();
    const { conversation } = await sendChatMessage(deps, patient, { message: 'Is a mild headache after running normal?' }, META);
    const before = await partition(patient.userId);

    // Act
    const reply = await sendChatMessage(broken, patient, { message: 'And after swimming?', conversationId: conversation.conversationId }, META).catch(
      (error: unknown) => error,
    );
    const started = await sendChatMessage(broken, patient, { message: 'A new question' }, META).catch((error: unknown) => error);

    // Assess
    expect([reply, started]).toEqual([expect.objectContaining(AUDIT_ERROR), expect.objectContaining(AUDIT_ERROR)]);
    expect(await partition(patient.userId)).toEqual(before);
  });
});

describe('Use case startSession on dynalite whose audit chain stays busy', () => {
  it('fails as 503 audit_busy and stores no session, emergency or queued (a load run found them kept: issue 14)', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    const patient: Caller = { userId: randomUUID(), roles: ['patient'], clientId: 'app', tokenId: randomUUID() };
    await vault.createKey(patient.userId);
    const exhausted = { append: async () => Promise.reject(new AuditAppendError()) };
    const deps = {
      sessions: new DynamoSymptomSessions(client, TABLE),
      counters: new DynamoUsageCounters(client, TABLE),
      queue: inMemoryQueue().queue,
      vault,
      audit: exhausted,
      clock: { now: () => new Date() },
    };
    const sessions = async () => (await partition(patient.userId))?.filter((item) => String(item['sk']).startsWith('SESSION#'));

    // Act
    const failures = [
      await startSession(deps, patient, MILD_COLD as TriageInput, META).catch((error: unknown) => error),
      await startSession(deps, patient, CHEST_PAIN as TriageInput, META).catch((error: unknown) => error),
    ];

    // Assess
    for (const failure of failures) {
      const response = errorResponse(failure, 'req-1');
      expect(response.statusCode).toBe(503);
      expect(response.headers).toHaveProperty('Retry-After');
      expect(JSON.parse(response.body).error.code).toBe('audit_busy');
    }
    expect(await sessions()).toEqual([]);
  });
});

describe('Use case answerFollowUps on dynalite whose audit chain stays busy', () => {
  it('fails as 503 audit_busy and puts the previous revision back, so the queued message is stale (a load run found them kept: issue 14)', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    const patient: Caller = { userId: randomUUID(), roles: ['patient'], clientId: 'app', tokenId: randomUUID() };
    await vault.createKey(patient.userId);
    const queue = inMemoryQueue();
    const deps = {
      sessions: new DynamoSymptomSessions(client, TABLE),
      counters: new DynamoUsageCounters(client, TABLE),
      queue: queue.queue,
      vault,
      audit: { append: async () => undefined },
      clock: { now: () => new Date() },
    };
    const { session } = await startSession(deps, patient, MILD_COLD as TriageInput, META);
    const stored = async () => (await partition(patient.userId))?.find((item) => String(item['sk']).startsWith('SESSION#'));
    const before = await stored();

    // Act
    const failure = await answerFollowUps(
      { ...deps, audit: { append: async () => Promise.reject(new AuditAppendError()) } },
      patient,
      session.id,
      [{ question: 'How long?', answer: 'Two days' }],
      META,
    ).catch((error: unknown) => error);

    // Assess
    const response = errorResponse(failure, 'req-1');
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).error.code).toBe('audit_busy');
    expect(await stored()).toEqual(before);
    expect(queue.messages.at(-1)).toMatchObject({ sessionId: session.id, revision: 2 });
    expect(before).toMatchObject({ revision: 1 });
  });
});

describe('Class: DynamoRecords (every page)', () => {
  /** A client whose queries return one item a page, as 1 MB pages would with bigger items. */
  const onePerPage = () =>
    ({
      // Typed as a query for the compiler; any other command (a get) passes through unchanged.
      send: (command: QueryCommand) => client.send(command instanceof QueryCommand ? new QueryCommand({ ...command.input, Limit: 1 }) : command),
    }) as unknown as DynamoDBDocumentClient;

  it('reads every page of the consents between two users and of a user’s feedback', async () => {
    // Prepare
    const [patientId, granteeId] = [randomUUID(), randomUUID()];
    const consents = [0, 1, 2].map(
      (n): ConsentRecord => ({
        id: `${n}-${randomUUID()}`,
        kind: 'share',
        patientId,
        granteeId,
        scopes: ['profile.read'],
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    for (const consent of consents) await records().create(consent);
    await records().create({ ...consents[0]!, id: `3-${randomUUID()}`, granteeId: randomUUID() });
    const feedback = [1, 2, 3].map((n): FeedbackRecord => ({ id: randomUUID(), userId: patientId, rating: n, createdAt: `2026-01-0${n}T00:00:00.000Z` }));
    for (const item of feedback) await records().add(item);
    const paged = new DynamoRecords(onePerPage(), TABLE);

    // Act
    const between = await paged.between(patientId, granteeId);
    const ofUser = await paged.ofUser(patientId);

    // Assess
    expect(between).toEqual(consents);
    expect(ofUser).toEqual(feedback);
  });
});
