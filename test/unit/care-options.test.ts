import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { careOptions, MAX_CANDIDATES, specialtyFor } from '../../shared/care/care-options';
import type { ProviderSpecialty } from '../../shared/contracts/care-bounds';
import type { Availability } from '../../shared/contracts/care-availability';
import { MAX_CARE_OPTIONS } from '../../shared/contracts/care-bounds';
import type { TriageResult } from '../../shared/contracts/triage';
import type { Caller } from '../../shared/domain/caller';
import { NotFoundError } from '../../shared/errors';
import type { SessionStatus } from '../../shared/triage/ports';
import { CONSULTATION_24_RESULT as RESULT, providerProfile, type Weekday, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { META } from '../helpers/in-memory';

/**
 * Care options from a triage result (`careOptions`): who to book and when at the consultation
 * levels, the advice at emergency levels, nothing at self-care; the caller's own completed session
 * only; bounded reads; one audit event per call. The clock starts Wednesday 2026-11-25 12:00 UTC.
 */

/** Open `start`–17:00 UTC on `days` (every day unless told), 30-minute slots. */
const hours = (start: string, days?: readonly Weekday[]): Availability => weeklyHours(start, '17:00', {}, days);

const world = async () => {
  const { app, care, deps, verifiedProvider, storedSession } = await careWorld();
  /** A verified provider in UTC with `availability`. */
  const provider = (name: string, availability: Availability, options: { telehealth?: boolean; specialty?: ProviderSpecialty } = {}) =>
    verifiedProvider(
      providerProfile({
        displayName: name,
        location: { lat: 51.5, lon: -0.12, city: 'London' },
        telehealth: options.telehealth ?? true,
        specialties: [options.specialty ?? 'general_practice'],
        credentials: [{ kind: 'medical_license', number: `GMC-${name.length}`, expiresOn: '2030-06-30' }],
      }),
      availability,
    );
  const patient = await app.addUser(['patient']);
  /** One of `owner`'s sessions, with `result` stored sealed when completed. */
  const session = (result: Partial<TriageResult> = {}, status: SessionStatus = 'completed', owner: Caller = patient) =>
    storedSession(owner, { ...RESULT, ...result }, status);
  const optionsFor = (sessionId: string, caller: Caller = patient) => careOptions(deps, caller, sessionId, META);
  return { app, care, deps, provider, patient, session, optionsFor, events: app.events };
};

describe('Function: specialtyFor', () => {
  it.each([
    [undefined, 'general_practice'],
    ['general practice', 'general_practice'],
    ['cardiology', 'cardiology'],
    ['A cardiologist', 'cardiology'],
    ['mental health', 'mental_health'],
    ['Psychiatrist', 'mental_health'],
    ['Paediatrics', 'paediatrics'],
    ['obstetrics', 'obstetrics'],
    ['Gynaecologist', 'obstetrics'],
    ['physiotherapy', 'physiotherapy'],
    ['dermatology', 'dermatology'],
    ['neurology', 'general_practice'],
    ['ENT', 'general_practice'],
  ] as const)('maps %s to %s', (specialist, specialty) => {
    // Act
    const mapped = specialtyFor(specialist);

    // Assess
    expect(mapped).toBe(specialty);
  });
});

describe('Use case: careOptions', () => {
  it('lists, for consultation_24, providers with a slot within 24 hours, video first, each with its earliest slot', async () => {
    // Prepare
    const { provider, session, optionsFor, events } = await world();
    const video = await provider('Dr Video', hours('14:00'));
    const early = await provider('Dr Early', hours('12:00'), { telehealth: false });
    await provider('Dr Friday', hours('09:00', ['fri']));
    const id = await session();
    events.length = 0;

    // Act
    const answer = await optionsFor(id);

    // Assess
    expect(answer).toMatchObject({
      sessionId: id,
      level: 'consultation_24',
      action: 'book',
      specialty: 'general_practice',
      teleconsultationOk: true,
      before: '2026-11-26T12:00:00.000Z',
    });
    expect(answer.items).toEqual([
      {
        practitioner: expect.objectContaining({ id: video.userId, displayName: 'Dr Video', city: 'London', telehealth: true }),
        mode: 'video',
        earliestSlot: { start: '2026-11-25T14:00:00+00:00', end: '2026-11-25T14:30:00+00:00' },
      },
      {
        practitioner: expect.objectContaining({ id: early.userId, telehealth: false }),
        mode: 'in_person',
        earliestSlot: { start: '2026-11-25T12:00:00+00:00', end: '2026-11-25T12:30:00+00:00' },
      },
    ]);
    expect(events).toEqual([
      expect.objectContaining({ action: 'care.options', outcome: 'success', resource: { type: 'symptom_session', id }, reason: 'options:2' }),
    ]);
  });

  it('orders by earliest slot alone, in person, when the result rules out a teleconsultation; a consultation looks further than a day', async () => {
    // Prepare
    const { provider, session, optionsFor } = await world();
    const video = await provider('Dr Video', hours('14:00'));
    const early = await provider('Dr Early', hours('12:00'), { telehealth: false });
    const friday = await provider('Dr Friday', hours('09:00', ['fri']));
    const id = await session({ level: 'consultation', teleconsultationOk: false });

    // Act
    const answer = await optionsFor(id);

    // Assess
    expect(answer.items.map((o) => [o.practitioner.id, o.mode])).toEqual([
      [early.userId, 'in_person'],
      [video.userId, 'in_person'],
      [friday.userId, 'in_person'],
    ]);
    expect(answer).not.toHaveProperty('before');
  });

  it('searches the result’s specialty, and general practice when no provider of it is free', async () => {
    // Prepare
    const { provider, session, optionsFor } = await world();
    const cardiologist = await provider('Dr Heart', hours('12:00'), { specialty: 'cardiology' });
    const gp = await provider('Dr General', hours('12:00'));

    // Act
    const heart = await optionsFor(await session({ specialist: 'cardiology' }));
    const skin = await optionsFor(await session({ specialist: 'dermatology' }));

    // Assess
    expect(heart).toMatchObject({ specialty: 'cardiology', items: [{ practitioner: expect.objectContaining({ id: cardiologist.userId }) }] });
    expect(skin).toMatchObject({ specialty: 'general_practice', items: [{ practitioner: expect.objectContaining({ id: gp.userId }) }] });
  });

  it('leaves out providers whose account is no longer active, and says so when nobody is free within 24 hours', async () => {
    // Prepare
    const { app, provider, session, optionsFor } = await world();
    const gone = await provider('Dr Gone', hours('12:00'));
    app.users.set(gone.userId, { ...app.users.get(gone.userId)!, status: 'disabled' });
    await provider('Dr Friday', hours('09:00', ['fri']));

    // Act
    const answer = await optionsFor(await session());

    // Assess
    expect(answer.items).toEqual([]);
    expect(answer.message).toMatch(/within 24 hours/);
  });

  it('gives the emergency advice and no providers for an emergency result, reading no directory', async () => {
    // Prepare
    const { care, provider, session, optionsFor } = await world();
    await provider('Dr Video', hours('12:00'));
    const summary = 'Call your local emergency number now. These can be signs of a heart attack.';
    const id = await session({ level: 'emergency_ambulance', summary, teleconsultationOk: false });

    // Act
    const answer = await optionsFor(id);

    // Assess
    expect(answer).toMatchObject({ action: 'emergency', level: 'emergency_ambulance', advice: summary, items: [] });
    expect(answer).not.toHaveProperty('specialty');
    expect(care.finds).toEqual([]);
  });

  it('answers self-care with no providers and a short explanation', async () => {
    // Prepare
    const { care, session, optionsFor } = await world();

    // Act
    const answer = await optionsFor(await session({ level: 'self_care' }));

    // Assess
    expect(answer).toMatchObject({ action: 'self_care', items: [], message: expect.stringMatching(/nothing to book/) });
    expect(care.finds).toEqual([]);
  });

  it('answers 404 for another patient’s session or none, 409 for one not triaged yet or failed, each audited once', async () => {
    // Prepare
    const { app, session, optionsFor, events } = await world();
    const stranger = await app.addUser(['patient']);
    const ids = [await session({}, 'completed', stranger), randomUUID(), await session({}, 'queued'), await session({}, 'failed')];
    events.length = 0;

    // Act
    const errors: unknown[] = [];
    for (const id of ids) errors.push(await optionsFor(id).catch((error: unknown) => error));

    // Assess
    expect(errors[0]).toBeInstanceOf(NotFoundError);
    expect(errors[1]).toBeInstanceOf(NotFoundError);
    expect(errors.slice(2)).toEqual([
      expect.objectContaining({ status: 409, code: 'triage_pending' }),
      expect.objectContaining({ status: 409, code: 'triage_failed' }),
    ]);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'not_found'],
      ['failure', 'not_found'],
      ['failure', 'triage_pending'],
      ['failure', 'triage_failed'],
    ]);
  });

  it('examines at most MAX_CANDIDATES directory entries and lists at most MAX_CARE_OPTIONS', async () => {
    // Prepare
    const { care, provider, session, optionsFor } = await world();
    for (let i = 0; i < MAX_CANDIDATES + 5; i++) await provider(`Dr ${i}`, hours('12:00'), { telehealth: i % 2 === 0 });
    const id = await session();

    // Act
    const answer = await optionsFor(id);

    // Assess
    expect(answer.items).toHaveLength(MAX_CARE_OPTIONS);
    expect(answer.items.every((o) => o.mode === 'video')).toBe(true);
    expect(care.finds.reduce((sum, find) => sum + find.limit, 0)).toBeLessThanOrEqual(MAX_CANDIDATES);
    expect(care.finds.every((find) => find.prefix === '' && find.filter.kind === 'provider' && find.maxRead <= 300)).toBe(true);
  });
});
