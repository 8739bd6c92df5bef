import { matchingRoutes as routes } from '../routes/care-matching';
import { httpRoute } from '../../shared/http/http-route';
import { careOptions } from '../../shared/care/care-options';
import { accountReader, auditLog, availabilityStore, clock, ledgers, practitioners, symptomSessionReader, vault } from '../../shared/runtime/composition';

const deps = {
  sessions: symptomSessionReader(),
  vault: vault(),
  directory: practitioners(),
  users: accountReader(),
  availability: availabilityStore(),
  ledgers: ledgers(),
  audit: auditLog(),
  clock,
};

/** GET /api/v1/symptom-sessions/{id}/care-options: the caller's completed result → providers to book, or the emergency advice; else 404 / 409. */
export const handler = httpRoute(routes.careOptions, async ({ params, caller, meta }) => ({ body: await careOptions(deps, caller, params.id, meta) }), {
  audit: deps.audit,
});
