import * as z from '../zod';
import { SymptomInput, TriageLevelSchema } from './triage';

/** Schemas of the assistant endpoints: instant rules-only answers, consultation summaries, chat. */

export const FollowUpQuestionsResponse = z.object({ questions: z.array(z.string()), disclaimer: z.string() }).register(z.globalRegistry, { id: 'FollowUpQuestionsResponse' });
export const QuickAssessmentResponse = z
  .object({ level: TriageLevelSchema, summary: z.string(), emergencyAdvice: z.optional(z.string()), rulesFired: z.array(z.string()), disclaimer: z.string() })
  .register(z.globalRegistry, { id: 'QuickAssessmentResponse' });
export const UrgencyLevelsResponse = z
  .object({ levels: z.array(z.object({ level: TriageLevelSchema, label: z.string(), meaning: z.string() })) })
  .register(z.globalRegistry, { id: 'UrgencyLevelsResponse' });

export const ConsultationRequest = z.strictObject({ sessionId: z.uuid() }).register(z.globalRegistry, { id: 'ConsultationRequest' });
export const ConsultationSummary = z
  .object({
    sessionId: z.uuid(),
    generatedAt: z.iso.datetime(),
    chiefComplaint: z.string(),
    symptoms: z.array(SymptomInput),
    context: z.object({ age: z.optional(z.int()), sex: z.optional(z.string()), pregnant: z.optional(z.boolean()), conditions: z.array(z.string()) }),
    patientNotes: z.optional(z.string()),
    followUpAnswers: z.array(z.object({ question: z.string(), answer: z.string() })),
    triage: z.nullable(z.object({ level: TriageLevelSchema, source: z.enum(['rules', 'model', 'fallback']), confidence: z.number(), rulesFired: z.array(z.string()), model: z.optional(z.string()) })),
    suggestedQuestions: z.array(z.string()),
    watchFor: z.array(z.string()),
    specialist: z.optional(z.string()),
    teleconsultationOk: z.boolean(),
    disclaimer: z.string(),
  })
  .register(z.globalRegistry, { id: 'ConsultationSummary' });
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;
