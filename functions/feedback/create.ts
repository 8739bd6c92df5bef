import { recordRoutes as routes } from '../routes/records';
import { giveFeedback } from '../../shared/account/feedback';
import { httpRoute } from '../../shared/http/http-route';
import type { HttpRequest } from '../../shared/http/request';
import { records, vault, auditLog, clock } from '../../shared/runtime/app';

const deps = { feedback: records(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/feedback: a rating and optional (sealed) comments. */
export const handler = httpRoute(routes.feedback, 'feedback', async ({ body, caller, meta }: HttpRequest<{ rating: number; comments?: string }>) => ({
  body: await giveFeedback(deps, caller!, body, meta),
}), { audit: deps.audit });
