import type { CaregiverSkill } from '../contracts/care-bounds';
import type { CaregiverMatch, CaregiverMatchRequest, CaregiverMatchResponse } from '../contracts/care-matching';
import { MATCH_FACTOR_CODES, type MatchFactorCode, MAX_MATCHES } from '../contracts/care-bounds';
import { distanceKm, type LatLon } from './geohash';
import { MATCHING_WEIGHTS, type MatchingWeights } from './matching-weights';
import { hasValidCredential } from './standing';

/**
 * Caregiver matching (`POST /api/v1/caregivers/match`): pure ranking of the candidates the caller
 * has already read (from the directory, near the visit) and annotated with availability facts.
 *
 * 1. **Hard filters** drop a candidate who is not verified, has no credential valid on the
 *    visit's date, does not serve the visit's location, or is not free for the whole visit.
 *    A dropped candidate leaves no trace in the answer: a patient must not learn who is busy,
 *    unverified or holding an expired credential. {@link explainRejection} says why, for tests
 *    and internal diagnostics only.
 * 2. **A fixed-weight score** (0–100) over six factors, each a share 0–1 of its weight; the
 *    weights and their tuning are versioned data (shared/care/matching-weights.ts), and the
 *    answer names their version.
 * 3. **A total order**: score, then caregiver id, so the same input always gives the same
 *    ranking, whatever order the candidates came in.
 *
 * No PHI leaves CareBow: matching is arithmetic in this process. The patient's needs, languages
 * and location are compared with the candidates' data and go to no model, no third party and no
 * log.
 */

/** A caregiver as matching sees them: directory data plus availability facts the caller computed for this request. */
export interface CaregiverCandidate {
  readonly id: string;
  readonly skills: readonly CaregiverSkill[];
  /** BCP 47 tags (`en`, `pt-BR`). */
  readonly languages: readonly string[];
  readonly location: LatLon;
  readonly serviceRadiusKm: number;
  readonly verified: boolean;
  /** `expiresOn` is a date, `YYYY-MM-DD`. */
  readonly credentials: readonly { readonly kind: string; readonly expiresOn: string }[];
  /** Average stars, 0–5; `null` before the first review. */
  readonly rating: number | null;
  readonly reviewCount: number;
  /** Visits this caregiver has already fulfilled for the requesting patient. */
  readonly fulfilledVisitsWithPatient: number;
  /** Free for the whole visit, buffers included, at the requested start. */
  readonly freeForVisit: boolean;
  /** The share (0–1) of the requested weekly visits, over the requested weeks, the caregiver is free for. */
  readonly availableShareOfWeeks: number;
  /** The earliest start the caregiver can offer (RFC 3339), if known. */
  readonly earliestStart: string | null;
}

/** Why a candidate is filtered out, in the order the filters run. */
export type RejectionReason = 'not_verified' | 'no_valid_credential' | 'outside_service_area' | 'not_free';

/** A score and the points each factor gave, in {@link MATCH_FACTOR_CODES} order. */
export type Scored = Pick<CaregiverMatch, 'score' | 'factors'>;

export interface MatchOptions {
  readonly weights?: MatchingWeights;
  /** How many caregivers to return, best first: 1 to {@link MAX_MATCHES} (the default). */
  readonly limit?: number;
}

/** Raw points are rounded to 1e-9 before they are split, so float noise (14.999999999…) never decides a point. */
const NOISE = 1e9;

const share = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** The visit's date as its start is written (`2027-03-14T23:30:00+05:30` → `2027-03-14`): the date on the wall clock where the visit happens. */
const visitDate = (start: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(start) || !Number.isFinite(Date.parse(start))) throw new RangeError('start must be an RFC 3339 date-time');
  return start.slice(0, 10);
};

/**
 * Why the hard filters drop a candidate, or `null` if they keep them. Internal: for tests and
 * diagnostics, never for an answer to a patient.
 *
 * @internal
 * @example
 * explainRejection(request, { ...candidate, verified: false }); // 'not_verified'
 */
export const explainRejection = (request: CaregiverMatchRequest, candidate: CaregiverCandidate): RejectionReason | null => {
  if (candidate.verified !== true) return 'not_verified';
  const date = visitDate(request.start);
  // The rule booking, the slots and the directory apply (./standing.ts), on the visit's date.
  if (!hasValidCredential(candidate.credentials, date)) return 'no_valid_credential';
  // Written so that a NaN distance or radius fails the filter.
  if (!(distanceKm(request.location, candidate.location) <= candidate.serviceRadiusKm)) return 'outside_service_area';
  if (candidate.freeForVisit !== true) return 'not_free';
  return null;
};

