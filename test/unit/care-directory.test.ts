import { describe, expect, it } from 'vitest';
import {
  DIRECTORY_PRECISION,
  MAX_LIST_READ,
  MAX_NEAR_READ,
  decodeCursor,
  directoryPoint,
  directoryPosition,
  planCells,
  searchPractitioners,
} from '../../shared/care/directory';
import { cellsCovering, decode, distanceKm, encode } from '../../shared/care/geohash';
import type { PractitionerRecord } from '../../shared/care/ports';
import type { PractitionerKind } from '../../shared/contracts/care-bounds';
import { PractitionerSearchQuery } from '../../shared/contracts/care-directory';
import type { Caller } from '../../shared/domain/caller';
import { ValidationError } from '../../shared/errors';
import { inMemoryAccountBatch, inMemoryPractitioners, inMemoryRatings } from '../helpers/fakes/care';
import { inMemoryApp, META } from '../helpers/in-memory';

/** Real places, so distances are ones a reader can check on a map. */
const MUMBAI = { lat: 19.076, lon: 72.8777, city: 'Mumbai' };
const THANE = { lat: 19.2183, lon: 72.9781, city: 'Thane' };
const NAVI_MUMBAI = { lat: 19.033, lon: 73.0297, city: 'Navi Mumbai' };
const PUNE = { lat: 18.5204, lon: 73.8567, city: 'Pune' };
const DELHI = { lat: 28.6139, lon: 77.209, city: 'Delhi' };

const LICENSE = 'MMC-2231-CANARY';

type Seed = Partial<PractitionerRecord> & { location: PractitionerRecord['location'] };

/** The app's fakes and the practitioner store; `seed` stores a profile (verified unless told) with an active account. */
const world = () => {
  const app = inMemoryApp();
  const care = inMemoryPractitioners();
  const accountReads = inMemoryAccountBatch(app.users);
  const deps = { directory: care.directory, accounts: accountReads.batch, ratings: inMemoryRatings().repository, audit: app.deps.audit, clock: app.clock };
  const seed = async (kind: PractitionerKind, fields: Seed, status: 'active' | 'disabled' = 'active') => {
    const user = await app.addUser(['patient', kind], status);
    const record: PractitionerRecord = {
      userId: user.userId,
      kind,
      verified: true,
      verifiedAt: '2026-11-01T00:00:00.000Z',
      verifiedBy: 'admin',
      displayName: `${kind} in ${fields.location.city}`,
      ...(kind === 'provider' ? { specialties: ['general_practice'] } : { skills: ['elder_care'], serviceRadiusKm: 10 }),
      languages: ['en'],
      timeZone: 'Asia/Kolkata',
      telehealth: false,
      credentials: [{ kind: 'medical_license', number: LICENSE, expiresOn: '2031-01-31' }],
      version: 1,
      updatedAt: '2026-11-01T00:00:00.000Z',
      ...fields,
    };
    expect(await care.repository.put(record)).toBe(true);
    return record;
  };
  return { app, care, deps, seed, accountReads, events: app.events };
};

const patient = async (w: ReturnType<typeof world>): Promise<Caller> => w.app.addUser(['patient']);
/** The query as the route hands it over: parsed by its schema. */
const q = (query: Record<string, string>) => PractitionerSearchQuery.parse(query);

