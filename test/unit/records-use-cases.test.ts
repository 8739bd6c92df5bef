import { describe, expect, it } from 'vitest';
import type { HealthProfile } from '../../shared/contracts/records';
import type { Caller } from '../../shared/domain/caller';
import { NotFoundError, PreconditionFailedError } from '../../shared/errors';
import { aiConsentId, createConsent, listConsents, revokeConsent } from '../../shared/records/consents';
import { giveFeedback } from '../../shared/records/feedback';
import { etagOf, getOwnProfile, getPatientProfile, putOwnProfile, versionFromIfMatch } from '../../shared/records/profile';
import { places } from '../../shared/vault/places';
import { allPages } from '../helpers/fakes/page';
import { expectSealedWithout } from '../helpers/fakes/sealed';
import { inMemoryApp, META } from '../helpers/in-memory';

/** PHI-like values that must never appear in what is stored (not the log canaries: a failure here may print them). */
const ALLERGY = 'allergy-to-quinapril-7c1d';
const PROFILE: HealthProfile = { sex: 'female', heightCm: 170, allergies: [ALLERGY], medications: ['metformin 500 mg'] };
const IN_A_WEEK = '2026-12-02T12:00:00.000Z';

const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

type App = ReturnType<typeof inMemoryApp>;

/** A patient with a stored profile, a caregiver, and the app around them. */
const withProfile = async () => {
  const app = inMemoryApp();
  const patient = await app.addUser(['patient']);
  const caregiver = await app.addUser(['patient', 'caregiver']);
  await putOwnProfile(app.deps, patient, PROFILE, undefined, META);
  app.events.length = 0;
  return { app, patient, caregiver };
};

const share = (granteeId: string, scopes: ('profile.read' | 'triage.read')[] = ['profile.read'], expiresAt?: string) => ({
  granteeId,
  scopes,
  purpose: 'caregiving' as const,
  ...(expiresAt ? { expiresAt } : {}),
});

