import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { conditionalWrite, deleteOnce, updateOnce } from '../../shared/adapters/aws/dynamo-kit';
import { DynamoMfa } from '../../shared/adapters/aws/dynamo-mfa';
import { DynamoUserRepository } from '../../shared/adapters/aws/dynamo-user-repository';
import { localTableName, startDynamo } from '../../local/stand-ins';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';

/**
 * Updates and deletes whose answer is lost (ADR 0020): the fault proxy lets dynalite carry the call out, drops the
 * connection before the answer, and the SDK sends the call again, which its own first write refuses. The kit's
 * `updateOnce` and `deleteOnce` find their own write; the plain conditional write answers `false` for it.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let proxy: FaultProxy;
let client: DynamoDBDocumentClient;
const records = localTableName('records');
const identity = localTableName('identity');

beforeAll(async () => {
  dynamo = await startDynamo();
  proxy = await startFaultProxy('dynamodb', dynamo.endpoint);
  client = createDocumentClient({ endpoint: proxy.url });
});
let seenBefore = 0;
beforeEach(() => {
  seenBefore = proxy.seen.length;
});
afterEach(() => proxy.clear());
afterAll(async () => {
  client?.destroy();
  await proxy?.stop();
  await dynamo?.stop();
});

/** The next call of `operation` is carried out and its answer lost. */
const loseNext = (operation: string): void => proxy.inject({ fault: 'lost_answer', operation, window: { next: 1 } });
const lostCalls = (): number => proxy.seen.slice(seenBefore).filter((call) => call.fault === 'lost_answer').length;

describe('Function: updateOnce (dynamo-kit)', () => {
  const counter = async () => {
    const Key = { pk: `ONCE#${randomUUID()}`, sk: 'COUNTER' };
    await client.send(new PutCommand({ TableName: records, Item: { ...Key, step: 0 } }));
    const nextStep = () =>
      new UpdateCommand({
        TableName: records,
        Key,
        UpdateExpression: 'SET step = :next',
        ConditionExpression: 'step < :next',
        ExpressionAttributeValues: { ':next': 1 },
      });
    return { Key, nextStep };
  };

  it('answers written when its answer was lost and the resent update was refused by its own first write', async () => {
    // Prepare
    const { Key, nextStep } = await counter();
    loseNext('UpdateItem');

    // Act
    const written = await updateOnce(client, nextStep());

    // Assess
    expect(lostCalls()).toBe(1);
    expect(written).toBe(true);
    expect((await client.send(new GetCommand({ TableName: records, Key }))).Item).toMatchObject({ step: 1 });
  });

  it('still refuses the same update sent by another request: what is accepted once stays accepted once', async () => {
    // Prepare
    const { nextStep } = await counter();

    // Act
    const first = await updateOnce(client, nextStep());
    const replay = await updateOnce(client, nextStep());

    // Assess
    expect([first, replay]).toEqual([true, false]);
  });

  it('joins an expression without a SET clause (a DELETE from a set)', async () => {
    // Prepare
    const Key = { pk: `ONCE#${randomUUID()}`, sk: 'SET' };
    await client.send(new PutCommand({ TableName: records, Item: { ...Key, codes: new Set(['a', 'b']) } }));
    loseNext('UpdateItem');

    // Act
    const used = await updateOnce(
      client,
      new UpdateCommand({
        TableName: records,
        Key,
        UpdateExpression: 'DELETE codes :one',
        ConditionExpression: 'contains(codes, :code)',
        ExpressionAttributeValues: { ':one': new Set(['a']), ':code': 'a' },
      }),
    );

    // Assess
    expect(used).toBe(true);
    expect((await client.send(new GetCommand({ TableName: records, Key }))).Item?.['codes']).toEqual(new Set(['b']));
  });

  it('is needed: the plain conditional write takes its own lost write for a refusal', async () => {
    // Prepare
    const { nextStep } = await counter();
    loseNext('UpdateItem');

    // Act
    const written = await conditionalWrite(client, nextStep());

    // Assess: applied, yet answered as refused
    expect(lostCalls()).toBe(1);
    expect(written).toBe(false);
  });
});

