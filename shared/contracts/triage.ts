import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, page, PageQuery, text } from './common';

export { TRIAGE_LEVELS, TriageLevelSchema, type TriageLevel } from './triage-scale';
import { TriageLevelSchema } from './triage-scale';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const SymptomInput = /* @__PURE__ */ declared(() =>
  z.strictObject({
    name: Text(100),
    severity: z.int().check(z.gte(1), z.lte(10)),
    /** Hours, fractions allowed: 0.25 is fifteen minutes. Up to ten years. */
    durationHours: z.optional(z.number().check(z.gte(0), z.lte(87_600))),
    onset: z.optional(z.enum(['sudden', 'gradual'])),
  }),
);
export type SymptomInput = z.infer<typeof SymptomInput>;

/** What a patient tells us; PHI (sealed at rest). */
export const TriageInput = /* @__PURE__ */ z
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

/**
 * Bounds of a result (shared/triage/result.ts composes it): the model's texts are at most 500
 * characters and its lists 10 (`ModelAssessmentSchema`), the rules' shorter; an emergency summary
 * leads with the rules' advice (under 1,000); `rulesFired` holds distinct ids of the rule tables
 * (370 today) and the floor's marks.
 */
export const ResultText = /* @__PURE__ */ declared(() => text(500));
export const ResultList = /* @__PURE__ */ declared(() => list(ResultText, 10));
export const RulesFired = /* @__PURE__ */ declared(() => list(text(64), 400));
export const TriageResult = /* @__PURE__ */ z
  .object({
    level: TriageLevelSchema,
    confidence: z.number().check(z.gte(0), z.lte(1)),
    summary: text(2000),
    possibleConditions: ResultList,
    followUpQuestions: ResultList,
    selfCare: ResultList,
    watchFor: ResultList,
    specialist: z.optional(ResultText),
    teleconsultationOk: z.boolean(),
    disclaimer: ResultText,
    source: z.enum(['rules', 'model', 'fallback']),
    rulesFired: RulesFired,
    /** OPENAI_MODEL. */
    model: z.optional(text(128)),
    promptVersion: text(64),
  })
  .register(z.globalRegistry, { id: 'TriageResult' });
export type TriageResult = z.infer<typeof TriageResult>;

export const SESSION_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export const SymptomSession = /* @__PURE__ */ z
  .object({
    id: Id,
    status: z.enum(SESSION_STATUSES),
    revision: z.int(),
    createdAt: Instant,
    updatedAt: Instant,
    result: z.optional(TriageResult),
  })
  .register(z.globalRegistry, { id: 'SymptomSession' });
export type SymptomSession = z.infer<typeof SymptomSession>;

export const SymptomSessionPage = /* @__PURE__ */ page(
  z.object({ id: Id, status: z.enum(SESSION_STATUSES), createdAt: Instant, level: z.optional(TriageLevelSchema) }),
).register(z.globalRegistry, { id: 'SymptomSessionPage' });
export const SymptomSessionListQuery = /* @__PURE__ */ declared(() => z.strictObject(PageQuery));

export const FollowUpAnswer = /* @__PURE__ */ declared(() => z.strictObject({ question: Text(300), answer: Text(500) }));
export const FollowUpAnswers = /* @__PURE__ */ z
  .strictObject({
    answers: z.array(FollowUpAnswer).check(z.minLength(1), z.maxLength(10)),
  })
  .register(z.globalRegistry, { id: 'FollowUpAnswers' });
export type FollowUpAnswers = z.infer<typeof FollowUpAnswers>;
