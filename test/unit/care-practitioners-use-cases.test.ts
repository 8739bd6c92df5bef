import { describe, expect, it } from 'vitest';
import type { PractitionerRecord } from '../../shared/care/ports';
import { getOwnPractitioner, getPractitioner, practitionerKindOf, putOwnPractitioner, verifyPractitioner, vouchedFor } from '../../shared/care/practitioners';
import type { PractitionerProfileRequest } from '../../shared/contracts/care';
import type { Caller } from '../../shared/domain/caller';
import type { Role } from '../../shared/domain/roles';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../../shared/errors';
import { etagOf } from '../../shared/records/profile';
import { inMemoryBookings, inMemoryPractitioners, inMemoryRatings } from '../helpers/fakes/care';
import { inMemoryApp, META } from '../helpers/in-memory';

/** A credential number that must never leave in the public view. */
const LICENSE = 'KMC-83920-ZQ';
const CREDENTIAL = { kind: 'medical_license', number: LICENSE, expiresOn: '2030-06-30' } as const;
const LOCATION = { lat: 12.9716, lon: 77.5946, city: 'Bengaluru' };
const COMMON = { displayName: 'Dr Asha Rao', languages: ['en', 'kn'], timeZone: 'Asia/Kolkata', location: LOCATION, telehealth: true };
const PROVIDER: PractitionerProfileRequest = { ...COMMON, specialties: ['cardiology'], bio: 'Twenty years of practice.', credentials: [CREDENTIAL] };
const CAREGIVER: PractitionerProfileRequest = {
  ...COMMON,
  displayName: 'Ravi K',
  skills: ['elder_care', 'mobility'],
  serviceRadiusKm: 15,
  telehealth: false,
  credentials: [{ kind: 'caregiver_certification', number: 'CG-7781', expiresOn: '2029-01-31' }],
};

const failingAudit = {
  append: async () => {
    throw new Error('audit store down');
  },
};

/** The app's fakes plus the practitioner profiles and the ledgers; `add` makes an account with `roles` (patient always). */
const careApp = () => {
  const app = inMemoryApp();
  const care = inMemoryPractitioners();
  const bookings = inMemoryBookings();
  const deps = {
    practitioners: care.repository,
    ledgers: bookings.ledgerRepository,
    users: app.deps.users,
    ratings: inMemoryRatings().repository,
    audit: app.deps.audit,
    clock: app.clock,
  };
  const add = (...roles: Role[]) => app.addUser(['patient', ...roles]);
  return { app, care, bookings, deps, events: app.events, add };
};

/** A provider with a stored profile, verified by an admin; the events so far cleared. */
const verifiedProvider = async () => {
  const world = careApp();
  const provider = await world.add('provider');
  const admin = await world.add('admin');
  await putOwnPractitioner(world.deps, provider, PROVIDER, undefined, META);
  await verifyPractitioner(world.deps, admin, provider.userId, true, undefined, META);
  world.events.length = 0;
  return { ...world, provider, admin };
};

