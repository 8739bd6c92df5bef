import { followUpQuestions as route } from '../routes/assessment';
import { httpRoute } from '../../shared/http/http-route';
import { aiQuota, auditLog } from '../../shared/runtime/composition';
import { followUpQuestions } from '../../shared/assessment/instant';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/follow-up-questions: what to ask next, nothing stored. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await followUpQuestions(deps, caller, body, meta),
  }),
  { audit: deps.audit },
);
