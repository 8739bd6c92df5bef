import { errorResponse } from '../../shared/http/error-response';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors';
import { idempotent } from '../../shared/http/idempotency';
import type { AuditEvent } from '../../shared/audit/ports';
import type { IdempotencyClaim, IdempotencyStore } from '../../shared/http/idempotency-store';
import { Vault } from '../../shared/vault/vault';
import { inMemoryDataKeys, META, testClock } from '../helpers/in-memory';

const DAY_SECONDS = 86_400;
const LEASE_SECONDS = 60;

/**
 * An in-memory store with `DynamoIdempotency`'s states and conditions: a claim is taken if the key is unused, expired
 * (a day after its claim) or an unfinished claim whose 60 s lease ran out; `complete` writes only over an unfinished
 * claim and otherwise throws as the conditional update does. `failComplete` makes `complete` throw as an outage.
 */
const memoryStore = (failComplete = false) => {
  type Item = { fingerprint: string; status: 'in_progress' | 'done'; expiresAt: number; leaseUntil: number; responseSealed?: string };
  const items = new Map<string, Item>();
  const store: IdempotencyStore = {
    claim: async (userId, key, fingerprint, now): Promise<IdempotencyClaim> => {
      const nowEpoch = Math.floor(now.getTime() / 1000);
      const item = items.get(`${userId}/${key}`);
      if (item === undefined || item.expiresAt <= nowEpoch || (item.status === 'in_progress' && item.leaseUntil <= nowEpoch)) {
        items.set(`${userId}/${key}`, { fingerprint, status: 'in_progress', expiresAt: nowEpoch + DAY_SECONDS, leaseUntil: nowEpoch + LEASE_SECONDS });
        return { state: 'new' };
      }
      if (item.fingerprint !== fingerprint) return { state: 'mismatch' };
      return item.status === 'done'
        ? { state: 'done', responseSealed: item.responseSealed! }
        : { state: 'in_progress', retryAfterSeconds: Math.max(1, item.leaseUntil - nowEpoch) };
    },
    complete: async (userId, key, responseSealed) => {
      if (failComplete) throw Object.assign(new Error('store unavailable'), { name: 'ServiceUnavailable' });
      const item = items.get(`${userId}/${key}`);
      if (item?.status !== 'in_progress') throw Object.assign(new Error('no unfinished claim'), { name: 'ConditionalCheckFailedException' });
      items.set(`${userId}/${key}`, { ...item, status: 'done', responseSealed });
    },
    release: async (userId, key) => void items.delete(`${userId}/${key}`),
  };
  return { store, items };
};

const setup = async (failComplete = false) => {
  const keys = inMemoryDataKeys();
  const vault = new Vault(keys.repository, keys.service);
  await vault.createKey('u1');
  const events: AuditEvent[] = [];
  const { store, items } = memoryStore(failComplete);
  const clock = testClock();
  const deps = {
    vault,
    clock,
    audit: { append: async (e: AuditEvent) => void events.push(e) },
    idempotency: store,
  };
  let runs = 0;
  const work = async () => ({ status: 202, body: { id: `s-${++runs}` } });
  const request = (key: string | undefined, body: unknown = { a: 1 }, routeId = 'sessionCreate') => ({
    caller: { userId: 'u1', roles: ['patient'] as const, clientId: 'app', tokenId: 't1' },
    meta: META,
    key,
    routeId,
    body,
    replayed: (r: { body: { id: string } }) => ({ type: 'symptom_session', id: r.body.id }),
  });
  return { deps, clock, events, items, work, request, runs: () => runs };
};

