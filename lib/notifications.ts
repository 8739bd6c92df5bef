import { existsSync } from 'node:fs';
import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableName } from '../shared/data/tables';
import type { Grants } from '../shared/http/route';
import { entryFile } from './function-bundles';
import { grantDeclared, invokedTarget, nodeFunction, schedulesInGroupArn, type FunctionSettings, type ReminderTargets } from './functions';
import { acknowledge } from './nag';
import { encryptedQueueProps, workQueue } from './queues';
import { NOTIFICATIONS_WORKER_ENTRY } from './function-entries';

/**
 * Notifications (issue 11, docs/adr/0010-notifications.md): the queue every notification event
 * goes through, its dead-letter queue, the worker that sends e-mail (SES v2) and SMS (SNS), the SES
 * configuration set whose bounces and complaints come back on the same queue, and the EventBridge
 * Scheduler group that holds each appointment's one-time reminder schedules, with the role
 * Scheduler assumes to put a reminder on the queue and the DLQ for reminders it could not deliver.
 *
 * Everything here is in the stage stack (the queues and the log group hold data, the schedule
 * group holds every pending reminder: their logical ids are pinned, docs/adr/0007-stack-split.md).
 */

/** The EventBridge Scheduler group of a stage's reminders (`REMINDER_SCHEDULE_GROUP`). */
export const reminderScheduleGroupName = (stage: string): string => `carebow-${stage}-reminders`;

/** The SES configuration set of a stage's notification e-mail (`SES_CONFIGURATION_SET`). */
export const sesConfigurationSetName = (stage: string): string => `carebow-${stage}-notifications`;

/**
 * What the worker may do, in the route table's vocabulary (lib/functions.ts): read events' subjects
 * and write delivery records, contact details and suppressions (records), read wrapped data keys
 * (keys) and unwrap them under the PHI purpose (the sealed phone number and verification code),
 * destroy a deletion notice's own data key once the notice is sent (keys, write: a tombstone; ADR
 * 0010, "The deletion notice"), read the account's e-mail (identity), append to the audit trail, and
 * put an event back on its own queue with a delay (quiet hours), and keep each appointment's
 * reminders (create, replace and delete one-time schedules in the stage's group, handing Scheduler
 * its role). Consuming the queue is granted by its event source; SES and SNS by `addWorker`. Nothing
 * else.
 */
export const NOTIFICATIONS_WORKER_GRANTS = {
  tables: { records: 'readWrite', keys: 'readWrite', identity: 'read', audit: 'append', content: 'readWrite' },
  dataKeys: 'decrypt',
  notificationsQueue: 'send',
  // The reminders: the worker alone creates, replaces and deletes them (routes only enqueue events; ADR 0010).
  reminders: 'manage',
} as const satisfies Grants;

/** What the scheduler role may do with the notifications queue and the reminders' DLQ, and with their CMK. */
export const SCHEDULER_QUEUE_ACTIONS: readonly string[] = ['sqs:SendMessage'];
export const SCHEDULER_KEY_ACTIONS: readonly string[] = ['kms:GenerateDataKey', 'kms:Decrypt'];

