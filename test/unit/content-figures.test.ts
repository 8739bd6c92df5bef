import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { bookAppointment } from '../../shared/care/book-appointment';
import { countOnce } from '../../shared/content/count-figure';
import { dashboardStats } from '../../shared/content/dashboard-stats';
import { type FigureName, isoWeek, lastWeeks, SMALL_CELL, SUPPRESSED, suppressed } from '../../shared/content/figures';
import { APPOINTMENT_FIGURES, DashboardStats } from '../../shared/contracts/content';
import { TRIAGE_LEVELS } from '../../shared/contracts/triage-scale';
import { register } from '../../shared/identity/register';
import { deliver } from '../../shared/notifications/deliver';
import { notificationEvent } from '../../shared/notifications/events';
import { sessionPlaces } from '../../shared/triage/places';
import { processSession, type WorkerDeps } from '../../shared/triage/process-session';
import type { SessionInput } from '../../shared/triage/sessions';
import * as z from '../../shared/zod';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careWorld } from '../helpers/fakes/care-world';
import { inMemoryContent } from '../helpers/fakes/content';
import { inMemoryFigures } from '../helpers/fakes/figures';
import { notificationWorld } from '../helpers/fakes/notifications';
import { inMemoryIdentity, META, testClock } from '../helpers/in-memory';

/**
 * The product figures (issue 12), on fakes: ISO weeks, small-cell suppression (no number under 11 ever leaves),
 * counting once per source, and counting that never fails the request or the work it counts.
 */

const DAY_MS = 86_400_000;
const FIGURE_NAMES: FigureName[] = [
  'accounts',
  ...TRIAGE_LEVELS.map((level) => `sessions_${level}` as const),
  ...APPOINTMENT_FIGURES.map((status) => `appointments_${status}` as const),
];

/** Every number anywhere in `value`. */
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];

describe('Product figures: ISO 8601 weeks (UTC)', () => {
  it.each([
    ['2026-12-31T23:59:59.999Z', '2026-W53'],
    ['2027-01-01T00:00:00.000Z', '2026-W53'],
    ['2027-01-03T23:59:59.999Z', '2026-W53'],
    ['2027-01-04T00:00:00.000Z', '2027-W01'],
    ['2026-01-01T12:00:00.000Z', '2026-W01'],
    ['2025-12-29T00:00:00.000Z', '2026-W01'],
    ['2024-12-30T00:00:00.000Z', '2025-W01'],
    ['2021-01-03T12:00:00.000Z', '2020-W53'],
    ['2026-11-25T12:00:00.000Z', '2026-W48'],
    ['1969-12-31T12:00:00.000Z', '1970-W01'],
  ])('puts %s in %s', (at, week) => {
    // Prepare
    const instant = new Date(at);

    // Act
    const actual = isoWeek(instant);

    // Assess
    expect(actual).toBe(week);
  });

  it('starts every week on Monday 00:00 UTC and keeps it to Sunday 23:59:59.999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 7 * DAY_MS - 1 }), (ms, offset) => {
        // Prepare: the Monday 00:00 of the week of `ms` (1970-01-01 was a Thursday).
        const day = Math.floor(ms / DAY_MS);
        const monday = (day - ((day + 3) % 7)) * DAY_MS;

        // Act
        const week = isoWeek(new Date(monday));

        // Assess
        expect(isoWeek(new Date(monday + offset))).toBe(week);
        expect(isoWeek(new Date(monday - 1))).not.toBe(week);
        expect(week).toMatch(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
      }),
    );
  });

  it('lists the last 8 weeks oldest first, the current one last, across a year end', () => {
    // Prepare
    const now = new Date('2027-01-05T08:00:00Z');

    // Act
    const weeks = lastWeeks(now, 8);

    // Assess
    expect(weeks).toEqual(['2026-W47', '2026-W48', '2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01']);
  });
});

