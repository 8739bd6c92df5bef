import type { TriageLevel } from '../contracts/triage';
import { moreUrgent, raiseOneStep, urgencyRank } from './levels';

/** Below this the model is unsure, and unsure means more careful. */
export const LOW_CONFIDENCE = 0.6;

export interface FloorInput {
  /** What the deterministic rules found; nothing may end below it. */
  readonly rulesLevel: TriageLevel;
  /** The model's (or the fallback's) level and confidence. */
  readonly proposedLevel: TriageLevel;
  readonly confidence: number;
  /** Other sessions of this patient in the last 24 hours. */
  readonly recentSessions: number;
}

/**
 * The safety floor: the model may raise urgency above the rules, never lower it; low confidence
 * raises it one step; coming back within 24 hours raises it one step (a repeat visit means it is
 * not settling). Returns the final level and the adjustments made, for `rulesFired`.
 *
 * @example
 * applySafetyFloor({ rulesLevel: 'emergency', proposedLevel: 'self_care', confidence: 0.99, recentSessions: 0 });
 * // { level: 'emergency', adjustments: ['floor:rules'] }
 */
export const applySafetyFloor = (input: FloorInput): { level: TriageLevel; adjustments: string[] } => {
  const adjustments: string[] = [];
  let level = input.proposedLevel;
  if (input.confidence < LOW_CONFIDENCE) {
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
