import { health as route } from '../routes/platform';
import { baseConfigSchema } from '../../shared/config';
import { readConfig } from '../../shared/env-schema';
import { httpRoute } from '../../shared/http/http-route';

const { CAREBOW_VERSION } = readConfig(baseConfigSchema());

/** GET /api/v1/health: liveness; touches no dependency, so it stays cheap and public. */
export const handler = httpRoute(route, async () => ({
  body: { status: 'ok', version: CAREBOW_VERSION, time: new Date().toISOString() },
}));
