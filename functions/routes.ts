import { ROLES } from '../shared/domain/roles';
import { PUBLIC, route, type Access, type Throttle } from '../shared/http/route';
import { DetailedHealthResponse, HealthResponse } from '../shared/contracts/health';
import {
  LoginRequest, LogoutRequest, MeResponse, RefreshRequest, RegisterRequest, RegisterResponse, TokenPair,
} from '../shared/contracts/identity';
import { JwksResponse, OpenApiDocument, OpenIdConfiguration } from '../shared/contracts/well-known';
import { IdParams } from '../shared/contracts/common';
import { HealthProfile, PatientParams, ProfileResponse } from '../shared/contracts/profile';
import { Consent, ConsentListQuery, ConsentPage, CreateConsentRequest } from '../shared/contracts/consent';
import { AccessLogPage, AccessLogQuery, AuditEventPage, AuditEventsQuery, AuditVerifyQuery, AuditVerifyResponse } from '../shared/contracts/audit';
import { ExportResponse, FeedbackRequest, FeedbackResponse, RoleChangeRequest, RoleChangeResponse } from '../shared/contracts/account';

/**
 * THE route table. Every route exists once, here: the CDK API (one function per line), the
 * local server, the OpenAPI document and the authorization tests are all derived from it.
 * A route missing from this table does not exist anywhere.
 */

const ANY_USER: Access = { roles: ROLES };
const ADMIN: Access = { roles: ['admin'] };
/** Every account keeps `patient`: these are the caller's own records. */
const PATIENT: Access = { roles: ['patient'] };
/** Roles that may read another patient's PHI, and only under that patient's consent. */
const CARE_TEAM: Access = { roles: ['caregiver', 'provider'] };
const COMPLIANCE: Access = { roles: ['compliance'] };

/** Credential routes are what attackers hammer: tighter than the stage's default. */
const AUTH_THROTTLE: Throttle = { rateLimit: 10, burstLimit: 20 };

const IDENTITY_WRITE = { identity: 'readWrite', audit: 'append' } as const;
/** Opening and sealing a user's PHI: their wrapped data key, unwrapped by KMS. */
const OPEN_PHI = { tables: { keys: 'read' }, dataKeys: 'decrypt' } as const;