describe('Use case: putOwnProfile', () => {
  it('creates version 1 without If-Match, stores it sealed, and audits the write', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    const view = await putOwnProfile(app.deps, patient, PROFILE, undefined, META);

    // Assess
    expect(view).toEqual({ profile: PROFILE, version: 1, updatedAt: '2026-11-25T12:00:00.000Z' });
    const stored = app.records.profiles.get(patient.userId)!;
    expect(stored.version).toBe(1);
    expectSealedWithout(stored.sealed, ALLERGY, 'metformin');
    expect(await app.deps.vault.openJson(places.profile(patient.userId), stored.sealed)).toEqual(PROFILE);
    expect(app.events).toEqual([
      {
        action: 'profile.write',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'profile', id: patient.userId },
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it('replaces the profile given the current ETag (weak or strong) and bumps the version', async () => {
    // Prepare
    const { app, patient } = await withProfile();
    app.clock.advance(60_000);

    // Act
    const second = await putOwnProfile(app.deps, patient, { ...PROFILE, weightKg: 61 }, etagOf(1), META);
    const third = await putOwnProfile(app.deps, patient, { sex: 'female' }, 'W/"2"', META);

    // Assess
    expect(second).toMatchObject({ version: 2, updatedAt: '2026-11-25T12:01:00.000Z' });
    expect(third.version).toBe(3);
    expect(await getOwnProfile(app.deps, patient, META)).toMatchObject({ profile: { sex: 'female' }, version: 3 });
  });

  it('refuses to overwrite an existing profile without If-Match (412), writes nothing, and audits the failure', async () => {
    // Prepare
    const { app, patient } = await withProfile();
    const before = app.records.profiles.get(patient.userId);

    // Act
    const attempt = putOwnProfile(app.deps, patient, { sex: 'male' }, undefined, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(attempt).rejects.toMatchObject({ status: 412, message: expect.stringContaining('send If-Match') });
    expect(app.records.profiles.get(patient.userId)).toBe(before);
    expect(app.events).toEqual([
      expect.objectContaining({ action: 'profile.write', outcome: 'failure', subjectId: patient.userId, reason: 'precondition_failed' }),
    ]);
  });

  it('lets only one of two writers holding the same ETag win; the other gets 412 and loses nothing silently', async () => {
    // Prepare
    const { app, patient } = await withProfile();
    const etag = etagOf((await getOwnProfile(app.deps, patient, META)).version);

    // Act
    const results = await Promise.allSettled([
      putOwnProfile(app.deps, patient, { ...PROFILE, weightKg: 60 }, etag, META),
      putOwnProfile(app.deps, patient, { ...PROFILE, weightKg: 90 }, etag, META),
    ]);

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ profile: HealthProfile }>;
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 412 });
    expect((await getOwnProfile(app.deps, patient, META)).profile).toEqual(winner.value.profile);
    expect(app.records.profiles.get(patient.userId)!.version).toBe(2);
  });

  it('fails with the audit error and leaves no profile when the audit append of a creation fails', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    const attempt = putOwnProfile({ ...app.deps, audit: failingAudit }, patient, PROFILE, undefined, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(app.records.profiles.has(patient.userId)).toBe(false);
  });

  it('fails with the audit error and puts the previous version back when the audit append of a replace fails', async () => {
    // Prepare
    const { app, patient } = await withProfile();
    const before = app.records.profiles.get(patient.userId);
    app.clock.advance(60_000);

    // Act
    const attempt = putOwnProfile({ ...app.deps, audit: failingAudit }, patient, { sex: 'male' }, etagOf(1), META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(app.records.profiles.get(patient.userId)).toEqual(before);
    expect(await getOwnProfile(app.deps, patient, META)).toEqual({ profile: PROFILE, version: 1, updatedAt: '2026-11-25T12:00:00.000Z' });
    expect(await putOwnProfile(app.deps, patient, { sex: 'male' }, etagOf(1), META)).toMatchObject({ version: 2 });
  });

  it('leaves a newer version alone when its audit append fails after someone wrote over it', async () => {
    // Prepare
    const { app, patient } = await withProfile();
    const overwriteThenFail = {
      append: async () => {
        await putOwnProfile(app.deps, patient, { sex: 'female', weightKg: 70 }, etagOf(2), META);
        throw new Error('audit store down');
      },
    };

    // Act
    const attempt = putOwnProfile({ ...app.deps, audit: overwriteThenFail }, patient, { sex: 'male' }, etagOf(1), META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(await getOwnProfile(app.deps, patient, META)).toMatchObject({ profile: { sex: 'female', weightKg: 70 }, version: 3 });
  });

  it.each(['"x"', '*', 'W/1', '"1', ''])('treats If-Match %j as matching nothing (412) and seals nothing', async (ifMatch) => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const seal = app.deps.vault.sealJson.bind(app.deps.vault);
    let seals = 0;
    app.deps.vault.sealJson = async (...args) => (seals++, seal(...args));

    // Act
    const attempt = putOwnProfile(app.deps, patient, PROFILE, ifMatch, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 412 });
    expect(app.records.profiles.size).toBe(0);
    expect(seals).toBe(0);
  });
});

describe('Function: versionFromIfMatch', () => {
  it('reads strong and weak ETags, and anything else as no version', () => {
    // Act, Assess
    expect(versionFromIfMatch(undefined)).toBeUndefined();
    expect(versionFromIfMatch('"7"')).toBe(7);
    expect(versionFromIfMatch(' W/"12" ')).toBe(12);
    expect(versionFromIfMatch('"1234567890123"')).toBe('none');
    expect(versionFromIfMatch('"7", "8"')).toBe('none');
  });
});

describe('Use case: getOwnProfile', () => {
  it('opens the caller’s profile and audits the read', async () => {
    // Prepare
    const { app, patient } = await withProfile();

    // Act
    const view = await getOwnProfile(app.deps, patient, META);

    // Assess
    expect(view).toEqual({ profile: PROFILE, version: 1, updatedAt: '2026-11-25T12:00:00.000Z' });
    expect(app.events).toEqual([
      expect.objectContaining({
        action: 'profile.read',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'profile', id: patient.userId },
      }),
    ]);
  });

  it('answers 404 when there is no profile yet, and audits the failed read', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    const attempt = getOwnProfile(app.deps, patient, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.events).toEqual([expect.objectContaining({ action: 'profile.read', outcome: 'failure', subjectId: patient.userId, reason: 'not_found' })]);
  });

  it('returns nothing when the audit append fails: no unaudited read', async () => {
    // Prepare
    const { app, patient } = await withProfile();

    // Act
    const attempt = getOwnProfile({ ...app.deps, audit: failingAudit }, patient, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
  });
});

