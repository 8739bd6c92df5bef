import { assistantRoutes as routes } from '../routes/assistant';
import { httpRoute } from '../../shared/http/http-route';
import { auditLog } from '../../shared/runtime/app';
import { URGENCY_LEVELS } from '../../shared/triage/urgency-levels';

const audit = auditLog();

/** GET /api/v1/enhanced-ai/urgency-levels: the scale every result uses. */
export const handler = httpRoute(routes.urgencyLevels, 'urgencyLevels', async () => ({ body: { levels: URGENCY_LEVELS } }), { audit });
