import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { routes } from '../functions/routes';
import { ensureLocalKeys } from '../shared/adapters/local/keyring';
import { TABLES, type TableName } from '../shared/data/tables';
import packageJson from '../package.json' with { type: 'json' };
import { startApiServer } from './api-server';
import { localTableName, startStandIns } from './stand-ins';
import { startQueuePoller } from './queue-poller';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsNotificationQueue } from '../shared/adapters/aws/sqs-notification-queue';
import { clientConfig } from '../shared/adapters/aws/client-config';
import { startReminderWheel } from '../shared/adapters/local/timer-wheel-reminders';
import { startAuditAnchorTimer } from './audit-anchor-timer';
import { claimKeyProvider, type KeyMode, keyModeFrom, type KeyStandIns, startKeyStandIns } from './key-standins';

export interface LocalBackendOptions {
  /** Port of the API; 0 picks a free one. */
  readonly port: number;
  /** Where data and keys persist; `undefined` keeps the stores in memory (keys still need a folder). */
  readonly dataDir: string;
  readonly persist: boolean;
  /** Extra environment for the functions (e.g. a lower scrypt cost in tests). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Run the triage, chat, notifications and content workers behind their queues (the local event source mappings).
   * @default true
   */
  readonly worker?: boolean;
  /**
   * Routes the functions' DynamoDB and SQS clients through other endpoints that forward to the stand-ins (the fault
   * proxy of the integration tier, test/helpers/fault-proxy.ts). The queue pollers, like Lambda's event source
   * mappings, and the returned endpoints stay direct.
   * @default the stand-ins themselves
   */
  readonly route?: (standIns: { dynamodbEndpoint: string; sqsEndpoint: string }) => Promise<{ dynamodbEndpoint: string; sqsEndpoint: string }>;
  /**
   * Where keys come from: the file keyring, or the AWS adapters against the KMS, Secrets Manager and S3 stand-ins.
   * @default `CAREBOW_KEYS` (unset: `local`)
   */
  readonly keys?: KeyMode;
}

export interface LocalBackend {
  readonly url: string;
  readonly dynamodbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly triageQueueUrl: string;
  readonly triageDlqUrl: string;
  readonly chatQueueUrl: string;
  readonly chatDlqUrl: string;
  readonly notificationsQueueUrl: string;
  readonly notificationsDlqUrl: string;
  /** The local SNS topic SES bounces and complaints arrive on (raw to the notifications queue). */
  readonly sesEventsTopicArn: string;
  readonly tables: Readonly<Record<TableName, string>>;
  /** The KMS, Secrets Manager and S3 stand-ins, when the keys are `kms-standin`. */
  readonly keyStandIns?: KeyStandIns;
  stop(): Promise<void>;
}

/** Where a running `npm start` records its endpoints (API, DynamoDB, SQS and the notifications queue), so `npm run admin` can reach its stores. */
export const endpointsFile = (dataDir: string): string => join(dataDir, 'endpoints.json');

/**
 * Starts the whole backend in this process: dynalite and fauxqs, the local keyring, the API
 * server running the real authorizer and handler modules, the workers behind their queues, and the
 * reminders' timer wheel (EventBridge Scheduler's stand-in, `$CAREBOW_DATA_DIR/reminders.json`).
 * The functions read their configuration from `process.env`, exactly as in Lambda, so it is set
 * before any handler loads.
 */
