import * as z from '../zod';

export const HealthResponse = z
  .object({ status: z.literal('ok'), version: z.string(), time: z.iso.datetime() })
  .register(z.globalRegistry, { id: 'HealthResponse' });

export const DependencyStatus = z.object({
  name: z.string(),
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.optional(z.string()),
});

export const DetailedHealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.iso.datetime(),
    dependencies: z.array(DependencyStatus),
  })
  .register(z.globalRegistry, { id: 'DetailedHealthResponse' });

export const JwksResponse = z
  .object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string(), alg: z.string(), use: z.string() })) })
  .register(z.globalRegistry, { id: 'JwksResponse' });

export const OpenIdConfiguration = z
  .looseObject({
    issuer: z.string(),
    jwks_uri: z.string(),
    token_endpoint: z.string(),
    id_token_signing_alg_values_supported: z.array(z.string()),
  })
  .register(z.globalRegistry, { id: 'OpenIdConfiguration' });

export const OpenApiDocument = z.looseObject({ openapi: z.string() }).register(z.globalRegistry, { id: 'OpenApiDocument' });
