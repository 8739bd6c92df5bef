/**
 * Writes the OpenAPI document, derived from the route table's zod schemas, to
 * `functions/platform/openapi.generated.json` (`npm run openapi`). The openapi function serves
 * that file, so it needs neither every route's schemas nor zod's JSON-schema converter at run time
 * (they would break its bundle budget). A unit test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { routes } from '../functions/routes';
import { openApiDocument } from '../shared/http/openapi';

export const OPENAPI_FILE = new URL('../functions/platform/openapi.generated.json', import.meta.url);

/** The document as generated: the version is filled in at run time from CAREBOW_VERSION. */
export const generatedOpenApi = () => openApiDocument(Object.values(routes), { version: '0.0.0' });

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(generatedOpenApi(), null, 2)}\n`);
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