describe('Use case: putOwnPractitioner', () => {
  it('creates version 1 of a provider’s profile, unverified, its kind from the role, and audits the write', async () => {
    // Prepare
    const { deps, care, events, add } = careApp();
    const provider = await add('provider');

    // Act
    const view = await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);

    // Assess
    expect(view).toEqual({
      id: provider.userId,
      kind: 'provider',
      verified: false,
      ...COMMON,
      specialties: ['cardiology'],
      bio: 'Twenty years of practice.',
      credentials: [CREDENTIAL],
      version: 1,
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(care.practitioners.get(provider.userId)).toMatchObject({ userId: provider.userId, kind: 'provider', verified: false, location: LOCATION });
    expect(events).toEqual([
      {
        action: 'practitioner.write',
        outcome: 'success',
        subjectId: provider.userId,
        actor: { userId: provider.userId, roles: ['patient', 'provider'] },
        resource: { type: 'practitioner', id: provider.userId },
        requestId: META.requestId,
        sourceIp: META.sourceIp,
      },
    ]);
  });

  it('creates a caregiver’s profile with skills and a service radius', async () => {
    // Prepare
    const { deps, add } = careApp();
    const caregiver = await add('caregiver');

    // Act
    const view = await putOwnPractitioner(deps, caregiver, CAREGIVER, undefined, META);

    // Assess
    expect(view).toMatchObject({ kind: 'caregiver', skills: ['elder_care', 'mobility'], serviceRadiusKm: 15, verified: false, version: 1 });
    expect(view).not.toHaveProperty('specialties');
  });

  it('requires a holder of both roles to name the kind (400 kind_required), writes nothing, and audits the refusal', async () => {
    // Prepare
    const { deps, care, events, add } = careApp();
    const both = await add('provider', 'caregiver');

    // Act
    const unnamed = putOwnPractitioner(deps, both, PROVIDER, undefined, META);
    await expect(unnamed).rejects.toBeInstanceOf(ValidationError);
    const stored = care.practitioners.size;
    const named = await putOwnPractitioner(deps, both, { ...CAREGIVER, kind: 'caregiver' }, undefined, META);

    // Assess
    await expect(unnamed).rejects.toMatchObject({ status: 400, code: 'kind_required' });
    expect(stored).toBe(0);
    expect(named).toMatchObject({ kind: 'caregiver', version: 1 });
    expect(events).toEqual([
      expect.objectContaining({ action: 'practitioner.write', outcome: 'failure', subjectId: both.userId, reason: 'kind_required' }),
      expect.objectContaining({ action: 'practitioner.write', outcome: 'success', subjectId: both.userId }),
    ]);
  });

  it.each([
    ['a caregiver sending a provider’s profile', ['caregiver'], { ...PROVIDER, kind: 'provider' }, 'kind_not_held'],
    ['a provider sending skills', ['provider'], CAREGIVER, 'kind_mismatch'],
    ['a caregiver sending specialties', ['caregiver'], PROVIDER, 'kind_mismatch'],
    ['an account with neither role', [], PROVIDER, 'kind_not_held'],
  ] as [string, Role[], PractitionerProfileRequest, string][])('refuses %s with 400, writes nothing, and audits it', async (_name, roles, body, code) => {
    // Prepare
    const { deps, care, events, add } = careApp();
    const caller = await add(...roles);

    // Act
    const attempt = putOwnPractitioner(deps, caller, body, undefined, META);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 400, code });
    expect(care.practitioners.size).toBe(0);
    expect(events).toEqual([expect.objectContaining({ action: 'practitioner.write', outcome: 'failure', reason: code })]);
  });

  it('replaces the profile given the current ETag; without one, or with a stale or malformed one, it is 412 and nothing changes', async () => {
    // Prepare
    const { deps, care, events, add, app } = careApp();
    const provider = await add('provider');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);
    app.clock.advance(60_000);

    // Act
    const second = await putOwnPractitioner(deps, provider, { ...PROVIDER, telehealth: false }, etagOf(1), META);
    const before = care.practitioners.get(provider.userId);
    const refusals = await Promise.all(
      [undefined, etagOf(1), '"x"', '*'].map((ifMatch) =>
        putOwnPractitioner(deps, provider, { ...PROVIDER, bio: 'Overwritten' }, ifMatch, META).catch((error: unknown) => error),
      ),
    );

    // Assess
    expect(second).toMatchObject({ telehealth: false, version: 2, updatedAt: '2026-11-25T12:01:00.000Z' });
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(PreconditionFailedError);
    expect((refusals[0] as Error).message).toMatch(/send If-Match/);
    expect(care.practitioners.get(provider.userId)).toBe(before);
    expect(events.slice(2).map((e) => [e.outcome, e.reason])).toEqual(Array(4).fill(['failure', 'precondition_failed']));
  });

  it('lets only one of two writers holding the same ETag win; the other gets 412', async () => {
    // Prepare
    const { deps, care, add } = careApp();
    const provider = await add('provider');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);

    // Act
    const results = await Promise.allSettled(['First', 'Second'].map((bio) => putOwnPractitioner(deps, provider, { ...PROVIDER, bio }, etagOf(1), META)));

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ bio: string }>;
    expect(care.practitioners.get(provider.userId)).toMatchObject({ bio: winner.value.bio, version: 2 });
  });

  it('keeps a verified profile verified through a change of what verification does not vouch for', async () => {
    // Prepare
    const { deps, care, events, provider } = await verifiedProvider();
    const verifiedAt = care.practitioners.get(provider.userId)!.verifiedAt;

    // Act
    const view = await putOwnPractitioner(
      deps,
      provider,
      { ...PROVIDER, bio: 'New bio', languages: ['en', 'hi'], location: { ...LOCATION, city: 'Mysuru' }, telehealth: false, timeZone: 'Asia/Calcutta' },
      etagOf(2),
      META,
    );

    // Assess
    expect(view).toMatchObject({ verified: true, verifiedAt, version: 3, bio: 'New bio' });
    expect(events).toEqual([expect.not.objectContaining({ reason: expect.anything() })]);
  });

  it.each([
    ['a credential’s number', { credentials: [{ ...CREDENTIAL, number: 'KMC-00001' }] }],
    ['a credential’s expiry (a renewal)', { credentials: [{ ...CREDENTIAL, expiresOn: '2035-06-30' }] }],
    ['an added credential', { credentials: [CREDENTIAL, { kind: 'specialist_certification', number: 'CARD-12', expiresOn: '2031-01-01' }] }],
    ['no credentials', { credentials: [] }],
    ['the display name', { displayName: 'Dr Famous' }],
    ['the specialties', { specialties: ['cardiology', 'mental_health'] }],
  ] as [string, Partial<PractitionerProfileRequest>][])(
    'makes a verified profile unverified again when %s changes, and says so in the audit event',
    async (_name, change) => {
      // Prepare
      const { deps, care, events, provider } = await verifiedProvider();

      // Act
      const view = await putOwnPractitioner(deps, provider, { ...PROVIDER, ...change }, etagOf(2), META);

      // Assess
      expect(view.verified).toBe(false);
      expect(view).not.toHaveProperty('verifiedAt');
      expect(care.practitioners.get(provider.userId)).not.toHaveProperty('verifiedBy');
      expect(events).toEqual([expect.objectContaining({ action: 'practitioner.write', outcome: 'success', reason: 'verification_reset' })]);
    },
  );

  it('fails with the audit error and leaves no profile when the audit append of a creation fails', async () => {
    // Prepare
    const { deps, care, add } = careApp();
    const provider = await add('provider');

    // Act
    const attempt = putOwnPractitioner({ ...deps, audit: failingAudit }, provider, PROVIDER, undefined, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(care.practitioners.has(provider.userId)).toBe(false);
  });

  it('fails with the audit error and puts the previous version back, verification included, when the append of a replace fails', async () => {
    // Prepare
    const { deps, care, provider } = await verifiedProvider();
    const before = care.practitioners.get(provider.userId);

    // Act
    const attempt = putOwnPractitioner({ ...deps, audit: failingAudit }, provider, { ...PROVIDER, displayName: 'Dr Famous' }, etagOf(2), META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(care.practitioners.get(provider.userId)).toEqual(before);
    expect(before).toMatchObject({ verified: true, version: 2 });
  });

  it('leaves a newer version alone when its audit append fails after someone wrote over it', async () => {
    // Prepare
    const { deps, care, add } = careApp();
    const provider = await add('provider');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);
    const overwriteThenFail = {
      append: async () => {
        await putOwnPractitioner(deps, provider, { ...PROVIDER, bio: 'Newest' }, etagOf(2), META);
        throw new Error('audit store down');
      },
    };

    // Act
    const attempt = putOwnPractitioner({ ...deps, audit: overwriteThenFail }, provider, { ...PROVIDER, bio: 'Lost' }, etagOf(1), META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(care.practitioners.get(provider.userId)).toMatchObject({ bio: 'Newest', version: 3 });
  });
});

