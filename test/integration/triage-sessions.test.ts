import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { CHEST_PAIN, MILD_COLD, waitForResult } from '../helpers/triage';

/** Symptom sessions with no model configured: the rules engine answers, synchronously or through the worker. */
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const patient = async () => {
  const user = await signUp(backend, canaryEmail(randomUUID().slice(0, 8)));
  return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient']) };
};

describe('Route: POST /api/v1/symptom-sessions', () => {
  it('settles an emergency at once: 201 with what to do now, no specialist, nothing queued', async () => {
    // Prepare
    const ann = await patient();

    // Act
    const response = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN });

    // Assess
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: 'completed', result: { level: 'emergency_ambulance', source: 'rules', teleconsultationOk: false } });
    expect(response.json.result.specialist).toBeUndefined();
    expect(response.json.result.summary).toMatch(/emergency/i);
    expect(response.json.result.disclaimer).toMatch(/not a diagnosis/);
    expect(response.json.result.rulesFired.length).toBeGreaterThan(0);
  });

  it('queues anything else (202) and the worker completes it with the rules engine', async () => {
    // Prepare
    const ann = await patient();

    // Act
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });
    const done = await waitForResult(backend, ann.token, queued.json.id);

    // Assess
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ status: 'queued', revision: 1 });
    expect(done.result).toMatchObject({ source: 'rules', level: expect.stringMatching(/self_care|consultation/) });
    expect(done.result.promptVersion).toMatch(/^rules-/);
  });

  it('keeps symptoms and results sealed: no canary in any raw item', async () => {
    const ann = await patient();
    const body = { ...MILD_COLD, freeText: `my neighbour ${CANARY.name} has the same cold` };
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body });
    await waitForResult(backend, ann.token, queued.json.id);
    const raw = JSON.stringify(await backend.items('records'));
    expect(raw).not.toContain(CANARY.name);
    expect(raw).not.toContain('sore throat');
  });

  it('escalates a repeat session within 24 hours by one step', async () => {
    const ann = await patient();
    const first = await waitForResult(
      backend,
      ann.token,
      (await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD })).json.id,
    );
    const second = await waitForResult(
      backend,
      ann.token,
      (await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD })).json.id,
    );
    expect(second.result.rulesFired).toContain('escalate:repeat_within_24h');
    const rank = ['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care'];
    expect(rank.indexOf(second.result.level)).toBeLessThan(rank.indexOf(first.result.level));
  });

  it('re-triages after follow-up answers as a new revision', async () => {
    const ann = await patient();
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });
    await waitForResult(backend, ann.token, queued.json.id);
    const answered = await backend.call('POST', `/api/v1/symptom-sessions/${queued.json.id}/answers`, {
      token: ann.token,
      body: { answers: [{ question: 'Any trouble breathing?', answer: 'yes, I cannot breathe properly and my lips look blue' }] },
    });
    expect(answered.status).toBe(202);
    expect(answered.json).toMatchObject({ status: 'queued', revision: 2 });
    const done = await waitForResult(backend, ann.token, queued.json.id);
    expect(done.revision).toBe(2);
    expect(['emergency_ambulance', 'emergency']).toContain(done.result.level);
  });

  it('lists the caller’s sessions newest first, and hides other patients’ sessions (404)', async () => {
    const ann = await patient();
    const bob = await patient();
    const a = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN });
    const b = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN });
    const list = await backend.call('GET', '/api/v1/symptom-sessions', { token: ann.token });
    expect(list.json.items.map((s: { id: string }) => s.id)).toEqual([b.json.id, a.json.id]);
    expect(list.json.items[0].level).toBe('emergency_ambulance');
    expect((await backend.call('GET', `/api/v1/symptom-sessions/${a.json.id}`, { token: bob.token })).status).toBe(404);
  });

  it('refuses out-of-range input with 400', async () => {
    const ann = await patient();
    for (const body of [
      { symptoms: [] },
      { symptoms: [{ name: 'x', severity: 11 }] },
      { symptoms: [{ name: 'x', severity: 2, durationHours: -1 }] },
      { ...MILD_COLD, age: 2.5 },
      { ...MILD_COLD, sex: 'unknown' },
      { ...MILD_COLD, level: 'self_care' },
    ]) {
      expect((await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body })).status).toBe(400);
    }
  });
});

