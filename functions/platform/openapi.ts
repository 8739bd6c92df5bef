import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapi as route } from '../routes/platform';
import { baseConfigSchema } from '../../shared/config';
import { readConfig } from '../../shared/env-schema';
import { httpRoute } from '../../shared/http/http-route';

/**
 * The document, generated from the route table (`npm run openapi`), ships beside the bundle as a
 * data file (the route's `bundleFiles`), so its size never counts against the code budget.
 */
const generated = JSON.parse(readFileSync(join(import.meta.dirname, 'openapi.generated.json'), 'utf8')) as { info: Record<string, unknown> };
const document = { ...generated, info: { ...generated.info, version: readConfig(baseConfigSchema()).CAREBOW_VERSION } };

/** GET /api/v1/openapi.json: the API's contract, generated from the route table. */
export const handler = httpRoute(route, async () => ({ body: document }));
