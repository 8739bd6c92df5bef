import { practitionerSearch as route } from '../routes/care';
import { httpRoute } from '../../shared/http/http-route';
import { searchPractitioners } from '../../shared/care/directory';
import { accountBatch, auditLog, clock, practitioners, ratings } from '../../shared/runtime/composition';

const deps = { directory: practitioners(), accounts: accountBatch(), ratings: ratings(), audit: auditLog(), clock };

/** GET /api/v1/practitioners: verified practitioners of a kind, filtered, nearest first with `near`; public views, paged. */
export const handler = httpRoute(route, async ({ query, caller, meta }) => ({ body: await searchPractitioners(deps, caller, query, meta) }), {
  audit: deps.audit,
});
