import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * CareBow's configuration: one zod schema, split into the sections a function may need, read
 * once at cold start. A missing or invalid value throws a {@link ConfigError} naming the variable.
 * The authorizer reads its own tiny section in `functions/authorizer-config.ts` to stay small.
 */

const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0));

export const STAGES = ['local', 'dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

const baseSection = z.object({
  CAREBOW_STAGE: z.enum(STAGES),
  CAREBOW_VERSION: z.string().min(1).default('0.1.0'),
  CORS_ALLOWED_ORIGINS: csv.default([]),
});

const dataSection = z.object({
  IDENTITY_TABLE: z.string().min(3),
  SESSIONS_TABLE: z.string().min(3),
  AUDIT_TABLE: z.string().min(3),
  /** Only for the local stand-ins (dynalite); unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
});

const keysSection = z.object({
  /** `kms` in AWS; `local` uses the keyring in CAREBOW_DATA_DIR. */
  KEY_PROVIDER: z.enum(['kms', 'local']),
  CAREBOW_DATA_DIR: z.string().min(1).optional(),
  TOKEN_SIGNING_KEY_ID: z.string().min(1).optional(),
  BLIND_INDEX_SECRET_ID: z.string().min(1).optional(),
});

const tokensSection = z.object({
  AUTH_ISSUER: z.url(),
  AUTH_CLIENT_ID: z.string().min(1).max(128),
  /** Access tokens live at most 15 minutes (SECURITY.md #8). */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(3600).max(90 * 86400).default(30 * 86400),
});

const passwordSection = z.object({
  /** scrypt cost as log2(N). OWASP: N=2^17, r=8, p=1. Lower only for the local stage's tests. */
  PASSWORD_SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(17),
});

const queueSection = z.object({
  TRIAGE_QUEUE_URL: z.url(),
  /** Only for the local stand-ins (fauxqs); unset in AWS. */
  SQS_ENDPOINT: z.url().optional(),
});

const llmSection = z.object({
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY_SECRET_ID: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
});

type Env = Record<string, string | undefined>;

const requireKeyMaterial = (config: z.infer<typeof keysSection>, ctx: z.RefinementCtx): void => {
  const need = (name: keyof typeof config, when: string): void => {
    if (config[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `is required when ${when}` });
  };
  if (config.KEY_PROVIDER === 'local') need('CAREBOW_DATA_DIR', 'KEY_PROVIDER=local');
  if (config.KEY_PROVIDER === 'kms') {
    need('TOKEN_SIGNING_KEY_ID', 'KEY_PROVIDER=kms');
    need('BLIND_INDEX_SECRET_ID', 'KEY_PROVIDER=kms');
  }
};

/** What every identity route reads: tables, keys, token settings, password cost. */
export const identityConfigSchema = baseSection
  .extend(dataSection.shape)
  .extend(keysSection.shape)
  .extend(tokensSection.shape)
  .extend(passwordSection.shape)
  .superRefine((config, ctx) => {
    requireKeyMaterial(config, ctx);
    if (config.CAREBOW_STAGE !== 'local' && config.PASSWORD_SCRYPT_LOG_N < 17) {
      ctx.addIssue({ code: 'custom', path: ['PASSWORD_SCRYPT_LOG_N'], message: 'must be at least 17 outside the local stage' });
    }
    if (config.CAREBOW_STAGE !== 'local' && !config.AUTH_ISSUER.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_ISSUER'], message: 'must be https outside the local stage' });
    }
    if (config.CAREBOW_STAGE !== 'local' && config.KEY_PROVIDER !== 'kms') {
      ctx.addIssue({ code: 'custom', path: ['KEY_PROVIDER'], message: 'must be kms outside the local stage' });
    }
  });
export type IdentityConfig = z.infer<typeof identityConfigSchema>;

/** What the detailed health check reads: every dependency it probes. */
export const healthConfigSchema = baseSection
  .extend(dataSection.shape)
  .extend(keysSection.shape)
  .extend(queueSection.shape)
  .extend(llmSection.shape)
  .superRefine(requireKeyMaterial);
export type HealthConfig = z.infer<typeof healthConfigSchema>;

/** Routes that only need the stage, version and CORS settings. */
export const baseConfigSchema = baseSection;
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** What the token-publishing routes (JWKS, discovery) read. */
export const publishingConfigSchema = baseSection
  .extend(keysSection.shape)
  .extend(tokensSection.shape)
  .superRefine(requireKeyMaterial);
export type PublishingConfig = z.infer<typeof publishingConfigSchema>;

/**
 * Parses `env` with `schema`, or throws a {@link ConfigError} naming every bad variable.
 *
 * @example
 * const config = readConfig(identityConfigSchema); // at module load, once per cold start
 */
export const readConfig = <S extends z.ZodType>(schema: S, env: Env = process.env): z.infer<S> => {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
};
