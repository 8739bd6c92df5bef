import type { TriageInput } from '../contracts/triage';
import { ageBandOf, type MinimizedCase } from './model';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
const DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g;

/**
 * The minimum the model may see (HIPAA minimum necessary): an age band instead of the age, sex,
 * pregnancy, the symptoms with durations, the conditions; free text only with e-mails, phone
 * numbers and dates removed. Never names, contact data or exact dates.
 */
export const minimizeForModel = (input: TriageInput): MinimizedCase => {
  const band = ageBandOf(input.age);
  const note = input.freeText?.replace(EMAIL, '[email]').replace(PHONE, '[number]').replace(DATE, '[date]').slice(0, 1000);
  return {
    ...(band ? { ageBand: band } : {}),
    ...(input.sex ? { sex: input.sex } : {}),
    ...(input.pregnant !== undefined ? { pregnant: input.pregnant } : {}),
    symptoms: input.symptoms.map((s) => ({ name: s.name, severity: s.severity, ...(s.durationHours !== undefined ? { durationHours: s.durationHours } : {}), ...(s.onset ? { onset: s.onset } : {}) })),
    relevantConditions: [...(input.conditions ?? [])],
    ...(note ? { note } : {}),
  };
};
