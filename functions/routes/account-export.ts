// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { ExportResponse } from '../../shared/contracts/account';
import { PATIENT } from './access';

/** The account's export, in the `account` area: a module of its own so that only it bundles the export's schemas. */
export const exportMe = /* @__PURE__ */ route('exportMe', 'GET /api/v1/me/export', 'account/export', PATIENT, { summary: 'Everything CareBow holds about the caller, decrypted', response: ExportResponse, grants: { tables: { identity: 'read', records: 'readWrite', keys: 'read', audit: 'append' }, dataKeys: 'decrypt' } });

export const accountExportRoutes = /* @__PURE__ */ routeTable([exportMe]);
