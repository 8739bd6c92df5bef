import { platformRoutes as routes } from '../routes/platform';
import { baseConfigSchema, readConfig } from '../../shared/config';
import { httpRoute } from '../../shared/http/http-route';
import generated from './openapi.generated.json' with { type: 'json' };

const document = { ...generated, info: { ...generated.info, version: readConfig(baseConfigSchema).CAREBOW_VERSION } };

/** GET /api/v1/openapi.json: the API's contract, generated from the route table (`npm run openapi`). */
export const handler = httpRoute(routes.openapi, 'openapi', async () => ({ body: document }));
