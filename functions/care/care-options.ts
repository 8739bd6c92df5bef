import { careOptions as route } from '../routes/care-options';
import { httpRoute } from '../../shared/http/http-route';
import { careOptions } from '../../shared/care/care-options';
import { accountBatch, auditLog, clock, practitioners, scheduleBatch, symptomSessionReader, vault } from '../../shared/runtime/composition';

const schedules = scheduleBatch();

const deps = {
  sessions: symptomSessionReader(),
  vault: vault(),
  directory: practitioners(),
  accounts: accountBatch(),
  availability: schedules,
  ledgers: schedules,
  audit: auditLog(),
  clock,
};

/** GET /api/v1/symptom-sessions/{id}/care-options: the caller's completed result → providers to book, or the emergency advice; else 404 / 409. */
export const handler = httpRoute(route, async ({ params, caller, meta }) => ({ body: await careOptions(deps, caller, params.id, meta) }), {
  audit: deps.audit,
});
