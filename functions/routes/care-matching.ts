// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { CaregiverMatchRequest, CaregiverMatchResponse } from '../../shared/contracts/care-matching';
import { PATIENT } from './access';

/**
 * Care: finding caregivers for a patient's needs (ranked for a visit, each score explained), in its
 * own module so that this function bundles only these schemas (care options from a triage result are
 * `care-options.ts`). The handlers live in `functions/care/`. `caregiverMatch` reads no PHI and writes
 * nothing but its audit event: its request holds no free text, and the patient's needs and
 * location go to no log, no audit detail and no third party.
 */
export const caregiverMatch = /* @__PURE__ */ route('caregiverMatch', 'POST /api/v1/caregivers/match', 'care/caregiver-match', PATIENT, { summary: 'Verified caregivers free for a visit, ranked for the patient’s needs, each score explained factor by factor', body: CaregiverMatchRequest, response: CaregiverMatchResponse, status: 200, grants: { tables: { records: 'read', identity: 'read' } } });

export const matchingRoutes = /* @__PURE__ */ routeTable([caregiverMatch]);
