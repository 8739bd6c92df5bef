import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { METRIC_SERVICES } from '../shared/metric-catalog';
import { catalogMetric, catalogSearch } from './catalog-metrics';
import { ComplianceDashboard } from './compliance-dashboard';
import { acknowledge } from './nag';
import { AlarmStatusRow, modelRow, platformRows, routeRows, type WatchedQueue } from './operator-dashboard';
import { auditAnchorAlarms } from './audit-anchor';

/** What Observability watches of notifications (lib/notifications.ts). */
export interface NotificationsWatch {
  /** The worker: a dashboard row, and the failure-rate alarm. Put it in `functions` too for its error and throttle alarms. */
  readonly worker: lambda.IFunction;
  /** The notifications queue (depth and oldest message age, on the dashboard). */
  readonly queue: sqs.IQueue;
  /** Its dead-letter queue (any message is an alarm). */
  readonly deadLetterQueue: sqs.IQueue;
  /** The DLQ of reminders EventBridge Scheduler could not deliver (any message is an alarm). */
  readonly reminderDeadLetterQueue: sqs.IQueue;
  /** The reminders' schedule group (Scheduler's own metrics, on the dashboard). */
  readonly scheduleGroup: scheduler.IScheduleGroup;
}

/** What Observability watches of the content library's publication queue (lib/content.ts). */
export interface ContentWatch {
  /** The queue publish and archive send "the library changed" to. */
  readonly queue: sqs.IQueue;
  /** Its dead-letter queue: any message there means the public library may be stale. */
  readonly deadLetterQueue: sqs.IQueue;
}

/** What Observability watches of the assistant chat's queue and worker (lib/chat.ts). */
export interface ChatWatch {
  /** The chat worker: a dashboard row with its model usage. Put it in `functions` too for its error and throttle alarms. */
  readonly worker: lambda.IFunction;
  /** The chat queue (oldest message age: an alarm). */
  readonly queue: sqs.IQueue;
  /** Its dead-letter queue (any message is an alarm). */
  readonly deadLetterQueue: sqs.IQueue;
}

export interface ObservabilityProps {
  /** Stage name; part of alarm and dashboard names. */
  readonly stage: string;
  /** CMK for the alarm topic; CloudWatch is allowed to use it to publish. */
  readonly encryptionKey: kms.IKey;
  /** The API whose requests, errors and latency are watched. */
  readonly restApi: apigw.RestApi;
  /** The API stage (metrics are per stage). */
  readonly apiStage: apigw.IStage;
  /** Functions to watch for errors and throttles, keyed by a readable name. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /**
   * The triage worker: a dashboard row with its invocations, errors and duration, and the EMF
   * metrics it emits (namespace `CareBow`, service `triage-worker`). Put it in `functions` too
   * for its error and throttle alarms.
   * @default - no worker row
   */
  readonly triageWorker?: lambda.IFunction;
  /** The triage queue (oldest message age). */
  readonly queue: sqs.IQueue;
  /** Its dead-letter queue (any message is an alarm). */
  readonly deadLetterQueue: sqs.IQueue;
  /**
   * Notifications: alarms on both dead-letter queues and the worker's failure rate, and a dashboard row.
   * @default - not watched
   */
  readonly notifications?: NotificationsWatch;
  /** The content queues; without them no content alarm or widget. */
  readonly content?: ContentWatch;
  /**
   * The chat queue and worker: alarms on the DLQ (any message) and the oldest message's age, and a dashboard row.
   * @default - not watched
   */
  readonly chat?: ChatWatch;
  /**
   * The audit anchor worker (lib/audit-anchor.ts): alarms on a failed run and on a chain found tampered.
   * @default - no audit anchor alarms
   */
  readonly auditAnchor?: { readonly worker: lambda.IFunction };
  /**
   * Percentage of the notifications worker's invocations that fail, over three 5-minute periods,
   * that raises the alarm (a failed invocation returns its whole batch to the queue).
   * @default 10
   */
  readonly notificationsFailureRateThreshold?: number;
  /**
   * Functions that are not routes (the authorizer, the workers): their concurrency on the operator dashboard.
   * @default - the account's concurrency alone
   */
  readonly workers?: Readonly<Record<string, lambda.IFunction>>;
  /**
   * The tables whose throttles the operator dashboard shows, by name.
   * @default - no DynamoDB widgets
   */
  readonly tables?: Readonly<Record<string, dynamodb.ITableV2>>;
  /**
   * The web ACL in front of the API: requests allowed and blocked, by rule, on the operator dashboard.
   * @default - no WAF widgets
   */
  readonly webAcl?: wafv2.CfnWebACL;
  /**
   * Where alarm notifications are e-mailed.
   * @default - no subscription (subscribe to the topic out of band)
   */
  readonly alarmEmail?: string;
  /**
   * API 5XX responses per 5 minutes that raise the alarm.
   * @default 5
   */
  readonly api5xxThreshold?: number;
  /**
   * API p99 latency, in milliseconds, that raises the alarm (over three 5-minute periods).
   * @default 3000
   */
  readonly apiP99LatencyThresholdMs?: number;
  /**
   * Age of the oldest triage message that raises the alarm.
   * @default Duration.minutes(5)
   */
  readonly queueAgeThreshold?: Duration;
  /**
   * Age of the oldest chat message that raises the alarm (three minutes in a row).
   * @default Duration.minutes(5)
   */
  readonly chatQueueAgeThreshold?: Duration;
}

