import { RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

/**
 * Deployment stages: one typed, validated record per stage. Everything that differs between
 * `dev`, `staging` and `prod` lives here and nowhere else; the constructs receive plain values.
 *
 * The config is parsed with zod at synth time, so a bad value (an http issuer, an empty CORS
 * list, a throttle burst below its rate) fails `cdk synth` with a message naming the field.
 */

export const STAGE_NAMES = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

const httpsUrl = z.url({ protocol: /^https$/ });
/** A browser origin: scheme + host (+ port), no path. `http` only for localhost. */
const origin = z
  .string()
  .regex(/^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/localhost(:\d+)?)$/, 'must be an origin: https://host[:port] (or http://localhost[:port])');

const throttleSchema = z
  .object({
    /** Steady-state requests per second for the whole stage. */
    rateLimit: z.number().int().positive(),
    /** Bucket size for bursts; at least the rate. */
    burstLimit: z.number().int().positive(),
  })
  .strict()
  .refine((t) => t.burstLimit >= t.rateLimit, { message: 'burstLimit must be at least rateLimit', path: ['burstLimit'] });

/**
 * Notifications (docs/adr/0010-notifications.md): the sender and the SES identity it belongs to,
 * the app's URL for the links in messages, and the worker's concurrency.
 */
const notificationsSchema = z
  .object({
    /** The sender of every notification e-mail (`NOTIFICATIONS_FROM_EMAIL`); the worker may send from it only. */
    fromEmail: z.email(),
    /** The verified SES identity of the sender: the address itself or its domain (verified by DevOps outside CDK). */
    emailIdentity: z.string().regex(/^[a-z0-9@._-]+$/, 'must be an e-mail address or a domain, lower case'),
    /** The app's https URL, without a trailing slash (`APP_BASE_URL`): messages link to it, with ids only. */
    appBaseUrl: httpsUrl.regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/, 'must be https://host[:port][/path] without a trailing slash'),
    /**
     * Verified recipient addresses the worker may send to while the account is in the SES sandbox
     * (SES then authorizes each recipient's identity too). Empty once the account has production access.
     */
    sandboxRecipients: z.array(z.email()).max(20).optional(),
    /** Reserved concurrency of the worker. */
    reservedConcurrency: z.number().int().min(2),
    /** Concurrent invocations the queue's event source mapping may drive (SQS's minimum is 2); within the reservation. */
    maxConcurrency: z.number().int().min(2).max(10),
  })
  .strict()
  .refine((n) => n.maxConcurrency <= n.reservedConcurrency, { message: 'maxConcurrency must not exceed reservedConcurrency', path: ['maxConcurrency'] })
  .refine((n) => n.emailIdentity === n.fromEmail.toLowerCase() || n.emailIdentity === n.fromEmail.toLowerCase().split('@')[1], {
    message: 'must be fromEmail or its domain',
    path: ['emailIdentity'],
  });

/**
 * A queue worker's concurrency: its reservation, and how many concurrent invocations its event source
 * mapping may drive (SQS's minimum is 2), within the reservation, or throttled batches would count
 * receives towards the DLQ.
 */
const queueWorkerSchema = () =>
  z
    .object({
      reservedConcurrency: z.number().int().min(2),
      maxConcurrency: z.number().int().min(2).max(10),
    })
    .strict()
    .refine((w) => w.maxConcurrency <= w.reservedConcurrency, {
      message: 'maxConcurrency must not exceed reservedConcurrency',
      path: ['maxConcurrency'],
    });

/**
 * How a deploy shifts each function's `live` alias to its new version (CodeDeploy, lib/deployments.ts,
 * docs/adr/0016-canary-deployments.md), and the p99 durations that roll it back.
 */
export const DEPLOYMENT_STRATEGIES = [
  'allAtOnce',
  'linear10PercentEvery1Minute',
  'linear10PercentEvery3Minutes',
  'canary10Percent5Minutes',
  'canary10Percent15Minutes',
] as const;
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

