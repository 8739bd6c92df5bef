import { TRIAGE_LEVELS, type TriageLevel } from '../contracts/triage-scale';

/** 0 is the most urgent (`emergency_ambulance`), 4 the least (`self_care`). */
export const urgencyRank = (level: TriageLevel): number => TRIAGE_LEVELS.indexOf(level);

/** The more urgent of two levels. */
export const moreUrgent = (a: TriageLevel, b: TriageLevel): TriageLevel => (urgencyRank(a) <= urgencyRank(b) ? a : b);

/** One step more urgent (an emergency ambulance stays one). */
export const raiseOneStep = (level: TriageLevel): TriageLevel => TRIAGE_LEVELS[Math.max(0, urgencyRank(level) - 1)]!;

/** Levels at which the answer is "get emergency care now", settled without any model. */
export const isEmergency = (level: TriageLevel): boolean => urgencyRank(level) <= urgencyRank('emergency');
