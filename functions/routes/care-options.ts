// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { CareOptions } from '../../shared/contracts/care-options';
import { PATIENT } from './access';

/**
 * Care: from a triage result to care (the providers to book, each with their earliest slot, or the
 * emergency advice), in its own module so that its function bundles only this schema and caregiver
 * matching's does not carry it. The handler lives in `functions/care/`. It opens the patient's sealed
 * triage result, so it holds the PHI grants the matching route does not.
 */
export const careOptions = /* @__PURE__ */ route('careOptions', 'GET /api/v1/symptom-sessions/{id}/care-options', 'care/care-options', PATIENT, { summary: 'From the caller’s triage result to care: providers to book with their earliest slot, or the emergency advice', params: IdParams, response: CareOptions, grants: { tables: { records: 'read', keys: 'read', identity: 'read' }, dataKeys: 'decrypt' } });

export const optionsRoutes = /* @__PURE__ */ routeTable([careOptions]);
