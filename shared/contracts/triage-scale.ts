import * as z from '../zod';
import { declared } from '../zod';

/** The field's five-level urgency scale, most urgent first. */
export const TRIAGE_LEVELS = ['emergency_ambulance', 'emergency', 'consultation_24', 'consultation', 'self_care'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];
export const TriageLevelSchema = /* @__PURE__ */ declared(() => z.enum(TRIAGE_LEVELS));
