import { routes } from '../routes';
import { baseConfigSchema, readConfig } from '../../shared/config';
import { httpRoute } from '../../shared/http/http-route';
import { openApiDocument } from '../../shared/http/openapi';

const document = openApiDocument(Object.values(routes), { version: readConfig(baseConfigSchema).CAREBOW_VERSION });

/** GET /api/v1/openapi.json: the API's contract, derived from the route table. */
export const handler = httpRoute(routes.openapi, 'openapi', async () => ({ body: document }));