describe('Directory: positions and query planning', () => {
  it('places a provider at their point (9 characters) and a caregiver at the centre of their ~5 km cell', () => {
    // Prepare
    const provider = { kind: 'provider' as const, location: MUMBAI, userId: '00000000-0000-4000-8000-000000000001' };
    const caregiver = { ...provider, kind: 'caregiver' as const };

    // Act
    const positions = [directoryPosition(provider), directoryPosition(caregiver)];
    const points = [directoryPoint(provider), directoryPoint(caregiver)];

    // Assess
    expect(positions).toEqual([`${encode(MUMBAI.lat, MUMBAI.lon, 9)}#${provider.userId}`, `${encode(MUMBAI.lat, MUMBAI.lon, 5)}#${provider.userId}`]);
    expect(DIRECTORY_PRECISION).toEqual({ provider: 9, caregiver: 5 });
    expect(points[0]).toEqual({ lat: MUMBAI.lat, lon: MUMBAI.lon });
    const cell = decode(encode(MUMBAI.lat, MUMBAI.lon, 5));
    expect(points[1]).toEqual({ lat: cell.lat, lon: cell.lon });
    expect(distanceKm(points[1]!, MUMBAI)).toBeLessThan(3.5);
  });

  it('queries each covering cell once (≤ 9), cut to a caregiver’s 5 characters without repeats', () => {
    // Prepare
    const circles = [
      [MUMBAI, 1],
      [MUMBAI, 25],
      [DELHI, 100],
      [{ lat: 0, lon: 180 }, 10],
    ] as const;

    for (const [centre, radius] of circles) {
      // Act
      const covering = cellsCovering(centre.lat, centre.lon, radius);
      const provider = planCells('provider', centre, radius);
      const caregiver = planCells('caregiver', centre, radius);

      // Assess
      expect(provider).toEqual([...covering.cells].sort());
      expect(provider.length).toBeLessThanOrEqual(9);
      expect(caregiver).toEqual([...new Set(covering.cells.map((c) => c.slice(0, 5)))].sort());
      expect(caregiver.length).toBeLessThanOrEqual(provider.length);
    }
    expect(planCells('caregiver', MUMBAI, 1).every((c) => c.length === 5)).toBe(true);
  });

  it('sends one find per planned cell for a near search, and one find on the whole partition without near', async () => {
    // Prepare
    const w = world();
    await w.seed('provider', { location: MUMBAI });
    const caller = await patient(w);

    // Act
    await searchPractitioners(w.deps, caller, q({ kind: 'provider', near: '19.076,72.8777', radiusKm: '30', language: 'en' }), META);
    const nearFinds = w.care.finds.splice(0);
    await searchPractitioners(w.deps, caller, q({ kind: 'caregiver', skill: 'dementia' }), META);
    const listFinds = w.care.finds.splice(0);

    // Assess
    expect(nearFinds.map((f) => f.prefix)).toEqual(planCells('provider', MUMBAI, 30));
    expect(nearFinds.every((f) => f.filter.kind === 'provider' && f.filter.language === 'en' && f.maxRead <= MAX_NEAR_READ)).toBe(true);
    expect(listFinds).toEqual([{ filter: { kind: 'caregiver', skill: 'dementia' }, prefix: '', limit: 20, maxRead: MAX_LIST_READ }]);
  });
});