export interface NotificationsProps {
  /** Stage name: part of the schedule group, configuration set and role names. */
  readonly stage: string;
  /** CMK of the queues and the bounce topic (the stage's `Data/Key`). */
  readonly encryptionKey: kms.IKey;
  /** The sender address (`NOTIFICATIONS_FROM_EMAIL`); the worker may send from this address only. */
  readonly fromEmail: string;
  /**
   * The verified SES identity the sender belongs to: the address itself or its domain. DevOps
   * verifies it outside CDK (docs/adr/0010-notifications.md).
   */
  readonly emailIdentity: string;
  /**
   * Verified recipient identities the worker may send to while the account is in the SES sandbox
   * (SES then authorizes each recipient's identity as well).
   * @default - none (production access)
   */
  readonly sandboxRecipients?: readonly string[];
  /**
   * Timeout of the worker; the queue's visibility timeout is six times it.
   * @default Duration.seconds(30)
   */
  readonly workerTimeout?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to the schedule group (and so every pending reminder) when the stack is deleted.
   * The queues are always destroyed: their messages are transient.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

export interface NotificationsWorkerProps {
  /** Log group and role settings, the same as the API's functions. */
  readonly settings: FunctionSettings;
  /** The route functions' environment (the worker reads the same configuration schema). */
  readonly environment: Readonly<Record<string, string>>;
  /** The tables, keyed like `TABLES` (the worker is granted `NOTIFICATIONS_WORKER_GRANTS.tables`). */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** The key that wraps per-user data keys (decrypt under the PHI purpose only). */
  readonly dataKeyWrappingKey: kms.IKey;
  /** Reserved concurrency of the worker; at least `maxConcurrency`. */
  readonly reservedConcurrency: number;
  /** Concurrent invocations the queue's event source may drive (2 to 1000; SQS's minimum is 2). */
  readonly maxConcurrency: number;
  /**
   * The handler module under `functions/`, without extension.
   * @default NOTIFICATIONS_WORKER_ENTRY
   */
  readonly entry?: string;
  /**
   * Memory of the worker, MB.
   * @default 256
   */
  readonly memorySize?: number;
}

/** The worker `Notifications.addWorker` built. */
export interface NotificationsWorker {
  /** `Notifications/WorkerFunction`. */
  readonly function: lambda.IFunction;
  /** The SQS event source mapping of the notifications queue (partial batch responses). */
  readonly eventSourceMapping: lambda.IEventSourceMapping;
}

/**
 * The notifications queue and its DLQ, the SES configuration set and its bounce topic, the
 * reminders' schedule group, DLQ and scheduler role, and (`addWorker`) the worker.
 *
 * - **Queue.** A message is an event (ids only, never PHI) or an SES bounce/complaint notification
 *   (the bounce topic delivers raw to this queue). The worker answers with the messages it failed
 *   (partial batch response); after `maxReceiveCount` (5) receives a message moves to the DLQ,
 *   which alarms. Visibility timeout: six times the worker's timeout.
 * - **SES.** The configuration set `carebow-<stage>-notifications` requires TLS to the recipient's
 *   server, keeps reputation metrics and suppresses bounced and complaining addresses; its bounce
 *   and complaint events go to an encrypted topic subscribed by the queue. The sender identity is
 *   verified by DevOps outside CDK.
 * - **SMS.** Nothing account-wide: the worker marks each message `AWS.SNS.SMS.SMSType=Transactional`
 *   itself. The account's SMS spend limit and origination number are set outside CDK.
 * - **Reminders.** One-time schedules in the group `carebow-<stage>-reminders`, created, replaced
 *   and deleted by the worker (`grants.reminders`) when it processes an appointment's booking, move
 *   or cancellation, target the queue through {@link schedulerRole}; a reminder
 *   Scheduler could not deliver goes to {@link reminderDeadLetterQueue}, which alarms.
 */
export class Notifications extends Construct {
  /** Where notification events and SES bounce/complaint notifications wait for the worker. */
  public readonly queue: sqs.IQueue;
  /** Messages that failed `maxReceiveCount` times, and bounce notifications SNS could not deliver. */
  public readonly deadLetterQueue: sqs.IQueue;
  /** The SES configuration set every notification e-mail is sent with. */
  public readonly configurationSet: ses.IConfigurationSet;
  /** SES bounce and complaint events (encrypted), delivered raw to {@link queue}. */
  public readonly bounceTopic: sns.ITopic;
  /** The EventBridge Scheduler group of the reminders. */
  public readonly scheduleGroup: scheduler.IScheduleGroup;
  /** The role EventBridge Scheduler assumes to put a reminder on the queue (or on its DLQ). */
  public readonly schedulerRole: iam.IRole;
  /** Reminders Scheduler could not deliver. */
  public readonly reminderDeadLetterQueue: sqs.IQueue;
  /** The worker's timeout the visibility timeout was sized for. */
  public readonly workerTimeout: Duration;
  /** What a function needs to manage reminders (the worker: `NOTIFICATIONS_WORKER_GRANTS.reminders`). */
  public readonly reminderTargets: ReminderTargets;

  private readonly props: NotificationsProps;
  private worker: NotificationsWorker | undefined;

  public constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.props = props;
    const stack = Stack.of(this);
    const identity = props.emailIdentity.toLowerCase();
    const from = props.fromEmail.toLowerCase();
    if (identity !== from && identity !== from.slice(from.indexOf('@') + 1)) {
      throw new Error(`emailIdentity (${props.emailIdentity}) must be the sender address ${props.fromEmail} or its domain`);
    }
    this.workerTimeout = props.workerTimeout ?? Duration.seconds(30);

