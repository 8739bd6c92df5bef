import * as z from '../zod';
import { page, PageQuery } from './common';

export { TRIAGE_LEVELS, TriageLevelSchema, type TriageLevel } from './triage-scale';
import { TriageLevelSchema } from './triage-scale';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const SymptomInput = z.strictObject({
  name: Text(100),
  severity: z.int().check(z.gte(1), z.lte(10)),
  /** Hours, fractions allowed: 0.25 is fifteen minutes. Up to ten years. */
  durationHours: z.optional(z.number().check(z.gte(0), z.lte(87_600))),
  onset: z.optional(z.enum(['sudden', 'gradual'])),
});
export type SymptomInput = z.infer<typeof SymptomInput>;

/** What a patient tells us; PHI (sealed at rest). */
export const TriageInput = z
  .strictObject({
    symptoms: z.array(SymptomInput).check(z.minLength(1), z.maxLength(20)),
    freeText: z.optional(Text(2000)),
    /** Whole years; 0 for infants. */
    age: z.optional(z.int().check(z.gte(0), z.lte(125))),
    sex: z.optional(z.enum(['female', 'male', 'other'])),
    pregnant: z.optional(z.boolean()),
    conditions: z.optional(z.array(Text(100)).check(z.maxLength(20))),
  })
  .register(z.globalRegistry, { id: 'TriageInput' });
export type TriageInput = z.infer<typeof TriageInput>;

/** The assessment: from the rules, the model (never below the rules), or the offline fallback. */
export const TriageResult = z
  .object({
    level: TriageLevelSchema,
    confidence: z.number().check(z.gte(0), z.lte(1)),
    summary: z.string(),
    possibleConditions: z.array(z.string()),
    followUpQuestions: z.array(z.string()),
    selfCare: z.array(z.string()),
    watchFor: z.array(z.string()),
    specialist: z.optional(z.string()),
    teleconsultationOk: z.boolean(),
    disclaimer: z.string(),
    source: z.enum(['rules', 'model', 'fallback']),
    rulesFired: z.array(z.string()),
    model: z.optional(z.string()),
    promptVersion: z.string(),
  })
  .register(z.globalRegistry, { id: 'TriageResult' });
export type TriageResult = z.infer<typeof TriageResult>;

export const SESSION_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export const SymptomSession = z
  .object({
    id: z.uuid(),
    status: z.enum(SESSION_STATUSES),
    revision: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    result: z.optional(TriageResult),
  })
  .register(z.globalRegistry, { id: 'SymptomSession' });
export type SymptomSession = z.infer<typeof SymptomSession>;

export const SymptomSessionPage = page(z.object({ id: z.uuid(), status: z.enum(SESSION_STATUSES), createdAt: z.iso.datetime(), level: z.optional(TriageLevelSchema) }))
  .register(z.globalRegistry, { id: 'SymptomSessionPage' });
export const SymptomSessionListQuery = z.strictObject(PageQuery);

export const FollowUpAnswer = z.strictObject({ question: Text(300), answer: Text(500) });
export const FollowUpAnswers = z
  .strictObject({
    answers: z.array(FollowUpAnswer).check(z.minLength(1), z.maxLength(10)),
  })
  .register(z.globalRegistry, { id: 'FollowUpAnswers' });
export type FollowUpAnswers = z.infer<typeof FollowUpAnswers>;

