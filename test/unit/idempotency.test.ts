import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors';
import { idempotent } from '../../shared/http/idempotency';
import type { AuditEvent } from '../../shared/audit/ports';
import type { IdempotencyClaim, IdempotencyStore } from '../../shared/http/idempotency-store';
import { Vault } from '../../shared/vault/vault';
import { inMemoryDataKeys, META } from '../helpers/in-memory';

/** An in-memory store with the adapter's states; `failComplete` makes `complete` throw. */
const memoryStore = (failComplete = false) => {
  const items = new Map<string, { fingerprint: string; responseSealed?: string }>();
  const store: IdempotencyStore = {
    claim: async (userId, key, fingerprint): Promise<IdempotencyClaim> => {
      const item = items.get(`${userId}/${key}`);
      if (item === undefined) return (items.set(`${userId}/${key}`, { fingerprint }), { state: 'new' });
      if (item.fingerprint !== fingerprint) return { state: 'mismatch' };
      return item.responseSealed === undefined ? { state: 'in_progress' } : { state: 'done', responseSealed: item.responseSealed };
    },
    complete: async (userId, key, responseSealed) => {
      if (failComplete) throw Object.assign(new Error('store unavailable'), { name: 'ServiceUnavailable' });
      items.get(`${userId}/${key}`)!.responseSealed = responseSealed;
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
  const deps = {
    vault,
    clock: { now: () => new Date('2026-11-25T12:00:00Z') },
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
  return { deps, events, items, work, request, runs: () => runs };
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
