import type { TriageLevel } from '../contracts/triage';
import { moreUrgent, raiseOneStep, urgencyRank } from './levels';

/** Below this the model is unsure, and unsure means more careful. */
export const LOW_CONFIDENCE = 0.6;

export interface FloorInput {
  /** What the deterministic rules found; nothing may end below it. */
  readonly rulesLevel: TriageLevel;
  /** The model's level, or the rules' own when they answered alone. */
  readonly proposedLevel: TriageLevel;
  /**
   * The model's confidence; absent when the rules answered alone (no model, no consent, or the
   * fallback). The rules' uncertainty is already in their tables (an unrecognised complaint is a
   * `consultation`, never `self_care`); escalating on their descriptive confidence as well turned
   * every unrecognised or long-standing harmless complaint into `consultation_24`.
   */
  readonly modelConfidence?: number;
  /** Other sessions of this patient in the last 24 hours. */
  readonly recentSessions: number;
}

/**
 * The safety floor: the model may raise urgency above the rules, never lower it; a model unsure of
 * its answer raises it one step; coming back within 24 hours raises it one step (a repeat visit
 * means it is not settling). Returns the final level and the adjustments made, for `rulesFired`.
 *
 * @example
 * applySafetyFloor({ rulesLevel: 'emergency', proposedLevel: 'self_care', modelConfidence: 0.99, recentSessions: 0 });
 * // { level: 'emergency', adjustments: ['floor:rules'] }
 */
export const applySafetyFloor = (input: FloorInput): { level: TriageLevel; adjustments: string[] } => {
  const adjustments: string[] = [];
  let level = input.proposedLevel;
  if (input.modelConfidence !== undefined && input.modelConfidence < LOW_CONFIDENCE) {
    level = raiseOneStep(level);
    adjustments.push('escalate:low_confidence');
  }
  if (urgencyRank(input.rulesLevel) < urgencyRank(level)) {
    level = moreUrgent(level, input.rulesLevel);
    adjustments.push('floor:rules');
  }
  if (input.recentSessions > 0) {
    level = raiseOneStep(level);
    adjustments.push('escalate:repeat_within_24h');
  }
  return { level, adjustments };
};
