import { readFileSync } from 'node:fs';
import { CfnOutput, Duration, NestedStack, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Data } from './data';
import { Edge } from './edge';
import { functionLogGroup, LogQueries } from './log-queries';
import { NOTIFICATIONS_WORKER_ENTRY } from './function-entries';
import { Notifications, type NotificationsWorker } from './notifications';
import { Observability } from './observability';
import { removalPolicyOf, type StageConfig } from './stages';
import { Triage, type TriageWorker } from './triage';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Content } from './content';
import { Chat, type ChatWorker } from './chat';
import { AuditAnchor } from './audit-anchor';

export interface CareBowStackProps extends StackProps {
  /** The stage this stack deploys. */
  readonly config: StageConfig;
  /**
   * Release version handed to the functions.
   * @default - `version` from package.json
   */
  readonly version?: string;
  /**
   * The notifications worker's handler module under `functions/`, without extension.
   * @default NOTIFICATIONS_WORKER_ENTRY (`notifications/worker`)
   */
  readonly notificationsWorkerEntry?: string;
}

/** The names of the stack outputs; `npm run admin` reads them with DescribeStacks. */
export const OUTPUT_NAMES = [
  'ApiUrl',
  'IdentityTableName',
  'SessionsTableName',
  'AuditTableName',
  'KeysTableName',
  'RecordsTableName',
  'BlindIndexSecretArn',
  'TokenSigningKeyArn',
  'DataKeyWrappingKeyArn',
  'TriageWorkerName',
  'ChatWorkerName',
  'NotificationsWorkerName',
] as const;

/**
 * One CareBow stage: data, triage queues and worker, chat queues and worker, notifications (queues,
 * worker, SES, reminders), content, API, edge protection and observability.
 * Monitoring (the alarm topic, every alarm, the dashboard) is the nested stack `Monitoring`, so
 * it does not count against this stack's 500 resources; every stateful resource stays here
 * (docs/adr/0007-stack-split.md).
 */
export class CareBowStack extends Stack {
  public readonly data: Data;
  public readonly triage: Triage;
  public readonly triageWorker: TriageWorker;
  /** The assistant chat's queue and its DLQ. */
  public readonly chat: Chat;
  /** The chat worker: answers queued chat messages with the model, the library and the tools. */
  public readonly chatWorker: ChatWorker;
  public readonly notifications: Notifications;
  public readonly notificationsWorker: NotificationsWorker;
  /** The content library's publication queue and its DLQ. */
  public readonly content: Content;
  /** The content worker: renders published posts, rebuilds the search index. */
  public readonly contentWorker: lambda.IFunction;
  public readonly api: Api;
  /** Audit anchoring: signed digests of the audit chain heads in an Object Lock bucket (ADR 0014). */
  public readonly auditAnchor: AuditAnchor;
  public readonly edge: Edge;
  /** The nested stack that holds {@link observability}. */
  public readonly monitoring: NestedStack;
  public readonly observability: Observability;
  /** Saved CloudWatch Logs Insights queries for compliance officers and operators. */
  public readonly logQueries: LogQueries;

