import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../adapters/aws/dynamo-audit-log';
import { DynamoAuditTrail } from '../adapters/aws/dynamo-audit-trail';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { DynamoDataKeyRepository } from '../adapters/aws/dynamo-data-key-repository';
import { DynamoLoginAttempts } from '../adapters/aws/dynamo-login-attempts';
import { DynamoRecords } from '../adapters/aws/dynamo-records';
import { DynamoRefreshFamilies } from '../adapters/aws/dynamo-refresh-families';
import { DynamoUserRepository } from '../adapters/aws/dynamo-user-repository';
import { DynamoSymptomSessionReader, DynamoSymptomSessions } from '../adapters/aws/dynamo-symptom-sessions';
import { SqsTriageQueue } from '../adapters/aws/sqs-triage-queue';
import { DynamoAiQuota } from '../adapters/aws/dynamo-ai-quota';
import { DynamoConversations } from '../adapters/aws/dynamo-conversations';
import { DynamoIdempotency } from '../adapters/aws/dynamo-idempotency';
import { SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig } from '../adapters/aws/client-config';
import { appConfigSchema, readConfig, type AppConfig } from '../config';
import type { AccessTokenSettings } from '../identity/access-token';
import { ScryptPasswordHasher } from '../identity/password-hasher';
import type { BlindIndex, PasswordHasher, TokenSigner } from "../identity/ports";
import type { Clock } from "../domain/clock";
import { Vault } from '../vault/vault';
import { blindIndexFor, dataKeyServiceFor, tokenSignerFor } from './keys';

/**
 * The composition root of the route functions: configuration read once per cold start, one
 * DynamoDB client, and one factory per port. Each is a separate export, so a handler's bundle
 * holds only the adapters (and SDK clients) its use case takes. Nothing here calls the network.
 *
 * @example
 * const deps = { profiles: records(), vault: vault(), audit: auditLog(), clock };
 */
let loaded: { config: AppConfig; client: DynamoDBDocumentClient } | undefined;
const app = () => {
  if (loaded === undefined) {
    const config = readConfig(appConfigSchema);
    loaded = { config, client: createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT }) };
  }
  return loaded;
};

export const appConfig = (): AppConfig => app().config;
export const clock: Clock = { now: () => new Date() };

let audit: DynamoAuditLog | undefined;
/** The audit log, one per container: it remembers the chain heads it appended. */
export const auditLog = (): DynamoAuditLog => (audit ??= new DynamoAuditLog(app().client, app().config.AUDIT_TABLE));
/** Reads the trail (compliance searches, verification, a user's access log and export). */
export const auditTrail = (): DynamoAuditTrail => new DynamoAuditTrail(app().client, app().config.AUDIT_TABLE);

export const users = () => new DynamoUserRepository(app().client, app().config.IDENTITY_TABLE);
export const loginAttempts = () => new DynamoLoginAttempts(app().client, app().config.IDENTITY_TABLE);
export const refreshFamilies = () => new DynamoRefreshFamilies(app().client, app().config.SESSIONS_TABLE);

let recordsTable: DynamoRecords | undefined;
/** Profiles, consents and feedback: one adapter over the records table. */
export const records = (): DynamoRecords => (recordsTable ??= new DynamoRecords(app().client, app().config.RECORDS_TABLE));

export const vault = () => new Vault(new DynamoDataKeyRepository(app().client, app().config.KEYS_TABLE), dataKeyServiceFor(app().config));
export const signer = (): TokenSigner => tokenSignerFor(app().config);
export const blindIndex = (): BlindIndex => blindIndexFor(app().config);
export const passwords = (): PasswordHasher => new ScryptPasswordHasher(app().config.PASSWORD_SCRYPT_LOG_N);
export const tokenSettings = (): AccessTokenSettings & { refreshTtlSeconds: number } => ({
  issuer: app().config.AUTH_ISSUER,
  clientId: app().config.AUTH_CLIENT_ID,
  ttlSeconds: app().config.ACCESS_TOKEN_TTL_SECONDS,
  refreshTtlSeconds: app().config.REFRESH_TOKEN_TTL_SECONDS,
});

let sessionsTable: DynamoSymptomSessions | undefined;
export const symptomSessions = (): DynamoSymptomSessions => (sessionsTable ??= new DynamoSymptomSessions(app().client, app().config.RECORDS_TABLE));
/** For functions that only read sessions: they do not ship the writes. */
export const symptomSessionReader = (): DynamoSymptomSessionReader => new DynamoSymptomSessionReader(app().client, app().config.RECORDS_TABLE);

export const triageQueue = () => new SqsTriageQueue(
  app().config.TRIAGE_QUEUE_URL,
  new SQSClient(clientConfig(app().config.SQS_ENDPOINT)),
);

export const aiQuota = () => new DynamoAiQuota(app().client, app().config.RECORDS_TABLE, { burst: app().config.AI_QUOTA_BURST, perHour: app().config.AI_QUOTA_PER_HOUR });

let conversationsTable: DynamoConversations | undefined;
export const conversations = (): DynamoConversations => (conversationsTable ??= new DynamoConversations(app().client, app().config.RECORDS_TABLE));

/** Whether a model answers AI requests (through the worker): a stage flag in AWS, a key locally. */
export const modelConfigured = (): boolean =>
  app().config.AI_MODEL_ENABLED === 'true' || app().config.OPENAI_API_KEY !== undefined || app().config.OPENAI_API_KEY_SECRET_ID !== undefined;

export const idempotencyStore = () => new DynamoIdempotency(app().client, app().config.RECORDS_TABLE);