export const startLocalBackend = async (options: LocalBackendOptions): Promise<LocalBackend> => {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  ensureLocalKeys(dataDir);
  const keyMode = options.keys ?? keyModeFrom(process.env.CAREBOW_KEYS);
  if (options.persist) claimKeyProvider(dataDir, keyMode);
  const keyStandIns = keyMode === 'kms-standin' ? await startKeyStandIns(dataDir, options.persist) : undefined;
  const standIns = await startStandIns(options.persist ? dataDir : undefined);
  const tables = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, localTableName(name)])) as Record<TableName, string>;
  const routed = options.route === undefined ? standIns : await options.route(standIns);
  const env: Record<string, string> = {
    CAREBOW_STAGE: 'local',
    CAREBOW_VERSION: packageJson.version,
    CORS_ALLOWED_ORIGINS: process.env.CORS_ALLOWED_ORIGINS ?? 'http://localhost:5173,http://localhost:3001',
    ...Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [TABLES[name].envVar, tables[name]])),
    DYNAMODB_ENDPOINT: routed.dynamodbEndpoint,
    SQS_ENDPOINT: routed.sqsEndpoint,
    TRIAGE_QUEUE_URL: standIns.triageQueueUrl,
    CHAT_QUEUE_URL: standIns.chatQueueUrl,
    NOTIFICATIONS_QUEUE_URL: standIns.notificationsQueueUrl,
    CONTENT_QUEUE_URL: standIns.contentQueueUrl,
    // The worker's back-off after a transient failure, locally 0.25 s, 0.5, 1, 2 (whole seconds: 1, 1, 1, 2) instead of 30 s, 60, 120, 240.
    NOTIFICATIONS_RETRY_BASE_MS: '250',
    // Messages go to the outbox ($CAREBOW_DATA_DIR/outbox/, GET /api/v1/dev/outbox), never to SES or SNS.
    NOTIFICATION_CHANNELS: 'outbox',
    NOTIFICATIONS_FROM_EMAIL: 'no-reply@carebow.example',
    APP_BASE_URL: process.env.APP_BASE_URL ?? 'http://localhost:5173',
    KEY_PROVIDER: 'local',
    CAREBOW_DATA_DIR: dataDir,
    AUTH_CLIENT_ID: 'carebow-local',
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    POWERTOOLS_SERVICE_NAME: 'carebow',
    ...keyStandIns?.env,
    ...options.env,
  };
  Object.assign(process.env, env);

  const api = await startApiServer({ routes, port: options.port, corsOrigins: env.CORS_ALLOWED_ORIGINS!.split(','), devOutboxDataDir: dataDir });
  // The issuer is the API's own URL, known only once the port is bound; handlers load lazily after this.
  process.env.AUTH_ISSUER = options.env?.AUTH_ISSUER ?? api.url;
  // The authorizer reads the JWKS route as in AWS, so a rotated signing key (ADR 0013) reaches it the same way.
  const jwksUri = `${api.url.replace('localhost', '127.0.0.1')}/.well-known/jwks.json`;
  process.env.AUTHORIZER_ISSUERS = JSON.stringify([{ issuer: process.env.AUTH_ISSUER, audience: env.AUTH_CLIENT_ID, jwksUri }]);

  const pollers =
    options.worker === false
      ? []
      : [
          startQueuePoller({
            sqsEndpoint: standIns.sqsEndpoint,
            queueUrl: standIns.triageQueueUrl,
            queueArn: standIns.triageQueueArn,
            loadHandler: async () => (await import('../functions/triage/worker')).handler,
          }),
          startQueuePoller({
            sqsEndpoint: standIns.sqsEndpoint,
            queueUrl: standIns.chatQueueUrl,
            queueArn: standIns.chatQueueArn,
            loadHandler: async () => (await import('../functions/chat/worker')).handler,
          }),
          startQueuePoller({
            sqsEndpoint: standIns.sqsEndpoint,
            queueUrl: standIns.notificationsQueueUrl,
            queueArn: standIns.notificationsQueueArn,
            loadHandler: async () => (await import('../functions/notifications/worker')).handler,
            // The worker holds a failed message back itself (its back-off, ChangeMessageVisibility).
            handlerSetsVisibility: true,
          }),
          startQueuePoller({
            sqsEndpoint: standIns.sqsEndpoint,
            queueUrl: standIns.contentQueueUrl,
            queueArn: standIns.contentQueueArn,
            loadHandler: async () => (await import('../functions/content/worker')).handler,
          }),
        ];

  // EventBridge Scheduler's stand-in: the reminders the worker keeps in $CAREBOW_DATA_DIR/reminders.json, put on the
  // notifications queue when due (survives a restart: the list is a file).
  const reminderSqs = new SQSClient(clientConfig(standIns.sqsEndpoint));
  const reminderWheel = startReminderWheel({ dataDir, queue: new SqsNotificationQueue(standIns.notificationsQueueUrl, reminderSqs) });

  // The anchor's schedule stand-in (ADR 0014), for `npm start` only: tests run the anchor themselves.
  const auditAnchor = options.persist
    ? startAuditAnchorTimer({
        dataDir,
        dynamodbEndpoint: standIns.dynamodbEndpoint,
        auditTable: tables.audit,
        ...(keyStandIns ? { keys: keyStandIns.anchor } : {}),
      })
    : undefined;

  if (options.persist) {
    const endpoints = {
      pid: process.pid,
      url: api.url,
      dynamodbEndpoint: standIns.dynamodbEndpoint,
      sqsEndpoint: standIns.sqsEndpoint,
      notificationsQueueUrl: standIns.notificationsQueueUrl,
    };
    writeFileSync(endpointsFile(dataDir), JSON.stringify(endpoints));
  }
  return {
    url: api.url,
    dynamodbEndpoint: standIns.dynamodbEndpoint,
    sqsEndpoint: standIns.sqsEndpoint,
    triageQueueUrl: standIns.triageQueueUrl,
    triageDlqUrl: standIns.triageDlqUrl,
    chatQueueUrl: standIns.chatQueueUrl,
    chatDlqUrl: standIns.chatDlqUrl,
    notificationsQueueUrl: standIns.notificationsQueueUrl,
    notificationsDlqUrl: standIns.notificationsDlqUrl,
    sesEventsTopicArn: standIns.sesEventsTopicArn,
    tables,
    ...(keyStandIns ? { keyStandIns } : {}),
    stop: async () => {
      await reminderWheel.stop();
      await auditAnchor?.stop();
      reminderSqs.destroy();
      await Promise.all(pollers.map((poller) => poller.stop()));
      await api.close();
      await standIns.stop();
      await keyStandIns?.stop();
      if (options.persist) rmSync(endpointsFile(dataDir), { force: true });
    },
  };
};
