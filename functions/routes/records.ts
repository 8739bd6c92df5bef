// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { HealthProfile, PatientParams, ProfileResponse } from '../../shared/contracts/records';
import { Consent, ConsentListQuery, ConsentPage, CreateConsentRequest } from '../../shared/contracts/records';
import { FeedbackRequest, FeedbackResponse } from '../../shared/contracts/records';
import { BreakGlassGrant, BreakGlassRequest } from '../../shared/contracts/records';
import { ANY_USER, CARE_TEAM, PATIENT, PROVIDER_OTP } from './access';
import { GRANTEE_READ, RECORDS_READ, RECORDS_WRITE } from './grants';

/** PHI records: the health profile, consent-gated sharing, feedback. */
export const profileGet = /* @__PURE__ */ route('profileGet', 'GET /api/v1/profile', 'records/profile-get', PATIENT, { summary: 'The caller’s health profile (ETag)', response: ProfileResponse, grants: RECORDS_READ });
export const profilePut = /* @__PURE__ */ route('profilePut', 'PUT /api/v1/profile', 'records/profile-put', PATIENT, { summary: 'Create the caller’s health profile, or replace it (If-Match)', body: HealthProfile, headers: ['If-Match'], response: ProfileResponse, grants: RECORDS_WRITE });
export const patientProfile = /* @__PURE__ */ route('patientProfile', 'GET /api/v1/patients/{patientId}/profile', 'records/patient-profile', CARE_TEAM, { summary: 'A patient’s profile, under their consent', params: PatientParams, response: ProfileResponse, grants: GRANTEE_READ });
export const breakGlass = /* @__PURE__ */ route('breakGlass', 'POST /api/v1/patients/{patientId}/break-glass', 'records/break-glass', PROVIDER_OTP, { summary: 'Emergency: open a patient’s profile without consent for 60 minutes (verified providers; audited, alarmed)', params: PatientParams, body: BreakGlassRequest, response: BreakGlassGrant, status: 201, grants: { tables: { records: 'readWrite', keys: 'read', identity: 'read', audit: 'append' }, dataKeys: 'decrypt' } });
export const consentCreate = /* @__PURE__ */ route('consentCreate', 'POST /api/v1/consents', 'records/consent-create', PATIENT, { summary: 'Share with a caregiver or provider, or allow AI processing', body: CreateConsentRequest, response: Consent, grants: { tables: { records: 'readWrite', identity: 'read' } } });
export const consentList = /* @__PURE__ */ route('consentList', 'GET /api/v1/consents', 'records/consent-list', ANY_USER, { summary: 'Consents granted (default) or received', query: ConsentListQuery, response: ConsentPage, grants: { tables: { records: 'read' } } });
export const consentRevoke = /* @__PURE__ */ route('consentRevoke', 'DELETE /api/v1/consents/{id}', 'records/consent-revoke', PATIENT, { summary: 'Revoke a consent, effective immediately', params: IdParams, status: 204, grants: { tables: { records: 'readWrite' } } });
export const feedback = /* @__PURE__ */ route('feedback', 'POST /api/v1/feedback', 'records/feedback', ANY_USER, { summary: 'Rate the app', body: FeedbackRequest, response: FeedbackResponse, grants: { tables: { keys: 'read', records: 'readWrite', identity: 'read' }, dataKeys: 'decrypt' } });

export const recordRoutes = /* @__PURE__ */ routeTable([profileGet, profilePut, patientProfile, breakGlass, consentCreate, consentList, consentRevoke, feedback]);