describe('Function: idempotent', () => {
  it('runs the work once per key and replays its answer, audited as a read of the record', async () => {
    // Prepare
    const { deps, events, work, request, runs } = await setup();

    // Act
    const first = await idempotent(deps, request('key-00000001'), work);
    const again = await idempotent(deps, request('key-00000001'), work);

    // Assess
    expect(again).toEqual(first);
    expect(runs()).toBe(1);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'request.replayed',
        subjectId: 'u1',
        resource: { type: 'symptom_session', id: 's-1' },
        reason: 'sessionCreate',
        requestId: META.requestId,
      }),
    ]);
  });

  it('refuses the key for another body or another route (409), and runs every time without a key', async () => {
    // Prepare
    const { deps, work, request, runs } = await setup();
    await idempotent(deps, request('key-00000002'), work);

    // Act
    const otherBody = idempotent(deps, request('key-00000002', { a: 2 }), work);
    const otherRoute = idempotent(deps, request('key-00000002', { a: 1 }, 'chat'), work);
    await idempotent(deps, request(undefined), work);
    await idempotent(deps, request(undefined), work);

    // Assess
    await expect(otherBody).rejects.toBeInstanceOf(ConflictError);
    await expect(otherRoute).rejects.toBeInstanceOf(ConflictError);
    expect(runs()).toBe(3);
  });

  it('stores the answer sealed, never as plain JSON', async () => {
    // Prepare
    const { deps, items, request } = await setup();

    // Act
    await idempotent(deps, request('key-00000003'), async () => ({ status: 201, body: { id: 'canary-diagnosis-xyz' } }));

    // Assess
    expect(JSON.stringify([...items.values()])).not.toContain('canary-diagnosis-xyz');
  });

  it('frees the key when the work fails, so a retry runs', async () => {
    // Prepare
    const { deps, work, request, runs } = await setup();

    // Act
    const failed = idempotent(deps, request('key-00000004'), async () => {
      throw new Error('queue down');
    });
    await expect(failed).rejects.toThrow('queue down');
    const retried = await idempotent(deps, request('key-00000004'), work);

    // Assess
    expect(retried.body).toEqual({ id: 's-1' });
    expect(runs()).toBe(1);
  });

  it('answers work that succeeded even when recording the answer fails', async () => {
    // Prepare
    const { deps, work, request } = await setup(true);

    // Act
    const reply = await idempotent(deps, request('key-00000005'), work);

    // Assess
    expect(reply).toEqual({ status: 202, body: { id: 's-1' } });
  });

  it('lets a retry run once the claim of a request that never finished (crashed) has passed its 60 s lease', async () => {
    // Prepare
    const { deps, clock, work, request, runs } = await setup();
    void idempotent(deps, request('key-00000006'), () => new Promise<never>(() => {})); // claims, then never finishes

    // Act
    clock.advance(45_000);
    const withinLease = await idempotent(deps, request('key-00000006'), work).catch((error: unknown) => error);
    // Until then it is 409 with a Retry-After that says when the lease ends (ADR 0020), not a guess.
    expect(withinLease).toMatchObject({ code: 'idempotency_in_progress', retryAfterSeconds: 15 });
    expect(errorResponse(withinLease, 'r').headers).toMatchObject({ 'Retry-After': '15' });
    clock.advance(14_000);
    clock.advance(2_000);
    const afterLease = await idempotent(deps, request('key-00000006'), work);

    // Assess
    expect(afterLease).toEqual({ status: 202, body: { id: 's-1' } });
    expect(runs()).toBe(1);
  });

  it('replays a finished answer until the key expires a day after its claim, then runs the work again', async () => {
    // Prepare
    const { deps, clock, work, request, runs } = await setup();
    await idempotent(deps, request('key-00000007'), work);

    // Act
    clock.advance(86_399_000);
    const lastSecond = await idempotent(deps, request('key-00000007'), work);
    clock.advance(1_000);
    const expired = await idempotent(deps, request('key-00000007', { a: 2 }), work);

    // Assess
    expect(lastSecond.body).toEqual({ id: 's-1' });
    expect(expired.body).toEqual({ id: 's-2' });
    expect(runs()).toBe(2);
  });

  it('answers work whose claim was released before it finished, and stores no answer for the key', async () => {
    // Prepare
    const { deps, items, work, request } = await setup();

    // Act
    const reply = await idempotent(deps, request('key-00000008'), async () => {
      await deps.idempotency.release('u1', 'key-00000008');
      return work();
    });

    // Assess
    expect(reply).toEqual({ status: 202, body: { id: 's-1' } });
    expect(items.has('u1/key-00000008')).toBe(false);
  });

  it('refuses a malformed key with 400 before any work', async () => {
    // Prepare
    const { deps, work, request, runs } = await setup();

    // Act
    const bad = idempotent(deps, request('short'), work);

    // Assess
    await expect(bad).rejects.toMatchObject({ name: 'ValidationError' });
    expect(runs()).toBe(0);
  });
});
