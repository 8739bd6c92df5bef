import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { traced } from '../adapters/aws/xray';
import { DynamoAuditTrail } from '../adapters/aws/dynamo-audit-trail';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { DynamoDataKeyReader, DynamoDataKeyRepository } from '../adapters/aws/dynamo-data-key-repository';
import { DynamoLoginAttempts } from '../adapters/aws/dynamo-login-attempts';
import { DynamoMfa, DynamoMfaChallenges, DynamoMfaReader } from '../adapters/aws/dynamo-mfa';
import { DynamoConsentRevoker, DynamoRecords, DynamoRecordsReader } from '../adapters/aws/dynamo-records';
import { DynamoBreakGlass } from '../adapters/aws/dynamo-break-glass';
import { EmfBreakGlassMetrics } from '../adapters/aws/emf-metrics';
import type { AuditLog } from '../audit/ports';
import type { MetricService } from '../metric-catalog';
import { DynamoFamilyRevoker, DynamoRefreshFamilies } from '../adapters/aws/dynamo-refresh-families';
import { DynamoAccountDeletion, DynamoUserRepository } from '../adapters/aws/dynamo-user-repository';
import { DynamoSymptomSessionReader, DynamoSymptomSessions } from '../adapters/aws/dynamo-symptom-sessions';
import { SqsTriageQueue } from '../adapters/aws/sqs-triage-queue';
import { DynamoAiQuota } from '../adapters/aws/dynamo-ai-quota';
import { DynamoUsageCounters } from '../adapters/aws/dynamo-usage-counters';
import { DynamoConversations } from '../adapters/aws/dynamo-conversations';
import { DynamoIdempotency } from '../adapters/aws/dynamo-idempotency';
import { DynamoPractitionerRemover, DynamoPractitioners } from '../adapters/aws/dynamo-practitioners';
import {
  DynamoAppointmentCopies,
  DynamoAppointmentReader,
  DynamoAppointments,
  DynamoAvailability,
  DynamoLedgers,
  DynamoPractitionerReader,
} from '../adapters/aws/dynamo-bookings';
import { DynamoRatingRemover, DynamoRatings, DynamoReviews } from '../adapters/aws/dynamo-ratings';
import { DynamoVisitHistory } from '../adapters/aws/dynamo-visit-history';
import { DynamoAccountBatch, DynamoAccountReader } from '../adapters/aws/dynamo-account-reader';
import { DynamoAppointmentTimeline } from '../adapters/aws/dynamo-appointment-timeline';
import { DynamoContentPublication } from '../adapters/aws/dynamo-content-publication';
import { DynamoLibrary } from '../adapters/aws/dynamo-library';
import { DynamoSearchIndexReader, DynamoSearchIndexStore } from '../adapters/aws/dynamo-search-index';
import { DynamoScheduleBatch, DynamoScheduleReader } from '../adapters/aws/dynamo-schedule-reader';
import { DynamoShareConsentGrants, DynamoShareConsents } from '../adapters/aws/dynamo-share-consents';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsNotificationQueue } from '../adapters/aws/sqs-notification-queue';
import { DynamoCategories, DynamoContentCounters, DynamoContentPosts, DynamoPublishedSnapshots, DynamoSlugClaims } from '../adapters/aws/dynamo-content-posts';
import { SqsContentQueue } from '../adapters/aws/sqs-content-queue';
import { DynamoFigureCounter, DynamoProductFigures } from '../adapters/aws/dynamo-product-figures';
import { SqsRedelivery } from '../adapters/aws/sqs-redelivery';
import { DynamoAppointmentLookup, DynamoContacts, DynamoDeliveries, DynamoNotificationPreferences } from '../adapters/aws/dynamo-notifications';
import {
  DynamoDeletionNotices,
  DynamoDeletionNoticeStore,
  DynamoNotificationErasure,
  DynamoNotificationExport,
} from '../adapters/aws/dynamo-notification-account';
import { DynamoKnownDeviceRemover, DynamoKnownDevices } from '../adapters/aws/dynamo-known-devices';
import { SesEmailChannel } from '../adapters/aws/ses-email-channel';
import { SnsSmsChannel } from '../adapters/aws/sns-sms-channel';
import { OutboxChannel } from '../adapters/local/outbox-channel';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SchedulerReminders } from '../adapters/aws/scheduler-reminders';
import { TimerWheelReminders } from '../adapters/local/timer-wheel-reminders';
import { byChannel } from '../notifications/channels';
import type { Channel, ReminderScheduler } from '../notifications/ports';
import { ConfigError } from '../errors';
import { clientConfig } from '../adapters/aws/client-config';
import { kmsKeyProbe, queueProbe, tableProbe } from '../adapters/aws/health-probes';
import { localKeyringProbe } from '../adapters/local/keyring-probe';
import {
  dataConfigSchema,
  healthConfigSchema,
  keysConfigSchema,
  llmConfigSchema,
  notificationsConfigSchema,
  passwordConfigSchema,
  queueConfigSchema,
  tokensConfigSchema,
  type HealthConfig,
} from '../config';
import { readConfig } from '../env-schema';
import type { TABLES, TableName } from '../data/tables';
import type { Probe } from '../platform/ports';
import type { AccessTokenSettings } from '../identity/access-token';
import { ScryptPasswordHasher } from '../identity/password-hasher';
import type { BlindIndex, PasswordHasher, TokenSigner } from '../identity/ports';
import type { Clock } from '../domain/clock';
import { SealingVault, Vault } from '../vault/vault';
import { blindIndexFor, dataKeyServiceFor, tokenSignerFor } from './keys';
import { meteredAuditLog } from './metered-audit-log';

