import { caregiverMatch as route } from '../routes/care-matching';
import { httpRoute } from '../../shared/http/http-route';
import { matchCaregiversForVisit } from '../../shared/care/match-caregivers';
import { accountBatch, auditLog, clock, practitioners, ratings, scheduleBatch, visitHistory } from '../../shared/runtime/composition';

const schedules = scheduleBatch();
const deps = {
  directory: practitioners(),
  accounts: accountBatch(),
  availability: schedules,
  ledgers: schedules,
  ratings: ratings(),
  visits: visitHistory(),
  audit: auditLog(),
  clock,
};

/** POST /api/v1/caregivers/match: verified caregivers free for the visit, ranked for the patient's needs, each score explained. */
export const handler = httpRoute(route, async ({ body, caller, meta }) => ({ body: await matchCaregiversForVisit(deps, caller, body, meta) }), {
  audit: deps.audit,
});
