import { PUBLIC, route } from '../../shared/http/route';
import { TABLE_NAMES } from '../../shared/data/tables';
import { DetailedHealthResponse, HealthResponse } from '../../shared/contracts/health';
import { JwksResponse, OpenApiDocument, OpenIdConfiguration } from '../../shared/contracts/well-known';
import { ADMIN } from './access';

/** Platform routes: health checks and the published documents (keys, discovery, OpenAPI). */
export const platformRoutes = {
  health: route('GET /api/v1/health', 'health/health', PUBLIC, { summary: 'Liveness', response: HealthResponse }),
  healthDetailed: route('GET /api/v1/health/detailed', 'health/detailed', ADMIN, { summary: 'Dependency status', response: DetailedHealthResponse, grants: { describeTables: TABLE_NAMES, tokenSigningKey: 'describe', triageQueue: 'probe' } }),
  jwks: route('GET /.well-known/jwks.json', 'wellknown/jwks', PUBLIC, { summary: 'Token signing public keys', response: JwksResponse, grants: { tokenSigningKey: 'publicKey' } }),
  openidConfiguration: route('GET /.well-known/openid-configuration', 'wellknown/openid-configuration', PUBLIC, { summary: 'Issuer discovery', response: OpenIdConfiguration }),
  openapi: route('GET /api/v1/openapi.json', 'wellknown/openapi', PUBLIC, { summary: 'This API’s OpenAPI document', response: OpenApiDocument, bundleFiles: ['openapi.generated.json'] }),
} as const;
