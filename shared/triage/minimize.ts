import type { TriageInput } from '../contracts/triage';
import { ageBandOf, type MinimizedCase } from './model';

/**
 * The minimum the model may see (HIPAA minimum necessary): an age band instead of the age, sex,
 * pregnancy, the symptoms with durations and onset, the conditions. Free text and follow-up
 * answers never leave: they may name people or places, and no filter removes names reliably.
 * The rules engine reads them locally, and its floor covers what they reveal.
 */
export const minimizeForModel = (input: TriageInput): MinimizedCase => {
  const band = ageBandOf(input.age);
  return {
    ...(band ? { ageBand: band } : {}),
    ...(input.sex ? { sex: input.sex } : {}),
    ...(input.pregnant !== undefined ? { pregnant: input.pregnant } : {}),
    symptoms: input.symptoms.map((s) => ({
      name: s.name,
      severity: s.severity,
      ...(s.durationHours !== undefined ? { durationHours: s.durationHours } : {}),
      ...(s.onset ? { onset: s.onset } : {}),
    })),
    relevantConditions: [...(input.conditions ?? [])],
  };
};