  public constructor(scope: Construct, id: string, props: CareBowStackProps) {
    const { config } = props;
    super(scope, id, {
      ...props,
      env: { region: config.region, ...(config.account !== undefined ? { account: config.account } : {}) },
      description: `CareBow ${config.stage}: serverless backend of the CareBow care app (PHI)`,
      terminationProtection: props.terminationProtection ?? config.removal === 'retain',
    });
    Tags.of(this).add('Project', 'CareBow');
    Tags.of(this).add('Stage', config.stage);
    Tags.of(this).add('DataClassification', 'PHI');

    const removalPolicy = removalPolicyOf(config);

    this.data = new Data(this, 'Data', {
      stage: config.stage,
      removalPolicy,
      deletionProtection: config.deletionProtection,
    });

    this.triage = new Triage(this, 'Triage', { encryptionKey: this.data.encryptionKey });

    this.chat = new Chat(this, 'Chat', { encryptionKey: this.data.encryptionKey });

    this.notifications = new Notifications(this, 'Notifications', {
      stage: config.stage,
      encryptionKey: this.data.encryptionKey,
      fromEmail: config.notifications.fromEmail,
      emailIdentity: config.notifications.emailIdentity,
      ...(config.notifications.sandboxRecipients !== undefined ? { sandboxRecipients: config.notifications.sandboxRecipients } : {}),
      removalPolicy,
    });

    this.content = new Content(this, 'Content', { encryptionKey: this.data.encryptionKey, removalPolicy });

    // Before the API: the streamed chat route reads it too (the triage and chat workers, added later, get the same one).
    const modelApiKeySecret = config.aiModel.enabled
      ? this.triage.modelApiKeySecret({ stage: config.stage, encryptionKey: this.data.encryptionKey, removalPolicy })
      : undefined;

    this.api = new Api(this, 'Api', {
      stage: config.stage,
      version: props.version ?? packageVersion(),
      encryptionKey: this.data.encryptionKey,
      tables: this.data.tables,
      tokenSigningKey: this.data.tokenSigningKey,
      dataKeyWrappingKey: this.data.dataKeyWrappingKey,
      blindIndexSecret: this.data.blindIndexSecret,
      triageQueue: this.triage.queue,
      chatQueue: this.chat.queue,
      notificationsQueue: this.notifications.queue,
      contentQueue: this.content.queue,
      appBaseUrl: config.notifications.appBaseUrl,
      corsAllowedOrigins: config.corsAllowedOrigins,
      throttlingRateLimit: config.throttle.rateLimit,
      throttlingBurstLimit: config.throttle.burstLimit,
      logRetention: config.logRetention,
      logRemovalPolicy: removalPolicy,
      reservedConcurrency: config.reservedConcurrency,
      edgeCache: config.edgeCache,
      ...(config.issuer !== undefined ? { issuer: config.issuer } : {}),
      ...(config.extraIssuer !== undefined ? { extraIssuers: [config.extraIssuer] } : {}),
      scryptLogN: config.scryptLogN,
      openAiModel: config.aiModel.model,
      aiModelEnabled: config.aiModel.enabled,
      ...(modelApiKeySecret !== undefined ? { modelApiKeySecret } : {}),
      ...(config.aiModel.baseUrl !== undefined ? { modelBaseUrl: config.aiModel.baseUrl } : {}),
      deployment: {
        strategy: config.deployment.strategy,
        routeP99Latency: Duration.millis(config.deployment.routeP99LatencyMs),
        streamedRouteP99Latency: Duration.millis(config.deployment.streamedRouteP99LatencyMs),
      },
    });

    this.triageWorker = this.triage.addWorker({
      settings: this.api.functionSettings,
      environment: this.api.environment,
      tables: this.data.tables,
      dataKeyWrappingKey: this.data.dataKeyWrappingKey,
      notificationsQueue: this.notifications.queue,
      model: { enabled: config.aiModel.enabled, ...(config.aiModel.baseUrl !== undefined ? { baseUrl: config.aiModel.baseUrl } : {}) },
      reservedConcurrency: config.triageWorker.reservedConcurrency,
      maxConcurrency: config.triageWorker.maxConcurrency,
      secretRemovalPolicy: removalPolicy,
    });

    this.chatWorker = this.chat.addWorker({
      settings: this.api.functionSettings,
      environment: this.api.environment,
      tables: this.data.tables,
      dataKeyWrappingKey: this.data.dataKeyWrappingKey,
      ...(modelApiKeySecret !== undefined ? { modelApiKeySecret } : {}),
      reservedConcurrency: config.chatWorker.reservedConcurrency,
      maxConcurrency: config.chatWorker.maxConcurrency,
    });

    this.notificationsWorker = this.notifications.addWorker({
      settings: this.api.functionSettings,
      environment: this.api.environment,
      tables: this.data.tables,
      dataKeyWrappingKey: this.data.dataKeyWrappingKey,
      reservedConcurrency: config.notifications.reservedConcurrency,
      maxConcurrency: config.notifications.maxConcurrency,
      entry: props.notificationsWorkerEntry ?? NOTIFICATIONS_WORKER_ENTRY,
    });

    this.contentWorker = this.content.addWorker({
      settings: this.api.functionSettings,
      environment: this.api.environment,
      tables: this.data.tables,
    });

    this.auditAnchor = new AuditAnchor(this, 'AuditAnchor', {
      stage: config.stage,
      settings: this.api.functionSettings,
      environment: this.api.environment,
      tables: this.data.tables,
      encryptionKey: this.data.encryptionKey,
      retention: Duration.days(config.auditDigestRetentionDays),
    });
    // The verify route checks chains against the digests too (ADR 0014): read-only, under the stage's prefix.
    this.api.grantAuditDigests({ bucket: this.auditAnchor.bucket, signingKey: this.auditAnchor.signingKey, stage: config.stage });

    this.edge = new Edge(this, 'Edge', {
      stage: config.stage,
      apiStage: this.api.stage,
      encryptionKey: this.data.encryptionKey,
      requestsPerIp: config.waf.requestsPerIp,
      authRequestsPerIp: config.waf.authRequestsPerIp,
      logRetention: config.logRetention,
      logRemovalPolicy: removalPolicy,
    });

    // Nothing stateful may ever go in here: moving a construct into a nested stack changes its
    // logical id, and CloudFormation would replace it (test/infra/logical-ids.test.ts).
    this.monitoring = new NestedStack(this, 'Monitoring', {
      description: `CareBow ${config.stage}: monitoring (alarm topic, alarms, dashboard)`,
    });
    const workers = {
      authorizer: this.api.authorizerFunction,
      triageWorker: this.triageWorker.function,
      chatWorker: this.chatWorker.function,
      notificationsWorker: this.notificationsWorker.function,
      contentWorker: this.contentWorker,
    };
    // The anchor has its own failure alarm (AuditAnchorFailed), so it joins the dashboards and queries but not `functions`' errors alarms.
    const watchedWorkers = { ...workers, auditAnchor: this.auditAnchor.worker };
    this.observability = new Observability(this.monitoring, 'Observability', {
      stage: config.stage,
      encryptionKey: this.data.encryptionKey,
      restApi: this.api.restApi,
      apiStage: this.api.stage,
      functions: { ...this.api.functions, ...workers },
      workers: watchedWorkers,
      tables: this.data.tables,
      webAcl: this.edge.webAcl,
      triageWorker: this.triageWorker.function,
      queue: this.triage.queue,
      deadLetterQueue: this.triage.deadLetterQueue,
      chat: { worker: this.chatWorker.function, queue: this.chat.queue, deadLetterQueue: this.chat.deadLetterQueue },
      notifications: {
        worker: this.notificationsWorker.function,
        queue: this.notifications.queue,
        deadLetterQueue: this.notifications.deadLetterQueue,
        reminderDeadLetterQueue: this.notifications.reminderDeadLetterQueue,
        scheduleGroup: this.notifications.scheduleGroup,
      },
      content: { queue: this.content.queue, deadLetterQueue: this.content.deadLetterQueue },
      auditAnchor: { worker: this.auditAnchor.worker },
      ...(config.alarmEmail !== undefined ? { alarmEmail: config.alarmEmail } : {}),
    });
    // Saved Logs Insights queries stay beside the log groups they name: in Monitoring, ~80 log group names would take 80 of its 200 parameters.
    this.logQueries = new LogQueries(this, 'LogQueries', {
      stage: config.stage,
      routeLogGroups: mapValues(this.api.functions, functionLogGroup),
      otherLogGroups: mapValues(watchedWorkers, functionLogGroup),
    });

    const outputs: Record<(typeof OUTPUT_NAMES)[number], { value: string; description: string }> = {
      ApiUrl: { value: this.api.restApi.url, description: 'Base URL of the API stage' },
      IdentityTableName: { value: this.data.tables.identity.tableName, description: 'Identity table' },
      SessionsTableName: { value: this.data.tables.sessions.tableName, description: 'Sessions table' },
      AuditTableName: { value: this.data.tables.audit.tableName, description: 'Audit table (append-only)' },
      KeysTableName: { value: this.data.tables.keys.tableName, description: 'Per-user wrapped data keys' },
      RecordsTableName: { value: this.data.tables.records.tableName, description: 'PHI records, fields sealed with the owner data key' },
      BlindIndexSecretArn: { value: this.data.blindIndexSecret.secretArn, description: 'HMAC key of the e-mail blind index' },
      TokenSigningKeyArn: { value: this.data.tokenSigningKey.keyArn, description: 'KMS key that signs access tokens' },
      DataKeyWrappingKeyArn: { value: this.data.dataKeyWrappingKey.keyArn, description: 'KMS key that wraps per-user data keys' },
      TriageWorkerName: { value: this.triageWorker.function.functionName, description: 'Triage worker function (consumes the triage queue)' },
      ChatWorkerName: { value: this.chatWorker.function.functionName, description: 'Chat worker function (consumes the chat queue)' },
      NotificationsWorkerName: {
        value: this.notificationsWorker.function.functionName,
        description: 'Notifications worker function (consumes the notifications queue: events, SES bounces and complaints)',
      },
    };
    for (const name of OUTPUT_NAMES) new CfnOutput(this, name, outputs[name]);
    // Only where the stage enables the model (there is no secret otherwise).
    const secret = this.triageWorker.modelApiKeySecret;
    if (secret !== undefined) {
      new CfnOutput(this, 'ModelApiKeySecretArn', {
        value: secret.secretArn,
        description: 'Triage model API key: set its value after deploy (aws secretsmanager put-secret-value)',
      });
    }
  }
}

const mapValues = <K extends string, V, R>(record: Readonly<Record<K, V>>, map: (value: V) => R): Record<K, R> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as V)])) as Record<K, R>;

const packageVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
};
