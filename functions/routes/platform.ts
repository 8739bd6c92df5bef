// biome-ignore-all format: one line per route, so the table reads as a table
import { PUBLIC, route, routeTable } from '../../shared/http/route';
import { TABLE_NAMES } from '../../shared/data/tables';
import { DetailedHealthResponse, HealthResponse } from '../../shared/contracts/platform';
import { JwksResponse, OpenApiDocument, OpenIdConfiguration } from '../../shared/contracts/platform';
import { ADMIN } from './access';

/** Platform routes: health checks and the published documents (keys, discovery, OpenAPI). */
export const health = /* @__PURE__ */ route('health', 'GET /api/v1/health', 'platform/health', PUBLIC, { summary: 'Liveness', response: HealthResponse });
export const healthDetailed = /* @__PURE__ */ route('healthDetailed', 'GET /api/v1/health/detailed', 'platform/health-detailed', ADMIN, { summary: 'Dependency status', response: DetailedHealthResponse, grants: { describeTables: TABLE_NAMES, tokenSigningKey: 'describe', triageQueue: 'probe' } });
export const jwks = /* @__PURE__ */ route('jwks', 'GET /.well-known/jwks.json', 'platform/jwks', PUBLIC, { summary: 'Token signing public keys', response: JwksResponse, grants: { tokenSigningKey: 'publicKey' } });
export const openidConfiguration = /* @__PURE__ */ route('openidConfiguration', 'GET /.well-known/openid-configuration', 'platform/openid-configuration', PUBLIC, { summary: 'Issuer discovery', response: OpenIdConfiguration });
export const openapi = /* @__PURE__ */ route('openapi', 'GET /api/v1/openapi.json', 'platform/openapi', PUBLIC, { summary: 'This API’s OpenAPI document', response: OpenApiDocument, bundleFiles: ['openapi.generated.json'] });

export const platformRoutes = /* @__PURE__ */ routeTable([health, healthDetailed, jwks, openidConfiguration, openapi]);
