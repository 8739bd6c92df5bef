import { route } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import {
  ConsultationRequest, ConsultationSummary, FollowUpAnswers, FollowUpQuestionsResponse, QuickAssessmentResponse, SymptomSession, SymptomSessionListQuery, SymptomSessionPage, TriageInput, TriageResult,
  UrgencyLevelsResponse,
} from '../../shared/contracts/triage';
import { ANY_USER, OPEN_PHI, PATIENT } from './access';

/** Symptom sessions read and write sealed PHI and queue work for the triage worker. */
const SESSION_WRITE = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' }, triageQueue: 'send' } as const;
const SESSION_READ = { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } as const;
/** The instant AI endpoints keep nothing but the caller's quota bucket. */
const INSTANT_AI = { tables: { records: 'readWrite' } } as const;
const SYMPTOMS_BODY = 32 * 1024;
/**
 * Functions that run the rules engine ship its tables beside the bundle (shared/triage/rules/tables.ts);
 * relative to a handler folder under `functions/`. The triage worker (lib/triage.ts) ships them too.
 */
export const RULE_TABLES = ['../../shared/triage/rules/triage-rules.generated.json'] as const;

/** Symptom sessions and their asynchronous triage; the instant, rules-only AI endpoints. */
export const triageRoutes = {
  sessionCreate: route('POST /api/v1/symptom-sessions', 'triage/create', PATIENT, { summary: 'Describe symptoms: 201 with the result at once for an emergency, else 202 queued', body: TriageInput, response: SymptomSession, maxBodyBytes: SYMPTOMS_BODY, grants: SESSION_WRITE , bundleFiles: RULE_TABLES}),
  sessionGet: route('GET /api/v1/symptom-sessions/{id}', 'triage/get', PATIENT, { summary: 'A session’s status and result', params: IdParams, response: SymptomSession, grants: SESSION_READ }),
  sessionList: route('GET /api/v1/symptom-sessions', 'triage/list', PATIENT, { summary: 'The caller’s sessions, newest first', query: SymptomSessionListQuery, response: SymptomSessionPage, grants: SESSION_READ }),
  sessionAnswers: route('POST /api/v1/symptom-sessions/{id}/answers', 'triage/answers', PATIENT, { summary: 'Answer follow-up questions and re-triage (202)', params: IdParams, body: FollowUpAnswers, response: SymptomSession, status: 202, grants: SESSION_WRITE }),
  analyzeSymptoms: route('POST /api/v1/enhanced-ai/analyze-symptoms', 'enhanced-ai/analyze-symptoms', PATIENT, { summary: 'Rules-only assessment, synchronous, nothing stored (AI quota)', body: TriageInput, response: TriageResult, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  followUpQuestions: route('POST /api/v1/enhanced-ai/follow-up-questions', 'enhanced-ai/follow-up-questions', PATIENT, { summary: 'Questions that would sharpen an assessment (AI quota)', body: TriageInput, response: FollowUpQuestionsResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  quickAssessment: route('POST /api/v1/enhanced-ai/quick-assessment', 'enhanced-ai/quick-assessment', PATIENT, { summary: 'Urgency level and what to do now (AI quota)', body: TriageInput, response: QuickAssessmentResponse, status: 200, maxBodyBytes: SYMPTOMS_BODY, grants: INSTANT_AI , bundleFiles: RULE_TABLES}),
  consultation: route('POST /api/v1/ai/consultation', 'ai/consultation', PATIENT, { summary: 'A structured consultation summary of one of the caller’s symptom sessions (AI quota)', body: ConsultationRequest, response: ConsultationSummary, status: 200, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
  urgencyLevels: route('GET /api/v1/enhanced-ai/urgency-levels', 'enhanced-ai/urgency-levels', ANY_USER, { summary: 'The five-level urgency scale', response: UrgencyLevelsResponse }),
} as const;