describe('Use case: searchPractitioners near a point', () => {
  it('returns verified matches of the kind within the radius, nearest first, with their distance, in the public view', async () => {
    // Prepare
    const w = world();
    const mumbai = await w.seed('provider', { location: MUMBAI });
    const thane = await w.seed('provider', { location: THANE });
    const navi = await w.seed('provider', { location: NAVI_MUMBAI });
    await w.seed('provider', { location: PUNE });
    await w.seed('provider', { location: MUMBAI, verified: false, verifiedAt: undefined, verifiedBy: undefined });
    await w.seed('caregiver', { location: MUMBAI });
    const caller = await patient(w);

    // Act
    const page = await searchPractitioners(w.deps, caller, q({ kind: 'provider', near: '19.076,72.8777', radiusKm: '50' }), META);

    // Assess
    expect(page.items.map((p) => p.id)).toEqual([mumbai.userId, navi.userId, thane.userId]);
    expect(page.items.map((p) => p.distanceKm)).toEqual([0, 16.7, 19]);
    expect(page.items[1]!.distanceKm).toBeCloseTo(distanceKm(MUMBAI, NAVI_MUMBAI), 1);
    expect(page.nextCursor).toBeUndefined();
    expect(JSON.stringify(page)).not.toContain(LICENSE);
    expect(page.items[0]).toMatchObject({ verified: true, location: MUMBAI, rating: null, reviewCount: 0 });
    expect(page.items[0]).not.toHaveProperty('credentials');
  });

  it('measures a caregiver from their cell’s centre and shows their city only', async () => {
    // Prepare
    const w = world();
    const caregiver = await w.seed('caregiver', { location: THANE, skills: ['dementia', 'mobility'] });
    const caller = await patient(w);

    // Act
    const page = await searchPractitioners(w.deps, caller, q({ kind: 'caregiver', near: '19.076,72.8777', skill: 'dementia' }), META);

    // Assess
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item!.location).toEqual({ city: 'Thane' });
    expect(item!.distanceKm).toBe(Math.round(distanceKm(MUMBAI, directoryPoint(caregiver)) * 10) / 10);
    expect(JSON.stringify(page)).not.toContain(String(THANE.lat));
  });

  it('filters by specialty, skill, language and telehealth', async () => {
    // Prepare
    const w = world();
    const cardio = await w.seed('provider', { location: MUMBAI, specialties: ['cardiology'], languages: ['en', 'mr'], telehealth: true });
    const gp = await w.seed('provider', { location: THANE, specialties: ['general_practice', 'cardiology'], languages: ['hi'] });
    await w.seed('provider', { location: NAVI_MUMBAI, specialties: ['dermatology'], languages: ['mr'], telehealth: true });
    const caller = await patient(w);
    const ids = async (query: Record<string, string>) =>
      (await searchPractitioners(w.deps, caller, q({ kind: 'provider', near: '19.076,72.8777', ...query }), META)).items.map((p) => p.id);

    // Act
    const bySpecialty = await ids({ specialty: 'cardiology' });
    const byLanguage = await ids({ language: 'mr', specialty: 'cardiology' });
    const byTelehealth = await ids({ telehealth: 'false' });

    // Assess
    expect(bySpecialty).toEqual([cardio.userId, gp.userId]);
    expect(byLanguage).toEqual([cardio.userId]);
    expect(byTelehealth).toEqual([gp.userId]);
  });

  it('pages nearest first: every match exactly once, the cursor bound to its search', async () => {
    // Prepare
    const w = world();
    const seeded = [];
    for (let i = 0; i < 7; i++) seeded.push(await w.seed('provider', { location: { lat: MUMBAI.lat + i * 0.01, lon: MUMBAI.lon, city: 'Mumbai' } }));
    // Two at one point: the id breaks the tie, across a page boundary too.
    seeded.push(await w.seed('provider', { location: { lat: MUMBAI.lat + 0.02, lon: MUMBAI.lon, city: 'Mumbai' } }));
    const caller = await patient(w);
    const query = { kind: 'provider', near: '19.076,72.8777', radiusKm: '10', limit: '3' };

    // Act
    const seen: string[] = [];
    const distances: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchPractitioners(w.deps, caller, q({ ...query, ...(cursor ? { cursor } : {}) }), META);
      seen.push(...page.items.map((p) => p.id));
      distances.push(...page.items.map((p) => p.distanceKm!));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== undefined);
    const other = searchPractitioners(
      w.deps,
      caller,
      q({ ...query, radiusKm: '11', cursor: (await searchPractitioners(w.deps, caller, q(query), META)).nextCursor! }),
      META,
    );

    // Assess
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(8);
    expect([...seen].sort()).toEqual(seeded.map((r) => r.userId).sort());
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await expect(other).rejects.toMatchObject({ code: 'invalid_cursor' });
    expect(() => decodeCursor('not-json', 'x', 'near')).toThrow(ValidationError);
  });

  it('refuses a search that would read more than MAX_NEAR_READ entries (search_too_broad), and audits it', async () => {
    // Prepare
    const w = world();
    const store = w.care.practitioners;
    for (let i = 0; i <= MAX_NEAR_READ; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      store.set(id, { ...(await w.seed('provider', { location: MUMBAI })), userId: id });
    }
    const caller = await patient(w);
    w.events.length = 0;

    // Act
    const search = searchPractitioners(w.deps, caller, q({ kind: 'provider', near: '19.076,72.8777', radiusKm: '5' }), META);

    // Assess
    await expect(search).rejects.toMatchObject({ status: 400, code: 'search_too_broad' });
    expect(w.events).toEqual([expect.objectContaining({ action: 'practitioner.search', outcome: 'failure', reason: 'search_too_broad' })]);
  });
});

