import { triageRoutes as routes } from '../routes/triage';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { auditLog, symptomSessionReader, vault } from '../../shared/runtime/app';
import { getSession } from '../../shared/triage/session-view';

const deps = { sessions: symptomSessionReader(), vault: vault(), audit: auditLog() };

/** GET /api/v1/symptom-sessions/{id}: status and, once done, the result. */
export const handler = httpRoute(routes.sessionGet, 'sessionGet', async ({ params, caller, meta }: HttpRequest<unknown, unknown, { id: string }>) => ({
  body: await getSession(deps, caller!, params.id, meta),
}), { audit: deps.audit });