describe('Use case: getOwnPractitioner', () => {
  it('reads the caller’s profile, credentials included, and audits the read', async () => {
    // Prepare
    const { deps, events, provider } = await verifiedProvider();

    // Act
    const view = await getOwnPractitioner(deps, provider, META);

    // Assess
    expect(view).toMatchObject({ id: provider.userId, verified: true, credentials: [CREDENTIAL], version: 2 });
    expect(view).not.toHaveProperty('verifiedBy');
    expect(events).toEqual([expect.objectContaining({ action: 'practitioner.read', outcome: 'success', subjectId: provider.userId })]);
  });

  it('answers 404 when there is none yet, audited as a failed read; and nothing when the append fails', async () => {
    // Prepare
    const { deps, events, add } = careApp();
    const caregiver = await add('caregiver');

    // Act
    const missing = getOwnPractitioner(deps, caregiver, META);
    await putOwnPractitioner(deps, caregiver, CAREGIVER, undefined, META);
    const unaudited = getOwnPractitioner({ ...deps, audit: failingAudit }, caregiver, META);

    // Assess
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(unaudited).rejects.toThrow('audit store down');
    expect(events[0]).toEqual(expect.objectContaining({ action: 'practitioner.read', outcome: 'failure', reason: 'not_found' }));
  });
});

