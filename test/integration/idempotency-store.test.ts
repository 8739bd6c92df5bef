import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoIdempotency } from '../../shared/adapters/aws/dynamo-idempotency';
import { localTableName, startDynamo } from '../../local/stand-ins';

/** docs/security.md #19: one claim per Idempotency-Key, through the real SDK client on dynalite. */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let store: DynamoIdempotency;
beforeAll(async () => {
  dynamo = await startDynamo();
  store = new DynamoIdempotency(createDocumentClient({ endpoint: dynamo.endpoint }), localTableName('records'));
});
afterAll(async () => {
  await dynamo?.stop();
});

const T0 = new Date('2026-11-25T12:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('Class: DynamoIdempotency', () => {
  it('grants a key once; a repeat sees it in progress, then done with the stored response', async () => {
    // Prepare
    const userId = randomUUID();

    // Act
    const first = await store.claim(userId, 'key-aaaaaaaa', 'fp-1', T0);
    const racing = await store.claim(userId, 'key-aaaaaaaa', 'fp-1', later(1));
    await store.complete(userId, 'key-aaaaaaaa', 'sealed-response');
    const replay = await store.claim(userId, 'key-aaaaaaaa', 'fp-1', later(2));
    const otherBody = await store.claim(userId, 'key-aaaaaaaa', 'fp-2', later(3));
    const otherUser = await store.claim(randomUUID(), 'key-aaaaaaaa', 'fp-2', later(4));

    // Assess
    expect(first).toEqual({ state: 'new' });
    expect(racing).toEqual({ state: 'in_progress', retryAfterSeconds: 59 });
    expect(replay).toEqual({ state: 'done', responseSealed: 'sealed-response' });
    expect(otherBody).toEqual({ state: 'mismatch' });
    expect(otherUser).toEqual({ state: 'new' });
  });

  it('lets a claim left unfinished by a crashed invocation be taken once its lease (60 s) runs out, and only by one', async () => {
    // Prepare
    const userId = randomUUID();
    await store.claim(userId, 'key-crashed', 'fp-1', T0);

    // Act
    const withinLease = await store.claim(userId, 'key-crashed', 'fp-1', later(59));
    const retries = await Promise.all(Array.from({ length: 4 }, () => store.claim(userId, 'key-crashed', 'fp-1', later(61))));

    // Assess
    expect(withinLease).toEqual({ state: 'in_progress', retryAfterSeconds: 1 });
    expect(retries.filter((claim) => claim.state === 'new')).toHaveLength(1);
    expect(retries.filter((claim) => claim.state === 'in_progress')).toHaveLength(3);
  });

  it('never lets a finished answer be taken over, however old, until the key expires (24 h)', async () => {
    // Prepare
    const userId = randomUUID();
    await store.claim(userId, 'key-finished', 'fp-1', T0);
    await store.complete(userId, 'key-finished', 'sealed-response');

    // Act
    const hourLater = await store.claim(userId, 'key-finished', 'fp-1', later(3600));
    const dayLater = await store.claim(userId, 'key-finished', 'fp-2', later(86_400));

    // Assess
    expect(hourLater).toEqual({ state: 'done', responseSealed: 'sealed-response' });
    expect(dayLater).toEqual({ state: 'new' });
  });

  it('frees a released claim at once, so a retry of a failed request runs', async () => {
    // Prepare
    const userId = randomUUID();
    await store.claim(userId, 'key-released', 'fp-1', T0);

    // Act
    await store.release(userId, 'key-released');
    const retry = await store.claim(userId, 'key-released', 'fp-1', later(1));

    // Assess
    expect(retry).toEqual({ state: 'new' });
  });
});
