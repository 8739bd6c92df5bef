import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../shared/care/geohash';
import { type CaregiverCandidate, explainRejection, largestRemainder, matchCaregivers, scoreCaregiver } from '../../shared/care/matching';
import { MATCHING_WEIGHTS, type MatchingWeights } from '../../shared/care/matching-weights';
import { CAREGIVER_SKILLS } from '../../shared/contracts/care-bounds';
import { CaregiverMatchRequest, CaregiverMatchResponse } from '../../shared/contracts/care-matching';
import { MATCH_FACTOR_CODES } from '../../shared/contracts/care-bounds';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 20261128;

const delhi = { lat: 28.6139, lon: 77.209 };
/** A caregiver id: the contract's ids are UUIDs, so answers built from these parse. */
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const request = (overrides: Partial<CaregiverMatchRequest> = {}): CaregiverMatchRequest => ({
  needs: ['elder_care', 'mobility'],
  languages: ['hi'],
  location: delhi,
  start: '2027-03-15T09:00:00+05:30',
  durationHours: 4,
  ...overrides,
});

/** A caregiver who passes every filter and earns every point but rating's and continuity's. */
const caregiver = (overrides: Partial<CaregiverCandidate> = {}): CaregiverCandidate => ({
  id: id(1),
  skills: ['elder_care', 'mobility', 'companionship'],
  languages: ['hi', 'en'],
  location: delhi,
  serviceRadiusKm: 10,
  verified: true,
  credentials: [{ kind: 'caregiver_certification', expiresOn: '2028-01-01' }],
  rating: null,
  reviewCount: 0,
  fulfilledVisitsWithPatient: 0,
  freeForVisit: true,
  availableShareOfWeeks: 1,
  earliestStart: '2027-03-15T09:00:00+05:30',
  ...overrides,
});

/** A point `km` due east of Delhi. */
const eastOfDelhi = (km: number) => ({ lat: delhi.lat, lon: delhi.lon + km / (111.19508 * Math.cos((delhi.lat * Math.PI) / 180)) });

const pointsOf = (scored: { factors: { code: string; points: number }[] }): Record<string, number> =>
  Object.fromEntries(scored.factors.map((f) => [f.code, f.points]));

describe('Data: MATCHING_WEIGHTS', () => {
  it('gives each factor a whole number of points, 100 in all, under a version', () => {
    // Prepare
    const { version, weights } = MATCHING_WEIGHTS;
    // Act
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    // Assess
    expect(sum).toBe(100);
    expect(Object.values(weights).every(Number.isInteger)).toBe(true);
    expect(Object.keys(weights)).toEqual([...MATCH_FACTOR_CODES]);
    expect(version).toBe('matching-2026.11.1');
  });
});