describe('Use case: verifyPractitioner', () => {
  it('verifies a profile in one write (a new version), audited to the practitioner’s chain with the admin as actor', async () => {
    // Prepare
    const { deps, care, events, add, app } = careApp();
    const provider = await add('provider');
    const admin = await add('admin');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);
    events.length = 0;
    app.clock.advance(60_000);

    // Act
    const view = await verifyPractitioner(deps, admin, provider.userId, true, etagOf(1), META);

    // Assess
    expect(view).toMatchObject({ id: provider.userId, verified: true, verifiedAt: '2026-11-25T12:01:00.000Z', version: 2, credentials: [CREDENTIAL] });
    expect(care.practitioners.get(provider.userId)).toMatchObject({ verified: true, verifiedBy: admin.userId });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'practitioner.verify',
        outcome: 'success',
        subjectId: provider.userId,
        actor: { userId: admin.userId, roles: ['patient', 'admin'] },
        resource: { type: 'practitioner', id: provider.userId },
        reason: 'verified',
      }),
    ]);
  });

  it('withdraws a verification, and writes nothing for a decision that changes nothing', async () => {
    // Prepare
    const { deps, care, events, provider, admin } = await verifiedProvider();

    // Act
    const again = await verifyPractitioner(deps, admin, provider.userId, true, undefined, META);
    const withdrawn = await verifyPractitioner(deps, admin, provider.userId, false, undefined, META);

    // Assess
    expect(again).toMatchObject({ verified: true, version: 2 });
    expect(withdrawn).toMatchObject({ verified: false, version: 3 });
    expect(care.practitioners.get(provider.userId)).not.toHaveProperty('verifiedAt');
    expect(events.map((e) => e.reason)).toEqual(['verified,unchanged', 'unverified']);
  });

  it('answers 404 for no profile, 412 for a version other than the one reviewed, audited, and writes nothing', async () => {
    // Prepare
    const { deps, care, events, provider, admin } = await verifiedProvider();
    const before = care.practitioners.get(provider.userId);

    // Act
    const missing = verifyPractitioner(deps, admin, '0190f0f0-0000-7000-8000-000000000000', true, undefined, META);
    const stale = verifyPractitioner(deps, admin, provider.userId, false, etagOf(1), META);

    // Assess
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(care.practitioners.get(provider.userId)).toBe(before);
    expect(events.map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'not_found'],
      ['failure', 'precondition_failed'],
    ]);
  });

  it('never verifies a version it did not read: a profile changed between read and write is 409', async () => {
    // Prepare
    const { deps, care, add } = careApp();
    const provider = await add('provider');
    const admin = await add('admin');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);
    const racing = {
      ...deps,
      practitioners: {
        ...deps.practitioners,
        get: async (id: string) => {
          const read = await deps.practitioners.get(id);
          await putOwnPractitioner(deps, provider, { ...PROVIDER, displayName: 'Dr Famous' }, etagOf(1), META);
          return read;
        },
      },
    };

    // Act
    const attempt = verifyPractitioner(racing, admin, provider.userId, true, undefined, META);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(care.practitioners.get(provider.userId)).toMatchObject({ displayName: 'Dr Famous', verified: false, version: 2 });
  });

  it('fails with the audit error and puts the unverified profile back when the append fails', async () => {
    // Prepare
    const { deps, care, add } = careApp();
    const provider = await add('provider');
    const admin = await add('admin');
    await putOwnPractitioner(deps, provider, PROVIDER, undefined, META);
    const before = care.practitioners.get(provider.userId);

    // Act
    const attempt = verifyPractitioner({ ...deps, audit: failingAudit }, admin, provider.userId, true, undefined, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
    expect(care.practitioners.get(provider.userId)).toEqual(before);
  });
});

