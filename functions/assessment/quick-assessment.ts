import { quickAssessment as route } from '../routes/assessment';
import { httpRoute } from '../../shared/http/http-route';
import { aiQuota, auditLog } from '../../shared/runtime/composition';
import { quickAssessment } from '../../shared/assessment/instant';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/quick-assessment: the urgency level and what to do now, nothing stored. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await quickAssessment(deps, caller, body, meta),
  }),
  { audit: deps.audit },
);