describe('Use case: getPatientProfile', () => {
  it('shows the profile to a grantee under an active consent with profile.read, audited on the patient’s chain', async () => {
    // Prepare
    const { app, patient, caregiver } = await withProfile();
    const consent = await createConsent(app.deps, patient, share(caregiver.userId), META);
    app.events.length = 0;

    // Act
    const view = await getPatientProfile(app.deps, caregiver, patient.userId, META);

    // Assess
    expect(view).toMatchObject({ profile: PROFILE, version: 1 });
    expect(app.events).toEqual([
      expect.objectContaining({
        action: 'profile.read',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: caregiver.userId, roles: ['patient', 'caregiver'] },
        resource: { type: 'profile', id: patient.userId },
        reason: `consent:${consent.id}`,
      }),
    ]);
  });

  it.each([
    ['no consent', async () => undefined],
    [
      'a consent without profile.read',
      async (app: App, patient: Caller, grantee: Caller) => {
        await createConsent(app.deps, patient, share(grantee.userId, ['triage.read']), META);
      },
    ],
    [
      'a consent to someone else',
      async (app: App, patient: Caller) => {
        await createConsent(app.deps, patient, share((await app.addUser(['provider'])).userId), META);
      },
    ],
    [
      'a revoked consent',
      async (app: App, patient: Caller, grantee: Caller) => {
        await revokeConsent(app.deps, patient, (await createConsent(app.deps, patient, share(grantee.userId), META)).id, META);
      },
    ],
    [
      'an expired consent',
      async (app: App, patient: Caller, grantee: Caller) => {
        await createConsent(app.deps, patient, share(grantee.userId, ['profile.read'], IN_A_WEEK), META);
        app.clock.set(IN_A_WEEK);
      },
    ],
  ])('answers 404 with %s, exactly as for a patient who does not exist, and audits the denial', async (_name, arrange) => {
    // Prepare
    const { app, patient, caregiver } = await withProfile();
    await arrange(app, patient, caregiver);
    app.events.length = 0;

    // Act
    const denied = await getPatientProfile(app.deps, caregiver, patient.userId, META).catch((error: unknown) => error);
    const absent = await getPatientProfile(app.deps, caregiver, '0190f0f0-0000-7000-8000-000000000000', META).catch((error: unknown) => error);

    // Assess
    expect(denied).toBeInstanceOf(NotFoundError);
    expect(denied).toEqual(absent);
    expect(app.events[0]).toEqual(
      expect.objectContaining({
        action: 'profile.read',
        outcome: 'denied',
        subjectId: patient.userId,
        actor: expect.objectContaining({ userId: caregiver.userId }),
        reason: 'no_active_consent',
      }),
    );
  });

  it('answers 404 under a consent when the patient has no profile, audited as a failure', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const provider = await app.addUser(['patient', 'provider']);
    await createConsent(app.deps, patient, share(provider.userId), META);
    app.events.length = 0;

    // Act
    const attempt = getPatientProfile(app.deps, provider, patient.userId, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.events).toEqual([expect.objectContaining({ outcome: 'failure', subjectId: patient.userId, reason: 'not_found' })]);
  });
});

