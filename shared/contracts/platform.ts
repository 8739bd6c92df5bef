import * as z from '../zod';
import { declared } from '../zod';
import { Instant, list, text } from './common';

/** CAREBOW_VERSION: a release name or commit, set by the CDK app. */
const Version = /* @__PURE__ */ declared(() => text(128));
/** The issuer's URLs (a custom domain, or the execute-api stage URL). */
const Url = /* @__PURE__ */ declared(() => text(2048));

export const HealthResponse = /* @__PURE__ */ z
  .object({ status: z.literal('ok'), version: Version, time: Instant })
  .register(z.globalRegistry, { id: 'HealthResponse' });

export const DependencyStatus = /* @__PURE__ */ declared(() =>
  z.object({
    /** `table:<name>`, `keys:kms`, `queue:triage`, `llm`. */
    name: text(64),
    status: z.enum(['ok', 'down']),
    latencyMs: z.number(),
    /** An error's name, `timed out`, or the model in use. */
    detail: z.optional(text(256)),
  }),
);

export const DetailedHealthResponse = /* @__PURE__ */ z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: Version,
    time: Instant,
    /** One per table, the keys, the queue and the model: eight today. */
    dependencies: list(DependencyStatus, 32),
  })
  .register(z.globalRegistry, { id: 'DetailedHealthResponse' });

export const JwksResponse = /* @__PURE__ */ z
  .object({ keys: list(z.looseObject({ kty: text(16), kid: text(128), alg: text(16), use: text(16) }), 8) })
  .register(z.globalRegistry, { id: 'JwksResponse' });

export const OpenIdConfiguration = /* @__PURE__ */ z
  .looseObject({
    issuer: Url,
    jwks_uri: Url,
    token_endpoint: Url,
    id_token_signing_alg_values_supported: list(text(16), 8),
  })
  .register(z.globalRegistry, { id: 'OpenIdConfiguration' });

export const OpenApiDocument = /* @__PURE__ */ z.looseObject({ openapi: text(16) }).register(z.globalRegistry, { id: 'OpenApiDocument' });
