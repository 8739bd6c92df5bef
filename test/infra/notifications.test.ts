import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS_WORKER_ENTRY } from '../../lib/function-entries';
import { Notifications } from '../../lib/notifications';
import { STAGE_CONFIGS } from '../../lib/stages';
import {
  asArray,
  logicalIdOf,
  referencedId,
  referencedIds,
  resourcesOfType,
  routeConstructPath,
  synthStage,
  type CfnResource,
  type Synthesized,
} from './support/synth';

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
  readonly Principal?: Record<string, unknown>;
}

const PHI_PURPOSE = { StringEquals: { 'kms:EncryptionContext:purpose': 'carebow-phi' } };
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * What the worker may do, written out: `NOTIFICATIONS_WORKER_GRANTS` of lib/notifications.ts, its
 * logs and traces, consuming the queue, SES from the one sender, SMS to phone numbers only, and the
 * reminders' schedules (routes only enqueue events: the worker alone manages reminders).
 */
const WORKER_PERMISSIONS = (stage: string): readonly (readonly [actions: readonly string[], resources: readonly string[], condition?: object])[] => [
  [['logs:CreateLogStream', 'logs:PutLogEvents'], ['logs']],
  [['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], ['*']],
  // records: delivery records, contact details, preferences, suppressions, the appointments it reminds of.
  [
    [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ],
    ['records', 'records/index/byGrantee', 'records/index/byDirectory', 'records/index/byPartyTime'],
  ],
  // keys: read wrapped data keys, and destroy a deletion notice's own key once it is sent (a tombstone).
  [
    [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ],
    ['keys'],
  ],
  // identity: read the account's e-mail.
  [['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'], ['identity']],
  // content: count each appointment change once in the product figures (a marker and an ADD; no PHI in that table).
  [
    [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ],
    ['content', 'content/index/byStatus'],
  ],
  // audit: append only.
  [
    ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
    ['audit', 'audit/index/byActor', 'audit/index/bySubjectTime', 'audit/index/byAnchorWindow'],
  ],
  // The tables' and the queue's CMK, used by DynamoDB and SQS on the worker's behalf.
  [['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:GenerateDataKey'], ['cmk']],
  // Unwrap data keys (the sealed phone number and verification code), only under the PHI purpose.
  [['kms:Decrypt'], ['wrappingKey'], PHI_PURPOSE],
  // Put a deferred event back on its queue (quiet hours), and consume the queue (the event source's grant; its
  // sqs:ChangeMessageVisibility is also the worker's back-off after a transient failure).
  [['sqs:SendMessage'], ['queue']],
  [['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], ['queue']],
  // E-mail: SES v2 from the stage's sender only, with its identity and configuration set.
  [
    ['ses:SendEmail'],
    [
      `arn:<partition>:ses:us-east-1:<account>:identity/${STAGE_CONFIGS[stage as 'dev'].notifications.emailIdentity}`,
      `arn:<partition>:ses:us-east-1:<account>:configuration-set/carebow-${stage}-notifications`,
    ],
    { StringEquals: { 'ses:FromAddress': STAGE_CONFIGS[stage as 'dev'].notifications.fromEmail } },
  ],
  // SMS: a phone number has no ARN (and every SNS ARN is denied, below).
  [['sns:Publish'], ['*']],
  // Reminders: the worker keeps each appointment's one-time schedules, in the stage's group only, and hands Scheduler its role.
  [
    ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
    [`arn:<partition>:scheduler:<region>:<account>:schedule/carebow-${stage}-reminders/*`],
  ],
  [['iam:PassRole'], ['schedulerRole'], { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } }],
];

describe('Construct: Notifications', () => {
  let dev: Synthesized;
  let prod: Synthesized;

  beforeAll(() => {
    // The worker's entry is written with the runtime (functions/notifications/worker.ts); without it nothing synthesizes.
    if (!existsSync(join(ROOT, 'functions', `${NOTIFICATIONS_WORKER_ENTRY}.ts`))) return;
    dev = synthStage('dev');
    prod = synthStage('prod');
  });

  const resourceOf = (synth: Synthesized, path: string): CfnResource => synth.json.Resources[logicalIdOf(synth.stack, path)]!;
  const workerOf = (synth: Synthesized): CfnResource => resourceOf(synth, 'Notifications/WorkerFunction');
  const keyArnOf = (synth: Synthesized): unknown => ({ 'Fn::GetAtt': [logicalIdOf(synth.stack, 'Data/Key'), 'Arn'] });
  const keyStatement = (synth: Synthesized, sid: string): Statement | undefined =>
    (resourceOf(synth, 'Data/Key').Properties!.KeyPolicy.Statement as Statement[]).find((s) => s.Sid === sid);
  const policyOfQueue = (synth: Synthesized, path: string): Statement[] => {
    const queueId = logicalIdOf(synth.stack, path);
    const policy = resourcesOfType(synth.json, 'AWS::SQS::QueuePolicy').find(([, p]) => asArray(p.Properties!.Queues).some((q) => referencedId(q) === queueId));
    return asArray(policy?.[1].Properties!.PolicyDocument.Statement as Statement[]);
  };

  /** Logical ids → the short names `WORKER_PERMISSIONS` uses; pseudo parameters → `<partition>`, `<account>`. */
  const render = (synth: Synthesized, resource: unknown): string => {
    const names = new Map(
      Object.entries({
        'Data/RecordsTable': 'records',
        'Data/KeysTable': 'keys',
        'Data/IdentityTable': 'identity',
        'Data/ContentTable': 'content',
        'Data/AuditTable': 'audit',
        'Data/Key': 'cmk',
        'Data/DataKeyWrappingKey': 'wrappingKey',
        'Notifications/Queue': 'queue',
        'Notifications/SchedulerRole': 'schedulerRole',
        'Notifications/WorkerLogs': 'logs',
      }).map(([path, name]) => [logicalIdOf(synth.stack, path), name]),
    );
    const pseudo: Record<string, string> = { 'AWS::Partition': '<partition>', 'AWS::AccountId': '<account>', 'AWS::Region': '<region>' };
    const walk = (node: unknown): string => {
      if (typeof node === 'string') return node;
      const join = (node as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      if (join !== undefined) return join[1].map(walk).join(join[0]);
      const ref = (node as { Ref?: string }).Ref;
      if (ref !== undefined && ref in pseudo) return pseudo[ref]!;
      const id = referencedId(node);
      return id === undefined ? JSON.stringify(node) : (names.get(id) ?? `<${id}>`);
    };
    return walk(resource);
  };

  const workerStatements = (synth: Synthesized): Statement[] => {
    const roleId = logicalIdOf(synth.stack, 'Notifications/WorkerRole');
    return resourcesOfType(synth.json, 'AWS::IAM::Policy')
      .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
      .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
  };

  /** `action on resource [if condition]`, one per pair: equal however statements are split or merged. */
  const pairs = (statements: readonly Statement[], synth: Synthesized): Set<string> =>
    new Set(
      statements.flatMap((s) =>
        asArray(s.Action).flatMap((action) =>
          asArray(s.Resource).map(
            (resource) => `${action} on ${render(synth, resource)}${s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`}`,
          ),
        ),
      ),
    );

  it('has the worker entry the runtime writes, functions/notifications/worker.ts (nothing synthesizes without it)', () => {
    // Prepare
    const entry = join(ROOT, 'functions', `${NOTIFICATIONS_WORKER_ENTRY}.ts`);

    // Act
    const exists = existsSync(entry);

    // Assess
    expect(exists, `${entry} is missing: the notifications worker is written with the runtime (issue 11)`).toBe(true);
  });

  it('encrypts the queue and its DLQ with the CMK, refuses non-TLS access, and redrives after 5 receives with a visibility of 6 × the worker timeout', () => {
    // Prepare
    const dlqId = logicalIdOf(dev.stack, 'Notifications/DeadLetterQueue');
    const timeout = workerOf(dev).Properties!.Timeout as number;

    // Act
    const queue = resourceOf(dev, 'Notifications/Queue').Properties!;
    const dlq = resourceOf(dev, 'Notifications/DeadLetterQueue').Properties!;

    // Assess
    expect(timeout).toBe(30);
    expect(queue).toMatchObject({
      KmsMasterKeyId: keyArnOf(dev),
      VisibilityTimeout: 180,
      MessageRetentionPeriod: 4 * 86400,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
    });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
    expect(dlq).toMatchObject({ KmsMasterKeyId: keyArnOf(dev), MessageRetentionPeriod: 14 * 86400 });
    for (const path of ['Notifications/Queue', 'Notifications/DeadLetterQueue', 'Notifications/ReminderDeadLetterQueue']) {
      expect(policyOfQueue(dev, path), path).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      );
    }
  });

  it('runs the worker on nodejs24.x, arm64, 30 s, 256 MB, with tracing, its own log group and the stage reserved concurrency', () => {
    // Prepare
    const stages = [
      ['dev', dev],
      ['prod', prod],
    ] as const;

    for (const [name, synth] of stages) {
      // Act
      const worker = workerOf(synth);

      // Assess
      expect(worker.Properties, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: 30,
        MemorySize: 256,
        TracingConfig: { Mode: 'Active' },
        ReservedConcurrentExecutions: STAGE_CONFIGS[name].notifications.reservedConcurrency,
        Role: { 'Fn::GetAtt': [logicalIdOf(synth.stack, 'Notifications/WorkerRole'), 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(synth.stack, 'Notifications/WorkerLogs') } },
      });
      expect(worker.Properties!.DeadLetterConfig, name).toBeUndefined();
      expect(resourceOf(synth, 'Notifications/WorkerLogs').Properties, name).toMatchObject({
        KmsKeyId: keyArnOf(synth),
        RetentionInDays: STAGE_CONFIGS[name].logRetention,
      });
    }
  });

  it('consumes the queue in batches of 10 with partial batch responses, within the reservation', () => {
    // Prepare
    // The queue invokes the worker's live alias (docs/adr/0016-canary-deployments.md).
    const workerId = logicalIdOf(prod.stack, 'Notifications/WorkerLive/Alias');

    // Act
    const mappings = resourcesOfType(prod.json, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => referencedIds(m.Properties!.FunctionName).has(workerId));

    // Assess
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(prod.stack, 'Notifications/Queue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: STAGE_CONFIGS.prod.notifications.maxConcurrency },
    });
    expect(STAGE_CONFIGS.prod.notifications.maxConcurrency).toBeLessThanOrEqual(workerOf(prod).Properties!.ReservedConcurrentExecutions as number);
  });

  it("hands the worker the route functions' environment plus its sender, configuration set and the reminders' schedule settings", () => {
    // Prepare
    const routeEnvironment = dev.json.Resources[logicalIdOf(dev.stack, routeConstructPath('appointmentBook', 'Function'))]!.Properties!.Environment.Variables;

    // Act
    const {
      NOTIFICATIONS_FROM_EMAIL: from,
      SES_CONFIGURATION_SET: configurationSet,
      REMINDER_SCHEDULE_GROUP: _group,
      REMINDER_TARGET_QUEUE_ARN: _target,
      REMINDER_SCHEDULER_ROLE_ARN: _role,
      REMINDER_DEAD_LETTER_QUEUE_ARN: _dlq,
      ...rest
    } = workerOf(dev).Properties!.Environment.Variables as Record<string, unknown>;

    // Assess
    expect(rest).toEqual(routeEnvironment);
    expect(from).toBe(STAGE_CONFIGS.dev.notifications.fromEmail);
    expect(configurationSet).toBe('carebow-dev-notifications');
  });

  it('gives every route the queue URL and the app URL, and only the worker what a one-time reminder schedule names (group, target, role, DLQ)', () => {
    // Prepare
    const routeVariables = dev.json.Resources[logicalIdOf(dev.stack, routeConstructPath('appointmentCancel', 'Function'))]!.Properties!.Environment
      .Variables as Record<string, unknown>;
    const variables = workerOf(dev).Properties!.Environment.Variables as Record<string, unknown>;

    // Act
    const env = {
      queueUrl: variables.NOTIFICATIONS_QUEUE_URL,
      target: variables.REMINDER_TARGET_QUEUE_ARN,
      role: variables.REMINDER_SCHEDULER_ROLE_ARN,
      dlq: variables.REMINDER_DEAD_LETTER_QUEUE_ARN,
    };

    // Assess
    expect(env.queueUrl).toEqual({ Ref: logicalIdOf(dev.stack, 'Notifications/Queue') });
    expect(env.target).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Notifications/Queue'), 'Arn'] });
    expect(env.role).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Notifications/SchedulerRole'), 'Arn'] });
    expect(env.dlq).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Notifications/ReminderDeadLetterQueue'), 'Arn'] });
    expect(variables).toMatchObject({ REMINDER_SCHEDULE_GROUP: 'carebow-dev-reminders' });
    expect(routeVariables).toMatchObject({
      NOTIFICATIONS_QUEUE_URL: env.queueUrl,
      APP_BASE_URL: STAGE_CONFIGS.dev.notifications.appBaseUrl,
      NOTIFICATION_CHANNELS: 'aws',
    });
    expect(Object.keys(routeVariables).filter((name) => name.startsWith('REMINDER_'))).toEqual([]);
  });

  it('grants the worker exactly its tables, the purpose-bound unwrap, its queue, SES from the one sender, SMS to phone numbers and the reminders’ schedules', () => {
    // Prepare
    const allowed = workerStatements(dev).filter((s) => s.Effect === 'Allow');
    const expected = new Set(
      WORKER_PERMISSIONS('dev').flatMap(([actions, resources, condition]) =>
        actions.flatMap((action) =>
          resources.map((resource) => `${action} on ${resource}${condition === undefined ? '' : ` if ${JSON.stringify(condition)}`}`),
        ),
      ),
    );

    // Act
    const granted = pairs(allowed, dev);

    // Assess
    expect([...granted].sort()).toEqual([...expected].sort());
  });

  it('denies the worker sns:Publish on every SNS ARN, so the Publish on `*` reaches phone numbers only', () => {
    // Prepare
    const statements = workerStatements(dev);

    // Act
    const denied = statements.filter((s) => s.Effect === 'Deny');
    const wildcards = statements.filter((s) => s.Effect === 'Allow' && asArray(s.Resource).includes('*'));

    // Assess
    expect(denied).toHaveLength(1);
    expect(asArray(denied[0]!.Action)).toEqual(['sns:Publish']);
    expect(asArray(denied[0]!.Resource).map((r) => render(dev, r))).toEqual(['arn:<partition>:sns:*:*:*']);
    expect(denied[0]!.Condition).toBeUndefined();
    expect(wildcards.flatMap((s) => asArray(s.Action)).sort()).toEqual(['sns:Publish', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    for (const action of statements.flatMap((s) => asArray(s.Action))) {
      expect(action).not.toBe('*');
      expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
    }
  });

  it('lets SES send as each sandbox recipient only where the stage lists them', () => {
    // Prepare
    const sandbox = synthStage('dev', {
      overrides: { notifications: { ...STAGE_CONFIGS.dev.notifications, sandboxRecipients: ['tester@dev.carebow.example'] } },
    });

    // Act
    const ses = workerStatements(sandbox).find((s) => asArray(s.Action).includes('ses:SendEmail'))!;

    // Assess
    expect(asArray(ses.Resource).map((r) => render(sandbox, r))).toContain('arn:<partition>:ses:us-east-1:<account>:identity/tester@dev.carebow.example');
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'no-reply@dev.carebow.example' } });
  });

  it('requires TLS, keeps reputation metrics and suppresses bounces and complaints in the SES configuration set, whose bounce and complaint events go to an encrypted topic', () => {
    // Prepare
    const topicId = logicalIdOf(dev.stack, 'Notifications/BounceTopic');
    const [, configurationSet] = resourcesOfType(dev.json, 'AWS::SES::ConfigurationSet')[0]!;
    const [, destination] = resourcesOfType(dev.json, 'AWS::SES::ConfigurationSetEventDestination')[0]!;

    // Act
    const topic = dev.json.Resources[topicId]!.Properties!;
    const [, topicPolicy] = resourcesOfType(dev.json, 'AWS::SNS::TopicPolicy').find(([, p]) =>
      asArray(p.Properties!.Topics).some((t) => referencedId(t) === topicId),
    )!;
    const topicStatements = topicPolicy.Properties!.PolicyDocument.Statement as Statement[];
    const sesPublish = topicStatements.find((s) => s.Effect === 'Allow')!;

    // Assess
    expect(resourcesOfType(dev.json, 'AWS::SES::ConfigurationSet')).toHaveLength(1);
    expect(configurationSet.Properties).toMatchObject({
      Name: 'carebow-dev-notifications',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    expect(destination.Properties!.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
      SnsDestination: { TopicARN: { Ref: topicId } },
    });
    expect(topic).toMatchObject({ TopicName: 'carebow-dev-ses-bounces', KmsMasterKeyId: keyArnOf(dev) });
    expect(topicStatements).toEqual(
      expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
    );
    expect(sesPublish).toMatchObject({ Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' });
    expect(Object.keys(sesPublish.Condition!.StringEquals!).sort()).toEqual(['AWS:SourceAccount', 'AWS:SourceArn']);
    expect(render(dev, sesPublish.Condition!.StringEquals!['AWS:SourceArn'])).toContain(':configuration-set/');
  });

  it('lets SES use the CMK only for this configuration set, and SNS only for the bounce topic', () => {
    // Prepare
    const configurationSetArn = 'arn:<partition>:ses:us-east-1:<account>:configuration-set/carebow-dev-notifications';
    const topicArn = 'arn:<partition>:sns:us-east-1:<account>:carebow-dev-ses-bounces';

    // Act
    const ses = keyStatement(dev, 'AllowSesToPublishBouncesToTheEncryptedTopic')!;
    const sns = keyStatement(dev, 'AllowSnsToDeliverBouncesToTheEncryptedQueues')!;

    // Assess
    expect(ses).toMatchObject({ Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'] });
    expect(ses.Condition!.StringEquals!['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(render(dev, ses.Condition!.StringEquals!['aws:SourceArn'])).toBe(configurationSetArn);
    expect(sns).toMatchObject({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'] });
    expect(render(dev, sns.Condition!.ArnEquals!['aws:SourceArn'])).toBe(topicArn);
    expect(render(dev, dev.json.Resources[logicalIdOf(dev.stack, 'Notifications/BounceTopic')]!.Properties!.TopicName)).toBe('carebow-dev-ses-bounces');
  });

  it('subscribes the queue to the bounce topic with raw delivery and a DLQ, and lets only that topic send to either queue', () => {
    // Prepare
    const topicId = logicalIdOf(dev.stack, 'Notifications/BounceTopic');
    const queueId = logicalIdOf(dev.stack, 'Notifications/Queue');
    const dlqId = logicalIdOf(dev.stack, 'Notifications/DeadLetterQueue');

    // Act
    const subscriptions = resourcesOfType(dev.json, 'AWS::SNS::Subscription').filter(([, s]) => referencedId(s.Properties!.TopicArn) === topicId);
    const fromSns = (path: string): Statement[] => policyOfQueue(dev, path).filter((s) => s.Effect === 'Allow');

    // Assess
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]![1].Properties).toEqual({
      TopicArn: { Ref: topicId },
      Protocol: 'sqs',
      Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] },
      RawMessageDelivery: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
    });
    for (const path of ['Notifications/Queue', 'Notifications/DeadLetterQueue']) {
      expect(fromSns(path), path).toEqual([
        expect.objectContaining({
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': { Ref: topicId } } },
        }),
      ]);
    }
    expect(fromSns('Notifications/ReminderDeadLetterQueue')).toEqual([]);
  });

  it('configures nothing account-wide for SMS: the worker marks each message Transactional itself', () => {
    // Prepare
    const types = new Set(Object.values(dev.json.Resources).map((r) => r.Type));

    // Act
    const smsSettings = Object.entries(dev.json.Resources).filter(
      ([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource' || JSON.stringify(r).includes('SetSMSAttributes'),
    );

    // Assess
    expect(smsSettings.map(([id]) => id)).toEqual([]);
    expect([...types].filter((t) => t.startsWith('AWS::SNS::')).sort()).toEqual(['AWS::SNS::Subscription', 'AWS::SNS::Topic', 'AWS::SNS::TopicPolicy']);
  });

  it('creates the reminders schedule group carebow-<stage>-reminders, retained in prod and destroyed in dev', () => {
    // Prepare, Act
    const devGroup = resourceOf(dev, 'Notifications/ReminderGroup');
    const prodGroup = resourceOf(prod, 'Notifications/ReminderGroup');

    // Assess
    expect(devGroup).toMatchObject({ Type: 'AWS::Scheduler::ScheduleGroup', Properties: { Name: 'carebow-dev-reminders' }, DeletionPolicy: 'Delete' });
    expect(prodGroup).toMatchObject({ Properties: { Name: 'carebow-prod-reminders' }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(resourcesOfType(dev.json, 'AWS::Scheduler::Schedule')).toEqual([]);
  });

  it('lets only EventBridge Scheduler, for this account and group, assume the scheduler role', () => {
    // Prepare
    const groupId = logicalIdOf(dev.stack, 'Notifications/ReminderGroup');

    // Act
    const role = resourceOf(dev, 'Notifications/SchedulerRole').Properties!;

    // Assess
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] } },
        },
      },
    ]);
    expect(role.Policies).toBeUndefined();
    expect(role.ManagedPolicyArns).toBeUndefined();
  });

  it('lets the scheduler role only send to the notifications queue and the reminders DLQ, with the CMK data key, through one customer-managed policy', () => {
    // Prepare
    const roleId = logicalIdOf(dev.stack, 'Notifications/SchedulerRole');
    const attached = [...resourcesOfType(dev.json, 'AWS::IAM::Policy'), ...resourcesOfType(dev.json, 'AWS::IAM::ManagedPolicy')].filter(([, p]) =>
      asArray(p.Properties!.Roles).some((r) => referencedId(r) === roleId),
    );

    // Act
    const statements = attached.flatMap(([, p]) => asArray(p.Properties!.PolicyDocument.Statement as Statement[]));

    // Assess
    expect(attached.map(([, p]) => p.Type)).toEqual(['AWS::IAM::ManagedPolicy']);
    expect([...pairs(statements, dev)].sort()).toEqual(
      [
        'sqs:SendMessage on queue',
        `sqs:SendMessage on <${logicalIdOf(dev.stack, 'Notifications/ReminderDeadLetterQueue')}>`,
        'kms:GenerateDataKey on cmk',
        'kms:Decrypt on cmk',
      ].sort(),
    );
    expect(statements.every((s) => s.Effect === 'Allow' && s.Condition === undefined)).toBe(true);
  });

  it('encrypts the reminders DLQ with the CMK and keeps its messages 14 days', () => {
    // Prepare, Act
    const dlq = resourceOf(dev, 'Notifications/ReminderDeadLetterQueue');

    // Assess
    expect(dlq.Properties).toMatchObject({ KmsMasterKeyId: keyArnOf(dev), MessageRetentionPeriod: 14 * 86400 });
    expect(dlq.Properties!.RedrivePolicy).toBeUndefined();
  });

  it('outputs the worker name', () => {
    // Prepare, Act
    const output = dev.json.Outputs!.NotificationsWorkerName;

    // Assess
    expect(output!.Value).toEqual({ Ref: logicalIdOf(dev.stack, 'Notifications/WorkerFunction') });
  });

  it('alarms on both DLQs, the worker failure rate, errors and throttles, each notifying the alarm topic', () => {
    // Prepare
    const { monitoring } = prod;
    const topicId = logicalIdOf(monitoring.stack, 'Observability/AlarmTopic');
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const byName = (name: string): Record<string, any> => alarms.find((a) => a.AlarmName === name)!;
    const watched = (alarm: Record<string, any>): unknown => monitoring.fromParent(alarm.Dimensions[0].Value);

    // Act
    const deadLetters = byName('carebow-prod-notifications-dead-letters');
    const reminders = byName('carebow-prod-reminder-dead-letters');
    const failureRate = byName('carebow-prod-notifications-worker-failure-rate');
    const errors = byName('carebow-prod-notifications-worker-errors');
    const throttles = byName('carebow-prod-notifications-worker-throttles');

    // Assess
    expect(deadLetters).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(watched(deadLetters)).toEqual({ 'Fn::GetAtt': [logicalIdOf(prod.stack, 'Notifications/DeadLetterQueue'), 'QueueName'] });
    expect(reminders).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(watched(reminders)).toEqual({ 'Fn::GetAtt': [logicalIdOf(prod.stack, 'Notifications/ReminderDeadLetterQueue'), 'QueueName'] });
    expect(failureRate).toMatchObject({ Threshold: 10, EvaluationPeriods: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const metrics = failureRate.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: unknown }[] } } }[];
    expect(metrics.find((m) => m.Expression !== undefined)!.Expression).toBe('IF(invocations > 0, 100 * errors / invocations, 0)');
    for (const stat of metrics.filter((m) => m.MetricStat !== undefined)) {
      expect(monitoring.fromParent(stat.MetricStat!.Metric.Dimensions[0]!.Value)).toEqual({ Ref: logicalIdOf(prod.stack, 'Notifications/WorkerFunction') });
    }
    expect(metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])).sort()).toEqual(['Errors', 'Invocations']);
    expect(errors).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors' });
    expect(watched(errors)).toEqual({ Ref: logicalIdOf(prod.stack, 'Notifications/WorkerFunction') });
    expect(throttles).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles' });
    for (const alarm of [deadLetters, reminders, failureRate, errors, throttles]) expect(asArray(alarm.AlarmActions).map(referencedId)).toEqual([topicId]);
  });

  it("draws the worker, the queues and EventBridge Scheduler's reminders on the dashboard", () => {
    // Prepare
    const [, dashboard] = resourcesOfType(prod.monitoring.json, 'AWS::CloudWatch::Dashboard')[0]!;

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    for (const text of [
      'Notifications worker',
      'Notifications queues',
      'Reminders (EventBridge Scheduler)',
      'Failed invocations (%)',
      'Reminder DLQ depth',
      'AWS/Scheduler',
      'InvocationAttemptCount',
      'InvocationsSentToDeadLetterCount',
    ]) {
      expect(body, text).toContain(text);
    }
  });

  it('refuses a sender outside its SES identity, a queue concurrency above the reservation and a missing worker entry', () => {
    // Prepare
    const scope = new Stack(new App(), 'Probe', { env: { region: 'us-east-1' } });
    const encryptionKey = new kms.Key(scope, 'Key');
    const settings = {
      stage: 'probe',
      encryptionKey,
      logRetention: logs.RetentionDays.ONE_DAY,
      logRemovalPolicy: dev.stack.api.functionSettings.logRemovalPolicy,
    };
    const base = { stage: 'probe', encryptionKey, fromEmail: 'no-reply@carebow.example', emailIdentity: 'carebow.example' };
    const worker = { settings, environment: {}, tables: dev.stack.data.tables, dataKeyWrappingKey: encryptionKey };

    // Act
    const foreign = (): unknown => new Notifications(scope, 'Foreign', { ...base, emailIdentity: 'other.example' });
    const notifications = new Notifications(scope, 'Ok', base);
    const overdriven = (): unknown => notifications.addWorker({ ...worker, reservedConcurrency: 2, maxConcurrency: 5 });
    const missing = (): unknown => notifications.addWorker({ ...worker, reservedConcurrency: 2, maxConcurrency: 2, entry: 'notifications/no-such-worker' });

    // Assess
    expect(foreign).toThrow(/emailIdentity \(other\.example\) must be the sender address/);
    expect(overdriven).toThrow(/maxConcurrency \(5\) must not exceed reservedConcurrency \(2\)/);
    expect(missing).toThrow(/functions\/notifications\/no-such-worker\.ts does not exist/);
  });
});
