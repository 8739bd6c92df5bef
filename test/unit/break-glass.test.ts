import { describe, expect, it } from 'vitest';
import { emfCountLine, EmfBreakGlassMetrics } from '../../shared/adapters/aws/emf-metrics';
import type { PractitionerRecord } from '../../shared/care/ports';
import type { HealthProfile } from '../../shared/contracts/records';
import type { Role } from '../../shared/domain/roles';
import { CareBowError, NotFoundError, TooManyRequestsError } from '../../shared/errors';
import { BREAK_GLASS_DAILY_LIMIT, openBreakGlass, type BreakGlassDeps } from '../../shared/records/break-glass';
import { getPatientProfile, putOwnProfile } from '../../shared/records/profile';
import { places } from '../../shared/vault/places';
import { inMemoryBreakGlass } from '../helpers/fakes/records';
import { expectSealedWithout } from '../helpers/fakes/sealed';
import { inMemoryApp, META } from '../helpers/in-memory';

/** The free-text reason: PHI-adjacent, so it must reach the sealed grant and nothing else. */
const REASON = 'Unconscious in the ER, allergy-check-5b9e needed now';
const PROFILE: HealthProfile = { sex: 'male', allergies: ['penicillin'] };
const MINUTE = 60_000;

/** The app, a patient with a profile, a verified provider (profile, account) and the break-glass ports around them. */
const world = async (provider: { kind?: PractitionerRecord['kind']; verified?: boolean; roles?: Role[]; status?: 'active' | 'disabled' } = {}) => {
  const app = inMemoryApp();
  const patient = await app.addUser(['patient']);
  await putOwnProfile(app.deps, patient, PROFILE, undefined, META);
  const roles = provider.roles ?? ['patient', 'provider'];
  const doctor = await app.addUser(roles, provider.status ?? 'active');
  const profiles = new Map<string, Pick<PractitionerRecord, 'userId' | 'kind' | 'verified'>>([
    [doctor.userId, { userId: doctor.userId, kind: provider.kind ?? 'provider', verified: provider.verified ?? true }],
  ]);
  const breakGlass = inMemoryBreakGlass(app.records);
  const emitted: string[] = [];
  const deps: BreakGlassDeps = {
    practitioners: { get: async (id) => profiles.get(id) as PractitionerRecord | undefined },
    users: app.deps.users,
    grants: breakGlass.store,
    vault: app.deps.vault,
    metrics: new EmfBreakGlassMetrics(
      'carebow',
      (line) => emitted.push(line),
      () => app.clock.now().getTime(),
    ),
    audit: app.deps.audit,
    clock: app.clock,
  };
  app.events.length = 0;
  const open = (patientId = patient.userId, caller = doctor) => openBreakGlass(deps, caller, patientId, REASON, META);
  const read = () => getPatientProfile(app.deps, doctor, patient.userId, META);
  return { app, patient, doctor, deps, breakGlass, emitted, open, read };
};

const breakGlassEvents = (app: ReturnType<typeof inMemoryApp>) => app.events.filter((event) => event.action === 'breakglass.open');