/**
 * The composition root of the route functions: configuration read once per cold start, one
 * DynamoDB client, and one factory per port. Each is a separate export, so a handler's bundle
 * holds only the adapters (and SDK clients) its use case takes. Nothing here calls the network.
 *
 * @example
 * const deps = { profiles: records(), vault: vault(), audit: auditLog(), clock };
 */
const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
};
/*
 * Each section of the configuration is read the first time a factory needs it (shared/config.ts):
 * a function builds and parses only the sections its adapters use.
 */
const tables = once(() => readConfig(dataConfigSchema()));
const keys = once(() => readConfig(keysConfigSchema()));
const tokens = once(() => readConfig(tokensConfigSchema()));
const password = once(() => readConfig(passwordConfigSchema()));
const queues = once(() => readConfig(queueConfigSchema()));
const model = once(() => readConfig(llmConfigSchema()));
const notifications = once(() => readConfig(notificationsConfigSchema()));
/** The one DynamoDB client of this container. */
const dynamo = once(() => createDocumentClient({ endpoint: tables().DYNAMODB_ENDPOINT }));

/** The model's settings and the AI quota (the workers' model, the streamed chat). */
export const modelConfig = model;
/** The key provider and its keys, with the stage (the audit verification's digests). */
export const keysConfig = keys;
/** The notifications settings (the chat worker's links). */
export const notificationsConfig = notifications;
export const clock: Clock = { now: () => new Date() };

let audit: AuditLog | undefined;
/** The audit log, one per container (it remembers the chain heads it appended), metered under `service` (./metered-audit-log.ts). */
export const auditLog = (service: MetricService = 'carebow'): AuditLog =>
  (audit ??= meteredAuditLog(dynamo(), tables().AUDIT_TABLE, service, undefined, tables().AUDIT_LANES));
/** Reads the trail (compliance searches, verification, a user's access log and export). */
export const auditTrail = (): DynamoAuditTrail => new DynamoAuditTrail(dynamo(), tables().AUDIT_TABLE);

export const users = () => new DynamoUserRepository(dynamo(), tables().IDENTITY_TABLE);
export const loginAttempts = () => new DynamoLoginAttempts(dynamo(), tables().IDENTITY_TABLE);
export const refreshFamilies = () => new DynamoRefreshFamilies(dynamo(), tables().SESSIONS_TABLE);
/** Accounts read and marked deleted, and refresh-token families found and revoked (account deletion): without the other identity writes. */
export const accountDeletion = () => new DynamoAccountDeletion(dynamo(), tables().IDENTITY_TABLE);
export const familyRevoker = () => new DynamoFamilyRevoker(dynamo(), tables().SESSIONS_TABLE);

let recordsTable: DynamoRecords | undefined;
/** Profiles, consents and feedback: one adapter over the records table. */
export const records = (): DynamoRecords => (recordsTable ??= new DynamoRecords(dynamo(), tables().RECORDS_TABLE));
/** Profiles, consents and feedback read only (the account's export): without the records writes. */
export const recordsReader = () => new DynamoRecordsReader(dynamo(), tables().RECORDS_TABLE);
/** Consents listed and revoked only (account deletion): without the other records writes. */
export const consentRevoker = () => new DynamoConsentRevoker(dynamo(), tables().RECORDS_TABLE);
/** Break-glass grants (consent items) and each provider's daily count: without the other records writes. */
export const breakGlassStore = () => new DynamoBreakGlass(dynamo(), tables().RECORDS_TABLE);
/** `BreakGlassUsed` as one EMF line (namespace `CareBow`, dimension `service` = `carebow`), for the break-glass alarm. */
export const breakGlassMetrics = () => new EmfBreakGlassMetrics('carebow');

