import type { TriageInput, TriageLevel } from '../../shared/contracts/triage';

/** Levels, shortest first: A emergency_ambulance · E emergency · U consultation_24 · C consultation · S self_care. */
export type Level = 'A' | 'E' | 'U' | 'C' | 'S';
export const LEVEL: Readonly<Record<Level, TriageLevel>> = {
  A: 'emergency_ambulance',
  E: 'emergency',
  U: 'consultation_24',
  C: 'consultation',
  S: 'self_care',
};

/**
 * One clinical test case. `min` is the least urgent level that is still safe: answering less
 * urgently is under-triage, which must never happen. A non-urgent case (`min` C or S) also states
 * `max`, the most urgent level that is still appropriate: answering more urgently is over-triage,
 * which is reported per set.
 */
export interface ClinicalCase {
  /** Stable and unique across all sets, e.g. `semigran2015-e07` or `poisoning-medicine-03`. */
  readonly id: string;
  /** A key of `PUBLISHED_SOURCES` (where the case comes from). */
  readonly source: string;
  /** A category id of the coverage map (`docs/clinical/coverage.md`). */
  readonly category: string;
  /** One line a clinical reviewer can read. */
  readonly description: string;
  /** Exactly what the app would send to `POST /api/v1/symptom-sessions`. */
  readonly input: TriageInput;
  readonly min: Level;
  readonly max?: Level;
}
