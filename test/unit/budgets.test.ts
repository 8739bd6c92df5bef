import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../shared/budgets/limits';
import { spendBudget, windowAt } from '../../shared/budgets/spend';
import type { TriageInput } from '../../shared/contracts/triage';
import type { Caller } from '../../shared/domain/caller';
import { BudgetExceededError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';
import { answerFollowUps } from '../../shared/triage/sessions';
import { bookAppointment } from '../../shared/care/book-appointment';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import { type ExportDeps, exportAccount } from '../../shared/account/export';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { startSession } from '../../shared/triage/start-session';
import { allPages } from '../helpers/fakes/page';
import { inMemoryApp, META } from '../helpers/in-memory';
import { CHEST_PAIN, MILD_COLD } from '../helpers/triage';

const COLD = MILD_COLD as TriageInput;
const REFUSAL = { action: 'triage.create', resource: { type: 'symptom_session' } };

/** A patient on the in-memory app, its clock at `at`. */
const setUp = async (at = '2026-11-25T12:00:00.000Z') => {
  const app = inMemoryApp();
  app.clock.set(at);
  const patient = await app.addUser();
  app.events.length = 0;
  return { app, patient };
};
const spend = (app: ReturnType<typeof inMemoryApp>, patient: Caller) => spendBudget(app.deps, patient, META, 'symptomSession', REFUSAL);

describe('Function: windowAt', () => {
  it('names the epoch-aligned window, keeps it one window past its end, and waits until that end', () => {
    // Act
    const hour = windowAt('symptomSession', { limit: 10, seconds: 3600 }, Date.parse('2026-01-01T10:59:30.000Z'));
    const day = windowAt('symptomSession', { limit: 30, seconds: 86_400 }, Date.parse('2026-01-01T10:59:30.000Z'));
    const atStart = windowAt('symptomSession', { limit: 10, seconds: 3600 }, Date.parse('2026-01-01T11:00:00.000Z'));

    // Assess
    const tenOClock = Date.parse('2026-01-01T10:00:00.000Z') / 1000;
    expect(hour).toEqual({ counterId: `symptomSession#3600#${tenOClock}`, expiresAt: tenOClock + 7200, retryAfterSeconds: 30 });
    expect(day.retryAfterSeconds).toBe(13 * 3600 + 30);
    expect(atStart).toMatchObject({ counterId: `symptomSession#3600#${tenOClock + 3600}`, retryAfterSeconds: 3600 });
  });
});

describe('Function: spendBudget (symptomSession: 10 an hour, 30 a day)', () => {
  it('pins the limits', () => {
    expect(BUDGETS.symptomSession).toEqual([
      { limit: 10, seconds: 3600 },
      { limit: 30, seconds: 86_400 },
    ]);
  });

  it('allows 10 in an hour, refuses the 11th until the hour ends with one denied audit event, and allows again in the next hour', async () => {
    // Prepare
    const { app, patient } = await setUp('2026-11-25T12:45:00.000Z');
    for (let n = 0; n < 10; n++) await spend(app, patient);

    // Act
    const eleventh = await spend(app, patient).catch((error: unknown) => error);
    app.clock.set('2026-11-25T13:00:00.000Z');
    const nextHour = await spend(app, patient).then(() => 'allowed');

    // Assess
    expect(eleventh).toBeInstanceOf(BudgetExceededError);
    expect(eleventh).toMatchObject({ status: 429, code: 'budget_exceeded', retryAfterSeconds: 15 * 60 });
    expect(errorResponse(eleventh, 'r').headers).toMatchObject({ 'Retry-After': '900' });
    expect(app.events).toEqual([
      expect.objectContaining({
        action: 'triage.create',
        outcome: 'denied',
        reason: 'budget_exceeded',
        subjectId: patient.userId,
        resource: { type: 'symptom_session' },
      }),
    ]);
    expect(nextHour).toBe('allowed');
  });

  it('refuses the 31st of a day until midnight UTC, and a refusal by the hour spends nothing of the day', async () => {
    // Prepare: 10 at 09:xx (and one refused), 10 at 10:xx, 10 at 11:xx
    const { app, patient } = await setUp('2026-11-25T09:10:00.000Z');
    for (let n = 0; n < 10; n++) await spend(app, patient);
    await expect(spend(app, patient)).rejects.toBeInstanceOf(BudgetExceededError);
    for (const hour of ['10', '11']) {
      app.clock.set(`2026-11-25T${hour}:10:00.000Z`);
      for (let n = 0; n < 10; n++) await spend(app, patient);
    }
    app.clock.set('2026-11-25T12:00:00.000Z');

    // Act
    const thirtyFirst = await spend(app, patient).catch((error: unknown) => error);

    // Assess
    expect(thirtyFirst).toMatchObject({ code: 'budget_exceeded', retryAfterSeconds: 12 * 3600 });
  });

  it('counts each patient apart', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const other = await app.addUser();
    for (let n = 0; n < 10; n++) await spend(app, patient);

    // Act
    const theirs = await spend(app, other).then(() => 'allowed');

    // Assess
    expect(theirs).toBe('allowed');
  });
});

