import {
  csv,
  envSchema,
  integer,
  matching,
  oneOf,
  optional,
  text,
  url,
  withDefault,
  type ConfigOf,
  type EnvShape,
  type EnvValues,
  type Problem,
  type Rule,
} from './env-schema';

/**
 * CareBow's configuration: schemas of the sections a function may need (tables, keys, tokens, …),
 * each read once per cold start by what needs it (`env-schema.ts`, ADR 0023). A missing or invalid
 * value throws a `ConfigError` naming the variable.
 * The authorizer reads its own tiny section in `functions/authorizer-config.ts`.
 */

export const STAGES = ['local', 'dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/*
 * Each section's shape is built by a function, when a function reads it: a function's bundle holds,
 * and its cold start builds and parses, only the sections it reads (docs/architecture.md, "Cold
 * start"). Each section carries its own rules for the deployed stages, so whatever reads a setting
 * also checks it.
 */

let base: ReturnType<typeof makeBaseShape> | undefined;
const makeBaseShape = () => ({
  CAREBOW_STAGE: oneOf(STAGES),
  CAREBOW_VERSION: withDefault(text(), '0.1.0'),
  CORS_ALLOWED_ORIGINS: withDefault(csv(), []),
});
/** Part of every section, so built once. */
const baseShape = () => (base ??= makeBaseShape());

const dataShape = () => ({
  IDENTITY_TABLE: text({ min: 3 }),
  SESSIONS_TABLE: text({ min: 3 }),
  AUDIT_TABLE: text({ min: 3 }),
  KEYS_TABLE: text({ min: 3 }),
  RECORDS_TABLE: text({ min: 3 }),
  CONTENT_TABLE: text({ min: 3 }),
  /** Only for the local stand-ins (dynalite); unset in AWS. */
  DYNAMODB_ENDPOINT: optional(url()),
  /** The lanes of a subject's audit trail appends use (ADR 0019): 16 (AUDIT_LANES) deployed; the local bench sets 1. */
  AUDIT_LANES: withDefault(integer(1, 16), 16),
});

const keysShape = () => ({
  /** `kms` in AWS; `local` uses the keyring in CAREBOW_DATA_DIR. */
  KEY_PROVIDER: oneOf(['kms', 'local']),
  CAREBOW_DATA_DIR: optional(text()),
  TOKEN_SIGNING_KEY_ID: optional(text()),
  BLIND_INDEX_SECRET_ID: optional(text()),
  /** Symmetric KMS key that wraps per-user data keys. */
  DATA_KEY_ID: optional(text()),
});

const tokensShape = () => ({
  AUTH_ISSUER: url(),
  AUTH_CLIENT_ID: text({ max: 128 }),
  /** Access tokens live at most 15 minutes (docs/security.md #8). */
  ACCESS_TOKEN_TTL_SECONDS: withDefault(integer(60, 900), 900),
  REFRESH_TOKEN_TTL_SECONDS: withDefault(integer(3600, 90 * 86400), 30 * 86400),
});

const passwordShape = () => ({
  /** scrypt cost as log2(N). OWASP: N=2^17, r=8, p=1. Lower only for the local stage's tests. */
  PASSWORD_SCRYPT_LOG_N: withDefault(integer(10, 20), 17),
});

const modelLimitsShape = () => ({
  /** Per-user AI quota: a token bucket of this many requests, refilled at this rate per hour. */
  AI_QUOTA_BURST: withDefault(integer(1, 1000), 20),
  AI_QUOTA_PER_HOUR: withDefault(integer(1, 10_000), 60),
});

const queueShape = () => ({
  TRIAGE_QUEUE_URL: url(),
  /** Where queued chat messages wait for the chat worker's model reply (lib/chat.ts). */
  CHAT_QUEUE_URL: url(),
  /** The notifications queue: routes that enqueue events, and the worker (quiet-hours delays). Named at cold start where a function needs it. */
  NOTIFICATIONS_QUEUE_URL: optional(url()),
  /** The content library (issue 12): routes that publish or archive enqueue a rebuild of the public library. */
  CONTENT_QUEUE_URL: optional(url()),
  /** Only for the local stand-ins (fauxqs); unset in AWS. */
  SQS_ENDPOINT: optional(url()),
});

const llmShape = () => ({
  ...modelLimitsShape(),
  /** Set by the CDK where the stage's worker holds a model key; locally a key in the env is enough. */
  AI_MODEL_ENABLED: withDefault(oneOf(['true', 'false']), 'false'),
  OPENAI_MODEL: withDefault(text(), 'gpt-4o-mini'),
  OPENAI_API_KEY: optional(text()),
  OPENAI_API_KEY_SECRET_ID: optional(text()),
  OPENAI_BASE_URL: optional(url()),
  /** Per-attempt model timeout; the whole call (one retry) stays under the worker's timeout. */
  OPENAI_TIMEOUT_MS: withDefault(integer(100, 10_000), 8000),
});

/**
 * Notifications (issue 11): the worker's settings (its queue's URL is in the queue section). Optional:
 * a function reads the ones it needs through its factory in shared/runtime/composition.ts, which
 * names a missing one at cold start.
 */
const notificationsShape = () => ({
  /**
   * The worker's back-off after a transient send failure: the first retry after this many milliseconds, then twice as long
   * each receive, ± 20 % (shared/notifications/retry-backoff.ts). Short on the local stage, so a retry does not take minutes.
   */
  NOTIFICATIONS_RETRY_BASE_MS: withDefault(integer(0, 900_000), 30_000),
  /** The app's https URL: links in messages are this plus a path of ids. */
  APP_BASE_URL: optional(url()),
  /** The SES sender address (a light shape check). */
  NOTIFICATIONS_FROM_EMAIL: optional(matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address')),
  /** The SES configuration set whose event destination reports bounces and complaints. */
  SES_CONFIGURATION_SET: optional(text()),
  /**
   * EventBridge Scheduler (the notifications worker only: it keeps the reminders): the group reminders are created in,
   * their target queue, the role Scheduler assumes to send to it, and the DLQ of reminders it could not deliver.
   */
  REMINDER_SCHEDULE_GROUP: optional(text()),
  REMINDER_TARGET_QUEUE_ARN: optional(text()),
  REMINDER_SCHEDULER_ROLE_ARN: optional(text()),
  REMINDER_DEAD_LETTER_QUEUE_ARN: optional(text()),
  /**
   * `aws`: SES and SNS, and reminders on EventBridge Scheduler; `outbox` (the local stage only): JSON lines under
   * CAREBOW_DATA_DIR/outbox/, and reminders on the local timer wheel (CAREBOW_DATA_DIR/reminders.json).
   */
  NOTIFICATION_CHANNELS: withDefault(oneOf(['aws', 'outbox']), 'aws'),
  /** The outbox's folder (also in the keys section). */
  CAREBOW_DATA_DIR: optional(text()),
});

const dataRule: Rule<{ AUDIT_LANES: number }> = (config, problem, deployed) => {
  if (deployed && config.AUDIT_LANES !== 16) problem('AUDIT_LANES', 'must be 16 outside the local stage');
};

type KeyConfig = {
  KEY_PROVIDER: 'kms' | 'local';
  CAREBOW_DATA_DIR?: string | undefined;
  TOKEN_SIGNING_KEY_ID?: string | undefined;
  BLIND_INDEX_SECRET_ID?: string | undefined;
  DATA_KEY_ID?: string | undefined;
};

const keysRule: Rule<KeyConfig> = (config, problem, deployed) => {
  const need = (name: keyof KeyConfig, when: string): void => {
    if (config[name] === undefined) problem(name, `is required when ${when}`);
  };
  if (config.KEY_PROVIDER === 'local') need('CAREBOW_DATA_DIR', 'KEY_PROVIDER=local');
  if (config.KEY_PROVIDER === 'kms') {
    need('TOKEN_SIGNING_KEY_ID', 'KEY_PROVIDER=kms');
    need('BLIND_INDEX_SECRET_ID', 'KEY_PROVIDER=kms');
    need('DATA_KEY_ID', 'KEY_PROVIDER=kms');
  }
  if (deployed && config.KEY_PROVIDER !== 'kms') problem('KEY_PROVIDER', 'must be kms outside the local stage');
};

const httpsOnly = (name: string, value: string | undefined, problem: Problem, deployed: boolean): void => {
  if (deployed && value?.startsWith('https://') === false) problem(name, 'must be https outside the local stage');
};

const tokensRule: Rule<{ AUTH_ISSUER: string }> = (config, problem, deployed) => httpsOnly('AUTH_ISSUER', config.AUTH_ISSUER, problem, deployed);

const passwordRule: Rule<{ PASSWORD_SCRYPT_LOG_N: number }> = (config, problem, deployed) => {
  if (deployed && config.PASSWORD_SCRYPT_LOG_N < 17) problem('PASSWORD_SCRYPT_LOG_N', 'must be at least 17 outside the local stage');
};

const llmRule: Rule<{ OPENAI_BASE_URL?: string | undefined; OPENAI_API_KEY?: string | undefined }> = (config, problem, deployed) => {
  httpsOnly('OPENAI_BASE_URL', config.OPENAI_BASE_URL, problem, deployed);
  if (deployed && config.OPENAI_API_KEY !== undefined) problem('OPENAI_API_KEY', 'is for the local stage; deployed stages use OPENAI_API_KEY_SECRET_ID');
};

const notificationsRule: Rule<{ NOTIFICATION_CHANNELS: 'aws' | 'outbox'; CAREBOW_DATA_DIR?: string | undefined; APP_BASE_URL?: string | undefined }> = (
  config,
  problem,
  deployed,
) => {
  if (config.NOTIFICATION_CHANNELS === 'outbox' && config.CAREBOW_DATA_DIR === undefined)
    problem('CAREBOW_DATA_DIR', 'is required when NOTIFICATION_CHANNELS=outbox');
  if (deployed && config.NOTIFICATION_CHANNELS !== 'aws') problem('NOTIFICATION_CHANNELS', 'must be aws outside the local stage');
  httpsOnly('APP_BASE_URL', config.APP_BASE_URL, problem, deployed);
};

type BaseShape = ReturnType<typeof makeBaseShape>;

/** The base section plus `shape`, checked by `rules`. */
const sectionSchema = <S extends EnvShape>(shape: S, ...rules: Rule<EnvValues<BaseShape & S>>[]) =>
  envSchema<BaseShape & S>({ ...baseShape(), ...shape }, ...rules);

/** Routes that only need the stage, version and CORS settings. */
export const baseConfigSchema = () => envSchema(baseShape());
/** The tables (every function that reads or writes DynamoDB). */
export const dataConfigSchema = () => sectionSchema(dataShape(), dataRule);
/** The key provider and its keys (the vault, the token signer, the blind index). */
export const keysConfigSchema = () => sectionSchema(keysShape(), keysRule);
/** The token settings (issuing and rotating tokens). */
export const tokensConfigSchema = () => sectionSchema(tokensShape(), tokensRule);
/** The password hash's cost. */
export const passwordConfigSchema = () => sectionSchema(passwordShape(), passwordRule);
/** The queues' URLs, and the local SQS endpoint (every function that sends to a queue). */
export const queueConfigSchema = () => sectionSchema(queueShape());
/** The model and the per-user AI quota. */
export const llmConfigSchema = () => sectionSchema(llmShape(), llmRule);
/** The notifications settings. */
export const notificationsConfigSchema = () => sectionSchema(notificationsShape(), notificationsRule);
/** The per-user AI quota alone: what the bench reads its defaults from (bench/abuse.ts). */
export const modelLimitsSchema = () => envSchema(modelLimitsShape());

/** Every section at once, with every rule: the tests of the rules read it. */
export const appConfigSchema = () =>
  sectionSchema(
    { ...dataShape(), ...keysShape(), ...tokensShape(), ...passwordShape(), ...queueShape(), ...llmShape(), ...notificationsShape() },
    dataRule,
    keysRule,
    tokensRule,
    passwordRule,
    llmRule,
    notificationsRule,
  );

/** What the detailed health check reads: every dependency it probes. */
export const healthConfigSchema = () => sectionSchema({ ...dataShape(), ...keysShape(), ...queueShape(), ...llmShape() }, keysRule);
export type HealthConfig = ConfigOf<ReturnType<typeof healthConfigSchema>>;

/** What the token-publishing routes (JWKS, discovery) read. */
export const publishingConfigSchema = () => {
  const { KEYS_TABLE, DYNAMODB_ENDPOINT } = dataShape();
  return sectionSchema({ ...keysShape(), ...tokensShape(), KEYS_TABLE, DYNAMODB_ENDPOINT }, keysRule, tokensRule);
};
