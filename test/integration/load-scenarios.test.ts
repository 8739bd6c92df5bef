import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedChecks, runLoad } from '../../bench/load';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * `npm run load`'s scenarios (bench/load.ts) for half a second each at two connections against the
 * test backend: their store checks hold (no 5xx, nothing lost or duplicated, Retry-After on every
 * 429, one audit event per audited request). Timings are not asserted. On the file keyring, as `npm run load`
 * drives `npm start`: its store checks find the failed-login counters by the keyring's blind-index key.
 */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({}, { keys: 'local' });
});
afterAll(async () => {
  await backend?.stop();
});

describe('Load scenarios (bench/load.ts), a tiny run', () => {
  it('passes every store check of the login, refresh, triage and booking storms', async () => {
    // Prepare
    const target = { url: backend.url, dynamodbEndpoint: backend.dynamodbEndpoint, dataDir: backend.dataDir };

    // Act
    const rows = await runLoad(target, { seconds: 0.5, connections: 2, maxRequests: 30 });

    // Assess
    expect(rows.map((row) => row.scenario)).toEqual(['login', 'login', 'refresh', 'refresh', 'triage', 'booking']);
    expect(failedChecks(rows)).toEqual([]);
    for (const row of rows) expect(row.requests, row.label).toBeGreaterThan(0);
    const booking = rows.find((row) => row.scenario === 'booking')!;
    expect(booking.ok2xx).toBe(1);
  });
});
