import { consultation as route } from '../routes/assessment';
import { httpRoute } from '../../shared/http/http-route';
import { aiQuota, auditLog, clock, symptomSessionReader, vault } from '../../shared/runtime/composition';
import { consultationSummary } from '../../shared/assessment/consultation';

const deps = { sessions: symptomSessionReader(), quota: aiQuota(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/ai/consultation: a structured summary of a symptom session for a clinician. */
export const handler = httpRoute(
  route,
  async ({ body, caller, meta }) => ({
    body: await consultationSummary(deps, caller, body.sessionId, meta),
  }),
  { audit: deps.audit },
);
