import { route } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { HealthProfile, PatientParams, ProfileResponse } from '../../shared/contracts/profile';
import { Consent, ConsentListQuery, ConsentPage, CreateConsentRequest } from '../../shared/contracts/consent';
import { FeedbackRequest, FeedbackResponse } from '../../shared/contracts/account';
import { ANY_USER, CARE_TEAM, OPEN_PHI, PATIENT } from './access';

/** PHI records: the health profile, consent-gated sharing, feedback. */
export const recordRoutes = {
  profileGet: route('GET /api/v1/profile', 'profile/get', PATIENT, { summary: 'The caller’s health profile (ETag)', response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } }),
  profilePut: route('PUT /api/v1/profile', 'profile/put', PATIENT, { summary: 'Create the caller’s health profile, or replace it (If-Match)', body: HealthProfile, headers: ['If-Match'], response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
  patientProfile: route('GET /api/v1/patients/{patientId}/profile', 'profile/patient', CARE_TEAM, { summary: 'A patient’s profile, under their consent', params: PatientParams, response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } }),
  consentCreate: route('POST /api/v1/consents', 'consents/create', PATIENT, { summary: 'Share with a caregiver or provider, or allow AI processing', body: CreateConsentRequest, response: Consent, grants: { tables: { records: 'readWrite', identity: 'read' } } }),
  consentList: route('GET /api/v1/consents', 'consents/list', ANY_USER, { summary: 'Consents granted (default) or received', query: ConsentListQuery, response: ConsentPage, grants: { tables: { records: 'read' } } }),
  consentRevoke: route('DELETE /api/v1/consents/{id}', 'consents/revoke', PATIENT, { summary: 'Revoke a consent, effective immediately', params: IdParams, status: 204, grants: { tables: { records: 'readWrite' } } }),
  feedback: route('POST /api/v1/feedback', 'feedback/create', ANY_USER, { summary: 'Rate the app', body: FeedbackRequest, response: FeedbackResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
} as const;