describe('Idempotency-Key on POST /api/v1/symptom-sessions and its answers', () => {
  it('replays the first answer (audited as a read of the session) and enqueues once; another body with the same key is 409', async () => {
    // Prepare
    const ann = await patient();
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const before = (await backend.items('records')).filter((i) => String(i['sk']).startsWith('SESSION#') && i['patientId'] === ann.userId).length;

    // Act
    const first = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD, headers });
    const again = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD, headers });
    const other = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN, headers });

    // Assess
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(first.json.id);
    expect(other.status).toBe(409);
    const replayEvents = (await backend.items('audit')).filter((e) => e['requestId'] === again.headers.get('x-request-id'));
    expect(replayEvents).toEqual([
      expect.objectContaining({
        action: 'request.replayed',
        outcome: 'success',
        subjectId: ann.userId,
        resource: { type: 'symptom_session', id: first.json.id },
        reason: 'sessionCreate',
      }),
    ]);
    const after = (await backend.items('records')).filter((i) => String(i['sk']).startsWith('SESSION#') && i['patientId'] === ann.userId).length;
    expect(after - before).toBe(1);
    expect(JSON.stringify(await backend.items('records'))).not.toContain('runny nose');
  });

  it('re-triages answers once for a retried request; the same key on another session is 409', async () => {
    // Prepare
    const ann = await patient();
    const first = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });
    const second = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });
    await waitForResult(backend, ann.token, first.json.id);
    const headers = { 'idempotency-key': `answers-${randomUUID()}` };
    const body = { answers: [{ question: 'Any fever?', answer: 'no fever' }] };

    // Act
    const answered = await backend.call('POST', `/api/v1/symptom-sessions/${first.json.id}/answers`, { token: ann.token, body, headers });
    const retried = await backend.call('POST', `/api/v1/symptom-sessions/${first.json.id}/answers`, { token: ann.token, body, headers });
    const elsewhere = await backend.call('POST', `/api/v1/symptom-sessions/${second.json.id}/answers`, { token: ann.token, body, headers });
    const done = await waitForResult(backend, ann.token, first.json.id);

    // Assess
    expect(answered.status).toBe(202);
    expect(retried.status).toBe(202);
    expect(retried.json).toEqual(answered.json);
    expect(answered.json.revision).toBe(2);
    expect(done.revision).toBe(2);
    expect(elsewhere.status).toBe(409);
  });
});

describe('Route: POST /api/v1/ai/consultation', () => {
  it('summarises one of the caller’s sessions for a clinician, and hides other patients’ sessions', async () => {
    // Prepare
    const ann = await patient();
    const bob = await patient();
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: { ...MILD_COLD, conditions: ['asthma'] } });
    await waitForResult(backend, ann.token, queued.json.id);

    // Act
    const summary = await backend.call('POST', '/api/v1/ai/consultation', { token: ann.token, body: { sessionId: queued.json.id } });
    const foreign = await backend.call('POST', '/api/v1/ai/consultation', { token: bob.token, body: { sessionId: queued.json.id } });

    // Assess
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({
      sessionId: queued.json.id,
      chiefComplaint: expect.stringMatching(/^sore throat \(severity 3\/10, for 48 h\)/),
      context: { age: 30, sex: 'female', conditions: ['asthma'] },
      triage: { source: 'rules' },
      disclaimer: expect.any(String),
    });
    expect(foreign.status).toBe(404);
  });
});

describe('Audit: the triage and AI routes (docs/security.md #12)', () => {
  it('writes exactly one event per request, naming the patient, the action and the record', async () => {
    // Prepare
    const ann = await patient();
    const queued = await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: MILD_COLD });
    await waitForResult(backend, ann.token, queued.json.id);
    const id = queued.json.id as string;
    const chat = await backend.call('POST', '/api/v1/ai/chat', { token: ann.token, body: { message: 'Is honey good for a cough?' } });

    // Act
    const calls = [
      await backend.call('POST', '/api/v1/symptom-sessions', { token: ann.token, body: CHEST_PAIN }),
      await backend.call('GET', `/api/v1/symptom-sessions/${id}`, { token: ann.token }),
      await backend.call('GET', '/api/v1/symptom-sessions', { token: ann.token }),
      await backend.call('POST', `/api/v1/symptom-sessions/${id}/answers`, { token: ann.token, body: { answers: [{ question: 'Any fever?', answer: 'no' }] } }),
      await backend.call('POST', '/api/v1/ai/consultation', { token: ann.token, body: { sessionId: id } }),
      chat,
      await backend.call('GET', `/api/v1/ai/chat/${chat.json.conversationId}`, { token: ann.token }),
      await backend.call('POST', '/api/v1/enhanced-ai/analyze-symptoms', { token: ann.token, body: MILD_COLD }),
      await backend.call('POST', '/api/v1/enhanced-ai/quick-assessment', { token: ann.token, body: MILD_COLD }),
      await backend.call('POST', '/api/v1/enhanced-ai/follow-up-questions', { token: ann.token, body: MILD_COLD }),
    ];
    const audit = await backend.items('audit');

    // Assess
    for (const response of calls) {
      const events = audit.filter((e) => e['requestId'] === response.headers.get('x-request-id'));
      expect(response.status, response.text).toBeLessThan(300);
      expect(events, `${response.status} ${response.text.slice(0, 80)}`).toHaveLength(1);
      expect(events[0]).toMatchObject({
        outcome: 'success',
        subjectId: ann.userId,
        actor: { userId: ann.userId },
        action: expect.any(String),
        resource: { type: expect.any(String) },
      });
    }
  });
});
