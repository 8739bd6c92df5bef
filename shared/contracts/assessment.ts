import * as z from '../zod';
import { declared } from '../zod';
import { Id, Instant, list, text } from './common';
import { FollowUpAnswer, ResultList, ResultText, RulesFired, SymptomInput, TriageLevelSchema } from './triage';

/** Schemas of the assistant endpoints: instant rules-only answers, consultation summaries, chat. */

export const FollowUpQuestionsResponse = /* @__PURE__ */ z
  .object({ questions: ResultList, disclaimer: ResultText })
  .register(z.globalRegistry, { id: 'FollowUpQuestionsResponse' });
export const QuickAssessmentResponse = /* @__PURE__ */ z
  .object({ level: TriageLevelSchema, summary: ResultText, emergencyAdvice: z.optional(text(2000)), rulesFired: RulesFired, disclaimer: ResultText })
  .register(z.globalRegistry, { id: 'QuickAssessmentResponse' });
export const UrgencyLevelsResponse = /* @__PURE__ */ z
  .object({ levels: list(z.object({ level: TriageLevelSchema, label: text(100), meaning: text(500) }), 5) })
  .register(z.globalRegistry, { id: 'UrgencyLevelsResponse' });

export const ConsultationRequest = /* @__PURE__ */ z.strictObject({ sessionId: Id }).register(z.globalRegistry, { id: 'ConsultationRequest' });
export const ConsultationSummary = /* @__PURE__ */ declared(() =>
  z
    .object({
      sessionId: Id,
      generatedAt: Instant,
      /** The most severe symptom's name (at most 100) with its severity, duration and onset. */
      chiefComplaint: text(200),
      symptoms: list(SymptomInput, 20),
      context: z.object({ age: z.optional(z.int()), sex: z.optional(text(16)), pregnant: z.optional(z.boolean()), conditions: list(text(100), 20) }),
      patientNotes: z.optional(text(2000)),
      /** A session keeps its last 30 answers (shared/triage/sessions.ts). */
      followUpAnswers: list(FollowUpAnswer, 30),
      triage: z.nullable(
        z.object({
          level: TriageLevelSchema,
          source: z.enum(['rules', 'model', 'fallback']),
          confidence: z.number(),
          rulesFired: RulesFired,
          model: z.optional(text(128)),
        }),
      ),
      suggestedQuestions: ResultList,
      watchFor: ResultList,
      specialist: z.optional(ResultText),
      teleconsultationOk: z.boolean(),
      disclaimer: ResultText,
    })
    .register(z.globalRegistry, { id: 'ConsultationSummary' }),
);
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;
