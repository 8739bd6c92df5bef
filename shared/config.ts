import * as z from './zod';
import { ConfigError } from './errors';

/**
 * CareBow's configuration: one zod schema, split into the sections a function may need, read
 * once at cold start. A missing or invalid value throws a {@link ConfigError} naming the variable.
 * The authorizer reads its own tiny section in `functions/authorizer-config.ts`.
 */

const text = () => z.string().check(z.minLength(1));
const integer = (min: number, max: number) => z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(min), z.lte(max));
const csv = z.pipe(
  z.string(),
  z.transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  ),
);

export const STAGES = ['local', 'dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

const baseSection = {
  CAREBOW_STAGE: z.enum(STAGES),
  CAREBOW_VERSION: z._default(text(), '0.1.0'),
  CORS_ALLOWED_ORIGINS: z._default(csv, []),
};

const dataSection = {
  IDENTITY_TABLE: z.string().check(z.minLength(3)),
  SESSIONS_TABLE: z.string().check(z.minLength(3)),
  AUDIT_TABLE: z.string().check(z.minLength(3)),
  KEYS_TABLE: z.string().check(z.minLength(3)),
  RECORDS_TABLE: z.string().check(z.minLength(3)),
  CONTENT_TABLE: z.string().check(z.minLength(3)),
  /** Only for the local stand-ins (dynalite); unset in AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** The lanes of a subject's audit trail appends use (ADR 0019): 16 (AUDIT_LANES) deployed; the local bench sets 1. */
  AUDIT_LANES: z._default(integer(1, 16), 16),
};

const keysSection = {
  /** `kms` in AWS; `local` uses the keyring in CAREBOW_DATA_DIR. */
  KEY_PROVIDER: z.enum(['kms', 'local']),
  CAREBOW_DATA_DIR: z.optional(text()),
  TOKEN_SIGNING_KEY_ID: z.optional(text()),
  BLIND_INDEX_SECRET_ID: z.optional(text()),
  /** Symmetric KMS key that wraps per-user data keys. */
  DATA_KEY_ID: z.optional(text()),
};

const tokensSection = {
  AUTH_ISSUER: z.url(),
  AUTH_CLIENT_ID: z.string().check(z.minLength(1), z.maxLength(128)),
  /** Access tokens live at most 15 minutes (docs/security.md #8). */
  ACCESS_TOKEN_TTL_SECONDS: z._default(integer(60, 900), 900),
  REFRESH_TOKEN_TTL_SECONDS: z._default(integer(3600, 90 * 86400), 30 * 86400),
};

const passwordSection = {
  /** scrypt cost as log2(N). OWASP: N=2^17, r=8, p=1. Lower only for the local stage's tests. */
  PASSWORD_SCRYPT_LOG_N: z._default(integer(10, 20), 17),
};

const modelLimits = {
  /** Per-user AI quota: a token bucket of this many requests, refilled at this rate per hour. */
  AI_QUOTA_BURST: z._default(integer(1, 1000), 20),
  AI_QUOTA_PER_HOUR: z._default(integer(1, 10_000), 60),
};

const queueSection = {
  TRIAGE_QUEUE_URL: z.url(),
  /** Where queued chat messages wait for the chat worker's model reply (lib/chat.ts). */
  CHAT_QUEUE_URL: z.url(),
  /** Only for the local stand-ins (fauxqs); unset in AWS. */
  SQS_ENDPOINT: z.optional(z.url()),
};

const llmSection = {
  ...modelLimits,
  /** Set by the CDK where the stage's worker holds a model key; locally a key in the env is enough. */
  AI_MODEL_ENABLED: z._default(z.enum(['true', 'false']), 'false'),
  OPENAI_MODEL: z._default(text(), 'gpt-4o-mini'),
  OPENAI_API_KEY: z.optional(text()),
  OPENAI_API_KEY_SECRET_ID: z.optional(text()),
  OPENAI_BASE_URL: z.optional(z.url()),
  /** Per-attempt model timeout; the whole call (one retry) stays under the worker's timeout. */
  OPENAI_TIMEOUT_MS: z._default(integer(100, 10_000), 8000),
};

/**
 * Notifications (issue 11). Optional: a function reads the ones it needs through its factory in
 * shared/runtime/composition.ts, which names a missing one at cold start.
 */
const notificationsSection = {
  /** The notifications queue: routes that enqueue events, and the worker (quiet-hours delays). */
  NOTIFICATIONS_QUEUE_URL: z.optional(z.url()),
  /**
   * The worker's back-off after a transient send failure: the first retry after this many milliseconds, then twice as long
   * each receive, ± 20 % (shared/notifications/retry-backoff.ts). Short on the local stage, so a retry does not take minutes.
   */
  NOTIFICATIONS_RETRY_BASE_MS: z._default(integer(0, 900_000), 30_000),
  /** The app's https URL: links in messages are this plus a path of ids. */
  APP_BASE_URL: z.optional(z.url()),
  /** The SES sender address (a light shape check: `z.email()` would add ~0.4 KB to every function's bundle). */
  NOTIFICATIONS_FROM_EMAIL: z.optional(text().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'))),
  /** The SES configuration set whose event destination reports bounces and complaints. */
  SES_CONFIGURATION_SET: z.optional(text()),
  /**
   * EventBridge Scheduler (the notifications worker only: it keeps the reminders): the group reminders are created in,
   * their target queue, the role Scheduler assumes to send to it, and the DLQ of reminders it could not deliver.
   */
  REMINDER_SCHEDULE_GROUP: z.optional(text()),
  REMINDER_TARGET_QUEUE_ARN: z.optional(text()),
  REMINDER_SCHEDULER_ROLE_ARN: z.optional(text()),
  REMINDER_DEAD_LETTER_QUEUE_ARN: z.optional(text()),
  /**
   * `aws`: SES and SNS, and reminders on EventBridge Scheduler; `outbox` (the local stage only): JSON lines under
   * CAREBOW_DATA_DIR/outbox/, and reminders on the local timer wheel (CAREBOW_DATA_DIR/reminders.json).
   */
  NOTIFICATION_CHANNELS: z._default(z.enum(['aws', 'outbox']), 'aws'),
};

/** The content library (issue 12): routes that publish or archive enqueue a rebuild of the public library. */
const contentSection = {
  CONTENT_QUEUE_URL: z.optional(z.url()),
};

type KeyConfig = {
  KEY_PROVIDER: 'kms' | 'local';
  CAREBOW_DATA_DIR?: string | undefined;
  TOKEN_SIGNING_KEY_ID?: string | undefined;
  BLIND_INDEX_SECRET_ID?: string | undefined;
  DATA_KEY_ID?: string | undefined;
};
type Ctx = Parameters<Parameters<typeof z.superRefine>[0]>[1];

const problem = (ctx: Ctx, path: string, message: string): void => {
  ctx.addIssue({ code: 'custom', path: [path], message, input: undefined });
};

const requireKeyMaterial = (config: KeyConfig, ctx: Ctx): void => {
  const need = (name: keyof KeyConfig, when: string): void => {
    if (config[name] === undefined) problem(ctx, name, `is required when ${when}`);
  };
  if (config.KEY_PROVIDER === 'local') need('CAREBOW_DATA_DIR', 'KEY_PROVIDER=local');
  if (config.KEY_PROVIDER === 'kms') {
    need('TOKEN_SIGNING_KEY_ID', 'KEY_PROVIDER=kms');
    need('BLIND_INDEX_SECRET_ID', 'KEY_PROVIDER=kms');
    need('DATA_KEY_ID', 'KEY_PROVIDER=kms');
  }
};

/** What every route function and the worker read: tables, keys, tokens, password cost, queue, model. */
export const appConfigSchema = z
  .object({
    ...baseSection,
    ...dataSection,
    ...keysSection,
    ...tokensSection,
    ...passwordSection,
    ...queueSection,
    ...llmSection,
    ...notificationsSection,
    ...contentSection,
  })
  .check(
    z.superRefine((config, ctx) => {
      requireKeyMaterial(config, ctx);
      if (config.NOTIFICATION_CHANNELS === 'outbox' && config.CAREBOW_DATA_DIR === undefined)
        problem(ctx, 'CAREBOW_DATA_DIR', 'is required when NOTIFICATION_CHANNELS=outbox');
      if (config.CAREBOW_STAGE === 'local') return;
      const deployed = (name: string, what: string): void => problem(ctx, name, `must be ${what} outside the local stage`);
      if (config.PASSWORD_SCRYPT_LOG_N < 17) deployed('PASSWORD_SCRYPT_LOG_N', 'at least 17');
      if (config.AUDIT_LANES !== 16) deployed('AUDIT_LANES', '16');
      if (config.KEY_PROVIDER !== 'kms') deployed('KEY_PROVIDER', 'kms');
      if (config.NOTIFICATION_CHANNELS !== 'aws') deployed('NOTIFICATION_CHANNELS', 'aws');
      for (const name of ['AUTH_ISSUER', 'APP_BASE_URL', 'OPENAI_BASE_URL'] as const) {
        if (config[name]?.startsWith('https://') === false) deployed(name, 'https');
      }
      if (config.OPENAI_API_KEY !== undefined) problem(ctx, 'OPENAI_API_KEY', 'is for the local stage; deployed stages use OPENAI_API_KEY_SECRET_ID');
    }),
  );
export type AppConfig = z.infer<typeof appConfigSchema>;

/*
 * The schemas below are built in a function's bundle only if it reads them: `@__PURE__` lets the
 * bundler drop one that is unused (a zod call is otherwise kept, as it might have side effects).
 */

/** What the detailed health check reads: every dependency it probes. */
export const healthConfigSchema = /* @__PURE__ */ z
  .object({ ...baseSection, ...dataSection, ...keysSection, ...queueSection, ...llmSection })
  .check(/* @__PURE__ */ z.superRefine(requireKeyMaterial));
export type HealthConfig = z.infer<typeof healthConfigSchema>;

/** Routes that only need the stage, version and CORS settings. */
export const baseConfigSchema = /* @__PURE__ */ z.object(baseSection);
/** The per-user AI quota alone: what the bench reads its defaults from (bench/abuse.ts). */
export const modelLimitsSchema = /* @__PURE__ */ z.object(modelLimits);
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** What the token-publishing routes (JWKS, discovery) read. */
export const publishingConfigSchema = /* @__PURE__ */ z
  .object({ ...baseSection, ...keysSection, ...tokensSection, KEYS_TABLE: dataSection.KEYS_TABLE, DYNAMODB_ENDPOINT: dataSection.DYNAMODB_ENDPOINT })
  .check(/* @__PURE__ */ z.superRefine(requireKeyMaterial));
export type PublishingConfig = z.infer<typeof publishingConfigSchema>;

type Env = Record<string, string | undefined>;

/**
 * Parses `env` with `schema`, or throws a {@link ConfigError} naming every bad variable.
 *
 * @example
 * const config = readConfig(appConfigSchema); // at module load, once per cold start
 */
export const readConfig = <S extends z.ZodMiniType>(schema: S, env: Env = process.env): z.infer<S> => {
  const result = z.safeParse(schema, env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(config)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
};