export const vault = () => new Vault(new DynamoDataKeyRepository(dynamo(), tables().KEYS_TABLE), dataKeyServiceFor(keys()));
/**
 * The vault of a route that only seals and opens with keys users already have (it never makes, rotates or destroys
 * one): its bundle holds neither those operations nor the key table's writes.
 */
export const sealingVault = () => new SealingVault(new DynamoDataKeyReader(dynamo(), tables().KEYS_TABLE), dataKeyServiceFor(keys()));
export const signer = (): TokenSigner => tokenSignerFor({ ...keys(), KEYS_TABLE: tables().KEYS_TABLE }, dynamo());
export const blindIndex = (): BlindIndex => blindIndexFor(keys());
export const passwords = (): PasswordHasher => new ScryptPasswordHasher(password().PASSWORD_SCRYPT_LOG_N);
export const tokenSettings = (): AccessTokenSettings & { refreshTtlSeconds: number } => ({
  issuer: tokens().AUTH_ISSUER,
  clientId: tokens().AUTH_CLIENT_ID,
  ttlSeconds: tokens().ACCESS_TOKEN_TTL_SECONDS,
  refreshTtlSeconds: tokens().REFRESH_TOKEN_TTL_SECONDS,
});

let sessionsTable: DynamoSymptomSessions | undefined;
export const symptomSessions = (): DynamoSymptomSessions => (sessionsTable ??= new DynamoSymptomSessions(dynamo(), tables().RECORDS_TABLE));
/** For functions that only read sessions: they do not ship the writes. */
export const symptomSessionReader = (): DynamoSymptomSessionReader => new DynamoSymptomSessionReader(dynamo(), tables().RECORDS_TABLE);

export const triageQueue = () => new SqsTriageQueue(queues().TRIAGE_QUEUE_URL, traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));
/** The chat queue: the same adapter and message shape as triage's (`kind: 'chat'`), consumed by the chat worker. */
export const chatQueue = () => new SqsTriageQueue(queues().CHAT_QUEUE_URL, traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));

/** Per-user budget counters (shared/budgets/limits.ts), in the records table. */
export const usageCounters = () => new DynamoUsageCounters(dynamo(), tables().RECORDS_TABLE);
export const aiQuota = () => new DynamoAiQuota(dynamo(), tables().RECORDS_TABLE, { burst: model().AI_QUOTA_BURST, perHour: model().AI_QUOTA_PER_HOUR });

let conversationsTable: DynamoConversations | undefined;
export const conversations = (): DynamoConversations => (conversationsTable ??= new DynamoConversations(dynamo(), tables().RECORDS_TABLE));

/** Whether a model answers AI requests (through the worker): a stage flag in AWS, a key locally. */
export const modelConfigured = (): boolean =>
  model().AI_MODEL_ENABLED === 'true' || model().OPENAI_API_KEY !== undefined || model().OPENAI_API_KEY_SECRET_ID !== undefined;

export const idempotencyStore = () => new DynamoIdempotency(dynamo(), tables().RECORDS_TABLE);