const deploymentSchema = z
  .object({
    /** The CodeDeploy configuration every function's deployment group uses. */
    strategy: z.enum(DEPLOYMENT_STRATEGIES),
    /**
     * p99 Duration (ms) of a route's (and the authorizer's) alias, per minute, that rolls a deployment back: below the
     * routes' 10 s timeout, or a timeout would never reach it.
     */
    routeP99LatencyMs: z.number().int().min(100).max(9_000),
    /** The same for a streamed route, which runs as long as the model writes (its 30 s timeout). */
    streamedRouteP99LatencyMs: z.number().int().min(1_000).max(29_000),
  })
  .strict();

/** The deployment a stage gets unless it sets one: everything at once, rolled back on the same alarms. */
export const DEPLOYMENT_DEFAULT: z.infer<typeof deploymentSchema> = {
  strategy: 'allAtOnce',
  routeP99LatencyMs: 3_000,
  streamedRouteP99LatencyMs: 25_000,
};

const stageConfigSchema = z
  .object({
    stage: z.enum(STAGE_NAMES),
    /** Target account; unset keeps the stack account-agnostic (the CLI's credentials decide). */
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    /** Explicit region: `TableV2` with a customer-managed key cannot synthesize without one. */
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/),
    /** What happens to data (tables, keys, secrets, log groups) when the stack is deleted. */
    removal: z.enum(['retain', 'destroy']),
    /** DynamoDB deletion protection on every table. */
    deletionProtection: z.boolean(),
    /** Retention of every log group (Lambda, API access/execution, WAF). */
    logRetention: z.enum(logs.RetentionDays),
    /** WAF per-IP rate limits, requests per 5-minute window (WAF's minimum is 10). */
    waf: z
      .object({
        requestsPerIp: z.number().int().min(10),
        authRequestsPerIp: z.number().int().min(10),
      })
      .strict()
      .refine((w) => w.authRequestsPerIp <= w.requestsPerIp, { message: 'the auth limit must not exceed the general limit', path: ['authRequestsPerIp'] }),
    /** API Gateway stage-level throttling; routes may set tighter method throttling. */
    throttle: throttleSchema,
    /** Alarm notifications go here (an SNS e-mail subscription) when set. */
    alarmEmail: z.email().optional(),
    /** Browser origins allowed by CORS. */
    corsAllowedOrigins: z.array(origin).min(1),
    /** Token issuer URL when the API has a custom domain; default: the execute-api stage URL. */
    issuer: httpsUrl.optional(),
    /** An extra issuer the authorizer accepts, e.g. a Cognito user pool. */
    extraIssuer: z
      .object({ issuer: httpsUrl, audience: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * Reserved concurrency of every route function and the authorizer: caps what one function can
     * consume (and what an attacker can make it cost). Sum over all functions must leave the
     * account's unreserved minimum (100) free: (routes + authorizer) × this value, plus the triage,
     * chat, notifications and content workers' own (test/infra/stages.test.ts keeps the sum in check).
     */
    reservedConcurrency: z.number().int().min(1),
    /**
     * API Gateway's stage cache (0.5 GB, encrypted) for the public library's GET routes, the only
     * routes with `cache` in the route table; everything else is never cached. Off in dev (it is
     * billed by the hour).
     */
    edgeCache: z.boolean(),
    /** scrypt cost as log2(N); OWASP: 17. Functions refuse less outside `local`. */
    scryptLogN: z.literal(17),
    /**
     * The triage model. When `enabled`, the stack creates the secret that holds its API key and
     * hands the worker its id (`OPENAI_API_KEY_SECRET_ID`); otherwise there is no secret and the
     * rules engine answers alone. `model` is `OPENAI_MODEL` of every function; `baseUrl`
     * (`OPENAI_BASE_URL`, https only) points the worker at an OpenAI-compatible endpoint.
     */
    aiModel: z
      .object({
        enabled: z.boolean(),
        model: z.string().min(1),
        baseUrl: httpsUrl.optional(),
      })
      .strict(),
    /**
     * The triage worker: its reserved concurrency, and how many concurrent invocations the queue's
     * event source mapping may drive (SQS's minimum is 2). The mapping must stay within the
     * reservation, or throttled batches would count receives towards the DLQ.
     */
    triageWorker: queueWorkerSchema(),
    /**
     * The chat worker (lib/chat.ts): its reserved concurrency, and how many concurrent invocations the
     * chat queue's event source mapping may drive (SQS's minimum is 2), within the reservation.
     */
    chatWorker: queueWorkerSchema(),
    /** Notifications: e-mail sender and identity, the app URL in links, the worker's concurrency. */
    notifications: notificationsSchema,
    /**
     * How a deploy shifts traffic to the new version of every function, and what rolls it back.
     * @default DEPLOYMENT_DEFAULT (all at once)
     */
    deployment: deploymentSchema.default(DEPLOYMENT_DEFAULT),
    /**
     * Days each audit digest is locked (S3 Object Lock, compliance mode: no one can delete it or shorten this), ADR 0014.
     * Prod keeps 7 years: HIPAA's six (45 CFR 164.316(b)(2)(i)) and a margin.
     */
    auditDigestRetentionDays: z.number().int().min(1).max(3650),
  })
  .strict()
  // Prod never takes a new version all at once: a bad deploy must meet the rollback alarms on a slice of traffic first.
  .refine((config) => config.stage !== 'prod' || config.deployment.strategy !== 'allAtOnce', {
    message: 'prod must shift traffic gradually (a canary or linear strategy)',
    path: ['deployment', 'strategy'],
  });

/** One stage's configuration, as validated. */
export type StageConfig = z.infer<typeof stageConfigSchema>;

const REGION = 'us-east-1';

/**
 * Where the deploy workflow lives (.github/workflows/deploy.yml) and where its roles are
 * (`CareBow-Pipeline`, lib/pipeline.ts): the roles trust this repository's GitHub environments only.
 */
export const PIPELINE = { repository: 'carebow/carebow-backend', region: REGION } as const;

const RAW_STAGES: Record<StageName, z.input<typeof stageConfigSchema>> = {
  dev: {
    stage: 'dev',
    region: REGION,
    removal: 'destroy',
    deletionProtection: false,
    logRetention: logs.RetentionDays.ONE_MONTH,
    waf: { requestsPerIp: 1000, authRequestsPerIp: 100 },
    throttle: { rateLimit: 25, burstLimit: 50 },
    corsAllowedOrigins: ['http://localhost:3000', 'http://localhost:5173'],
    reservedConcurrency: 5,
    edgeCache: false,
    scryptLogN: 17,
    // No model in dev: the rules engine answers, and no API key has to be provisioned.
    aiModel: { enabled: false, model: 'gpt-4o-mini' },
    triageWorker: { reservedConcurrency: 2, maxConcurrency: 2 },
    chatWorker: { reservedConcurrency: 2, maxConcurrency: 2 },
    notifications: {
      fromEmail: 'no-reply@dev.carebow.example',
      emailIdentity: 'dev.carebow.example',
      appBaseUrl: 'https://dev.app.carebow.example',
      reservedConcurrency: 2,
      maxConcurrency: 2,
    },
    deployment: { ...DEPLOYMENT_DEFAULT, strategy: 'allAtOnce' },
    // A day: dev digests are locked as in prod, but do not pile up.
    auditDigestRetentionDays: 1,
  },
  staging: {
    stage: 'staging',
    region: REGION,
    removal: 'retain',
    deletionProtection: true,
    logRetention: logs.RetentionDays.THREE_MONTHS,
    waf: { requestsPerIp: 1000, authRequestsPerIp: 100 },
    throttle: { rateLimit: 50, burstLimit: 100 },
    corsAllowedOrigins: ['https://staging.app.carebow.example'],
    reservedConcurrency: 10,
    edgeCache: true,
    scryptLogN: 17,
    aiModel: { enabled: true, model: 'gpt-4o-mini' },
    triageWorker: { reservedConcurrency: 5, maxConcurrency: 3 },
    chatWorker: { reservedConcurrency: 3, maxConcurrency: 2 },
    notifications: {
      fromEmail: 'no-reply@staging.carebow.example',
      emailIdentity: 'staging.carebow.example',
      appBaseUrl: 'https://staging.app.carebow.example',
      reservedConcurrency: 3,
      maxConcurrency: 2,
    },
    // 10 % more every minute: ten minutes per deploy, each step watched by the rollback alarms.
    deployment: { ...DEPLOYMENT_DEFAULT, strategy: 'linear10PercentEvery1Minute' },
    auditDigestRetentionDays: 30,
  },
  prod: {
    stage: 'prod',
    region: REGION,
    removal: 'retain',
    deletionProtection: true,
    // HIPAA keeps security documentation six years (45 CFR 164.316(b)(2)(i)); access logs are part of it.
    logRetention: logs.RetentionDays.SIX_YEARS,
    waf: { requestsPerIp: 2000, authRequestsPerIp: 100 },
    throttle: { rateLimit: 200, burstLimit: 400 },
    corsAllowedOrigins: ['https://app.carebow.example'],
    // Per function, 10 concurrent × ~50 ms ≈ 200 req/s, the stage throttle. With 81 API
    // functions (the routes and the authorizer) that is 810 of the default 1000, plus the triage
    // worker's 10, the chat worker's 5, the notifications worker's 5 and the content worker's 2:
    // 168 stay unreserved (test/infra/stages.test.ts keeps at least 100 as routes are added). It was 13 until the
    // content library's routes, 15 until the notifications routes, 11 until the MFA routes. More routes need a
    // concurrency quota increase for the account, or a lower value here.
    reservedConcurrency: 10,
    edgeCache: true,
    scryptLogN: 17,
    aiModel: { enabled: true, model: 'gpt-4o-mini' },
    triageWorker: { reservedConcurrency: 10, maxConcurrency: 5 },
    chatWorker: { reservedConcurrency: 5, maxConcurrency: 3 },
    notifications: {
      fromEmail: 'no-reply@carebow.example',
      emailIdentity: 'carebow.example',
      appBaseUrl: 'https://app.carebow.example',
      reservedConcurrency: 5,
      maxConcurrency: 5,
    },
    // 10 % of traffic for 5 minutes, then all, unless a function's rollback alarm fires first.
    deployment: { ...DEPLOYMENT_DEFAULT, strategy: 'canary10Percent5Minutes' },
    // 7 years (2557 days): HIPAA's six years of documentation and a margin.
    auditDigestRetentionDays: 2557,
  },
};

/**
 * Parses one stage's config, or throws naming every bad field.
 *
 * @example
 * const config = parseStageConfig({ ...STAGES.dev, corsAllowedOrigins: ['https://x.example'] });
 */
export const parseStageConfig = (raw: z.input<typeof stageConfigSchema>): StageConfig => {
  const result = stageConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`);
  throw new Error(`Invalid stage config for '${String(raw.stage)}'. ${problems.join('; ')}`);
};

/** Every stage, validated at module load. */
export const STAGE_CONFIGS: Readonly<Record<StageName, StageConfig>> = Object.freeze({
  dev: parseStageConfig(RAW_STAGES.dev),
  staging: parseStageConfig(RAW_STAGES.staging),
  prod: parseStageConfig(RAW_STAGES.prod),
});

/** The CDK removal policy a stage's `removal` stands for. */
export const removalPolicyOf = (config: StageConfig): RemovalPolicy => (config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