describe('Product figures: small-cell suppression', () => {
  it('shows every count under 11 (0 included) as <11 and any other as itself', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        // Act
        const shown = suppressed(n);

        // Assess
        expect(shown).toBe(n < SMALL_CELL ? SUPPRESSED : n);
      }),
    );
  });

  it('never lets a number under 11 out of the dashboard, whatever the weeks hold', async () => {
    const counts = fc.dictionary(fc.constantFrom(...FIGURE_NAMES), fc.oneof(fc.nat({ max: 12 }), fc.nat({ max: 100_000 })));
    await fc.assert(
      fc.asyncProperty(fc.array(counts, { minLength: 8, maxLength: 8 }), async (weeks) => {
        // Prepare
        const content = inMemoryContent();
        const figures = inMemoryFigures();
        const clock = testClock();
        for (const [i, week] of lastWeeks(clock.now(), 8).entries()) figures.weeks.set(week, { ...weeks[i] });

        // Act
        const stats = await dashboardStats({ ...content.deps, clock, figures: figures.figures });

        // Assess
        expect(numbersIn(stats.product).filter((n) => n < SMALL_CELL)).toEqual([]);
        expect(z.safeParse(DashboardStats, stats).success).toBe(true);
        stats.product.weeks.forEach((week, i) => {
          const stored = weeks[i]!;
          expect(week.newAccounts).toBe(suppressed(stored.accounts ?? 0));
          for (const level of TRIAGE_LEVELS) expect(week.symptomSessions[level]).toBe(suppressed(stored[`sessions_${level}`] ?? 0));
          for (const status of APPOINTMENT_FIGURES) expect(week.appointments[status]).toBe(suppressed(stored[`appointments_${status}`] ?? 0));
        });
      }),
      { numRuns: 50 },
    );
  });

  it('answers the last 8 weeks, the current one last, with the weeks nothing was counted in all <11', async () => {
    // Prepare
    const content = inMemoryContent();
    const { figures } = inMemoryFigures();
    const clock = testClock('2026-11-25T12:00:00.000Z');
    for (let i = 0; i < 12; i++) await figures.count({ figure: 'accounts', kind: 'account', sourceId: randomUUID(), at: clock.now() });
    for (let i = 0; i < 3; i++)
      await figures.count({ figure: 'accounts', kind: 'account', sourceId: randomUUID(), at: new Date(clock.now().getTime() - 14 * DAY_MS) });

    // Act
    const { product } = await dashboardStats({ ...content.deps, clock, figures });

    // Assess
    expect(product.weeks.map((w) => w.week)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(product.weeks.map((w) => w.newAccounts)).toEqual(['<11', '<11', '<11', '<11', '<11', '<11', '<11', 12]);
    expect(product.weeks[0]).toEqual({
      week: '2026-W41',
      newAccounts: '<11',
      symptomSessions: { emergency_ambulance: '<11', emergency: '<11', consultation_24: '<11', consultation: '<11', self_care: '<11' },
      appointments: { booked: '<11', rescheduled: '<11', cancelled: '<11', fulfilled: '<11', noshow: '<11' },
    });
  });
});