describe('Use case: openBreakGlass', () => {
  it('gives a verified provider a 60-minute profile.read grant that the profile read honours: 404 before, 200 during, 404 after expiry', async () => {
    // Prepare
    const { app, patient, doctor, open, read, emitted } = await world();

    // Act
    const before = await read().catch((error: unknown) => error);
    const { grant, created } = await open();
    const during = await read();
    app.clock.advance(60 * MINUTE);
    const after = await read().catch((error: unknown) => error);

    // Assess
    expect(before).toBeInstanceOf(NotFoundError);
    expect(created).toBe(true);
    expect(grant).toEqual({ grantId: expect.any(String), patientId: patient.userId, expiresAt: '2026-11-25T13:00:00.000Z' });
    expect(during.profile).toEqual(PROFILE);
    expect(after).toBeInstanceOf(NotFoundError);
    const stored = app.records.consents.get(`${patient.userId}/${grant.grantId}`)!;
    expect(stored).toMatchObject({ kind: 'break_glass', granteeId: doctor.userId, scopes: ['profile.read'], purpose: 'emergency', expiresAt: grant.expiresAt });
    expectSealedWithout(stored.reasonSealed, 'Unconscious', 'allergy-check-5b9e');
    expect(await app.deps.vault.open(places.breakGlassReason(patient.userId, grant.grantId), stored.reasonSealed!)).toBe(REASON);
    const reads = app.events.filter((event) => event.action === 'profile.read');
    expect(reads.map((event) => [event.outcome, event.reason])).toEqual([
      ['denied', 'no_active_consent'],
      ['success', `breakglass:${grant.grantId}`],
      ['denied', 'no_active_consent'],
    ]);
    expect(breakGlassEvents(app)).toEqual([
      {
        action: 'breakglass.open',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: doctor.userId, roles: ['patient', 'provider'] },
        resource: { type: 'break_glass', id: grant.grantId },
        reason: 'granted',
        severity: 'high',
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
    expect(JSON.stringify(app.events)).not.toContain('allergy-check-5b9e');
    expect(emitted).toHaveLength(1);
  });

  it('returns the live grant to a second request: no new grant, no count, no metric, one audit event each', async () => {
    // Prepare
    const { app, patient, doctor, open, breakGlass, emitted } = await world();
    const first = await open();
    app.clock.advance(10 * MINUTE);

    // Act
    const second = await open();

    // Assess
    expect(second).toEqual({ grant: first.grant, created: false });
    expect([...app.records.consents.values()].filter((c) => c.kind === 'break_glass')).toHaveLength(1);
    expect(breakGlass.counts.get(`${doctor.userId}/2026-11-25`)).toBe(1);
    expect(emitted).toHaveLength(1);
    expect(breakGlassEvents(app).map((event) => [event.outcome, event.reason, event.resource.id, event.subjectId])).toEqual([
      ['success', 'granted', first.grant.grantId, patient.userId],
      ['success', 'live_grant', first.grant.grantId, patient.userId],
    ]);
  });

  it('refuses the 4th grant of a UTC day with 429 break_glass_limit and Retry-After until midnight UTC, and allows one the next day', async () => {
    // Prepare
    const { app, doctor, open, breakGlass, emitted } = await world();
    const others = [];
    for (let i = 0; i < BREAK_GLASS_DAILY_LIMIT + 1; i++) others.push(await app.addUser(['patient']));
    for (const other of others.slice(0, BREAK_GLASS_DAILY_LIMIT)) await open(other.userId);
    app.clock.set('2026-11-25T23:00:00.000Z');

    // Act
    const fourth = await open(others.at(-1)!.userId).catch((error: unknown) => error);
    app.clock.set('2026-11-26T00:00:00.000Z');
    const nextDay = await open(others.at(-1)!.userId);

    // Assess
    expect(fourth).toBeInstanceOf(TooManyRequestsError);
    expect(fourth).toMatchObject({ status: 429, code: 'break_glass_limit', retryAfterSeconds: 3600 });
    expect(nextDay.created).toBe(true);
    expect(breakGlass.counts.get(`${doctor.userId}/2026-11-25`)).toBe(BREAK_GLASS_DAILY_LIMIT);
    expect(breakGlass.counts.get(`${doctor.userId}/2026-11-26`)).toBe(1);
    expect([...app.records.consents.values()].filter((c) => c.kind === 'break_glass')).toHaveLength(BREAK_GLASS_DAILY_LIMIT + 1);
    expect(breakGlassEvents(app).map((event) => [event.outcome, event.reason])).toContainEqual(['denied', 'daily_limit']);
    expect(emitted).toHaveLength(BREAK_GLASS_DAILY_LIMIT + 1);
  });

  it.each([
    ['a caregiver (caregiver profile and role)', { kind: 'caregiver' as const, roles: ['patient', 'caregiver'] as Role[] }],
    ['an unverified provider', { verified: false }],
    ['a provider whose account is disabled', { status: 'disabled' as const }],
    ['a provider whose role was revoked', { roles: ['patient'] as Role[] }],
  ])('refuses %s with 403, grants and counts nothing, and audits the denial', async (_label, provider) => {
    // Prepare
    const { app, doctor, open, breakGlass, emitted } = await world(provider);

    // Act
    const refused = await open().catch((error: unknown) => error);

    // Assess
    expect(refused).toBeInstanceOf(CareBowError);
    expect(refused).toMatchObject({ status: 403, code: 'practitioner_not_verified' });
    expect([...app.records.consents.values()]).toEqual([]);
    expect(breakGlass.counts.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(breakGlassEvents(app)).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        reason: 'provider_not_verified',
        severity: 'high',
        actor: expect.objectContaining({ userId: doctor.userId }),
      }),
    ]);
  });

  it('answers 404 for an unknown or deleted patient, counting nothing', async () => {
    // Prepare
    const { app, open, breakGlass } = await world();
    const gone = await app.addUser(['patient'], 'deleted');

    // Act
    const unknown = await open('0f0f0f0f-0000-4000-8000-000000000000').catch((error: unknown) => error);
    const deleted = await open(gone.userId).catch((error: unknown) => error);

    // Assess
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(deleted).toBeInstanceOf(NotFoundError);
    expect(breakGlass.counts.size).toBe(0);
    expect(breakGlassEvents(app).map((event) => [event.outcome, event.reason, event.severity])).toEqual([
      ['failure', 'patient_not_found', 'high'],
      ['failure', 'patient_not_found', 'high'],
    ]);
  });

  it('undoes the grant and its count when the audit append fails, and emits no metric', async () => {
    // Prepare
    const { app, doctor, deps, breakGlass, emitted, patient } = await world();
    const failing = { ...deps, audit: { append: async () => Promise.reject(new Error('audit store down')) } };

    // Act
    const failed = await openBreakGlass(failing, doctor, patient.userId, REASON, META).catch((error: unknown) => error);

    // Assess
    expect(failed).toEqual(new Error('audit store down'));
    expect([...app.records.consents.values()]).toEqual([]);
    expect(breakGlass.counts.get(`${doctor.userId}/2026-11-25`)).toBe(0);
    expect(emitted).toEqual([]);
  });
});

describe('Adapter: EmfBreakGlassMetrics', () => {
  it('writes one EMF line: BreakGlassUsed, namespace CareBow, the service dimension only', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = new EmfBreakGlassMetrics(
      'carebow',
      (line) => lines.push(line),
      () => 1_764_072_000_000,
    );

    // Act
    metrics.used();

    // Assess
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: 1_764_072_000_000,
          CloudWatchMetrics: [{ Namespace: 'CareBow', Dimensions: [['service']], Metrics: [{ Name: 'BreakGlassUsed', Unit: 'Count' }] }],
        },
        service: 'carebow',
        BreakGlassUsed: 1,
      },
    ]);
    expect(emfCountLine('BreakGlassUsed', 'carebow', 1)).not.toContain('\n');
  });
});
