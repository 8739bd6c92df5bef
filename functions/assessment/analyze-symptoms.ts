import { analyzeSymptoms as route } from '../routes/assessment';
import { httpRoute } from '../../shared/http/http-route';
import { aiQuota, auditLog } from '../../shared/runtime/composition';
import { analyzeSymptoms } from '../../shared/assessment/instant';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/analyze-symptoms: the rules engine's full assessment, nothing stored. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await analyzeSymptoms(deps, caller, body, meta),
  }),
  { audit: deps.audit },
);
