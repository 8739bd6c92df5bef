import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

/** Its own file (own worker): the functions read config once, and here the queue is broken. */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ SQS_ENDPOINT: 'http://127.0.0.1:9', TRIAGE_QUEUE_URL: 'http://127.0.0.1:9/000000000000/missing' });
});
afterAll(async () => {
  await backend?.stop();
});

describe('Route: GET /api/v1/health/detailed', () => {
  it('answers 503 and names the dependency that is down, without internals', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/health/detailed', { token: await tokenFor(backend.dataDir, randomUUID(), ['admin']) });

    // Assess
    expect(response.status).toBe(503);
    expect(response.json.status).toBe('degraded');
    const queue = response.json.dependencies.find((d: { name: string }) => d.name === 'queue:triage');
    expect(queue.status).toBe('down');
    expect(queue.detail).not.toMatch(/127\.0\.0\.1|http/);
    expect(response.json.dependencies.filter((d: { status: string }) => d.status === 'ok')).toHaveLength(8);
  });
});