describe('Product figures: counting once, best effort', () => {
  it('counts a source once however often it is counted, and each kind of source apart', async () => {
    // Prepare
    const { figures, weeks } = inMemoryFigures();
    const at = new Date('2026-11-25T12:00:00Z');
    const id = randomUUID();

    // Act
    for (let i = 0; i < 3; i++) await countOnce(figures, 'sessions_self_care', 'session', id, at);
    await countOnce(figures, 'accounts', 'account', id, at);

    // Assess
    expect(weeks.get('2026-W48')).toEqual({ sessions_self_care: 1, accounts: 1 });
  });

  it('swallows a store that fails (marker or add), and counts nothing twice after', async () => {
    // Prepare
    const { figures, weeks, control } = inMemoryFigures();
    const at = new Date('2026-11-25T12:00:00Z');
    const id = randomUUID();

    // Act
    control.failAdd = true;
    await countOnce(figures, 'accounts', 'account', id, at);
    control.failAdd = false;
    await countOnce(figures, 'accounts', 'account', id, at);
    control.failMarker = true;
    const failing = countOnce(figures, 'accounts', 'account', randomUUID(), at);

    // Assess
    await expect(failing).resolves.toBeUndefined();
    expect(weeks.size).toBe(0);
  });

  it('registration counts the new account once, and a failing counter fails nothing', async () => {
    // Prepare
    const counted = inMemoryFigures();
    const failing = inMemoryFigures();
    failing.control.failMarker = true;
    const ok = inMemoryIdentity();
    const other = inMemoryIdentity();

    // Act
    const { user } = await register({ ...ok.deps, figures: counted.figures }, { email: 'ann@example.com', password: 'a perfectly long passphrase' }, META);
    const survived = await register({ ...other.deps, figures: failing.figures }, { email: 'bob@example.com', password: 'a perfectly long passphrase' }, META);

    // Assess
    expect(counted.weeks.get('2026-W48')).toEqual({ accounts: 1 });
    expect([...counted.markers]).toEqual([`account#${user.id}`]);
    expect(survived.user.email).toBe('bob@example.com');
    expect(other.users.has(survived.user.id)).toBe(true);
    expect(other.events.map((e) => e.action)).toEqual(['account.register']);
  });

  it('the triage worker counts a session once at its first result’s level, and completes though the counter fails', async () => {
    // Prepare
    const world = notificationWorld();
    const patient = await world.addUser();
    const figures = inMemoryFigures();
    const session = async () => {
      const id = randomUUID();
      const at = world.clock.now().toISOString();
      const input: SessionInput = { input: { symptoms: [{ name: 'runny nose', severity: 2 }] }, answers: [] };
      await world.sessions.repository.create({
        id,
        patientId: patient.userId,
        status: 'queued',
        revision: 1,
        processedRevision: 0,
        inputSealed: await world.deps.vault.sealJson(sessionPlaces.input(patient.userId, id), input),
        createdAt: at,
        updatedAt: at,
      });
      return { sessionId: id, patientId: patient.userId, revision: 1 };
    };
    const worker: WorkerDeps = {
      sessions: world.sessions.repository,
      vault: world.deps.vault,
      consents: world.records.consentRepository,
      audit: world.deps.audit,
      clock: world.clock,
      metrics: world.metrics.metrics,
      notifications: world.queue.queue,
      figures: figures.figures,
    };
    const counted = await session();
    const uncounted = await session();

    // Act
    const first = await processSession(worker, counted, 1);
    const again = await processSession(worker, counted, 2);
    figures.control.failMarker = true;
    const despite = await processSession(worker, uncounted, 1);

    // Assess
    expect([first, again, despite]).toEqual(['completed', 'duplicate', 'completed']);
    const week = figures.weeks.get('2026-W48') ?? {};
    expect(Object.values(week).reduce((a, b) => a + b, 0)).toBe(1);
    expect(Object.keys(week)).toEqual([expect.stringMatching(/^sessions_(emergency_ambulance|emergency|consultation_24|consultation|self_care)$/)]);
    expect((await world.sessions.repository.getSession(patient.userId, uncounted.sessionId))?.status).toBe('completed');
  });

  it('the notifications worker counts a change from the patient’s event only, once, not when stale, and delivers though the counter fails', async () => {
    // Prepare
    const world = notificationWorld();
    const patient = await world.addUser();
    const provider = await world.addUser(['patient', 'provider']);
    const figures = inMemoryFigures();
    const deps = { ...world.deps, figures: figures.figures };
    const appointmentId = randomUUID();
    const startMs = world.clock.now().getTime() + 3 * DAY_MS;
    for (const party of [patient, provider]) world.appointments.set(party.userId, appointmentId, { status: 'booked', startMs, patientId: patient.userId });
    const booked = [patient, provider].map((party) => notificationEvent('appointment_booked', party.userId, { appointmentId }, world.clock.now()));
    const cancelled = notificationEvent('appointment_cancelled', patient.userId, { appointmentId }, world.clock.now());

    // Act
    for (const event of [...booked, booked[0]!]) await deliver(deps, event, `msg-${randomUUID()}`);
    await deliver(deps, cancelled, 'msg-stale');
    figures.control.failMarker = true;
    const despite = await deliver(deps, notificationEvent('appointment_rescheduled', patient.userId, { appointmentId }, world.clock.now()), 'msg-x');

    // Assess
    expect(figures.weeks.get('2026-W48')).toEqual({ appointments_booked: 1 });
    expect(figures.markers.size).toBe(1);
    expect(despite).toEqual({ kind: 'done', channels: { email: 'sent', sms: 'suppressed:preference' } });
  });

  it('the appointment status counts the outcome once, and a failing counter fails nothing', async () => {
    // Prepare
    const { app, deps, verifiedProvider } = await careWorld();
    const provider = await verifiedProvider(providerProfile(), weeklyHours('09:00', '17:00'));
    const patient = await app.addUser(['patient']);
    const figures = inMemoryFigures();
    const book = (start: string) => bookAppointment(deps, patient, { practitionerId: provider.userId, start, mode: 'video' }, META);
    const first = await book('2026-11-27T09:00:00+00:00');
    const second = await book('2026-11-27T10:00:00+00:00');
    app.clock.set('2026-11-27T11:00:00Z');

    // Act
    const fulfilled = await setAppointmentStatus({ ...deps, figures: figures.figures }, provider, first.id, 'fulfilled', META);
    figures.control.failMarker = true;
    const noshow = await setAppointmentStatus({ ...deps, figures: figures.figures }, provider, second.id, 'noshow', META);

    // Assess
    expect([fulfilled.status, noshow.status]).toEqual(['fulfilled', 'noshow']);
    expect(figures.weeks.get('2026-W48')).toEqual({ appointments_fulfilled: 1 });
    expect([...figures.markers]).toEqual([`appointment#fulfilled#${first.id}`]);
  });
});