describe('Use case: createConsent', () => {
  it('grants a share consent to a caregiver, stores it, and audits the grant on the patient’s chain', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const caregiver = await app.addUser(['patient', 'caregiver']);

    // Act
    const consent = await createConsent(app.deps, patient, share(caregiver.userId, ['profile.read', 'triage.read'], IN_A_WEEK), META);

    // Assess
    expect(consent).toEqual({
      id: expect.any(String),
      kind: 'share',
      patientId: patient.userId,
      granteeId: caregiver.userId,
      scopes: ['profile.read', 'triage.read'],
      purpose: 'caregiving',
      expiresAt: IN_A_WEEK,
      createdAt: '2026-11-25T12:00:00.000Z',
      status: 'active',
    });
    expect(await app.deps.consents.get(patient.userId, consent.id)).toMatchObject({ kind: 'share', granteeId: caregiver.userId });
    expect(app.events).toEqual([
      {
        action: 'consent.grant',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'consent', id: consent.id },
        reason: `${caregiver.userId}:profile.read,triage.read`,
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it.each(['deleted', 'disabled'] as const)(
    'refuses any grant from an account that is %s (404), audited, and writes nothing else: its token may outlive it',
    async (status) => {
      // Prepare
      const app = inMemoryApp();
      const patient = await app.addUser(['patient'], status);
      const caregiver = await app.addUser(['patient', 'caregiver']);

      // Act
      const shared = createConsent(app.deps, patient, share(caregiver.userId), META);
      const ai = createConsent(app.deps, patient, { kind: 'ai_processing' }, META);

      // Assess
      await expect(shared).rejects.toMatchObject({ status: 404 });
      await expect(ai).rejects.toMatchObject({ status: 404 });
      expect(app.records.consents.size).toBe(0);
      expect(app.events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
        ['consent.grant', 'failure', 'account_inactive'],
        ['consent.grant', 'failure', 'account_inactive'],
      ]);
    },
  );

  it('refuses a grant to oneself (400) and writes nothing', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser(['patient', 'caregiver']);

    // Act
    const attempt = createConsent(app.deps, patient, share(patient.userId), META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 400, code: 'self_grant' });
    expect(app.records.consents.size).toBe(0);
    expect(app.events).toEqual([]);
  });

  it.each([
    ['an unknown account', async (_app: App) => ({ userId: '0190f0f0-0000-7000-8000-000000000001' })],
    ['a patient without a care role', async (app: App) => app.addUser(['patient'])],
    ['an admin', async (app: App) => app.addUser(['patient', 'admin'])],
    ['a disabled caregiver', async (app: App) => app.addUser(['patient', 'caregiver'], 'disabled')],
  ])('answers 404 for %s as grantee and writes nothing', async (_name, grantee) => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const { userId } = await grantee(app);

    // Act
    const attempt = createConsent(app.deps, patient, share(userId), META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(app.records.consents.size).toBe(0);
    expect(app.events).toEqual([]);
  });

  it('keeps one active AI-processing consent per patient: a second is 409, a new one after revocation is fine', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    const first = await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
    const again = await createConsent(app.deps, patient, { kind: 'ai_processing' }, META).catch((error: unknown) => error);
    await revokeConsent(app.deps, patient, first.id, META);
    app.clock.advance(1_000);
    const renewed = await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);

    // Assess
    expect(first).toMatchObject({ id: aiConsentId(patient.userId), kind: 'ai_processing', patientId: patient.userId, status: 'active' });
    expect(again).toMatchObject({ status: 409, code: 'consent_exists' });
    expect(renewed).toMatchObject({ id: first.id, status: 'active', createdAt: '2026-11-25T12:00:01.000Z' });
    expect(renewed).not.toHaveProperty('revokedAt');
    expect(app.events.map((e) => `${e.action}:${e.outcome}:${e.reason}`)).toEqual([
      'consent.grant:success:ai_processing',
      'consent.revoke:success:undefined',
      'consent.grant:success:ai_processing',
    ]);
  });

  it('fails with the audit error and keeps no consent when the audit append fails; a retry grants exactly one', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const caregiver = await app.addUser(['patient', 'caregiver']);

    // Act
    const attempt = createConsent({ ...app.deps, audit: failingAudit }, patient, share(caregiver.userId), META);
    await expect(attempt).rejects.toThrow('audit store down');
    const afterFailure = app.records.consents.size;
    const retried = await createConsent(app.deps, patient, share(caregiver.userId), META);

    // Assess
    expect(afterFailure).toBe(0);
    expect([...app.records.consents.values()]).toEqual([expect.objectContaining({ id: retried.id, granteeId: caregiver.userId })]);
    expect(app.events.map((e) => `${e.action}:${e.resource.id}`)).toEqual([`consent.grant:${retried.id}`]);
  });

  it('puts the revoked AI consent back as it was when the audit append of a new one fails', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const first = await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
    await revokeConsent(app.deps, patient, first.id, META);
    const before = await app.deps.consents.get(patient.userId, first.id);
    app.clock.advance(1_000);

    // Act
    const attempt = createConsent({ ...app.deps, audit: failingAudit }, patient, { kind: 'ai_processing' }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(await app.deps.consents.get(patient.userId, first.id)).toEqual(before);
    expect(app.records.consents.size).toBe(1);
  });

  it('gives each patient their own AI-consent id', () => {
    // Act, Assess
    expect(aiConsentId('a')).not.toBe(aiConsentId('b'));
    expect(aiConsentId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Use case: listConsents', () => {
  it('pages the consents a patient granted, with each one’s status now', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const grantees = [await app.addUser(['caregiver']), await app.addUser(['provider']), await app.addUser(['caregiver'])];
    const made = [];
    for (const grantee of grantees) made.push(await createConsent(app.deps, patient, share(grantee.userId, ['profile.read'], IN_A_WEEK), META));
    made.push(await createConsent(app.deps, patient, { kind: 'ai_processing' }, META));
    await revokeConsent(app.deps, patient, made[0]!.id, META);
    app.clock.set(IN_A_WEEK);

    // Act
    const { pages, items } = await allPages((page) => listConsents(app.deps, patient, 'granted', page), 3);

    // Assess
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(items.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
    const status = Object.fromEntries(items.map((c) => [c.id, c.status]));
    expect(status).toEqual({ [made[0]!.id]: 'revoked', [made[1]!.id]: 'expired', [made[2]!.id]: 'expired', [made[3]!.id]: 'active' });
  });

  it('lists what a grantee received, and nothing of anyone else’s', async () => {
    // Prepare
    const app = inMemoryApp();
    const [ann, bob] = [await app.addUser(), await app.addUser()];
    const caregiver = await app.addUser(['patient', 'caregiver']);
    const fromAnn = await createConsent(app.deps, ann, share(caregiver.userId), META);
    const fromBob = await createConsent(app.deps, bob, share(caregiver.userId), META);
    await createConsent(app.deps, ann, { kind: 'ai_processing' }, META);

    // Act
    const received = await listConsents(app.deps, caregiver, 'received', { limit: 20 });
    const granted = await listConsents(app.deps, caregiver, 'granted', { limit: 20 });

    // Assess
    expect(received.items.map((c) => c.id).sort()).toEqual([fromAnn.id, fromBob.id].sort());
    expect(received.nextCursor).toBeUndefined();
    expect(granted.items).toEqual([]);
  });

  it('refuses a cursor made for another caller’s list (400)', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    for (let i = 0; i < 2; i++) await createConsent(app.deps, patient, share((await app.addUser(['caregiver'])).userId), META);
    const { nextCursor } = await listConsents(app.deps, patient, 'granted', { limit: 1 });
    const other = await app.addUser();

    // Act
    const attempt = listConsents(app.deps, other, 'granted', { limit: 1, cursor: nextCursor! });

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 400, code: 'invalid_cursor' });
  });
});

