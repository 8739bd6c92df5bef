import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { CHEST_PAIN, MILD_COLD } from '../helpers/triage';

/** The rules-only AI endpoints, and the per-user AI quota (a token bucket; docs/security.md #19). */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ AI_QUOTA_BURST: '3', AI_QUOTA_PER_HOUR: '60' });
});
afterAll(async () => {
  await backend?.stop();
});

describe('Routes: /api/v1/enhanced-ai/*', () => {
  it('answers at once from the rules, with a disclaimer, and stores nothing but the quota', async () => {
    // Prepare
    const token = await tokenFor(backend.dataDir, randomUUID(), ['patient']);
    const before = (await backend.items('records')).length;

    // Act
    const analyzed = await backend.call('POST', '/api/v1/enhanced-ai/analyze-symptoms', { token, body: CHEST_PAIN });
    const quick = await backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token, body: CHEST_PAIN });
    const questions = await backend.call('POST', '/api/v1/enhanced-ai/follow-up-questions', { token, body: MILD_COLD });
    const levels = await backend.call('GET', '/api/v1/enhanced-ai/urgency-levels', { token });

    // Assess
    expect(analyzed.json).toMatchObject({ level: 'emergency_ambulance', source: 'rules', disclaimer: expect.any(String) });
    expect(quick.json).toMatchObject({ level: 'emergency_ambulance', emergencyAdvice: expect.any(String) });
    expect(questions.json.questions.length).toBeGreaterThan(0);
    expect(levels.json.levels.map((l: { level: string }) => l.level)).toEqual([
      'emergency_ambulance',
      'emergency',
      'consultation_24',
      'consultation',
      'self_care',
    ]);
    expect((await backend.items('records')).length).toBe(before + 1);
  });

  it('answers 429 with Retry-After once the quota is spent, per user', async () => {
    // Prepare
    const token = await tokenFor(backend.dataDir, randomUUID(), ['patient']);
    const other = await tokenFor(backend.dataDir, randomUUID(), ['patient']);

    // Act
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token, body: MILD_COLD })).status);
    const limited = await backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token, body: MILD_COLD });
    const someoneElse = await backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token: other, body: MILD_COLD });

    // Assess
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(someoneElse.status).toBe(200);
  });

  it('never spends more than the burst under concurrent requests', async () => {
    const token = await tokenFor(backend.dataDir, randomUUID(), ['patient']);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token, body: MILD_COLD })),
    );
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(3);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  });
});
