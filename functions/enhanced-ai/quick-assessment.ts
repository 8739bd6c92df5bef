import { assistantRoutes as routes } from '../routes/assistant';
import type { TriageInput } from '../../shared/contracts/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { aiQuota, auditLog } from '../../shared/runtime/app';
import { quickAssessment } from '../../shared/triage/instant-ai';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/quick-assessment: the urgency level and what to do now, nothing stored. */
export const handler = httpRoute(routes.quickAssessment, 'quickAssessment', async ({ body, caller, meta }: HttpRequest<TriageInput>) => ({
  body: await quickAssessment(deps, caller!, body, meta),
}), { audit: deps.audit });
