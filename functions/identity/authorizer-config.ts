import * as z from 'zod/mini';

/**
 * The authorizer's configuration: the issuers it trusts. Parsed with zod/mini rather than the
 * shared schema in `shared/config.ts` to keep the authorizer bundle under its 50 KB budget.
 * Each issuer brings its keys inline (`jwks`) or a `jwksUri` (in AWS and `npm start`), re-read
 * when older than `AUTHORIZER_JWKS_MAX_AGE_SECONDS` or on an unknown `kid` (ADR 0013); nothing else
 * is ever fetched.
 */
const Jwk = z.looseObject({ kty: z.string(), kid: z.string() });
const Issuer = z.object({
  issuer: z.url(),
  audience: z.string().check(z.minLength(1)),
  jwks: z.optional(z.object({ keys: z.array(Jwk) })),
  jwksUri: z.optional(z.url()),
});
export const AuthorizerIssuers = z.array(Issuer).check(z.minLength(1));
export type AuthorizerIssuer = z.infer<typeof Issuer>;

export const readAuthorizerIssuers = (raw: string | undefined): AuthorizerIssuer[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    throw new Error('Invalid configuration. AUTHORIZER_ISSUERS: must be a JSON array of issuers');
  }
  const result = AuthorizerIssuers.safeParse(parsed);
  if (!result.success)
    throw new Error(`Invalid configuration. AUTHORIZER_ISSUERS: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  for (const issuer of result.data) {
    if (issuer.jwks === undefined && issuer.jwksUri === undefined)
      throw new Error(`Invalid configuration. AUTHORIZER_ISSUERS: ${issuer.issuer} needs jwks or jwksUri`);
  }
  return result.data;
};

/** `AUTHORIZER_JWKS_MAX_AGE_SECONDS`: an integer from 0 to the default (never longer: key rotation waits for it). */
export const readJwksMaxAgeSeconds = (raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > fallback)
    throw new Error(`Invalid configuration. AUTHORIZER_JWKS_MAX_AGE_SECONDS: must be an integer from 0 to ${fallback}`);
  return seconds;
};