let practitionersTable: DynamoPractitioners | undefined;
/** Practitioner profiles (care): one item per provider or caregiver in the records table. */
export const practitioners = (): DynamoPractitioners => (practitionersTable ??= new DynamoPractitioners(dynamo(), tables().RECORDS_TABLE));
/** A practitioner's availability (care): one item per practitioner in the records table. */
export const availabilityStore = () => new DynamoAvailability(dynamo(), tables().RECORDS_TABLE);
/** The booking ledger (care, ADR 0006): one item per practitioner per local day. */
export const ledgers = () => new DynamoLedgers(dynamo(), tables().RECORDS_TABLE);
/** Appointments (care): one copy in each party's partition. */
export const appointments = () => new DynamoAppointments(dynamo(), tables().RECORDS_TABLE);
/** The appointment list by time (care): the byPartyTime index, read only. */
export const appointmentTimeline = () => new DynamoAppointmentTimeline(dynamo(), tables().RECORDS_TABLE);
/** Appointments read only (care), for the account's export: the consistent listing, no write in its bundle. */
export const appointmentReader = () => new DynamoAppointmentReader(dynamo(), tables().RECORDS_TABLE);
/** The appointment copies a booking moves (care): without the listing and the undo of a replace. */
export const appointmentCopies = () => new DynamoAppointmentCopies(dynamo(), tables().RECORDS_TABLE);
/** The share consents of `shareProfile` bookings (care): the consent writes alone, without the rest of the records adapter. */
export const shareConsents = () => new DynamoShareConsents(dynamo(), tables().RECORDS_TABLE);
/** The booking's part of `shareConsents`: the grant and its undo. */
export const shareConsentGrants = () => new DynamoShareConsentGrants(dynamo(), tables().RECORDS_TABLE);
/** Practitioner profiles, read only (the booking routes): without the profile writes and the directory. */
export const practitionerReader = () => new DynamoPractitionerReader(dynamo(), tables().RECORDS_TABLE);
/** Practitioner profiles, `remove` only (account deletion): without the profile writes and the directory. */
export const practitionerRemover = () => new DynamoPractitionerRemover(dynamo(), tables().RECORDS_TABLE);
/** A patient's fulfilled visits per practitioner (caregiver matching's continuity), from their own appointment copies. */
export const visitHistory = () => new DynamoVisitHistory(dynamo(), tables().RECORDS_TABLE);
/** Accounts, read only (a practitioner's standing in caregiver matching): without the account writes. */
export const accountReader = () => new DynamoAccountReader(dynamo(), tables().IDENTITY_TABLE);
/** Accounts read many at once (care: the directory's pages, care options', matching's candidates): BatchGetItem. */
export const accountBatch = () => new DynamoAccountBatch(dynamo(), tables().IDENTITY_TABLE);
/** One practitioner's availability and ledger days, read only (booking, rescheduling): without the schedule and booking writes. */
export const scheduleReader = () => new DynamoScheduleReader(dynamo(), tables().RECORDS_TABLE);
/** Many practitioners' availability in batches, and their ledger days, read only (care: matching, care options). */
export const scheduleBatch = () => new DynamoScheduleBatch(dynamo(), tables().RECORDS_TABLE);
/** Practitioners' rating aggregates (care): one `RATING` item per practitioner, changed by atomic `ADD`s. */
export const ratings = () => new DynamoRatings(dynamo(), tables().RECORDS_TABLE);
/** Rating aggregates, `remove` only (account deletion): without the reads and the `ADD`s. */
export const ratingRemover = () => new DynamoRatingRemover(dynamo(), tables().RECORDS_TABLE);
/** Reviews of fulfilled visits (care): the `review` attribute of the patient's appointment copy. */
export const reviews = () => new DynamoReviews(dynamo(), tables().RECORDS_TABLE);

/** The content worker's view of the content table: the posts with a public snapshot, the snapshots, their rendering. */
export const contentPublication = () => new DynamoContentPublication(dynamo(), tables().CONTENT_TABLE);

let searchIndex: DynamoSearchIndexStore | undefined;
/** The published library's search index, read and published (the content worker), one per container: it keeps the version it loaded until the pointer moves. */
export const searchIndexStore = (): DynamoSearchIndexStore => (searchIndex ??= new DynamoSearchIndexStore(dynamo(), tables().CONTENT_TABLE));
let searchIndexRead: DynamoSearchIndexReader | undefined;
/** The published library's search index, read only (the public list route, the chat worker), one per container. */
export const searchIndexReader = (): DynamoSearchIndexReader => (searchIndexRead ??= new DynamoSearchIndexReader(dynamo(), tables().CONTENT_TABLE));
/** The public library's reads (published snapshots, categories) and its counters without people (views, searches that found nothing). */
export const library = () => new DynamoLibrary(dynamo(), tables().CONTENT_TABLE);

