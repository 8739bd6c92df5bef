// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { AccessLogPage, AccessLogQuery } from '../../shared/contracts/audit';
import { ANY_USER, PATIENT } from './access';

/**
 * The account as a whole: deletion and who accessed it. The export has a module of its own
 * (`account-export.ts`): its response schema holds every area's records, which no other account
 * route should bundle (the 100 KB budget).
 */
export const deleteMe = /* @__PURE__ */ route('deleteMe', 'DELETE /api/v1/me', 'account/delete', ANY_USER, { summary: 'Delete the account: revoke sessions and consents, crypto-shred all PHI', status: 204, grants: { tables: { identity: 'readWrite', sessions: 'readWrite', records: 'readWrite', keys: 'readWrite', audit: 'append' }, dataKeys: 'generate', notificationsQueue: 'send' } });
export const accessLog = /* @__PURE__ */ route('accessLog', 'GET /api/v1/me/access-log', 'account/access-log', PATIENT, { summary: 'Who accessed the caller’s data, and when', query: AccessLogQuery, response: AccessLogPage, grants: { tables: { audit: 'append' } } });

export const accountRoutes = /* @__PURE__ */ routeTable([deleteMe, accessLog]);
