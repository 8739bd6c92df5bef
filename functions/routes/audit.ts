// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { AuditEventPage, AuditEventsQuery, AuditVerifyQuery, AuditVerifyResponse } from '../../shared/contracts/audit';
import { COMPLIANCE_OTP } from './access';

/** The audit trail, for compliance officers. */
export const auditEvents = /* @__PURE__ */ route('auditEvents', 'GET /api/v1/audit/events', 'audit/events', COMPLIANCE_OTP, { summary: 'Search the audit trail', query: AuditEventsQuery, response: AuditEventPage, grants: { tables: { audit: 'append', identity: 'read' } } });
export const auditVerify = /* @__PURE__ */ route('auditVerify', 'GET /api/v1/audit/verify', 'audit/verify', COMPLIANCE_OTP, { summary: 'Verify a data subject’s hash chain', query: AuditVerifyQuery, response: AuditVerifyResponse, grants: { tables: { audit: 'append', identity: 'read' }, auditDigests: 'read' } });

export const auditRoutes = /* @__PURE__ */ routeTable([auditEvents, auditVerify]);