export const routes = {
  health: route('GET /api/v1/health', 'health/health', PUBLIC, { summary: 'Liveness', response: HealthResponse }),
  healthDetailed: route('GET /api/v1/health/detailed', 'health/detailed', ADMIN, { summary: 'Dependency status', response: DetailedHealthResponse, grants: { describeTables: ['identity', 'sessions', 'audit'], tokenSigningKey: 'describe', triageQueue: 'probe' } }),
  register: route('POST /api/v1/auth/register', 'auth/register', PUBLIC, { summary: 'Create a patient account', body: RegisterRequest, response: RegisterResponse, throttle: AUTH_THROTTLE, grants: { tables: { ...IDENTITY_WRITE, keys: 'readWrite' }, blindIndexSecret: true, dataKeys: 'generate' } }),
  login: route('POST /api/v1/auth/login', 'auth/login', PUBLIC, { summary: 'Exchange credentials for tokens', body: LoginRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { ...IDENTITY_WRITE, sessions: 'readWrite' }, blindIndexSecret: true, tokenSigningKey: 'sign' } }),
  refresh: route('POST /api/v1/auth/refresh', 'auth/refresh', PUBLIC, { summary: 'Rotate a refresh token', body: RefreshRequest, response: TokenPair, status: 200, throttle: AUTH_THROTTLE, grants: { tables: { identity: 'read', sessions: 'readWrite', audit: 'append' }, tokenSigningKey: 'sign' } }),
  logout: route('POST /api/v1/auth/logout', 'auth/logout', PUBLIC, { summary: 'Revoke a refresh-token family', body: LogoutRequest, status: 204, throttle: AUTH_THROTTLE, grants: { tables: { sessions: 'readWrite', audit: 'append' } } }),
  me: route('GET /api/v1/me', 'auth/me', ANY_USER, { summary: 'The caller’s account', response: MeResponse, grants: { tables: { identity: 'read', audit: 'append', keys: 'read' }, dataKeys: 'decrypt' } }),
  deleteMe: route('DELETE /api/v1/me', 'account/delete', ANY_USER, { summary: 'Delete the account: revoke sessions and consents, crypto-shred all PHI', status: 204, grants: { tables: { identity: 'readWrite', sessions: 'readWrite', records: 'readWrite', keys: 'readWrite', audit: 'append' } } }),
  exportMe: route('GET /api/v1/me/export', 'account/export', PATIENT, { summary: 'Everything CareBow holds about the caller, decrypted', response: ExportResponse, grants: { tables: { identity: 'read', records: 'read', keys: 'read', audit: 'append' }, dataKeys: 'decrypt' } }),
  accessLog: route('GET /api/v1/me/access-log', 'account/access-log', PATIENT, { summary: 'Who accessed the caller’s data, and when', query: AccessLogQuery, response: AccessLogPage, grants: { tables: { audit: 'append' } } }),
  profileGet: route('GET /api/v1/profile', 'profile/get', PATIENT, { summary: 'The caller’s health profile (ETag)', response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } }),
  profilePut: route('PUT /api/v1/profile', 'profile/put', PATIENT, { summary: 'Replace the caller’s health profile (If-Match)', body: HealthProfile, response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
  patientProfile: route('GET /api/v1/patients/{patientId}/profile', 'profile/patient', CARE_TEAM, { summary: 'A patient’s profile, under their consent', params: PatientParams, response: ProfileResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'read' } } }),
  consentCreate: route('POST /api/v1/consents', 'consents/create', PATIENT, { summary: 'Share with a caregiver or provider, or allow AI processing', body: CreateConsentRequest, response: Consent, grants: { tables: { records: 'readWrite', identity: 'read' } } }),
  consentList: route('GET /api/v1/consents', 'consents/list', ANY_USER, { summary: 'Consents granted (default) or received', query: ConsentListQuery, response: ConsentPage, grants: { tables: { records: 'read' } } }),
  consentRevoke: route('DELETE /api/v1/consents/{id}', 'consents/revoke', PATIENT, { summary: 'Revoke a consent, effective immediately', params: IdParams, status: 204, grants: { tables: { records: 'readWrite' } } }),
  feedback: route('POST /api/v1/feedback', 'feedback/create', ANY_USER, { summary: 'Rate the app', body: FeedbackRequest, response: FeedbackResponse, grants: { ...OPEN_PHI, tables: { ...OPEN_PHI.tables, records: 'readWrite' } } }),
  adminRoles: route('POST /api/v1/admin/users/{id}/roles', 'admin/roles', ADMIN, { summary: 'Grant or revoke caregiver/provider', params: IdParams, body: RoleChangeRequest, response: RoleChangeResponse, status: 200, grants: { tables: { identity: 'readWrite' } } }),
  auditEvents: route('GET /api/v1/audit/events', 'audit/events', COMPLIANCE, { summary: 'Search the audit trail', query: AuditEventsQuery, response: AuditEventPage, grants: { tables: { audit: 'append' } } }),
  auditVerify: route('GET /api/v1/audit/verify', 'audit/verify', COMPLIANCE, { summary: 'Verify a data subject’s hash chain', query: AuditVerifyQuery, response: AuditVerifyResponse, grants: { tables: { audit: 'append' } } }),
  jwks: route('GET /.well-known/jwks.json', 'wellknown/jwks', PUBLIC, { summary: 'Token signing public keys', response: JwksResponse, grants: { tokenSigningKey: 'publicKey' } }),
  openidConfiguration: route('GET /.well-known/openid-configuration', 'wellknown/openid-configuration', PUBLIC, { summary: 'Issuer discovery', response: OpenIdConfiguration }),
  openapi: route('GET /api/v1/openapi.json', 'wellknown/openapi', PUBLIC, { summary: 'This API’s OpenAPI document', response: OpenApiDocument }),
} as const;

export type RouteId = keyof typeof routes;
export const ROUTE_IDS = Object.keys(routes) as RouteId[];
