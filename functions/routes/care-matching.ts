import { route, routeTable } from '../../shared/http/route';
import { CaregiverMatchRequest, CaregiverMatchResponse } from '../../shared/contracts/care-matching';
import { IdParams } from '../../shared/contracts/common';
import { CareOptions } from '../../shared/contracts/care-options';
import { PATIENT } from './access';

/**
 * Care: finding care for a patient's needs (caregivers ranked for a visit, each score explained;
 * care options from a triage result), in its own module so that these functions bundle only these
 * schemas. The handlers live in `functions/care/`. `caregiverMatch` reads no PHI and writes
 * nothing but its audit event: its request holds no free text, and the patient's needs and
 * location go to no log, no audit detail and no third party.
 */
// biome-ignore format: one line per route, so the table reads as a table
export const matchingRoutes = routeTable({
  caregiverMatch: route('POST /api/v1/caregivers/match', 'care/caregiver-match', PATIENT, { summary: 'Verified caregivers free for a visit, ranked for the patient’s needs, each score explained factor by factor', body: CaregiverMatchRequest, response: CaregiverMatchResponse, status: 200, grants: { tables: { records: 'read', identity: 'read' } } }),
  careOptions: route('GET /api/v1/symptom-sessions/{id}/care-options', 'care/care-options', PATIENT, { summary: 'From the caller’s triage result to care: providers to book with their earliest slot, or the emergency advice', params: IdParams, response: CareOptions, grants: { tables: { records: 'read', keys: 'read', identity: 'read' }, dataKeys: 'decrypt' } }),
});
