import { route } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { AccessLogPage, AccessLogQuery, AuditEventPage, AuditEventsQuery, AuditVerifyQuery, AuditVerifyResponse } from '../../shared/contracts/audit';
import { ExportResponse, RoleChangeRequest, RoleChangeResponse } from '../../shared/contracts/account';
import { ADMIN, ANY_USER, COMPLIANCE, PATIENT } from './access';

/** The account as a whole (export, deletion, access log), role administration and the audit trail. */
export const accountRoutes = {
  deleteMe: route('DELETE /api/v1/me', 'account/delete', ANY_USER, { summary: 'Delete the account: revoke sessions and consents, crypto-shred all PHI', status: 204, grants: { tables: { identity: 'readWrite', sessions: 'readWrite', records: 'readWrite', keys: 'readWrite', audit: 'append' } } }),
  exportMe: route('GET /api/v1/me/export', 'account/export', PATIENT, { summary: 'Everything CareBow holds about the caller, decrypted', response: ExportResponse, grants: { tables: { identity: 'read', records: 'read', keys: 'read', audit: 'append' }, dataKeys: 'decrypt' } }),
  accessLog: route('GET /api/v1/me/access-log', 'account/access-log', PATIENT, { summary: 'Who accessed the caller’s data, and when', query: AccessLogQuery, response: AccessLogPage, grants: { tables: { audit: 'append' } } }),
  adminRoles: route('POST /api/v1/admin/users/{id}/roles', 'admin/roles', ADMIN, { summary: 'Grant or revoke caregiver/provider', params: IdParams, body: RoleChangeRequest, response: RoleChangeResponse, status: 200, grants: { tables: { identity: 'readWrite' } } }),
  auditEvents: route('GET /api/v1/audit/events', 'audit/events', COMPLIANCE, { summary: 'Search the audit trail', query: AuditEventsQuery, response: AuditEventPage, grants: { tables: { audit: 'append' } } }),
  auditVerify: route('GET /api/v1/audit/verify', 'audit/verify', COMPLIANCE, { summary: 'Verify a data subject’s hash chain', query: AuditVerifyQuery, response: AuditVerifyResponse, grants: { tables: { audit: 'append' } } }),
} as const;
