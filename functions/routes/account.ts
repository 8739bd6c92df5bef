import { route, routeTable } from '../../shared/http/route';
import { AccessLogPage, AccessLogQuery } from '../../shared/contracts/audit';
import { ExportResponse } from '../../shared/contracts/account';
import { ANY_USER, PATIENT } from './access';

/** The account as a whole: export, deletion, and who accessed it. */
// biome-ignore format: one line per route, so the table reads as a table
export const accountRoutes = routeTable({
  deleteMe: route('DELETE /api/v1/me', 'account/delete', ANY_USER, { summary: 'Delete the account: revoke sessions and consents, crypto-shred all PHI', status: 204, grants: { tables: { identity: 'readWrite', sessions: 'readWrite', records: 'readWrite', keys: 'readWrite', audit: 'append' }, dataKeys: 'generate', notificationsQueue: 'send' } }),
  exportMe: route('GET /api/v1/me/export', 'account/export', PATIENT, { summary: 'Everything CareBow holds about the caller, decrypted', response: ExportResponse, grants: { tables: { identity: 'read', records: 'read', keys: 'read', audit: 'append' }, dataKeys: 'decrypt' } }),
  accessLog: route('GET /api/v1/me/access-log', 'account/access-log', PATIENT, { summary: 'Who accessed the caller’s data, and when', query: AccessLogQuery, response: AccessLogPage, grants: { tables: { audit: 'append' } } }),
});