describe('Function: deleteOnce (dynamo-kit)', () => {
  it('answers deleted when its answer was lost, and refused while the item is there and its condition fails', async () => {
    // Prepare
    const active = { pk: `ONCE#${randomUUID()}`, sk: 'MFA', status: 'active' };
    const pending = { ...active, pk: `ONCE#${randomUUID()}`, status: 'pending' };
    for (const Item of [active, pending]) await client.send(new PutCommand({ TableName: records, Item }));
    const remove = (item: typeof active) =>
      new DeleteCommand({
        TableName: records,
        Key: { pk: item.pk, sk: item.sk },
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      });
    loseNext('DeleteItem');

    // Act
    const deleted = await deleteOnce(client, remove(active));
    const refused = await deleteOnce(client, remove(pending));

    // Assess
    expect(lostCalls()).toBe(1);
    expect([deleted, refused]).toEqual([true, false]);
  });
});

describe('Class: DynamoMfa', () => {
  const enrolled = async (mfa: DynamoMfa) => {
    const userId = randomUUID();
    await mfa.putPending(userId, 'cb1.sealed-secret', '2026-11-27T00:00:00.000Z');
    return userId;
  };

  it('confirms an enrolment, uses a TOTP step and a recovery code, and turns MFA off, each once, when each answer is lost', async () => {
    // Prepare
    const mfa = new DynamoMfa(client, identity);
    const userId = await enrolled(mfa);

    // Act: every write loses its first answer
    loseNext('UpdateItem');
    const activated = await mfa.activate(userId, 'cb1.sealed-secret', 100, ['hash-1', 'hash-2']);
    loseNext('UpdateItem');
    const stepUsed = await mfa.useStep(userId, 101);
    const stepReplayed = await mfa.useStep(userId, 101);
    loseNext('UpdateItem');
    const codeUsed = await mfa.useRecoveryCode(userId, 'hash-1');
    const codeReplayed = await mfa.useRecoveryCode(userId, 'hash-1');
    const enrolment = await mfa.get(userId);
    loseNext('DeleteItem');
    const removed = await mfa.remove(userId);

    // Assess: each accepted once; a replay by another request is still refused
    expect(lostCalls()).toBe(4);
    expect({ activated, stepUsed, stepReplayed, codeUsed, codeReplayed, removed }).toEqual({
      activated: true,
      stepUsed: true,
      stepReplayed: false,
      codeUsed: true,
      codeReplayed: false,
      removed: true,
    });
    expect(enrolment).toEqual({
      status: 'active',
      secretSealed: 'cb1.sealed-secret',
      createdAt: '2026-11-27T00:00:00.000Z',
      lastStep: 101,
      recoveryHashes: ['hash-2'],
    });
    expect(await mfa.get(userId)).toBeUndefined();
  });
});

describe('Class: DynamoUserRepository', () => {
  it('changes roles and a password hash once each when the answer is lost, and keeps its write claim out of the account', async () => {
    // Prepare
    const users = new DynamoUserRepository(client, identity);
    const id = randomUUID();
    const base = { id, emailSealed: 'cb1.sealed', emailIndex: randomUUID(), passwordHash: 'scrypt$old', status: 'active' as const };
    await users.create({ ...base, roles: ['patient'], createdAt: '2026-11-27T00:00:00.000Z' });

    // Act
    loseNext('UpdateItem');
    const granted = await users.setRoles(id, ['patient', 'caregiver'], ['patient']);
    loseNext('UpdateItem');
    const changed = await users.replacePasswordHash(id, 'scrypt$new', 'scrypt$old');
    const stale = await users.replacePasswordHash(id, 'scrypt$other', 'scrypt$old');

    // Assess: an admin's grant is not answered 409, a password change not refused; a stale one still is
    expect(lostCalls()).toBe(2);
    expect({ granted, changed, stale }).toEqual({ granted: true, changed: true, stale: false });
    const account = await users.get(id);
    expect(account).toMatchObject({ roles: ['patient', 'caregiver'], passwordHash: 'scrypt$new' });
    expect(account).not.toHaveProperty('writeClaim');
  });
});
