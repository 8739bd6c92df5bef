import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { expectRetryLater, storeSnapshot, changedKeys } from '../helpers/fault-sweep';
import { faultyDataKeys, keyFaults } from '../helpers/faulty-key-service';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

vi.mock('../../shared/runtime/keys', async (importOriginal) => {
  const keys = await importOriginal<typeof import('../../shared/runtime/keys')>();
  const { faultyDataKeys: decorate } = await import('../helpers/faulty-key-service');
  return { ...keys, dataKeyServiceFor: (config: Parameters<typeof keys.dataKeyServiceFor>[0]) => decorate(keys.dataKeyServiceFor(config)) };
});

/**
 * docs/security.md (faults): a failing key service (KMS throttling, an internal error, a timeout, a dropped
 * connection) makes a PHI request a 503 with Retry-After: nothing is written, nothing is read without its audit
 * event, and no plaintext reaches the store, the response or the logs (the canaries, test/helpers/canaries.ts).
 * The key service is the local keyring behind `faultyDataKeys` (test/helpers/faulty-key-service.ts).
 */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  keyFaults.clear();
  await backend?.stop();
});

/** Every item of every table, the audit trail included, as one text. */
const everything = async (): Promise<string> =>
  JSON.stringify(await Promise.all((Object.keys(backend.tables) as (keyof TestBackend['tables'])[]).map((table) => backend.items(table))));

describe('Faults: the key service', () => {
  it.each(['server_error', 'throttle', 'drop', 'timeout'] as const)(
    'refuses a registration with 503 and writes nothing when GenerateDataKey fails (%s)',
    async (fault) => {
      // Prepare
      const email = canaryEmail(`keys-${fault}`);
      const before = await storeSnapshot(backend);
      const auditBefore = (await backend.items('audit')).length;
      keyFaults.inject({ fault, operation: 'generate', window: { next: 1 } });

      // Act
      const response = await backend.call('POST', '/api/v1/auth/register', { body: { email, password: CANARY.password, name: CANARY.name } });
      keyFaults.clear();

      // Assess
      expectRetryLater(response);
      expect(changedKeys(before, await storeSnapshot(backend))).toEqual([]);
      expect((await backend.items('audit')).length).toBe(auditBefore);
      expect(response.text).not.toContain(CANARY.emailLocalPart);
      expect(await everything()).not.toContain(CANARY.emailLocalPart);
    },
  );

  it('refuses a profile write and a profile read with 503 while Decrypt fails, writing and answering nothing, then serves both', async () => {
    // Prepare: Ann has a profile; neither Bob's key nor (in the read handler) Ann's is unwrapped yet.
    const ann = await signUp(backend, canaryEmail('keys-ann'));
    const bob = await signUp(backend, canaryEmail('keys-bob'));
    const [annToken, bobToken] = await Promise.all([tokenFor(backend.dataDir, ann.userId, ['patient']), tokenFor(backend.dataDir, bob.userId, ['patient'])]);
    expect((await backend.call('PUT', '/api/v1/profile', { token: annToken, body: { conditions: [CANARY.name] } })).status).toBe(201);
    const before = await storeSnapshot(backend);
    keyFaults.inject({ fault: 'throttle', operation: 'unwrap', window: { forMs: 60_000 } });

    // Act
    const write = await backend.call('PUT', '/api/v1/profile', { token: bobToken, body: { conditions: [CANARY.breakGlassReason] } });
    const read = await backend.call('GET', '/api/v1/profile', { token: annToken });
    const afterFault = await storeSnapshot(backend);
    keyFaults.clear();
    const writeAgain = await backend.call('PUT', '/api/v1/profile', { token: bobToken, body: { conditions: [CANARY.breakGlassReason] } });
    const readAgain = await backend.call('GET', '/api/v1/profile', { token: annToken });

    // Assess
    expectRetryLater(write);
    expectRetryLater(read);
    expect(changedKeys(before, afterFault)).toEqual([]);
    for (const response of [write, read]) expect(response.text).not.toMatch(/Canaryname|Canaryreason/);
    expect(await everything()).not.toMatch(/Canaryname|Canaryreason/);
    expect(writeAgain.status).toBe(201);
    expect(readAgain.status).toBe(200);
    expect(readAgain.json.profile.conditions).toEqual([CANARY.name]);
    const reads = (await backend.items('audit')).filter((event) => event['action'] === 'profile.read' && event['subjectId'] === ann.userId);
    expect(reads.map((event) => event['requestId'])).toEqual([readAgain.headers.get('x-request-id')]);
  });

  it('decorates the key service it is given, so the suite cannot pass on an unmocked one', async () => {
    // Prepare
    const inner = { generate: vi.fn(), unwrap: vi.fn() };
    keyFaults.inject({ fault: 'server_error', operation: 'unwrap', window: { next: 1 } });

    // Act
    const failed = await faultyDataKeys(inner)
      .unwrap('u', new Uint8Array())
      .catch((error: unknown) => error);
    keyFaults.clear();

    // Assess
    expect(failed).toMatchObject({ name: 'KMSInternalException', $fault: 'server' });
    expect(inner.unwrap).not.toHaveBeenCalled();
  });
});
