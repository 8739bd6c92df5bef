import type { TriageLevel } from '../contracts/triage';

/** The clinical content of an assessment, whoever made it (the rules or a model). */
export interface ClinicalAssessment {
  level: TriageLevel;
  confidence: number;
  summary: string;
  possibleConditions: string[];
  followUpQuestions: string[];
  selfCare: string[];
  watchFor: string[];
  specialist?: string;
  teleconsultationOk: boolean;
}
