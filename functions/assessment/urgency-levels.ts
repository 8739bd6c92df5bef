import { urgencyLevels as route } from '../routes/assessment';
import { httpRoute } from '../../shared/http/http-route';
import { auditLog } from '../../shared/runtime/composition';
import { URGENCY_LEVELS } from '../../shared/assessment/urgency-levels';

const audit = auditLog();

/** GET /api/v1/enhanced-ai/urgency-levels: the scale every result uses. */
export const handler = httpRoute(route, async () => ({ body: { levels: URGENCY_LEVELS } }), { audit });