describe('Use case: startSession (the symptomSession budget)', () => {
  it('refuses the 11th non-emergency session in an hour with 429: nothing stored, nothing queued, one denied event', async () => {
    // Prepare
    const { app, patient } = await setUp();
    for (let n = 0; n < 10; n++) await startSession(app.deps, patient, COLD, META);
    const queued = app.queue.messages.length;
    app.events.length = 0;

    // Act
    const eleventh = startSession(app.deps, patient, COLD, META);

    // Assess
    await expect(eleventh).rejects.toMatchObject({ name: 'BudgetExceededError', status: 429 });
    expect((await allPages((page) => app.deps.sessions.sessionsOf(patient.userId, page), 50)).items).toHaveLength(10);
    expect(app.queue.messages).toHaveLength(queued);
    expect(app.events).toEqual([expect.objectContaining({ action: 'triage.create', outcome: 'denied', reason: 'budget_exceeded' })]);
  });

  it('never refuses an emergency, even with the budget used up', async () => {
    // Prepare
    const { app, patient } = await setUp();
    for (let n = 0; n < 10; n++) await startSession(app.deps, patient, COLD, META);

    // Act
    const { emergency, session } = await startSession(app.deps, patient, CHEST_PAIN as TriageInput, META);

    // Assess
    expect(emergency).toBe(true);
    expect(session.status).toBe('completed');
  });
});

describe('Use case: answerFollowUps (the followUpAnswers budget)', () => {
  it('refuses the 21st set of answers in an hour with 429 and requeues nothing; someone else’s session is 404 and spends nothing', async () => {
    // Prepare
    const { app, patient } = await setUp();
    const other = await app.addUser();
    const { session } = await startSession(app.deps, patient, COLD, META);
    const answers = [{ question: 'Any fever?', answer: 'No' }];
    await expect(answerFollowUps(app.deps, other, session.id, answers, META)).rejects.toMatchObject({ status: 404 });
    for (let n = 0; n < 20; n++) await answerFollowUps(app.deps, patient, session.id, answers, META);
    const queued = app.queue.messages.length;

    // Act
    const refused = answerFollowUps(app.deps, patient, session.id, answers, META);

    // Assess
    await expect(refused).rejects.toMatchObject({ name: 'BudgetExceededError', code: 'budget_exceeded' });
    expect(app.queue.messages).toHaveLength(queued);
    expect((await app.deps.sessions.getSession(patient.userId, session.id))?.revision).toBe(21);
    expect(app.events.at(-1)).toMatchObject({ action: 'triage.answer', outcome: 'denied', reason: 'budget_exceeded' });
  });
});

describe('Use cases: booking, rescheduling and cancelling (the appointmentChanges budget: 30 an hour, 100 a day)', () => {
  const NINE = '2026-11-27T09:00:00+00:00';
  const TEN = '2026-11-27T10:00:00+00:00';
  /** A patient with a booked visit at nine, and `spent` units of the hour's budget spent in all (the booking's included). */
  const spentWorld = async (spent = 30) => {
    const w = await careWorld();
    const provider = await w.verifiedProvider(providerProfile(), weeklyHours('09:00', '17:00'));
    const patient = await w.app.addUser(['patient']);
    const booked = await bookAppointment(w.deps, patient, { practitionerId: provider.userId, start: NINE, mode: 'video' }, META);
    for (let n = 1; n < spent; n++) await spendBudget(w.deps, patient, META, 'appointmentChanges', REFUSAL);
    w.app.events.length = 0;
    return { w, provider, patient, booked, copies: () => [...w.bookings.appointments.values()].map((copy) => [copy.id, copy.status, copy.start]) };
  };

  it('pins the limits', () => {
    expect(BUDGETS.appointmentChanges).toEqual([
      { limit: 30, seconds: 3600 },
      { limit: 100, seconds: 86_400 },
    ]);
  });

  it.each([
    ['book', 'appointment.book'],
    ['reschedule', 'appointment.reschedule'],
    ['cancel', 'appointment.cancel'],
  ] as const)('refuses to %s past the budget with 429, the visit as it was, one denied event', async (change, action) => {
    // Prepare
    const { w, provider, patient, booked, copies } = await spentWorld();
    const before = copies();

    // Act
    const refused = await (change === 'book'
      ? bookAppointment(w.deps, patient, { practitionerId: provider.userId, start: TEN, mode: 'video' }, META)
      : change === 'reschedule'
        ? rescheduleAppointment(w.deps, patient, booked.id, TEN, META)
        : cancelAppointment(w.deps, patient, booked.id, {}, META)
    ).catch((error: unknown) => error);

    // Assess
    expect(refused).toBeInstanceOf(BudgetExceededError);
    expect(errorResponse(refused, 'r').statusCode).toBe(429);
    expect(copies()).toEqual(before);
    expect(w.app.events).toEqual([expect.objectContaining({ action, outcome: 'denied', reason: 'budget_exceeded', subjectId: patient.userId })]);
  });

  it('spends nothing on a cancel sent again for a visit already cancelled, nor on someone else’s appointment (404)', async () => {
    // Prepare: the last unit of the hour cancels the visit.
    const { w, patient, booked } = await spentWorld(29);
    const stranger = await w.app.addUser(['patient']);
    await cancelAppointment(w.deps, patient, booked.id, {}, META);

    // Act
    const again = await cancelAppointment(w.deps, patient, booked.id, {}, META);
    const foreign = await cancelAppointment(w.deps, stranger, booked.id, {}, META).catch((error: unknown) => error);

    // Assess
    expect(again.status).toBe('cancelled');
    expect(errorResponse(foreign, 'r').statusCode).toBe(404);
  });
});

