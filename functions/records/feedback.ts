import { feedback as route } from '../routes/records';
import { giveFeedback } from '../../shared/records/feedback';
import { httpRoute } from '../../shared/http/http-route';
import { accountReader, records, vault, auditLog, clock } from '../../shared/runtime/composition';

const deps = { users: accountReader(), feedback: records(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/feedback: a rating and optional (sealed) comments. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await giveFeedback(deps, caller, body, meta),
  }),
  { audit: deps.audit },
);