describe('Use case: getPractitioner', () => {
  it('shows a verified provider without credentials, with rating null and no reviews, audited to the provider’s chain', async () => {
    // Prepare
    const { deps, events, provider, add } = await verifiedProvider();
    const patient = await add();

    // Act
    const view = await getPractitioner(deps, patient, provider.userId, META);

    // Assess
    expect(view).toEqual({
      id: provider.userId,
      kind: 'provider',
      verified: true,
      ...COMMON,
      specialties: ['cardiology'],
      bio: 'Twenty years of practice.',
      rating: null,
      reviewCount: 0,
    });
    expect(JSON.stringify(view)).not.toContain(LICENSE);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'practitioner.read',
        outcome: 'success',
        subjectId: provider.userId,
        actor: { userId: patient.userId, roles: ['patient'] },
        reason: 'public_view',
      }),
    ]);
  });

  it('shows a verified caregiver’s city, never their exact location', async () => {
    // Prepare
    const { deps, add } = careApp();
    const caregiver = await add('caregiver');
    const admin = await add('admin');
    await putOwnPractitioner(deps, caregiver, CAREGIVER, undefined, META);
    await verifyPractitioner(deps, admin, caregiver.userId, true, undefined, META);

    // Act
    const view = await getPractitioner(deps, admin, caregiver.userId, META);

    // Assess
    expect(view.location).toEqual({ city: 'Bengaluru' });
    expect(view).toMatchObject({ kind: 'caregiver', skills: ['elder_care', 'mobility'], serviceRadiusKm: 15 });
    expect(JSON.stringify(view)).not.toMatch(/12\.97|77\.59|CG-7781/);
  });

  const hide: [string, (world: Awaited<ReturnType<typeof verifiedProvider>>) => Promise<string>, string][] = [
    ['no profile', async () => '0190f0f0-0000-7000-8000-000000000000', 'not_found'],
    [
      'an unverified profile',
      async ({ deps, admin, provider }) => (await verifyPractitioner(deps, admin, provider.userId, false, undefined, META)).id,
      'not_verified',
    ],
    [
      'a deleted account',
      async ({ app, provider }) => {
        app.users.set(provider.userId, { ...app.users.get(provider.userId)!, status: 'deleted' });
        return provider.userId;
      },
      'account_inactive',
    ],
    [
      'an account no longer in the role',
      async ({ app, provider }) => {
        app.users.set(provider.userId, { ...app.users.get(provider.userId)!, roles: ['patient'] });
        return provider.userId;
      },
      'role_revoked',
    ],
  ];
  it.each(hide)('answers 404 for %s, never told apart, with the reason only in the audit event', async (_name, arrange, reason) => {
    // Prepare
    const world = await verifiedProvider();
    const reader: Caller = await world.add('caregiver');
    const id = await arrange(world);
    world.events.length = 0;

    // Act
    const hidden = await getPractitioner(world.deps, reader, id, META).catch((error: unknown) => error);

    // Assess
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(hidden).toEqual(new NotFoundError());
    expect(world.events).toEqual([expect.objectContaining({ action: 'practitioner.read', outcome: 'failure', subjectId: id, reason })]);
  });

  it('returns nothing when the audit append fails', async () => {
    // Prepare
    const { deps, provider, add } = await verifiedProvider();
    const patient = await add();

    // Act
    const attempt = getPractitioner({ ...deps, audit: failingAudit }, patient, provider.userId, META);

    // Assess
    await expect(attempt).rejects.toThrow('audit store down');
  });
});

describe('Function: practitionerKindOf', () => {
  it('takes the one practitioner role, or the body’s kind from a holder of both', () => {
    // Prepare
    const caller = (...roles: Role[]): Caller => ({ userId: 'u', roles: ['patient', ...roles], clientId: 'app', tokenId: 't' });

    // Act, Assess
    expect(practitionerKindOf(caller('provider'), PROVIDER)).toBe('provider');
    expect(practitionerKindOf(caller('caregiver', 'admin'), CAREGIVER)).toBe('caregiver');
    expect(practitionerKindOf(caller('provider', 'caregiver'), { ...PROVIDER, kind: 'provider' })).toBe('provider');
    expect(practitionerKindOf(caller('provider', 'caregiver'), CAREGIVER)).toMatchObject({ reason: 'kind_required' });
  });
});

describe('Function: vouchedFor', () => {
  it('ignores list order and what verification does not vouch for', () => {
    // Prepare
    const record = (change: Partial<PractitionerRecord>) => ({
      kind: 'provider' as const,
      displayName: 'A',
      specialties: ['cardiology' as const],
      credentials: [CREDENTIAL],
      ...change,
    });
    const second = { kind: 'first_aid', number: 'FA-1', expiresOn: '2030-01-01' } as const;

    // Act, Assess
    expect(vouchedFor(record({ credentials: [CREDENTIAL, second] }))).toBe(vouchedFor(record({ credentials: [second, CREDENTIAL] })));
    expect(vouchedFor({ ...record({}), bio: 'x' } as PractitionerRecord)).toBe(vouchedFor(record({})));
    expect(vouchedFor(record({ kind: 'caregiver' }))).not.toBe(vouchedFor(record({})));
  });
});