/**
 * What operators and compliance officers look at: an encrypted alarm topic, alarms on the API,
 * every function and the queues (each notifying the topic), the operator dashboard
 * (`carebow-<stage>`) and the compliance dashboard (`carebow-<stage>-compliance`).
 *
 * Nothing here is stateful, so it may live in a nested stack apart from what it watches
 * (CareBowStack puts it in `Monitoring`): the functions, queues, API and key it is given are then
 * passed in as nested stack parameters, one per referenced attribute.
 */
export class Observability extends Construct {
  public readonly alarmTopic: sns.ITopic;
  public readonly alarms: readonly cloudwatch.IAlarm[];
  /** The operator dashboard, `carebow-<stage>`. */
  public readonly dashboard: cloudwatch.Dashboard;
  /** The compliance dashboard, `carebow-<stage>-compliance`. */
  public readonly complianceDashboard: cloudwatch.Dashboard;

  private readonly alarmList: cloudwatch.Alarm[] = [];
  private readonly props: ObservabilityProps;

  public constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.props = props;

    // CloudWatch publishes alarm notifications to the encrypted topic on its own behalf. The
    // statement goes into the key's own policy, in the key's stack (the stage stack, when this
    // construct is in the Monitoring nested stack), so it names the key's account.
    props.encryptionKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(props.encryptionKey).account } },
      }),
    );
    const topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `CareBow ${props.stage} alarms`,
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) {
      const subscription = new sns.Subscription(this, 'AlarmEmail', {
        topic,
        protocol: sns.SubscriptionProtocol.EMAIL,
        endpoint: props.alarmEmail,
      });
      acknowledge(subscription, 'emailSubscriptionNoDlq');
    }
    this.alarmTopic = topic;

    const period = Duration.minutes(5);
    const dimensions = { ApiName: props.restApi.restApiName, Stage: props.apiStage.stageName };
    // Alarms watch plain metrics; the dashboard shows labelled copies (a label turns an alarm's
    // metric into a metric-math expression).
    const apiMetric = (metricName: string, statistic: string): cloudwatch.Metric =>
      new cloudwatch.Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: dimensions, statistic, period });
    const requests = apiMetric('Count', 'Sum');
    const clientErrors = apiMetric('4XXError', 'Sum');
    const serverErrors = apiMetric('5XXError', 'Sum');
    const p99 = apiMetric('Latency', 'p99');

    this.alarm('Api5xx', serverErrors, {
      threshold: props.api5xxThreshold ?? 5,
      evaluationPeriods: 1,
      description: 'The API answered with 5XX responses.',
    });
    this.alarm('ApiP99Latency', p99, {
      threshold: props.apiP99LatencyThresholdMs ?? 3000,
      evaluationPeriods: 3,
      description: 'API p99 latency stayed high for 15 minutes.',
    });

    const functionNames = Object.keys(props.functions).sort();
    const errorMetrics: cloudwatch.IMetric[] = [];
    const throttleMetrics: cloudwatch.IMetric[] = [];
    for (const name of functionNames) {
      const fn = props.functions[name]!;
      const errors = fn.metricErrors({ period, statistic: 'Sum' });
      const throttles = fn.metricThrottles({ period, statistic: 'Sum' });
      errorMetrics.push(errors.with({ label: name }));
      throttleMetrics.push(throttles.with({ label: name }));
      this.alarm(`${capitalize(name)}Errors`, errors, { threshold: 1, evaluationPeriods: 1, description: `The ${name} function failed.` });
      this.alarm(`${capitalize(name)}Throttles`, throttles, { threshold: 1, evaluationPeriods: 1, description: `The ${name} function was throttled.` });
    }

    const dlqDepth = this.deadLetterAlarm('TriageDeadLetters', props.deadLetterQueue, 'Triage messages reached the dead-letter queue.');
    const oldestAge = props.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' });
    this.alarm('TriageQueueAge', oldestAge, {
      threshold: (props.queueAgeThreshold ?? Duration.minutes(5)).toSeconds(),
      evaluationPeriods: 3,
      description: 'Triage messages are waiting too long.',
    });
    const queueDepth = props.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' });
    const notificationWidgets = props.notifications !== undefined ? this.watchNotifications(props.notifications, period) : [];
    const contentWidgets = props.content !== undefined ? [this.watchContent(props.content)] : [];
    // Every emergency access without consent pages someone (issue 13, break-glass): a compliance officer reviews each.
    const breakGlass = catalogMetric('BreakGlassUsed', { service: METRIC_SERVICES.routes }, { statistic: 'Sum', period });
    const breakGlassAlarm = this.alarm('BreakGlassUsed', breakGlass, {
      threshold: 1,
      evaluationPeriods: 1,
      description: 'A provider opened a patient’s profile without consent (break-glass): review the reason and the access.',
    });
    for (const { id: alarmId, metric, description } of props.auditAnchor !== undefined ? auditAnchorAlarms(props.auditAnchor.worker, period) : []) {
      this.alarm(alarmId, metric, { threshold: 1, evaluationPeriods: 1, description });
    }
    const chatWidgets = props.chat !== undefined ? this.watchChat(props.chat, period) : [];
    this.alarms = this.alarmList;

    const queues: WatchedQueue[] = [
      { name: 'triage', queue: props.queue, deadLetterQueue: props.deadLetterQueue },
      ...(props.chat !== undefined ? [{ name: 'chat', queue: props.chat.queue, deadLetterQueue: props.chat.deadLetterQueue }] : []),
      ...(props.notifications !== undefined
        ? [
            { name: 'notifications', queue: props.notifications.queue, deadLetterQueue: props.notifications.deadLetterQueue },
            { name: 'reminders (Scheduler DLQ)', deadLetterQueue: props.notifications.reminderDeadLetterQueue },
          ]
        : []),
      ...(props.content !== undefined ? [{ name: 'content', queue: props.content.queue, deadLetterQueue: props.content.deadLetterQueue }] : []),
    ];

    // The operator dashboard: the 3 a.m. view first (alarms, the API, the worst routes), then the
    // platform under it, the model, and a row per worker. Its construct id and name are the first dashboard's.
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `carebow-${props.stage}`,
      defaultInterval: Duration.hours(3),
      widgets: [
        [new AlarmStatusRow(this.alarmList)],
        [
          new cloudwatch.GraphWidget({ title: 'API requests', left: [requests.with({ label: 'Requests' })], width: 6 }),
          new cloudwatch.GraphWidget({ title: 'API 4XX', left: [clientErrors.with({ label: '4XX' })], width: 6 }),
          new cloudwatch.GraphWidget({ title: 'API 5XX', left: [serverErrors.with({ label: '5XX' })], width: 6 }),
          new cloudwatch.GraphWidget({ title: 'API p99 latency (ms)', left: [p99.with({ label: 'p99' })], width: 6 }),
        ],
        ...routeRows(period),
        [
          new cloudwatch.GraphWidget({ title: 'Lambda errors', left: errorMetrics, width: 12, stacked: true }),
          new cloudwatch.GraphWidget({ title: 'Lambda throttles', left: throttleMetrics, width: 12, stacked: true }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Triage queue',
            left: [oldestAge.with({ label: 'Oldest message age (s)' })],
            right: [queueDepth.with({ label: 'Queue depth' }), dlqDepth.with({ label: 'DLQ depth' })],
            width: 12,
          }),
          ...contentWidgets,
        ],
        ...platformRows(
          {
            queues,
            workers: props.workers ?? {},
            ...(props.tables !== undefined ? { tables: props.tables } : {}),
            ...(props.webAcl !== undefined ? { webAcl: props.webAcl } : {}),
          },
          period,
        ),
        modelRow(period),
        ...(props.triageWorker !== undefined ? [triageWorkerWidgets(props.triageWorker, period)] : []),
        ...(chatWidgets.length > 0 ? [chatWidgets] : []),
        ...(notificationWidgets.length > 0 ? [notificationWidgets] : []),
      ],
    });

    this.complianceDashboard = new ComplianceDashboard(this, 'ComplianceDashboard', { stage: props.stage, breakGlassAlarm }).dashboard;
  }

  /**
   * Alarms on the chat DLQ (any message: a reply failed five times, the patient's message stays pending) and on
   * the chat queue's oldest message; returns the dashboard row: the worker, its model usage, the queues.
   */
  private watchChat(watch: ChatWatch, period: Duration): cloudwatch.IWidget[] {
    const minute = Duration.minutes(1);
    const deadLetters = this.deadLetterAlarm(
      'ChatDeadLetters',
      watch.deadLetterQueue,
      'Chat messages reached the dead-letter queue: their conversations stay pending, without a reply.',
    );
    const age = watch.queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum' });
    this.alarm('ChatQueueAge', age, {
      threshold: (this.props.chatQueueAgeThreshold ?? Duration.minutes(5)).toSeconds(),
      evaluationPeriods: 3,
      description: 'Chat messages are waiting too long for a reply.',
    });
    const depth = watch.queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum' });
    return [
      ...modelWorkerWidgets('Chat', watch.worker, period, CHAT_METRICS_SERVICE),
      new cloudwatch.GraphWidget({
        title: 'Chat queue',
        left: [age.with({ label: 'Oldest message age (s)' })],
        right: [depth.with({ label: 'Queue depth' }), deadLetters.with({ label: 'DLQ depth' })],
        width: 8,
      }),
    ];
  }

  /** Alarms on the content DLQ (any message: a rebuild failed five times); returns the queue widget. */
  private watchContent(watch: ContentWatch): cloudwatch.IWidget {
    const minute = Duration.minutes(1);
    const deadLetters = this.deadLetterAlarm(
      'ContentDeadLetters',
      watch.deadLetterQueue,
      'Content library rebuilds reached the dead-letter queue: published posts may be missing from the public library and the assistant.',
    );
    return new cloudwatch.GraphWidget({
      title: 'Content library queue',
      left: [watch.queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum', label: 'Oldest message age (s)' })],
      right: [
        watch.queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum', label: 'Queue depth' }),
        deadLetters.with({ label: 'DLQ depth' }),
      ],
      width: 12,
    });
  }

  /**
   * Alarms on the notifications DLQ and the reminders' DLQ (any message) and on the worker's failure
   * rate; returns the dashboard row: the worker, the queues, and EventBridge Scheduler's reminders.
   */
  private watchNotifications(watch: NotificationsWatch, period: Duration): cloudwatch.IWidget[] {
    const minute = Duration.minutes(1);
    const deadLetters = this.deadLetterAlarm(
      'NotificationsDeadLetters',
      watch.deadLetterQueue,
      'Notification events (or SES bounce notifications) reached the dead-letter queue: they were not sent.',
    );
    const reminderDeadLetters = this.deadLetterAlarm(
      'ReminderDeadLetters',
      watch.reminderDeadLetterQueue,
      'EventBridge Scheduler could not put appointment reminders on the notifications queue.',
    );
    const invocations = watch.worker.metricInvocations({ period, statistic: 'Sum' });
    const errors = watch.worker.metricErrors({ period, statistic: 'Sum' });
    const failureRate = new cloudwatch.MathExpression({
      expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
      usingMetrics: { invocations, errors },
      period,
      label: 'Failed invocations (%)',
    });
    this.alarm('NotificationsWorkerFailureRate', failureRate, {
      threshold: this.props.notificationsFailureRateThreshold ?? 10,
      evaluationPeriods: 3,
      description: 'The notifications worker failed a large share of its invocations for 15 minutes.',
    });

    const age = watch.queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum' });
    const depth = watch.queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum' });
    const group = watch.scheduleGroup;
    return [
      new cloudwatch.GraphWidget({
        title: 'Notifications worker',
        left: [
          invocations.with({ label: 'Invocations' }),
          errors.with({ label: 'Errors' }),
          watch.worker.metricThrottles({ period, statistic: 'Sum', label: 'Throttles' }),
        ],
        right: [failureRate, watch.worker.metricDuration({ period, statistic: 'p99', label: 'Duration p99 (ms)' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Notifications queues',
        left: [age.with({ label: 'Oldest message age (s)' })],
        right: [depth.with({ label: 'Queue depth' }), deadLetters.with({ label: 'DLQ depth' }), reminderDeadLetters.with({ label: 'Reminder DLQ depth' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Reminders (EventBridge Scheduler)',
        left: [
          group.metricAttempts({ period, statistic: 'Sum', label: 'Invocation attempts' }),
          group.metricTargetErrors({ period, statistic: 'Sum', label: 'Target errors' }),
          group.metricSentToDLQ({ period, statistic: 'Sum', label: 'Sent to DLQ' }),
          group.metricFailedToBeSentToDLQ(undefined, { period, statistic: 'Sum', label: 'Failed to reach the DLQ' }),
        ],
        width: 8,
      }),
    ];
  }

  /** Alarms on any message in `deadLetterQueue` (its depth, per minute); returns that depth for the dashboard. */
  private deadLetterAlarm(id: string, deadLetterQueue: sqs.IQueue, description: string): cloudwatch.Metric {
    const depth = deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' });
    this.alarm(id, depth, { threshold: 0, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, evaluationPeriods: 1, description });
    return depth;
  }

  private alarm(
    id: string,
    metric: cloudwatch.IMetric,
    options: { threshold: number; evaluationPeriods: number; description: string; comparisonOperator?: cloudwatch.ComparisonOperator },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, `${id}Alarm`, {
      alarmName: `carebow-${this.props.stage}-${kebab(id)}`,
      // Whoever is paged gets the way in: what it means, how to look, how to fix, how to tell it is fixed.
      alarmDescription: `${options.description} Runbook: ${runbookOf(id)}`,
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      comparisonOperator: options.comparisonOperator ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const action = new actions.SnsAction(this.alarmTopic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarmList.push(alarm);
    return alarm;
  }
}

/** The runbook of the alarms that are not one per function (docs/runbooks/README.md). */
const RUNBOOKS: Readonly<Record<string, string>> = {
  Api5xx: 'api-5xx',
  ApiP99Latency: 'api-p99-latency',
  TriageDeadLetters: 'triage-dead-letters',
  TriageQueueAge: 'triage-queue-age',
  NotificationsDeadLetters: 'notifications-dead-letters',
  ReminderDeadLetters: 'reminder-dead-letters',
  NotificationsWorkerFailureRate: 'notifications-worker-failure-rate',
  ContentDeadLetters: 'content-dead-letters',
  BreakGlassUsed: 'break-glass-used',
  ChatDeadLetters: 'chat-dead-letters',
  ChatQueueAge: 'chat-queue-age',
  AuditAnchorFailed: 'audit-anchor',
  AuditChainBroken: 'audit-anchor',
};

/** `docs/runbooks/<file>.md` for an alarm id: its own, or the one every function's errors or throttles share. */
export const runbookOf = (alarmId: string): string => {
  const file = RUNBOOKS[alarmId] ?? (alarmId.endsWith('Errors') ? 'function-errors' : alarmId.endsWith('Throttles') ? 'function-throttles' : undefined);
  if (file === undefined) throw new Error(`Alarm ${alarmId} has no runbook: add one to docs/runbooks/ and to RUNBOOKS in lib/observability.ts`);
  return `docs/runbooks/${file}.md`;
};

const TRIAGE_METRICS_SERVICE = METRIC_SERVICES.triageWorker;
const CHAT_METRICS_SERVICE = METRIC_SERVICES.chatWorker;

/**
 * Every series of one catalog metric of a worker, whatever the values of its other dimensions (the
 * model name, the outcome's source and level): a search, so a new model or level shows without a deploy.
 */
const emfSearch = (
  metricName: 'ModelCostMicroUsd' | 'ModelInputTokens' | 'ModelOutputTokens' | 'TriageCompleted',
  label: string,
  period: Duration,
  service: string = TRIAGE_METRICS_SERVICE,
): cloudwatch.MathExpression => catalogSearch(metricName, { service }, { statistic: 'Sum', period, label });

/**
 * A model worker's two dashboard widgets: its invocations, errors, throttles and p99 duration; the
 * model's cost and tokens (EMF, under the worker's `service`).
 */
const modelWorkerWidgets = (name: string, worker: lambda.IFunction, period: Duration, service: string): cloudwatch.IWidget[] => [
  new cloudwatch.GraphWidget({
    title: `${name} worker`,
    left: [
      worker.metricInvocations({ period, statistic: 'Sum', label: 'Invocations' }),
      worker.metricErrors({ period, statistic: 'Sum', label: 'Errors' }),
      worker.metricThrottles({ period, statistic: 'Sum', label: 'Throttles' }),
    ],
    right: [worker.metricDuration({ period, statistic: 'p99', label: 'Duration p99 (ms)' })],
    width: 8,
  }),
  new cloudwatch.GraphWidget({
    title: `${name} model usage`,
    left: [emfSearch('ModelCostMicroUsd', 'Cost (µUSD)', period, service)],
    right: [emfSearch('ModelInputTokens', 'Input tokens', period, service), emfSearch('ModelOutputTokens', 'Output tokens', period, service)],
    width: 8,
  }),
];

/** One dashboard row: the worker's own metrics, the model's usage and cost, triage outcomes. */
const triageWorkerWidgets = (worker: lambda.IFunction, period: Duration): cloudwatch.IWidget[] => [
  ...modelWorkerWidgets('Triage', worker, period, TRIAGE_METRICS_SERVICE),
  new cloudwatch.GraphWidget({
    title: 'Triage outcomes',
    left: [emfSearch('TriageCompleted', 'Completed', period)],
    width: 8,
    stacked: true,
  }),
];

const capitalize = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const kebab = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