describe('Function: explainRejection', () => {
  it('keeps a verified, credentialed, nearby, free caregiver', () => {
    // Prepare
    const candidate = caregiver();
    // Act
    const reason = explainRejection(request(), candidate);
    // Assess
    expect(reason).toBeNull();
  });

  it.each([
    ['not_verified', { verified: false }],
    ['no_valid_credential', { credentials: [] }],
    ['no_valid_credential', { credentials: [{ kind: 'first_aid', expiresOn: '2027-03-14' }] }],
    ['outside_service_area', { location: eastOfDelhi(10.5) }],
    ['outside_service_area', { serviceRadiusKm: Number.NaN }],
    ['not_free', { freeForVisit: false }],
  ] as const)('drops a caregiver as %s', (expected, overrides) => {
    // Prepare
    const candidate = caregiver(overrides);
    // Act
    const reason = explainRejection(request(), candidate);
    // Assess
    expect(reason).toBe(expected);
  });

  it('accepts a credential that expires on the visit date, read on the visit’s own clock', () => {
    // Prepare: 00:30 on the 15th in India is still the 14th in UTC
    const visit = request({ start: '2027-03-15T00:30:00+05:30' });
    const [onTheDay, dayBefore] = ['2027-03-15', '2027-03-14'].map((expiresOn) => caregiver({ credentials: [{ kind: 'nursing_license', expiresOn }] }));
    // Act
    const reasons = [explainRejection(visit, onTheDay!), explainRejection(visit, dayBefore!)];
    // Assess
    expect(reasons).toEqual([null, 'no_valid_credential']);
  });

  it('keeps a caregiver just inside their service radius', () => {
    // Prepare
    const candidate = caregiver({ location: eastOfDelhi(9.9) });
    // Act
    const reason = explainRejection(request(), candidate);
    // Assess
    expect(distanceKm(delhi, candidate.location)).toBeCloseTo(9.9, 2);
    expect(reason).toBeNull();
  });

  it('refuses a start that is not RFC 3339', () => {
    // Prepare
    const visit = request({ start: 'next tuesday' });
    // Act
    const act = () => explainRejection(visit, caregiver());
    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('Function: largestRemainder', () => {
  it('splits into whole numbers that add up to the rounded total, the largest fractions first', () => {
    // Prepare: rounding each value alone would give 12 + 23 + 5 + 5 = 45, not round(44) = 44
    const values = [11.667, 23.333, 4.5, 4.5];
    // Act
    const points = largestRemainder(values);
    // Assess
    expect(points).toEqual([12, 23, 5, 4]);
  });

  it('breaks a tie of fractions by position, so the split is deterministic', () => {
    // Prepare: four halves, two points to give
    const values = [0.5, 0.5, 0.5, 0.5];
    // Act
    const points = largestRemainder(values);
    // Assess
    expect(points).toEqual([1, 1, 0, 0]);
  });

  it('is not fooled by float noise', () => {
    // Prepare: 0.1 + 0.2 is 0.30000000000000004, and 15 × (1 − 1e-12) is just under 15
    const values = [(0.1 + 0.2) * 10, 15 * (1 - 1e-12), 2];
    // Act
    const points = largestRemainder(values);
    // Assess
    expect(points).toEqual([3, 15, 2]);
  });
});

describe('Function: scoreCaregiver', () => {
  it('gives every point to a caregiver who meets every factor in full', () => {
    // Prepare: 3 visits already, and so many 5★ reviews that the 4★ prior hardly counts
    const candidate = caregiver({ fulfilledVisitsWithPatient: 3, rating: 5, reviewCount: 1_000_000 });
    // Act
    const scored = scoreCaregiver(request(), candidate);
    // Assess
    expect(scored.score).toBe(100);
    expect(scored.factors).toEqual(
      MATCH_FACTOR_CODES.map((code) => ({ code, weight: MATCHING_WEIGHTS.weights[code], points: MATCHING_WEIGHTS.weights[code] })),
    );
  });

  it('gives skills the share of needs covered', () => {
    // Prepare: 2 of 3 needs → 35 × 2/3 = 23.33
    const visit = request({ needs: ['elder_care', 'mobility', 'dementia'] });
    // Act
    const scored = scoreCaregiver(visit, caregiver());
    // Assess
    expect(pointsOf(scored).skills).toBe(23);
  });

  it.each([
    ['a shared primary language (pt-BR and pt-PT)', ['pt-BR'], ['pt-PT', 'en'], 15],
    ['the same language in another case', ['HI'], ['hi'], 15],
    ['no shared language', ['ta'], ['hi', 'en'], 0],
    ['no language asked for', undefined, ['hi'], 15],
  ] as const)('gives language its points for %s', (_case, wanted, spoken, expected) => {
    // Prepare
    const visit = request(wanted === undefined ? { languages: undefined } : { languages: [...wanted] });
    // Act
    const scored = scoreCaregiver(visit, caregiver({ languages: [...spoken] }));
    // Assess
    expect(pointsOf(scored).language).toBe(expected);
  });

  it('scales distance to the caregiver’s own radius: all at the door, half halfway, none at the edge', () => {
    // Prepare: the other factors give whole points, so the 7.5 rounds up alone
    const [door, halfway, edge] = [0, 5, 10].map((km) => caregiver({ location: eastOfDelhi(km) }));
    const exactHalf = caregiver({ location: eastOfDelhi(5), serviceRadiusKm: 2 * distanceKm(delhi, eastOfDelhi(5)) });
    // Act
    const points = [door, halfway, exactHalf, edge].map((c) => pointsOf(scoreCaregiver(request(), c!)).distance);
    // Assess
    expect(points).toEqual([15, 8, 8, 0]);
  });

  it('counts availability over the weeks for a weekly visit, and in full for a one-off visit', () => {
    // Prepare: free for 60 % of the requested weekly visits
    const candidate = caregiver({ availableShareOfWeeks: 0.6 });
    // Act
    const [weekly, oneOff] = [request({ weeklyDays: ['mon', 'thu'] }), request()].map((visit) => pointsOf(scoreCaregiver(visit, candidate)).availability);
    // Assess
    expect([weekly, oneOff]).toEqual([9, 15]);
  });

  it('smooths the rating, so 1 review of 5★ does not beat 40 reviews of 4.8★', () => {
    // Prepare: prior 4★ × 10 reviews → 4.09★ against 4.64★
    const newcomer = caregiver({ rating: 5, reviewCount: 1 });
    const veteran = caregiver({ rating: 4.8, reviewCount: 40 });
    // Act
    const [fresh, seasoned] = [newcomer, veteran].map((c) => scoreCaregiver(request(), c));
    // Assess
    expect(pointsOf(fresh!).rating).toBeLessThan(pointsOf(seasoned!).rating!);
    expect(fresh!.score).toBeLessThan(seasoned!.score);
  });

  it('gives a caregiver without reviews the prior (4★ of 5 → 8 of 10 points)', () => {
    // Prepare: a rating with no review count is no evidence either
    const [unrated, noCount] = [caregiver({ rating: null, reviewCount: 0 }), caregiver({ rating: 1, reviewCount: 0 })];
    // Act
    const points = [unrated, noCount].map((c) => pointsOf(scoreCaregiver(request(), c)).rating);
    // Assess
    expect(points).toEqual([8, 8]);
  });

  it('rewards continuity up to the third fulfilled visit', () => {
    // Prepare: continuity alone is fractional (10 × 1/3, 10 × 2/3): rating 5★ × 1,000,000 reviews is a whole 10
    const visits = [0, 1, 2, 3, 12];
    // Act
    const points = visits.map(
      (n) => pointsOf(scoreCaregiver(request(), caregiver({ fulfilledVisitsWithPatient: n, rating: 5, reviewCount: 1_000_000 }))).continuity,
    );
    // Assess
    expect(points).toEqual([0, 3, 7, 10, 10]);
  });

  it('adds the factors’ points up exactly to the score, allocating the rounding by largest remainder', () => {
    // Prepare: raw points 23.33 + 15 + 7.5 + 7.5 + 8 + 6.67 = 68; rounded one by one they would add up to 69
    const visit = request({ needs: ['elder_care', 'mobility', 'dementia'], weeklyDays: ['mon'] });
    const candidate = caregiver({
      location: eastOfDelhi(5),
      serviceRadiusKm: 2 * distanceKm(delhi, eastOfDelhi(5)),
      availableShareOfWeeks: 0.5,
      fulfilledVisitsWithPatient: 2,
    });
    // Act
    const scored = scoreCaregiver(visit, candidate);
    // Assess: the two spare points go to continuity (.67), then to distance (.5, listed before availability's .5)
    expect(pointsOf(scored)).toEqual({ skills: 23, language: 15, distance: 8, availability: 7, rating: 8, continuity: 7 });
    expect(scored.score).toBe(68);
  });

  it('refuses weights that do not add up to 100', () => {
    // Prepare
    const weights: MatchingWeights = { ...MATCHING_WEIGHTS, weights: { ...MATCHING_WEIGHTS.weights, skills: 36 } };
    // Act
    const act = () => scoreCaregiver(request(), caregiver(), weights);
    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('Function: matchCaregivers', () => {
  it('ranks by score and leaves out, without a trace, every caregiver a filter drops', () => {
    // Prepare
    const candidates = [
      caregiver({ id: id(1), location: eastOfDelhi(8) }),
      caregiver({ id: id(2) }),
      caregiver({ id: id(3), verified: false }),
      caregiver({ id: id(4), freeForVisit: false }),
      caregiver({ id: id(5), credentials: [{ kind: 'first_aid', expiresOn: '2026-01-01' }] }),
      caregiver({ id: id(6), location: eastOfDelhi(50) }),
    ];
    // Act
    const answer = matchCaregivers(request(), candidates);
    // Assess
    expect(answer.items.map((item) => item.caregiverId)).toEqual([id(2), id(1)]);
    for (const dropped of [3, 4, 5, 6]) expect(JSON.stringify(answer)).not.toContain(id(dropped));
  });

  it('breaks a tie of scores by caregiver id', () => {
    // Prepare: three equal caregivers, listed out of order
    const candidates = [id(9), id(3), id(7)].map((n) => caregiver({ id: n }));
    // Act
    const answer = matchCaregivers(request(), candidates);
    // Assess
    expect(answer.items.map((item) => item.caregiverId)).toEqual([id(3), id(7), id(9)]);
  });

  it('names the weights version and passes each earliest start through, in the contract’s shape', () => {
    // Prepare
    const candidates = [caregiver({ id: id(1), earliestStart: null }), caregiver({ id: id(2), earliestStart: '2027-03-16T09:00:00+05:30' })];
    // Act
    const answer = matchCaregivers(request(), candidates);
    // Assess
    expect(answer.weightsVersion).toBe('matching-2026.11.1');
    expect(answer.items.map((item) => item.earliestStart)).toEqual([null, '2027-03-16T09:00:00+05:30']);
    expect(CaregiverMatchResponse.safeParse(answer).success).toBe(true);
  });

  it('returns at most `limit` caregivers, best first', () => {
    // Prepare
    const candidates = Array.from({ length: 60 }, (_, i) => caregiver({ id: id(i), location: eastOfDelhi(i / 10) }));
    // Act
    const [all, top] = [matchCaregivers(request(), candidates), matchCaregivers(request(), candidates, { limit: 2 })];
    // Assess
    expect(all.items).toHaveLength(50);
    expect(top.items).toEqual(all.items.slice(0, 2));
  });

  it('refuses two candidates with one id, whose order would decide the ranking', () => {
    // Prepare
    const candidates = [caregiver(), caregiver({ location: eastOfDelhi(5) })];
    // Act
    const act = () => matchCaregivers(request(), candidates);
    // Assess
    expect(act).toThrow(RangeError);
  });

  it.each([0, 51, 2.5])('refuses a limit of %s', (limit) => {
    // Prepare: a valid request
    // Act
    const act = () => matchCaregivers(request(), [caregiver()], { limit });
    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('Property: matchCaregivers is a pure, total order', () => {
  const km = fc.double({ min: 0, max: 30, noNaN: true });
  const candidate = fc.record({
    skills: fc.subarray([...CAREGIVER_SKILLS]),
    languages: fc.subarray(['hi', 'en', 'ta', 'pt-BR']),
    distance: km,
    serviceRadiusKm: fc.double({ min: 1, max: 30, noNaN: true }),
    verified: fc.boolean(),
    expiresOn: fc.constantFrom('2027-03-14', '2027-03-15', '2030-01-01'),
    // Few distinct ratings and counts, so equal scores (and the id tie-break) are common.
    rating: fc.option(fc.constantFrom(3.5, 4.2, 4.8, 5), { nil: null }),
    reviewCount: fc.constantFrom(0, 1, 40),
    fulfilledVisitsWithPatient: fc.nat(5),
    freeForVisit: fc.boolean(),
    availableShareOfWeeks: fc.constantFrom(0, 0.5, 1),
  });
  const input = fc.record({
    needs: fc.subarray([...CAREGIVER_SKILLS], { minLength: 1 }),
    languages: fc.option(fc.subarray(['hi', 'en', 'ta'], { minLength: 1 }), { nil: undefined }),
    weeklyDays: fc.option(fc.constant(['mon', 'wed'] as ('mon' | 'wed')[]), { nil: undefined }),
    candidates: fc.array(candidate, { maxLength: 30 }),
    shuffle: fc.array(fc.double({ noNaN: true }), { minLength: 30, maxLength: 30 }),
  });
  type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;
  const build = (i: Input) => {
    const visit = request({ needs: i.needs, languages: i.languages, weeklyDays: i.weeklyDays });
    const candidates: CaregiverCandidate[] = i.candidates.map((c, n) =>
      caregiver({ ...c, id: id(n), location: eastOfDelhi(c.distance), credentials: [{ kind: 'nursing_license', expiresOn: c.expiresOn }] }),
    );
    return { visit, candidates };
  };

  it('gives the same answer whatever order the candidates come in', () => {
    fc.assert(
      fc.property(input, (i) => {
        // Prepare
        const { visit, candidates } = build(i);
        const shuffled = candidates
          .map((c, n) => ({ c, key: i.shuffle[n]! }))
          .sort((a, b) => a.key - b.key)
          .map(({ c }) => c);
        // Act
        const [answer, reordered] = [matchCaregivers(visit, candidates), matchCaregivers(visit, shuffled)];
        // Assess
        expect(reordered).toEqual(answer);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('scores 0–100 with points that add up to it, within each weight, best first and ties by id', () => {
    fc.assert(
      fc.property(input, (i) => {
        // Prepare
        const { visit, candidates } = build(i);
        // Act
        const { items } = matchCaregivers(visit, candidates);
        // Assess
        for (const item of items) {
          expect(item.factors.reduce((sum, f) => sum + f.points, 0)).toBe(item.score);
          expect(item.score).toBeGreaterThanOrEqual(0);
          expect(item.score).toBeLessThanOrEqual(100);
          for (const f of item.factors) expect(f.points >= 0 && f.points <= f.weight && Number.isInteger(f.points)).toBe(true);
        }
        for (let n = 1; n < items.length; n++) {
          const [a, b] = [items[n - 1]!, items[n]!];
          expect(a.score > b.score || (a.score === b.score && a.caregiverId < b.caregiverId)).toBe(true);
        }
        expect(items.length).toBe(candidates.filter((c) => explainRejection(visit, c) === null).length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('Schema: CaregiverMatchRequest', () => {
  it('accepts a recurring visit with languages', () => {
    // Prepare
    const body = request({ languages: ['hi', 'en-IN'], weeklyDays: ['mon', 'thu'] });
    // Act
    const result = CaregiverMatchRequest.safeParse(body);
    // Assess
    expect(result.success).toBe(true);
  });

  it.each([
    ['no needs', { needs: [] }],
    ['a need outside the skill list', { needs: ['cooking'] }],
    ['a repeated need', { needs: ['mobility', 'mobility'] }],
    ['a language that is not a tag', { languages: ['english!'] }],
    ['a language tag over 35 characters', { languages: [`en-${'abcdefgh-'.repeat(4)}x`] }],
    ['a latitude past the pole', { location: { lat: 90.5, lon: 0 } }],
    ['a longitude past the antimeridian', { location: { lat: 0, lon: -180.5 } }],
    ['a location with a stray field', { location: { lat: 0, lon: 0, city: 'Delhi' } }],
    ['a start without an offset', { start: '2027-03-15T09:00:00' }],
    ['a start that is a date', { start: '2027-03-15' }],
    ['a visit under an hour', { durationHours: 0.5 }],
    ['a visit over a day', { durationHours: 25 }],
    ['a day that is not a weekday', { weeklyDays: ['monday'] }],
    ['a repeated day', { weeklyDays: ['mon', 'mon'] }],
    ['an unknown field', { notes: 'second floor' }],
  ])('refuses %s', (_case, overrides) => {
    // Prepare
    const body = { ...request(), ...overrides };
    // Act
    const result = CaregiverMatchRequest.safeParse(body);
    // Assess
    expect(result.success).toBe(false);
  });
});