/** The primary subtag, lower case: `pt-BR` and `pt-PT` speak to each other; `zh` and `yue` are told apart. */
const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** Each factor's share (0–1) of its weight, for a candidate that passed the filters. */
const shares = (request: CaregiverMatchRequest, candidate: CaregiverCandidate, weights: MatchingWeights): Record<MatchFactorCode, number> => {
  const needs = new Set(request.needs);
  const has = new Set(candidate.skills);
  const covered = [...needs].filter((need) => has.has(need)).length;

  // No language asked for: every caregiver meets the wish, so the factor does not reorder anyone.
  const wanted = new Set((request.languages ?? []).map(primaryLanguage));
  const speaks = wanted.size === 0 || candidate.languages.some((tag) => wanted.has(primaryLanguage(tag)));

  // Bayesian average: the caregiver's reviews plus `reviews` imaginary reviews of `mean` stars.
  // With the prior (4★, 10 reviews), 1 review of 5★ gives 4.09★ and 40 of 4.8★ give 4.64★: a
  // single glowing review cannot beat a long good record, and no reviews means the prior itself.
  const { mean, reviews: priorReviews } = weights.ratingPrior;
  const reviews = candidate.rating === null || !Number.isFinite(candidate.reviewCount) ? 0 : Math.max(0, Math.floor(candidate.reviewCount));
  const stars = reviews === 0 ? 0 : Math.min(5, Math.max(0, candidate.rating ?? 0));
  const smoothed = priorReviews + reviews === 0 ? mean : (priorReviews * mean + reviews * stars) / (priorReviews + reviews);

  const visits = Number.isFinite(candidate.fulfilledVisitsWithPatient) ? Math.max(0, candidate.fulfilledVisitsWithPatient) : 0;
  return {
    skills: needs.size === 0 ? 1 : covered / needs.size,
    language: speaks ? 1 : 0,
    // Linear in the share of the caregiver's own radius: at their door 1, at the edge of their area 0.
    distance: share(1 - distanceKm(request.location, candidate.location) / candidate.serviceRadiusKm),
    // A one-off visit has no further weeks: the hard filter has already proven it free.
    availability: request.weeklyDays === undefined || request.weeklyDays.length === 0 ? 1 : share(candidate.availableShareOfWeeks),
    rating: share(smoothed / 5),
    continuity: share(Math.min(visits, weights.continuityFullAt) / weights.continuityFullAt),
  };
};

/**
 * Whole numbers that add up to `Math.round(sum(values))`, each the floor or the ceiling of its
 * value (the largest remainder method): floors first, then one more to the largest fractional
 * parts, earlier index first on a tie, so the split is deterministic.
 *
 * @internal
 * @example
 * largestRemainder([11.667, 7.5, 7.5, 0.3]); // [12, 8, 7, 0]: 27 in all, the tie of 7.5 goes to the first
 */
export const largestRemainder = (values: readonly number[]): number[] => {
  const clean = values.map((value) => Math.round(value * NOISE) / NOISE);
  const floors = clean.map(Math.floor);
  let missing = Math.round(clean.reduce((sum, value) => sum + value, 0)) - floors.reduce((sum, value) => sum + value, 0);
  const order = clean.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index]! += 1;
    missing -= 1;
  }
  return floors;
};

const checkWeights = (weights: MatchingWeights): void => {
  const values = MATCH_FACTOR_CODES.map((code) => weights.weights[code]);
  if (values.some((w) => !Number.isInteger(w) || w < 0) || values.reduce((sum, w) => sum + w, 0) !== 100) {
    throw new RangeError(`matching weights ${weights.version} must be whole numbers ≥ 0 adding up to 100`);
  }
  const { mean, reviews } = weights.ratingPrior;
  if (!(mean >= 0 && mean <= 5 && reviews >= 0) || !(weights.continuityFullAt > 0)) {
    throw new RangeError(`matching weights ${weights.version} need a rating prior of 0–5 stars, ≥ 0 reviews and a continuity cap > 0`);
  }
};

/**
 * The score of a candidate who passed the hard filters (it does not check them): each factor's
 * weight × its share, split into whole points by {@link largestRemainder}, so the points add up
 * exactly to the score.
 *
 * @example
 * scoreCaregiver(request, candidate); // { score: 87, factors: [{ code: 'skills', weight: 35, points: 35 }, …] }
 */
export const scoreCaregiver = (request: CaregiverMatchRequest, candidate: CaregiverCandidate, weights: MatchingWeights = MATCHING_WEIGHTS): Scored => {
  checkWeights(weights);
  const of = shares(request, candidate, weights);
  const points = largestRemainder(MATCH_FACTOR_CODES.map((code) => weights.weights[code] * of[code]));
  const factors = MATCH_FACTOR_CODES.map((code, i) => ({ code, weight: weights.weights[code], points: points[i]! }));
  return { score: points.reduce((sum, p) => sum + p, 0), factors };
};

/**
 * Ranks the candidates for a visit: the hard filters, then the score, best first; ties by
 * caregiver id. Only candidates who pass the filters appear. Throws `RangeError` when two
 * candidates share an id (the ranking would depend on their order).
 *
 * @example
 * matchCaregivers(request, candidates);
 * // { weightsVersion: 'matching-2026.11.1', items: [{ caregiverId: '0190…', score: 91, factors: […], earliestStart: '2027-03-14T09:00:00+05:30' }, …] }
 */
export const matchCaregivers = (
  request: CaregiverMatchRequest,
  candidates: readonly CaregiverCandidate[],
  options: MatchOptions = {},
): CaregiverMatchResponse => {
  const { weights = MATCHING_WEIGHTS, limit = MAX_MATCHES } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES) throw new RangeError(`limit must be 1 to ${MAX_MATCHES}`);
  checkWeights(weights);
  if (new Set(candidates.map((c) => c.id)).size !== candidates.length) throw new RangeError('candidates must have distinct ids');
  const items = candidates
    .filter((candidate) => explainRejection(request, candidate) === null)
    .map((candidate) => ({ caregiverId: candidate.id, ...scoreCaregiver(request, candidate, weights), earliestStart: candidate.earliestStart }))
    // Code-unit order, not localeCompare: the same on every runtime and locale.
    .sort((a, b) => b.score - a.score || (a.caregiverId < b.caregiverId ? -1 : a.caregiverId > b.caregiverId ? 1 : 0));
  return { weightsVersion: weights.version, items: items.slice(0, limit) };
};
