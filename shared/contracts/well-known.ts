import * as z from '../zod';

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
