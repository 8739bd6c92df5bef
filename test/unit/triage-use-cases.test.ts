import { describe, expect, it, vi } from 'vitest';
import { log } from '../../shared/logger';
import type { TriageInput, TriageResult } from '../../shared/contracts/triage';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { createConsent } from '../../shared/records/consents';
import { ModelError, ModelOutputError, ModelUnavailableError, PROMPT_VERSION, type ModelAssessment } from '../../shared/triage/model';
import { sessionPlaces } from '../../shared/triage/places';
import { MODEL_ATTEMPTS, processSession, type WorkerDeps } from '../../shared/triage/process-session';
import { RULES_VERSION } from '../../shared/triage/rules/engine';
import { getSession, listSessions } from '../../shared/triage/session-view';
import { answerFollowUps, type SessionInput } from '../../shared/triage/sessions';
import { startSession } from '../../shared/triage/start-session';
import { allPages } from '../helpers/fakes/page';
import { expectSealedWithout } from '../helpers/fakes/sealed';
import { MODEL_USAGE, scriptedModel, sessionMessages } from '../helpers/fakes/triage';
import { inMemoryApp, META } from '../helpers/in-memory';
import { CHEST_PAIN, MILD_COLD } from '../helpers/triage';

/** PHI-like free text that must stay sealed and never reach the model. */
const FREE_TEXT = 'it started after dinner at Quentin Marlowe’s house on Birchwood Lane';
const COLD: TriageInput = { ...(MILD_COLD as TriageInput), freeText: FREE_TEXT };
/** The rules say `consultation` for this one. */
const HEADACHE: TriageInput = { symptoms: [{ name: 'headache', severity: 5, durationHours: 24 }], age: 40 };

const ANSWER: ModelAssessment = {
  level: 'consultation_24',
  confidence: 0.9,
  summary: 'See a clinician within a day.',
  possibleConditions: ['sinusitis'],
  followUpQuestions: ['Any fever?'],
  selfCare: ['Rest'],
  watchFor: ['Stiff neck'],
  teleconsultationOk: true,
};

/** A patient, the app, and the worker's deps over the same fakes. */
const setUp = async (options: { model?: WorkerDeps['model']; aiConsent?: boolean } = {}) => {
  const app = inMemoryApp();
  const patient = await app.addUser();
  if (options.aiConsent === true) await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
  app.events.length = 0;
  const worker: WorkerDeps = { ...app.deps, ...(options.model ? { model: options.model } : {}) };
  return { app, patient, worker };
};

const resultOf = async (app: ReturnType<typeof inMemoryApp>, patientId: string, sessionId: string): Promise<TriageResult> => {
  const stored = (await app.deps.sessions.getSession(patientId, sessionId))!;
  return app.deps.vault.openJson<TriageResult>(sessionPlaces.result(patientId, sessionId), stored.resultSealed!);
};

