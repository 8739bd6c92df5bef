import { route, routeTable } from '../../shared/http/route';
import { AuditEventPage, AuditEventsQuery, AuditVerifyQuery, AuditVerifyResponse } from '../../shared/contracts/audit';
import { COMPLIANCE_OTP } from './access';

/** The audit trail, for compliance officers. */
// biome-ignore format: one line per route, so the table reads as a table
export const auditRoutes = routeTable({
  auditEvents: route('GET /api/v1/audit/events', 'audit/events', COMPLIANCE_OTP, { summary: 'Search the audit trail', query: AuditEventsQuery, response: AuditEventPage, grants: { tables: { audit: 'append' } } }),
  auditVerify: route('GET /api/v1/audit/verify', 'audit/verify', COMPLIANCE_OTP, { summary: 'Verify a data subject’s hash chain', query: AuditVerifyQuery, response: AuditVerifyResponse, grants: { tables: { audit: 'append' }, auditDigests: 'read' } }),
});