describe('Use case: revokeConsent', () => {
  it('revokes the caller’s consent at once and audits it', async () => {
    // Prepare
    const { app, patient, caregiver } = await withProfile();
    const consent = await createConsent(app.deps, patient, share(caregiver.userId), META);
    app.clock.advance(5_000);
    app.events.length = 0;

    // Act
    await revokeConsent(app.deps, patient, consent.id, META);

    // Assess
    expect(await app.deps.consents.get(patient.userId, consent.id)).toMatchObject({ revokedAt: '2026-11-25T12:00:05.000Z' });
    expect(app.events).toEqual([
      {
        action: 'consent.revoke',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'consent', id: consent.id },
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
    await expect(getPatientProfile(app.deps, caregiver, patient.userId, META)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 404 for a consent the caller did not give, and changes nothing', async () => {
    // Prepare
    const { app, patient, caregiver } = await withProfile();
    const consent = await createConsent(app.deps, patient, share(caregiver.userId), META);
    app.events.length = 0;

    // Act
    const byGrantee = revokeConsent(app.deps, caregiver, consent.id, META);

    // Assess
    await expect(byGrantee).rejects.toBeInstanceOf(NotFoundError);
    expect(await app.deps.consents.get(patient.userId, consent.id)).not.toHaveProperty('revokedAt');
    expect(app.events).toEqual([]);
  });

  it('fails with the audit error and leaves the consent active when the audit append fails', async () => {
    // Prepare
    const { app, patient, caregiver } = await withProfile();
    const consent = await createConsent(app.deps, patient, share(caregiver.userId), META);
    const before = await app.deps.consents.get(patient.userId, consent.id);
    app.clock.advance(5_000);

    // Act
    const attempt = revokeConsent({ ...app.deps, audit: failingAudit }, patient, consent.id, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(await app.deps.consents.get(patient.userId, consent.id)).toEqual(before);
    await revokeConsent(app.deps, patient, consent.id, META);
    expect(await app.deps.consents.get(patient.userId, consent.id)).toMatchObject({ revokedAt: '2026-11-25T12:00:05.000Z' });
  });

  it('keeps the first revocation time when revoked again, and says so in the audit event', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const consent = await createConsent(app.deps, patient, { kind: 'ai_processing' }, META);
    await revokeConsent(app.deps, patient, consent.id, META);
    app.clock.advance(60_000);

    // Act
    await revokeConsent(app.deps, patient, consent.id, META);

    // Assess
    expect((await app.deps.consents.get(patient.userId, consent.id))!.revokedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(app.events.at(-1)).toMatchObject({ action: 'consent.revoke', outcome: 'success', reason: 'already_revoked' });
  });
});

describe('Use case: giveFeedback', () => {
  it('stores the rating with the comments sealed under the caller’s key, and audits it', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();
    const comments = `My ${ALLERGY} got worse after the visit`;

    // Act
    const result = await giveFeedback(app.deps, patient, { rating: 4, comments }, META);

    // Assess
    expect(result).toEqual({ id: expect.any(String), createdAt: '2026-11-25T12:00:00.000Z' });
    const [stored] = await app.deps.feedback.ofUser(patient.userId);
    expect(stored).toMatchObject({ id: result.id, userId: patient.userId, rating: 4, createdAt: result.createdAt });
    expectSealedWithout(stored!.commentsSealed, ALLERGY, 'worse after the visit');
    expect(JSON.stringify(stored)).not.toContain(ALLERGY);
    expect(await app.deps.vault.open(places.feedbackComments(patient.userId, result.id), stored!.commentsSealed!)).toBe(comments);
    await expect(app.deps.vault.open(places.feedbackComments(patient.userId, 'another-id'), stored!.commentsSealed!)).rejects.toThrow();
    expect(app.events).toEqual([
      {
        action: 'feedback.create',
        outcome: 'success',
        subjectId: patient.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        resource: { type: 'feedback', id: result.id },
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it('stores no sealed field when there are no comments', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    await giveFeedback(app.deps, patient, { rating: 1 }, META);

    // Assess
    const [stored] = await app.deps.feedback.ofUser(patient.userId);
    expect(stored).not.toHaveProperty('commentsSealed');
  });

  it('fails with the audit error and keeps no feedback when the audit append fails', async () => {
    // Prepare
    const app = inMemoryApp();
    const patient = await app.addUser();

    // Act
    const attempt = giveFeedback({ ...app.deps, audit: failingAudit }, patient, { rating: 2, comments: `About my ${ALLERGY}` }, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(app.records.feedback.size).toBe(0);
    expect(await app.deps.feedback.ofUser(patient.userId)).toEqual([]);
  });
});