/** Posts' working copies and revisions (content table; the byStatus index for lists and counts). */
export const contentPosts = () => new DynamoContentPosts(dynamo(), tables().CONTENT_TABLE);
/** Slug claims (`SLUG#<slug> / CLAIM`): a slug belongs to one post for good. */
export const slugClaims = () => new DynamoSlugClaims(dynamo(), tables().CONTENT_TABLE);
/** Published snapshots (`SLUG#<slug> / PUBLIC`): publish writes them, archive deletes them. */
export const publishedSnapshots = () => new DynamoPublishedSnapshots(dynamo(), tables().CONTENT_TABLE);
/** The managed list of categories (`CATEGORY / <slug>`). */
export const contentCategories = () => new DynamoCategories(dynamo(), tables().CONTENT_TABLE);
/** The dashboard's reads of the view and no-hit counters, and the top posts' titles. */
export const contentCounters = () => new DynamoContentCounters(dynamo(), tables().CONTENT_TABLE);
/** The product figures (content table): the weekly counters the dashboard reads, and their counting. */
export const productFigures = () => new DynamoProductFigures(dynamo(), tables().CONTENT_TABLE);
/** The product figures' counting alone (registration, the workers, the appointment status): without the dashboard's read. */
export const figureCounter = () => new DynamoFigureCounter(dynamo(), tables().CONTENT_TABLE);
/** The content queue (`{ kind: 'rebuild' }`); without `CONTENT_QUEUE_URL` a send fails, which publishing logs and survives. */
export const contentQueue = () => new SqsContentQueue(queues().CONTENT_QUEUE_URL, traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));

/** An optional variable that this function needs: named at cold start when missing. */
const required = <C, K extends keyof C>(section: C, name: K & string): NonNullable<C[K]> => {
  const value = section[name];
  if (value === undefined) throw new ConfigError(`Invalid configuration. ${name}: is required by this function`);
  return value as NonNullable<C[K]>;
};

/** The notifications queue (events hold ids only). */
export const notificationQueue = () =>
  new SqsNotificationQueue(required(queues(), 'NOTIFICATIONS_QUEUE_URL'), traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));
/** The notifications worker's back-off: a failed message held back on its queue (`ChangeMessageVisibility`). */
export const notificationRedelivery = () =>
  new SqsRedelivery(required(queues(), 'NOTIFICATIONS_QUEUE_URL'), traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));
/** The chat worker's back-off while the model is unavailable: a failed message held back on the chat queue. */
export const chatRedelivery = () => new SqsRedelivery(queues().CHAT_QUEUE_URL, traced(new SQSClient(clientConfig(queues().SQS_ENDPOINT))));
/** The first retry's delay of the notifications worker's back-off, in milliseconds (`NOTIFICATIONS_RETRY_BASE_MS`). */
export const notificationRetryBaseMs = (): number => notifications().NOTIFICATIONS_RETRY_BASE_MS;
/** Contact details (notifications): the `CONTACT` item, phone sealed. */
export const contacts = () => new DynamoContacts(dynamo(), tables().RECORDS_TABLE);
/** Notification preferences: the `NOTIFYPREFS` item. */
export const notificationPreferences = () => new DynamoNotificationPreferences(dynamo(), tables().RECORDS_TABLE);
/** Delivery records (`DELIVERY#<eventId>#<channel>`): the idempotency of sending. */
export const deliveries = () => new DynamoDeliveries(dynamo(), tables().RECORDS_TABLE);
/** An appointment's status and start, from the recipient's copy (notifications). */
export const appointmentLookup = () => new DynamoAppointmentLookup(dynamo(), tables().RECORDS_TABLE);
/** An account's notification items, read only (the account's export). */
export const notificationExport = () => new DynamoNotificationExport(dynamo(), tables().RECORDS_TABLE);
/** An account's notification items, deleted (the account's deletion). */
export const notificationErasure = () => new DynamoNotificationErasure(dynamo(), tables().RECORDS_TABLE);
/** A deleted account's deletion notice (`NOTICE#account_deleted`): the deletion writes it (`deletionNotices`), the worker sends and removes it (`deletionNoticeStore`). */
export const deletionNotices = () => new DynamoDeletionNotices(dynamo(), tables().RECORDS_TABLE);
export const deletionNoticeStore = () => new DynamoDeletionNoticeStore(dynamo(), tables().RECORDS_TABLE);
/** Known sign-in devices (identity): keyed hashes, for new-device alerts at login. */
export const knownDevices = () => new DynamoKnownDevices(dynamo(), tables().IDENTITY_TABLE);
/** Known sign-in devices, `forget` only (account deletion). */
/** MFA enrolments (docs/adr/0015-mfa.md); the reader alone for the password login. */
export const mfaStore = () => new DynamoMfa(dynamo(), tables().IDENTITY_TABLE);
export const mfaReader = () => new DynamoMfaReader(dynamo(), tables().IDENTITY_TABLE);
export const mfaChallenges = () => new DynamoMfaChallenges(dynamo(), tables().IDENTITY_TABLE);
export const knownDeviceRemover = () => new DynamoKnownDeviceRemover(dynamo(), tables().IDENTITY_TABLE);
/** `APP_BASE_URL` without a trailing slash: links in messages are this plus a path. */
export const appBaseUrl = (): string => required(notifications(), 'APP_BASE_URL').replace(/\/+$/, '');
/**
 * Where messages go: SES (e-mail) and SNS (SMS), or locally the outbox. Folds to SES and SNS in
 * Lambda bundles (shared/runtime/target.ts): the outbox never ships.
 */
