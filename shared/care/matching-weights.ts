import type { MatchFactorCode } from '../contracts/care-bounds';

/**
 * The weights of caregiver matching, as versioned data: every answer carries `version`, so a
 * score can be explained later with the weights that made it. Anything here that changes a
 * ranking (a weight, the rating prior, the continuity cap) changes only with a new version;
 * shared/care/matching.ts holds the formulas, never a number that tunes them.
 */
export interface MatchingWeights {
  readonly version: string;
  /** The most points each factor can give: whole numbers adding up to 100, so a score is 0–100. */
  readonly weights: Readonly<Record<MatchFactorCode, number>>;
  /**
   * The Bayesian prior of the rating factor: a caregiver's average is pulled toward `mean` stars
   * as if they had `reviews` more reviews of exactly `mean`, so a few reviews move it little.
   */
  readonly ratingPrior: { readonly mean: number; readonly reviews: number };
  /** Earlier fulfilled visits with the same patient at which continuity gives all its points. */
  readonly continuityFullAt: number;
}

/**
 * @example
 * MATCHING_WEIGHTS.weights.skills; // 35 of 100 points
 */
export const MATCHING_WEIGHTS: MatchingWeights = {
  version: 'matching-2026.11.1',
  weights: { skills: 35, language: 15, distance: 15, availability: 15, rating: 10, continuity: 10 },
  // 4 stars and 10 reviews: 1 review of 5★ smooths to 4.09★, 40 reviews of 4.8★ to 4.64★. Set the
  // mean to the platform's observed average once there are enough reviews to have one.
  ratingPrior: { mean: 4, reviews: 10 },
  // By the third visit the patient and caregiver know each other; more visits add no more trust.
  continuityFullAt: 3,
};
