import { assistantRoutes as routes } from '../routes/assistant';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { aiQuota, auditLog, clock, symptomSessionReader, vault } from '../../shared/runtime/app';
import { consultationSummary } from '../../shared/triage/consultation';

const deps = { sessions: symptomSessionReader(), quota: aiQuota(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/ai/consultation: a structured summary of a symptom session for a clinician. */
export const handler = httpRoute(routes.consultation, 'consultation', async ({ body, caller, meta }: HttpRequest<{ sessionId: string }>) => ({
  body: await consultationSummary(deps, caller!, body.sessionId, meta),
}), { audit: deps.audit });