export const notificationChannel = (): Channel =>
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || notifications().NOTIFICATION_CHANNELS === 'aws'
    ? byChannel({
        email: new SesEmailChannel(required(notifications(), 'NOTIFICATIONS_FROM_EMAIL'), notifications().SES_CONFIGURATION_SET),
        sms: new SnsSmsChannel(),
      })
    : new OutboxChannel(notifications().CAREBOW_DATA_DIR!);

/**
 * Appointment reminders (the notifications worker only): one-time EventBridge Scheduler schedules
 * in the stage's group, or locally the timer wheel over `$CAREBOW_DATA_DIR/reminders.json` that
 * `npm start` runs (local/backend.ts). Folds to Scheduler in Lambda bundles: the wheel never ships.
 */
export const reminderScheduler = (): ReminderScheduler =>
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || notifications().NOTIFICATION_CHANNELS === 'aws'
    ? new SchedulerReminders(
        {
          groupName: required(notifications(), 'REMINDER_SCHEDULE_GROUP'),
          queueArn: required(notifications(), 'REMINDER_TARGET_QUEUE_ARN'),
          roleArn: required(notifications(), 'REMINDER_SCHEDULER_ROLE_ARN'),
          deadLetterQueueArn: required(notifications(), 'REMINDER_DEAD_LETTER_QUEUE_ARN'),
        },
        traced(new SchedulerClient({})),
      )
    : new TimerWheelReminders(notifications().CAREBOW_DATA_DIR!);

/*
 * The detailed health check reads only its own section of the configuration (`healthConfigSchema`:
 * every dependency it probes), so it gets its own loader.
 */
const healthApp = once(() => {
  const config = readConfig(healthConfigSchema());
  return { config, client: createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT }) };
});

export const healthConfig = (): HealthConfig => healthApp().config;
/** The health check's audit log (the route is audited like every other). */
export const healthAuditLog = (): AuditLog =>
  meteredAuditLog(healthApp().client, healthApp().config.AUDIT_TABLE, 'carebow', undefined, healthApp().config.AUDIT_LANES);

/** The probes of the detailed health check: tables, key service, queue, model configuration. */
export const dependencyProbes = (): Probe[] => {
  const config = healthApp().config;
  const dynamo = traced(new DynamoDBClient(clientConfig(config.DYNAMODB_ENDPOINT)));
  const sqs = traced(new SQSClient(clientConfig(config.SQS_ENDPOINT)));
  // Every table of shared/data/tables.ts, in its order (the type fails the build if one is missing);
  // written out rather than read from TABLES, which would ship in every function importing this file.
  const tables = {
    identity: 'IDENTITY_TABLE',
    sessions: 'SESSIONS_TABLE',
    audit: 'AUDIT_TABLE',
    keys: 'KEYS_TABLE',
    records: 'RECORDS_TABLE',
    content: 'CONTENT_TABLE',
  } as const satisfies { [Name in TableName]: (typeof TABLES)[Name]['envVar'] };
  return [
    ...Object.entries(tables).map(([name, envVar]) => tableProbe(dynamo, `table:${name}`, config[envVar])),
    // Folds to the KMS probe in Lambda bundles (shared/runtime/target.ts).
    process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
      ? kmsKeyProbe(config.TOKEN_SIGNING_KEY_ID!)
      : localKeyringProbe(config.CAREBOW_DATA_DIR!),
    queueProbe(sqs, 'queue:triage', config.TRIAGE_QUEUE_URL),
    // Reports configuration only: a health check must not spend model tokens or call out.
    {
      name: 'llm',
      check: async () =>
        config.OPENAI_API_KEY || config.OPENAI_API_KEY_SECRET_ID ? `model ${config.OPENAI_MODEL}` : 'offline rules engine (no model key configured)',
    },
  ];
};