    const queueProps = encryptedQueueProps(props.encryptionKey, RemovalPolicy.DESTROY);
    const { queue, deadLetterQueue } = workQueue(this, {
      encryptionKey: props.encryptionKey,
      workerTimeout: this.workerTimeout,
      ...(props.maxReceiveCount !== undefined ? { maxReceiveCount: props.maxReceiveCount } : {}),
    });
    this.deadLetterQueue = deadLetterQueue;
    this.queue = queue;

    // SES: the configuration set and its bounce/complaint events, back to the worker through the queue.
    const configurationSetName = sesConfigurationSetName(props.stage);
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet = configurationSet;
    const configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName });
    // Named, so the key policy can name its ARN without a reference (the topic refers to the key: a cycle).
    const topicName = `carebow-${props.stage}-ses-bounces`;
    const topicArn = stack.formatArn({ service: 'sns', resource: topicName });
    const topic = new sns.Topic(this, 'BounceTopic', {
      topicName,
      displayName: `CareBow ${props.stage} e-mail bounces and complaints`,
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    this.bounceTopic = topic;
    // SES publishes to the encrypted topic on its own behalf, for this configuration set only; the
    // L2 event destination adds the matching statement to the topic's policy.
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesToPublishBouncesToTheEncryptedTopic',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(props.encryptionKey).account, 'aws:SourceArn': configurationSetArn } },
      }),
    );
    configurationSet.addEventDestination('BounceAndComplaint', {
      destination: ses.EventDestination.snsTopic(topic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    // Not SqsSubscription: without a feature flag its key statement lets SNS use the key for any
    // topic. SNS delivers to the encrypted queue (and to the DLQ when the queue refuses) for this topic only.
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSnsToDeliverBouncesToTheEncryptedQueues',
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { ArnEquals: { 'aws:SourceArn': topicArn } },
      }),
    );
    const queuePolicy = queue.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowTheBounceTopicToDeliver',
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [queue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': topic.topicArn } },
      }),
    );
    const subscription = new sns.Subscription(this, 'BounceSubscription', {
      topic,
      protocol: sns.SubscriptionProtocol.SQS,
      endpoint: queue.queueArn,
      rawMessageDelivery: true,
      // A notification SNS cannot deliver (the queue refuses) goes to the DLQ; CDK allows the topic there.
      deadLetterQueue,
    });
    if (queuePolicy.policyDependable !== undefined) subscription.node.addDependency(queuePolicy.policyDependable);

    // Reminders: the schedule group, the DLQ of reminders Scheduler could not deliver, and the role it assumes.
    const scheduleGroupName = reminderScheduleGroupName(props.stage);
    const scheduleGroup = new scheduler.ScheduleGroup(this, 'ReminderGroup', {
      scheduleGroupName,
      // Deleting the group deletes every pending reminder in it.
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.scheduleGroup = scheduleGroup;
    const reminderDeadLetterQueue = new sqs.Queue(this, 'ReminderDeadLetterQueue', { ...queueProps, retentionPeriod: Duration.days(14) });
    acknowledge(reminderDeadLetterQueue, 'reminderDeadLetterQueue');
    this.reminderDeadLetterQueue = reminderDeadLetterQueue;
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: `CareBow ${props.stage}: EventBridge Scheduler puts reminders of ${scheduleGroupName} on the notifications queue`,
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnEquals: { 'aws:SourceArn': scheduleGroup.scheduleGroupArn },
        },
      }),
    });
    // A customer-managed policy rather than the role's inline default policy: nothing to acknowledge.
    new iam.ManagedPolicy(this, 'SchedulerPolicy', {
      description: `CareBow ${props.stage}: send reminders to the notifications queue, or to their DLQ`,
      roles: [schedulerRole],
      statements: [
        new iam.PolicyStatement({ actions: [...SCHEDULER_QUEUE_ACTIONS], resources: [queue.queueArn, reminderDeadLetterQueue.queueArn] }),
        new iam.PolicyStatement({ actions: [...SCHEDULER_KEY_ACTIONS], resources: [props.encryptionKey.keyArn] }),
      ],
    });
    this.schedulerRole = schedulerRole;
    this.reminderTargets = { scheduleGroupName, schedulesArn: schedulesInGroupArn(scheduleGroupName), schedulerRole, deadLetterQueue: reminderDeadLetterQueue };
  }

  /**
   * The environment the worker adds to the route functions': the sender, the configuration set, and
   * what each reminder's one-time schedule names (its group, target queue, the role Scheduler
   * assumes, and the DLQ for a reminder it could not deliver). Only the worker manages reminders.
   */
  public get workerEnvironment(): Readonly<Record<string, string>> {
    return {
      NOTIFICATIONS_FROM_EMAIL: this.props.fromEmail,
      SES_CONFIGURATION_SET: sesConfigurationSetName(this.props.stage),
      REMINDER_SCHEDULE_GROUP: this.reminderTargets.scheduleGroupName,
      REMINDER_TARGET_QUEUE_ARN: this.queue.queueArn,
      REMINDER_SCHEDULER_ROLE_ARN: this.reminderTargets.schedulerRole.roleArn,
      REMINDER_DEAD_LETTER_QUEUE_ARN: this.reminderTargets.deadLetterQueue.queueArn,
    };
  }

  /**
   * Adds the worker (`functions/notifications/worker.ts`) and its event source on the queue. Called
   * once, after the API: the worker starts from the route functions' environment.
   */
  public addWorker(props: NotificationsWorkerProps): NotificationsWorker {
    if (this.worker !== undefined) throw new Error('The notifications worker already exists');
    if (props.maxConcurrency > props.reservedConcurrency) {
      throw new Error(`maxConcurrency (${props.maxConcurrency}) must not exceed reservedConcurrency (${props.reservedConcurrency})`);
    }
    const entry = props.entry ?? NOTIFICATIONS_WORKER_ENTRY;
    if (!existsSync(entryFile(entry))) {
      throw new Error(`The notifications worker's entry functions/${entry}.ts does not exist (it exports the SQS batch handler \`handler\`)`);
    }
    const stack = Stack.of(this);

    const fn = nodeFunction(this, 'Worker', props.settings, {
      entry,
      description: 'Notifications worker: sends queued notification events by e-mail (SES) and SMS (SNS); records SES bounces',
      memorySize: props.memorySize ?? 256,
      timeout: this.workerTimeout,
      reservedConcurrency: props.reservedConcurrency,
      environment: { ...props.environment, ...this.workerEnvironment },
    });
    acknowledge(fn, 'queueWorkerNoLambdaDlq');
    grantDeclared(fn, NOTIFICATIONS_WORKER_GRANTS, {
      tables: props.tables,
      dataKeyWrappingKey: props.dataKeyWrappingKey,
      notificationsQueue: this.queue,
      reminders: this.reminderTargets,
    });

    // E-mail: SES v2 SendEmail from the one sender address, through the configuration set, with the
    // verified identity (plus the verified recipients while the account is in the sandbox).
    const identityArn = (identity: string): string => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          identityArn(this.props.emailIdentity),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: sesConfigurationSetName(this.props.stage) }),
          ...(this.props.sandboxRecipients ?? []).map(identityArn),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.props.fromEmail } },
      }),
    );
    // SMS: a phone number has no ARN, so Publish must name `*` (acknowledged); every SNS ARN (topics,
    // platform endpoints) is denied, so the only thing the worker can publish to is a phone number.
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['sns:Publish'], resources: [`arn:${Aws.PARTITION}:sns:*:*:*`] }));
    acknowledge(fn.role!, 'smsPublishWildcardResource');

    // Grants ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes and
    // GetQueueUrl on this queue, and kms:Decrypt on its key.
    // The queue invokes the `live` alias, which CodeDeploy moves to each deploy's version (errors roll it back).
    const target = invokedTarget(fn, props.settings, { name: 'notificationsWorker' });
    target.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency,
      }),
    );
    const eventSourceMapping = target.node.children.find((child): child is lambda.EventSourceMapping => child instanceof lambda.EventSourceMapping);
    if (eventSourceMapping === undefined) throw new Error('The notifications queue event source mapping was not created');
    acknowledge(eventSourceMapping, 'queueEventSourceRedrivesToDlq');

    this.worker = { function: fn, eventSourceMapping };
    return this.worker;
  }
}
