import type { TriageLevel, TriageResult } from '../contracts/triage';
import type { ClinicalAssessment } from './assessment';
import { isEmergency } from './levels';

/** What to do now, when an emergency result carries no more specific advice. */
export const DEFAULT_EMERGENCY_ADVICE = 'Call your local emergency number (911 in the US, 112 in Europe) or go to the nearest emergency department now.';

export const DISCLAIMER =
  'CareBow gives general guidance, not a diagnosis, and does not replace a clinician. If you think it is an emergency, call your local emergency number now.';

/** What a result is composed from: an assessment's content (its level is decided by the floor). */
export type AssessmentContent = Omit<ClinicalAssessment, 'level'> & { readonly emergencyAdvice?: string | undefined };

/**
 * The result a patient sees. At emergency levels it says what to do now, and drops what would
 * distract from it: no specialist, no self-care, no teleconsultation.
 */
export const composeResult = (
  content: AssessmentContent,
  meta: { level: TriageLevel; source: TriageResult['source']; rulesFired: readonly string[]; model?: string; promptVersion: string },
): TriageResult => {
  const emergency = isEmergency(meta.level);
  return {
    level: meta.level,
    confidence: content.confidence,
    summary: emergency ? `${content.emergencyAdvice ?? DEFAULT_EMERGENCY_ADVICE} ${content.summary}` : content.summary,
    possibleConditions: [...content.possibleConditions],
    followUpQuestions: emergency ? [] : [...content.followUpQuestions],
    selfCare: emergency ? [] : [...content.selfCare],
    watchFor: [...content.watchFor],
    ...(!emergency && content.specialist ? { specialist: content.specialist } : {}),
    teleconsultationOk: !emergency && content.teleconsultationOk,
    disclaimer: DISCLAIMER,
    source: meta.source,
    rulesFired: [...meta.rulesFired],
    ...(meta.model ? { model: meta.model } : {}),
    promptVersion: meta.promptVersion,
  };
};
