import { assistantRoutes as routes } from '../routes/assistant';
import type { TriageInput } from '../../shared/contracts/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { aiQuota, auditLog } from '../../shared/runtime/app';
import { analyzeSymptoms } from '../../shared/triage/instant-ai';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/analyze-symptoms: the rules engine's full assessment, nothing stored. */
export const handler = httpRoute(routes.analyzeSymptoms, 'analyzeSymptoms', async ({ body, caller, meta }: HttpRequest<TriageInput>) => ({
  body: await analyzeSymptoms(deps, caller!, body, meta),
}), { audit: deps.audit });