describe('Use case: searchPractitioners without near', () => {
  it('lists a kind’s verified profiles in position order, pages covering each once, one find per page', async () => {
    // Prepare
    const w = world();
    const seeded = [];
    for (const place of [DELHI, PUNE, MUMBAI, THANE, NAVI_MUMBAI]) seeded.push(await w.seed('caregiver', { location: place }));
    await w.seed('provider', { location: PUNE });
    const caller = await patient(w);

    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchPractitioners(w.deps, caller, q({ kind: 'caregiver', limit: '2', ...(cursor ? { cursor } : {}) }), META);
      expect(page.items.every((p) => p.distanceKm === undefined && p.kind === 'caregiver')).toBe(true);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor !== undefined);

    // Assess
    const expected = [...seeded].sort((a, b) => (directoryPosition(a) < directoryPosition(b) ? -1 : 1)).map((r) => r.userId);
    expect(seen).toEqual(expected);
    expect(w.care.finds.length).toBe(3);
  });

  it('hides a practitioner whose account is inactive or no longer holds the role', async () => {
    // Prepare
    const w = world();
    const shown = await w.seed('provider', { location: MUMBAI });
    await w.seed('provider', { location: THANE }, 'disabled');
    const revoked = await w.seed('provider', { location: PUNE });
    w.app.users.set(revoked.userId, { ...w.app.users.get(revoked.userId)!, roles: ['patient'] });
    const caller = await patient(w);

    // Act
    const page = await searchPractitioners(w.deps, caller, q({ kind: 'provider' }), META);

    // Assess
    expect(page.items.map((p) => p.id)).toEqual([shown.userId]);
  });

  it('appends one audit event per search, to the caller’s chain', async () => {
    // Prepare
    const w = world();
    await w.seed('provider', { location: MUMBAI });
    const caller = await patient(w);
    w.events.length = 0;

    // Act
    await searchPractitioners(w.deps, caller, q({ kind: 'provider' }), META);
    const bad = searchPractitioners(w.deps, caller, q({ kind: 'provider', cursor: 'eyJ2IjoxfQ' }), META);

    // Assess
    await expect(bad).rejects.toMatchObject({ code: 'invalid_cursor' });
    expect(w.events).toEqual([
      expect.objectContaining({
        action: 'practitioner.search',
        outcome: 'success',
        subjectId: caller.userId,
        resource: { type: 'practitioner' },
        reason: 'public_view,provider,1',
      }),
      expect.objectContaining({ action: 'practitioner.search', outcome: 'failure', subjectId: caller.userId, reason: 'invalid_cursor' }),
    ]);
  });
});

describe('Contract: PractitionerSearchQuery', () => {
  it('refuses a filter of the other kind, a radius without near, a radius over 100 km and a malformed point', () => {
    // Act
    const refused = [
      { kind: 'caregiver', specialty: 'cardiology' },
      { kind: 'provider', skill: 'dementia' },
      { kind: 'provider', radiusKm: '5' },
      { kind: 'provider', near: '19.076,72.8777', radiusKm: '101' },
      { kind: 'provider', near: '91,72' },
      { kind: 'provider', near: 'Mumbai' },
      { kind: 'nurse' },
    ].map((query) => PractitionerSearchQuery.safeParse(query).success);

    // Assess
    expect(refused).toEqual([false, false, false, false, false, false, false]);
    expect(PractitionerSearchQuery.safeParse({ kind: 'provider', near: '-33.8688,151.2093', radiusKm: '100' }).success).toBe(true);
  });
});
