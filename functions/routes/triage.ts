// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import * as z from '../../shared/zod';
import { declared } from '../../shared/zod';
import { Id, IdParams } from '../../shared/contracts/common';
import { FollowUpAnswers, SymptomSession, SymptomSessionListQuery, SymptomSessionPage, TriageInput } from '../../shared/contracts/triage';
import { CARE_TEAM, PATIENT } from './access';
import { RULE_TABLES } from './bundle-files';
import { GRANTEE_READ, RECORDS_READ, SESSION_WRITE } from './grants';
import { SYMPTOMS_BODY } from './limits';

/** A patient's session by id, for the practitioner of a booking that shared it (kept here, not beside `patientProfile`, so the records functions do not bundle the triage schemas). */
const PatientSessionParams = /* @__PURE__ */ declared(() => z.strictObject({ patientId: Id, id: Id }));

/** Symptom sessions and their asynchronous triage. */
export const sessionCreate = /* @__PURE__ */ route('sessionCreate', 'POST /api/v1/symptom-sessions', 'triage/create', PATIENT, { summary: 'Describe symptoms: 201 with the result at once for an emergency, else 202 queued', body: TriageInput, response: SymptomSession, maxBodyBytes: SYMPTOMS_BODY, grants: SESSION_WRITE, bundleFiles: RULE_TABLES, headers: ['Idempotency-Key'] });
export const sessionGet = /* @__PURE__ */ route('sessionGet', 'GET /api/v1/symptom-sessions/{id}', 'triage/get', PATIENT, { summary: 'A session’s status and result', params: IdParams, response: SymptomSession, grants: RECORDS_READ });
export const sessionList = /* @__PURE__ */ route('sessionList', 'GET /api/v1/symptom-sessions', 'triage/list', PATIENT, { summary: 'The caller’s sessions, newest first', query: SymptomSessionListQuery, response: SymptomSessionPage, grants: RECORDS_READ });
export const patientSession = /* @__PURE__ */ route('patientSession', 'GET /api/v1/patients/{patientId}/symptom-sessions/{id}', 'triage/patient-session', CARE_TEAM, { summary: 'A patient’s symptom session, for the practitioner of a booking that shared it (else 404)', params: PatientSessionParams, response: SymptomSession, grants: GRANTEE_READ });
export const sessionAnswers = /* @__PURE__ */ route('sessionAnswers', 'POST /api/v1/symptom-sessions/{id}/answers', 'triage/answers', PATIENT, { summary: 'Answer follow-up questions and re-triage (202)', params: IdParams, body: FollowUpAnswers, response: SymptomSession, status: 202, grants: SESSION_WRITE, headers: ['Idempotency-Key'] });

export const triageRoutes = /* @__PURE__ */ routeTable([sessionCreate, sessionGet, sessionList, patientSession, sessionAnswers]);