describe('Use case: startSession', () => {
  it('stores a non-emergency sealed, queues ids only, and audits the creation', async () => {
    // Prepare
    const { app, patient } = await setUp();

    // Act
    const { emergency, session } = await startSession(app.deps, patient, COLD, META);

    // Assess
    expect(emergency).toBe(false);
    expect(session).toEqual({
      id: expect.any(String),
      status: 'queued',
      revision: 1,
      createdAt: '2026-11-25T12:00:00.000Z',
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(app.queue.messages).toEqual([{ sessionId: session.id, patientId: patient.userId, revision: 1 }]);
    const stored = (await app.deps.sessions.getSession(patient.userId, session.id))!;
    expect(stored).toMatchObject({ status: 'queued', revision: 1, processedRevision: 0 });
    expect(stored).not.toHaveProperty('resultSealed');
    expectSealedWithout(stored.inputSealed, 'runny nose', 'Quentin Marlowe', 'Birchwood');
    expect(await app.deps.vault.openJson<SessionInput>(sessionPlaces.input(patient.userId, session.id), stored.inputSealed)).toEqual({
      input: COLD,
      answers: [],
    });
    expect(app.events).toEqual([
      {
        action: 'triage.create',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'symptom_session', id: session.id },
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it('settles an emergency at once from the rules: the result is returned and stored sealed, nothing is queued', async () => {
    // Prepare
    const { app, patient } = await setUp();

    // Act
    const { emergency, session } = await startSession(app.deps, patient, CHEST_PAIN as TriageInput, META);

    // Assess
    expect(emergency).toBe(true);
    expect(session).toMatchObject({
      status: 'completed',
      revision: 1,
      result: { level: 'emergency_ambulance', source: 'rules', promptVersion: RULES_VERSION },
    });
    expect(app.queue.messages).toEqual([]);
    const stored = (await app.deps.sessions.getSession(patient.userId, session.id))!;
    expect(stored).toMatchObject({ status: 'completed', processedRevision: 1 });
    expectSealedWithout(stored.resultSealed, session.result!.summary, 'chest_pain');
    expectSealedWithout(stored.inputSealed, 'crushing pain', 'left arm');
    expect(await resultOf(app, patient.userId, session.id)).toEqual(session.result);
    expect(app.events).toEqual([expect.objectContaining({ action: 'triage.create', outcome: 'success', subjectId: patient.userId })]);
  });

  it('marks the session failed and fails the request when the queue is down; nothing is audited as created', async () => {
    // Prepare
    const { app, patient } = await setUp();
    app.queue.failNext();

    // Act
    const attempt = startSession(app.deps, patient, COLD, META);

    // Assess
    await expect(attempt).rejects.toThrow('queue unavailable');
    expect([...app.sessions.rows.values()].map((s) => s.status)).toEqual(['failed']);
    expect(app.queue.messages).toEqual([]);
    expect(app.events).toEqual([]);
  });

  it('deletes the session and fails when the creation cannot be audited, emergency or queued', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const failing = { ...app.deps, audit: { append: async () => Promise.reject(new Error('audit down')) } };

    // Act
    const attempts = [startSession(failing, patient, COLD, META), startSession(failing, patient, CHEST_PAIN as TriageInput, META)];

    // Assess
    for (const attempt of attempts) await expect(attempt).rejects.toThrow('audit down');
    expect([...app.sessions.rows.values()]).toEqual([]);
  });

  it('takes the uuidv7 timestamp from the injected clock, like createdAt', async () => {
    // Prepare
    const { app, patient } = await setUp();
    app.clock.set('2031-03-04T05:06:07.089Z');

    // Act
    const { session } = await startSession(app.deps, patient, COLD, META);

    // Assess
    const millis = Number.parseInt(session.id.replaceAll('-', '').slice(0, 12), 16);
    expect(new Date(millis).toISOString()).toBe('2031-03-04T05:06:07.089Z');
    expect(session.createdAt).toBe('2031-03-04T05:06:07.089Z');
    expect(session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Use case: getSession', () => {
  it('opens the caller’s session with its result and audits the read', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const { session } = await startSession(app.deps, patient, CHEST_PAIN as TriageInput, META);
    app.events.length = 0;

    // Act
    const read = await getSession(app.deps, patient, session.id, META);

    // Assess
    expect(read).toEqual(session);
    expect(app.events).toEqual([
      expect.objectContaining({ action: 'triage.read', outcome: 'success', subjectId: patient.userId, resource: { type: 'symptom_session', id: session.id } }),
    ]);
  });

  it('answers 404 for another patient’s session, as for one that does not exist, and audits nothing', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    const other = await app.addUser();
    app.events.length = 0;

    // Act
    const attempt = getSession(app.deps, other, session.id, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.events).toEqual([]);
  });
});

describe('Use case: listSessions', () => {
  it('pages the caller’s sessions newest first, with the level of those that have a result', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const other = await app.addUser();
    const started = [];
    for (const input of [COLD, CHEST_PAIN, HEADACHE, COLD, CHEST_PAIN]) {
      started.push((await startSession(app.deps, patient, input as TriageInput, META)).session);
      app.clock.advance(1); // uuidv7 ids order by the (injected) clock's millisecond, not within one
    }
    await startSession(app.deps, other, COLD, META);
    app.events.length = 0;

    // Act
    const { pages, items } = await allPages((page) => listSessions(app.deps, patient, page, META), 2);

    // Assess
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(items.map((s) => s.id)).toEqual(started.map((s) => s.id).reverse());
    expect(items.map((s) => s.level ?? s.status)).toEqual(['emergency_ambulance', 'queued', 'queued', 'emergency_ambulance', 'queued']);
    expect(app.events.map((e) => `${e.action}:${e.subjectId}:${e.resource.id}`)).toEqual(Array(3).fill(`triage.list:${patient.userId}:all`));
  });
});

describe('Use case: answerFollowUps', () => {
  it('adds the answers to the sealed input, queues the next revision, and audits', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    app.clock.advance(60_000);
    app.events.length = 0;
    const answers = [{ question: 'Any fever?', answer: 'yes, 39.2 since Tuesday' }];

    // Act
    const requeued = await answerFollowUps(app.deps, patient, session.id, answers, META);

    // Assess
    expect(requeued).toMatchObject({ id: session.id, status: 'queued', revision: 2, updatedAt: '2026-11-25T12:01:00.000Z' });
    expect(app.queue.messages.at(-1)).toEqual({ sessionId: session.id, patientId: patient.userId, revision: 2 });
    const stored = (await app.deps.sessions.getSession(patient.userId, session.id))!;
    expect(stored).toMatchObject({ revision: 2, status: 'queued' });
    expectSealedWithout(stored.inputSealed, '39.2 since Tuesday', 'runny nose');
    expect(await app.deps.vault.openJson(sessionPlaces.input(patient.userId, session.id), stored.inputSealed)).toEqual({ input: COLD, answers });
    expect(app.events).toEqual([
      expect.objectContaining({
        action: 'triage.answer',
        outcome: 'success',
        subjectId: patient.userId,
        resource: { type: 'symptom_session', id: session.id },
      }),
    ]);
  });

  it('answers 404 for another patient’s session and writes, queues and audits nothing', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    const before = await app.deps.sessions.getSession(patient.userId, session.id);
    const other = await app.addUser();
    app.events.length = 0;

    // Act
    const attempt = answerFollowUps(app.deps, other, session.id, [{ question: 'q', answer: 'a' }], META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(await app.deps.sessions.getSession(patient.userId, session.id)).toBe(before);
    expect(app.queue.messages).toHaveLength(1);
    expect(app.events).toEqual([]);
  });

  it('answers 409 when the session changed since it was read, and queues nothing more', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    const stale = await app.deps.sessions.getSession(patient.userId, session.id);
    await answerFollowUps(app.deps, patient, session.id, [{ question: 'Any fever?', answer: 'no' }], META);
    const staleRead = { ...app.deps, sessions: { ...app.deps.sessions, getSession: async () => stale } };

    // Act
    const attempt = answerFollowUps(staleRead, patient, session.id, [{ question: 'Any fever?', answer: 'yes' }], META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(app.queue.messages.map((m) => 'revision' in m && m.revision)).toEqual([1, 2]);
    expect((await app.deps.sessions.getSession(patient.userId, session.id))!.revision).toBe(2);
  });
});

describe('Use case: processSession', () => {
  it('completes a queued revision with the rules when there is no model, once, and audits it as the worker', async () => {
    // Prepare
    const { app, patient, worker } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    const [message] = sessionMessages(app.queue.messages);
    app.clock.advance(2_000);
    app.events.length = 0;

    // Act
    const first = await processSession(worker, message!, 1);
    const redelivered = await processSession(worker, message!, 2);

    // Assess
    expect([first, redelivered]).toEqual(['completed', 'duplicate']);
    expect(await app.deps.sessions.getSession(patient.userId, session.id)).toMatchObject({
      status: 'completed',
      processedRevision: 1,
      updatedAt: '2026-11-25T12:00:02.000Z',
    });
    const result = await resultOf(app, patient.userId, session.id);
    expect(result).toMatchObject({ level: 'self_care', source: 'rules', promptVersion: RULES_VERSION });
    expect(result).not.toHaveProperty('model');
    expect(app.metrics.outcomes).toEqual([{ source: 'rules', level: 'self_care' }]);
    expect(app.metrics.usage).toEqual([]);
    expect(app.events).toEqual([
      {
        action: 'triage.complete',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: 'system:triage-worker', roles: [] },
        resource: { type: 'symptom_session', id: session.id },
        reason: 'source:rules',
        requestId: `${session.id}#1`,
        sourceIp: 'internal',
      },
    ]);
  });

  it('skips a revision that follow-up answers superseded, and answers the new one', async () => {
    // Prepare
    const { app, patient, worker } = await setUp();
    const { session } = await startSession(app.deps, patient, COLD, META);
    await answerFollowUps(app.deps, patient, session.id, [{ question: 'Any fever?', answer: 'no' }], META);
    const [old, current] = sessionMessages(app.queue.messages);

    // Act
    const outcomes = [await processSession(worker, old!, 1), await processSession(worker, current!, 1)];

    // Assess
    expect(outcomes).toEqual(['duplicate', 'completed']);
    expect(await app.deps.sessions.getSession(patient.userId, session.id)).toMatchObject({ revision: 2, processedRevision: 2, status: 'completed' });
  });

  it('reports a session that no longer exists, or whose data key was destroyed, as gone and writes nothing', async () => {
    // Prepare
    const { app, patient, worker } = await setUp();
    await startSession(app.deps, patient, COLD, META);
    const [message] = sessionMessages(app.queue.messages);
    await app.deps.vault.destroy(patient.userId);
    app.events.length = 0;

    // Act
    const shredded = await processSession(worker, message!, 1);
    const unknown = await processSession(worker, { ...message!, sessionId: '0190f0f0-0000-7000-8000-000000000000' }, 1);

    // Assess
    expect([shredded, unknown]).toEqual(['gone', 'gone']);
    expect((await app.deps.sessions.getSession(patient.userId, message!.sessionId))!.status).toBe('queued');
    expect(app.events).toEqual([]);
  });

  it('asks the model, with the AI consent, the minimised case only (no free text, no answers, no age)', async () => {
    // Prepare
    const { model, asked } = scriptedModel([ANSWER]);
    const { app, patient, worker } = await setUp({ model, aiConsent: true });
    const { session } = await startSession(app.deps, patient, { ...COLD, age: 37 }, META);
    await answerFollowUps(app.deps, patient, session.id, [{ question: 'Where?', answer: 'at the Birchwood clinic' }], META);
    const message = sessionMessages(app.queue.messages).at(-1)!;

    // Act
    const outcome = await processSession(worker, message, 1);

    // Assess
    expect(outcome).toBe('completed');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual({ ageBand: '18-39', sex: 'female', symptoms: COLD.symptoms, relevantConditions: [] });
    expect(JSON.stringify(asked)).not.toMatch(/Quentin|Birchwood|37/);
    const result = await resultOf(app, patient.userId, session.id);
    expect(result).toMatchObject({ level: 'consultation_24', source: 'model', model: 'fake-model', promptVersion: PROMPT_VERSION, summary: ANSWER.summary });
    expect(app.metrics.usage).toEqual([MODEL_USAGE]);
    expect(app.events.at(-1)).toMatchObject({ action: 'triage.complete', reason: 'source:model' });
  });

  it('never asks the model without the patient’s AI consent, or after it was revoked', async () => {
    // Prepare
    const { model, asked } = scriptedModel([ANSWER]);
    const { app, patient, worker } = await setUp({ model });
    await startSession(app.deps, patient, COLD, META);
    const [message] = sessionMessages(app.queue.messages);

    // Act
    await processSession(worker, message!, 1);

    // Assess
    expect(asked).toEqual([]);
    expect(await resultOf(app, patient.userId, message!.sessionId)).toMatchObject({ source: 'rules' });
  });

  it('keeps the rules’ level as a floor under a model that answers lower', async () => {
    // Prepare
    const { model } = scriptedModel([{ ...ANSWER, level: 'self_care', confidence: 0.95 }]);
    const { app, patient, worker } = await setUp({ model, aiConsent: true });
    const { session } = await startSession(app.deps, patient, HEADACHE, META);

    // Act
    await processSession(worker, sessionMessages(app.queue.messages)[0]!, 1);

    // Assess
    const result = await resultOf(app, patient.userId, session.id);
    expect(result).toMatchObject({ level: 'consultation', source: 'model' });
    expect(result.rulesFired).toContain('floor:rules');
  });

  it('raises a second session within 24 hours one step (a repeat visit)', async () => {
    // Prepare
    const { app, patient, worker } = await setUp();
    await startSession(app.deps, patient, COLD, META);
    app.clock.advance(3_600_000);
    const { session } = await startSession(app.deps, patient, COLD, META);

    // Act
    await processSession(worker, sessionMessages(app.queue.messages)[1]!, 1);

    // Assess
    const result = await resultOf(app, patient.userId, session.id);
    expect(result.level).toBe('consultation');
    expect(result.rulesFired).toContain('escalate:repeat_within_24h');
  });

  it('leaves an unavailable model to the queue’s retries, then falls back to the rules on the last delivery', async () => {
    // Prepare
    const { model, asked } = scriptedModel([new ModelUnavailableError()]);
    const { app, patient, worker } = await setUp({ model, aiConsent: true });
    const { session } = await startSession(app.deps, patient, COLD, META);
    const [message] = sessionMessages(app.queue.messages);

    // Act
    const early = [];
    for (let delivery = 1; delivery < MODEL_ATTEMPTS; delivery++) early.push(await processSession(worker, message!, delivery).catch((error: unknown) => error));
    const stillOpen = await app.deps.sessions.getSession(patient.userId, session.id);
    const last = await processSession(worker, message!, MODEL_ATTEMPTS);

    // Assess
    for (const error of early) expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(stillOpen).toMatchObject({ status: 'processing', processedRevision: 0 });
    expect(stillOpen).not.toHaveProperty('resultSealed');
    expect(last).toBe('completed');
    expect(asked).toHaveLength(MODEL_ATTEMPTS);
    const result = await resultOf(app, patient.userId, session.id);
    expect(result).toMatchObject({ source: 'fallback', level: 'self_care', promptVersion: RULES_VERSION });
    expect(result.rulesFired).toContain('fallback:model_unavailable');
    expect(app.metrics.outcomes).toEqual([{ source: 'fallback', level: 'self_care' }]);
    expect(app.metrics.fallbacks).toEqual(['unavailable']);
  });

  it.each([
    ['an unusable answer twice', [new ModelOutputError(), new ModelOutputError()], 2, 'invalid_output'],
    ['a misconfigured model', [new ModelError('rejected', { reason: 'auth' })], 1, 'auth'],
  ])('falls back to the rules at once after %s, and says why in a metric and a log line', async (_name, script, asks, reason) => {
    // Prepare
    const { model, asked } = scriptedModel(script);
    const { app, patient, worker } = await setUp({ model, aiConsent: true });
    const { session } = await startSession(app.deps, patient, COLD, META);
    const warn = vi.spyOn(log, 'warn');

    // Act
    const outcome = await processSession(worker, sessionMessages(app.queue.messages)[0]!, 1);

    // Assess
    expect(outcome).toBe('completed');
    expect(asked).toHaveLength(asks);
    const result = await resultOf(app, patient.userId, session.id);
    expect(result).toMatchObject({ source: 'fallback' });
    expect(result.rulesFired).toContain('fallback:model_answer_unusable');
    expect(app.metrics.fallbacks).toEqual([reason]);
    expect(warn).toHaveBeenCalledWith(expect.any(String), { action: 'triage.fallback', errorCode: reason });
    warn.mockRestore();
  });

  it('asks again at once after one unusable answer, and uses the second', async () => {
    // Prepare
    const { model, asked } = scriptedModel([new ModelOutputError(), ANSWER]);
    const { app, patient, worker } = await setUp({ model, aiConsent: true });
    const { session } = await startSession(app.deps, patient, COLD, META);

    // Act
    await processSession(worker, sessionMessages(app.queue.messages)[0]!, 1);

    // Assess
    expect(asked).toHaveLength(2);
    expect(await resultOf(app, patient.userId, session.id)).toMatchObject({ source: 'model', level: 'consultation_24' });
  });
});
