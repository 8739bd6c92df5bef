import { route } from '../../shared/http/route';
import { TriageInput, TriageResult } from '../../shared/contracts/triage';
import { ConsultationRequest, ConsultationSummary, FollowUpQuestionsResponse, QuickAssessmentResponse, UrgencyLevelsResponse } from '../../shared/contracts/assistant';
import { ANY_USER, OPEN_PHI, PATIENT, RULE_TABLES, SYMPTOMS_BODY } from './access';

/** The instant AI endpoints keep nothing but the caller's quota bucket. */
const INSTANT_AI = { tables: { records: 'readWrite' } } as const;

/** The assistant: instant rules-only answers and consultation summaries. */
export const assistantRoutes = {
  analyzeSymptoms: route('POST /api/v1/enhanced-ai/analyze-symptoms', 'enhanced-ai/analyze-symptoms', PATIENT, { summary: 'Rules-only assessment, synchronous, nothing stored (AI quota)', body: TriageInput, response: TriageResult, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  followUpQuestions: route('POST /api/v1/enhanced-ai/follow-up-questions', 'enhanced-ai/follow-up-questions', PATIENT, { summary: 'Questions that would sharpen an assessment (AI quota)', body: TriageInput, response: FollowUpQuestionsResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  quickAssessment: route('POST /api/v1/enhanced-ai/quick-assessment', 'enhanced-ai/quick-assessment', PATIENT, { summary: 'Urgency level and what to do now (AI quota)', body: TriageInput, response: QuickAssessmentResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  consultation: route('POST /api/v1/ai/consultation', 'ai/consultation', PATIENT, { summary: 'A structured consultation summary of one of the caller’s symptom sessions (AI quota)', body: ConsultationRequest, response: ConsultationSummary, status: 200, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
  urgencyLevels: route('GET /api/v1/enhanced-ai/urgency-levels', 'enhanced-ai/urgency-levels', ANY_USER, { summary: 'The five-level urgency scale', response: UrgencyLevelsResponse }),
} as const;
