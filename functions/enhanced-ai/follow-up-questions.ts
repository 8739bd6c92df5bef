import { assistantRoutes as routes } from '../routes/assistant';
import type { TriageInput } from '../../shared/contracts/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { aiQuota, auditLog } from '../../shared/runtime/app';
import { followUpQuestions } from '../../shared/triage/instant-ai';

const deps = { quota: aiQuota(), audit: auditLog() };

/** POST /api/v1/enhanced-ai/follow-up-questions: what to ask next, nothing stored. */
export const handler = httpRoute(routes.followUpQuestions, 'followUpQuestions', async ({ body, caller, meta }: HttpRequest<TriageInput>) => ({
  body: await followUpQuestions(deps, caller!, body, meta),
}), { audit: deps.audit });
