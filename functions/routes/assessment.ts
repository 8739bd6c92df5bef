// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { TriageInput, TriageResult } from '../../shared/contracts/triage';
import {
  ConsultationRequest,
  ConsultationSummary,
  FollowUpQuestionsResponse,
  QuickAssessmentResponse,
  UrgencyLevelsResponse,
} from '../../shared/contracts/assessment';
import { ANY_USER, PATIENT } from './access';
import { RULE_TABLES } from './bundle-files';
import { RECORDS_WRITE } from './grants';
import { SYMPTOMS_BODY } from './limits';

/** The instant assessments keep nothing but the caller's quota bucket. */
const QUOTA_ONLY = { tables: { records: 'readWrite' } } as const;

/** Assessments: instant rules-only answers, consultation summaries and the urgency scale. */
export const analyzeSymptoms = /* @__PURE__ */ route('analyzeSymptoms', 'POST /api/v1/enhanced-ai/analyze-symptoms', 'assessment/analyze-symptoms', PATIENT, { summary: 'Rules-only assessment, synchronous, nothing stored (AI quota)', body: TriageInput, response: TriageResult, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: QUOTA_ONLY, bundleFiles: RULE_TABLES });
export const followUpQuestions = /* @__PURE__ */ route('followUpQuestions', 'POST /api/v1/enhanced-ai/follow-up-questions', 'assessment/follow-up-questions', PATIENT, { summary: 'Questions that would sharpen an assessment (AI quota)', body: TriageInput, response: FollowUpQuestionsResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: QUOTA_ONLY, bundleFiles: RULE_TABLES });
export const quickAssessment = /* @__PURE__ */ route('quickAssessment', 'POST /api/v1/enhanced-ai/quick-assessment', 'assessment/quick-assessment', PATIENT, { summary: 'Urgency level and what to do now (AI quota)', body: TriageInput, response: QuickAssessmentResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: QUOTA_ONLY, bundleFiles: RULE_TABLES });
export const consultation = /* @__PURE__ */ route('consultation', 'POST /api/v1/ai/consultation', 'assessment/consultation', PATIENT, { summary: 'A structured consultation summary of one of the caller’s symptom sessions (AI quota)', body: ConsultationRequest, response: ConsultationSummary, status: 200, grants: RECORDS_WRITE });
export const urgencyLevels = /* @__PURE__ */ route('urgencyLevels', 'GET /api/v1/enhanced-ai/urgency-levels', 'assessment/urgency-levels', ANY_USER, { summary: 'The five-level urgency scale', response: UrgencyLevelsResponse });

export const assessmentRoutes = /* @__PURE__ */ routeTable([analyzeSymptoms, followUpQuestions, quickAssessment, consultation, urgencyLevels]);
