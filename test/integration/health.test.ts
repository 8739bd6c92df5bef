import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

describe('Route: GET /api/v1/health', () => {
  it('answers 200 with status, version and time, without a token', async () => {
    const response = await backend.call('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok', version: expect.any(String), time: expect.any(String) });
  });
});

describe('Route: GET /api/v1/health/detailed', () => {
  it('reports every dependency as ok with its latency to an admin', async () => {
    // Act
    const response = await backend.call('GET', '/api/v1/health/detailed', { token: await tokenFor(backend.dataDir, randomUUID(), ['admin']) });

    // Assess
    expect(response.status).toBe(200);
    expect(response.json.status).toBe('ok');
    expect(response.json.dependencies.map((d: { name: string }) => d.name)).toEqual([
      'table:identity',
      'table:sessions',
      'table:audit',
      'table:keys',
      'table:records',
      'table:content',
      // CAREBOW_KEYS=kms-standin: the KMS key probe (DescribeKey) against the stand-in.
      backend.keyStandIns ? 'keys:kms' : 'keys:local-keyring',
      'queue:triage',
      'llm',
    ]);
    for (const dependency of response.json.dependencies) {
      expect(dependency).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) });
    }
  });
});