describe('Use case: exportAccount (the dataExport budget: 5 an hour, 20 a day)', () => {
  /** A patient with a profile, on the care world's ports; `reads` counts what the export opens and lists. */
  const exportWorld = async () => {
    const w = await careWorld();
    const patient = await w.app.addUser(['patient']);
    const reads: string[] = [];
    const deps: ExportDeps = {
      ...w.deps,
      auditTrail: { chain: async () => (reads.push('audit trail'), []) } as unknown as ExportDeps['auditTrail'],
      profiles: { get: async (userId: string) => (reads.push('profile'), w.deps.profiles.get(userId)) },
    };
    w.app.events.length = 0;
    return { w, deps, patient, reads };
  };

  it('pins the limits', () => {
    expect(BUDGETS.dataExport).toEqual([
      { limit: 5, seconds: 3600 },
      { limit: 20, seconds: 86_400 },
    ]);
  });

  it('exports 5 times in an hour and refuses the 6th with 429 and Retry-After, reading nothing, one denied event', async () => {
    // Prepare
    const { w, deps, patient, reads } = await exportWorld();
    w.app.clock.set('2026-11-27T10:15:00.000Z');
    for (let n = 0; n < 5; n++) await exportAccount(deps, patient, META);
    reads.length = 0;
    w.app.events.length = 0;

    // Act
    const refused = await exportAccount(deps, patient, META).catch((error: unknown) => error);

    // Assess
    expect(refused).toBeInstanceOf(BudgetExceededError);
    const response = errorResponse(refused, 'r');
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['Retry-After']).toBe(String(45 * 60));
    expect(JSON.parse(response.body).error.code).toBe('budget_exceeded');
    expect(reads).toEqual([]);
    expect(w.app.events).toEqual([
      expect.objectContaining({
        action: 'account.export',
        outcome: 'denied',
        reason: 'budget_exceeded',
        subjectId: patient.userId,
        resource: { type: 'account', id: patient.userId },
      }),
    ]);
  });

  it('exports again in the next hour, and refuses the 21st of a day until midnight UTC', async () => {
    // Prepare: 5 exports in each of four hours
    const { w, deps, patient } = await exportWorld();
    for (const hour of ['00', '01', '02', '03']) {
      w.app.clock.set(`2026-11-27T${hour}:30:00.000Z`);
      for (let n = 0; n < 5; n++) await exportAccount(deps, patient, META);
    }
    w.app.clock.set('2026-11-27T23:00:00.000Z');

    // Act
    const refused = await exportAccount(deps, patient, META).catch((error: unknown) => error);

    // Assess
    expect(errorResponse(refused, 'r')).toMatchObject({ statusCode: 429, headers: expect.objectContaining({ 'Retry-After': '3600' }) });
    w.app.clock.set('2026-11-28T00:00:00.000Z');
    await expect(exportAccount(deps, patient, META)).resolves.toMatchObject({ account: { id: patient.userId } });
  });

  it('spends nothing on an account that no longer exists (404)', async () => {
    // Prepare
    const { w, deps } = await exportWorld();
    const stranger = { userId: '00000000-0000-4000-8000-000000000099', roles: ['patient'] } as unknown as Caller;

    // Act
    const missing = await exportAccount(deps, stranger, META).catch((error: unknown) => error);

    // Assess
    expect(errorResponse(missing, 'r').statusCode).toBe(404);
    expect([...w.app.budgetCounts.keys()]).toEqual([]);
  });
});
