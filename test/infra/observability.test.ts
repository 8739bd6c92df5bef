import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { STAGE_CONFIGS } from '../../lib/stages';
import { asArray, logicalIdOf, referencedId, resourcesOfType, STATEFUL_TYPES, synthStage, type SynthesizedNested, type Synthesized } from './support/synth';

/** What the Monitoring nested stack holds, and the stage stack no longer does. */
const ROOT = join(import.meta.dirname, '..', '..');

/** The operator dashboard (`carebow-<stage>`), the first one, whose construct id is kept. */
const operatorDashboard = (monitoring: SynthesizedNested) =>
  resourcesOfType(monitoring.json, 'AWS::CloudWatch::Dashboard').find(([id]) => id.startsWith('ObservabilityDashboard'))![1];

const MONITORING_TYPES = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription'];

describe('Construct: Observability', () => {
  let dev: Synthesized;
  /** The Monitoring nested stack, where Observability lives (docs/adr/0007-stack-split.md). */
  let monitoring: SynthesizedNested;
  let keyArn: unknown;

  beforeAll(() => {
    dev = synthStage('dev', { overrides: { alarmEmail: 'oncall@carebow.example' } });
    monitoring = dev.monitoring;
    keyArn = { 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/Key'), 'Arn'] };
  });

  it('keeps the alarm topic, every alarm and the dashboard in the Monitoring nested stack, and nothing stateful there', () => {
    // Prepare
    const typesIn = (resources: Record<string, { Type: string }>): Set<string> => new Set(Object.values(resources).map((r) => r.Type));

    // Act: the stage stack's one topic is the SES bounce topic of notifications (test/infra/notifications.test.ts), not monitoring;
    // its alarms are the authorizer's and the workers' rollback alarms, beside their live aliases (test/infra/deployments.test.ts).
    const parentTypes = typesIn(
      Object.fromEntries(
        Object.entries(dev.parentJson.Resources).filter(([id]) => !id.startsWith('NotificationsBounce') && !/Live(Errors|Latency)Alarm/.test(id)),
      ),
    );
    const nestedTypes = typesIn(monitoring.json.Resources);

    // Assess
    expect(dev.stack.monitoring.node.path).toBe('CareBow-dev/Monitoring');
    for (const type of MONITORING_TYPES) expect(parentTypes.has(type), type).toBe(false);
    for (const type of ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::SNS::Topic']) expect(nestedTypes.has(type), type).toBe(true);
    for (const type of STATEFUL_TYPES) expect(nestedTypes.has(type), `${type} must stay in the stage stack`).toBe(false);
  });

  it('gives every log group a retention and the customer-managed key (SECURITY #25)', () => {
    // Prepare
    const logGroups = resourcesOfType(dev.json, 'AWS::Logs::LogGroup');

    // Act, Assess
    expect(logGroups.length).toBe(ROUTE_IDS.length + 6 + 3); // route functions, authorizer, five workers; access, execution, WAF
    for (const [id, group] of logGroups) {
      expect(group.Properties!.RetentionInDays, id).toBe(STAGE_CONFIGS.dev.logRetention);
      expect(group.Properties!.KmsKeyId, id).toEqual(keyArn);
    }
  });

  it('gives every alarm an action on the alarm topic', () => {
    // Prepare
    const topicId = logicalIdOf(monitoring.stack, 'Observability/AlarmTopic');

    // Act
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm');

    // Assess
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      const actions = asArray(alarm.Properties!.AlarmActions as unknown[]);
      expect(actions.length, id).toBeGreaterThan(0);
      for (const action of actions) expect(referencedId(action), id).toBe(topicId);
    }
  });

  it('alarms on API 5XX and p99 latency, errors and throttles of every function, DLQ depth and queue age', () => {
    // Prepare
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const names = alarms.map((a) => a.AlarmName as string);

    // Act
    const metricOf = (name: string) => alarms.find((a) => a.AlarmName === name)!;

    // Assess
    expect(metricOf('carebow-dev-api5xx')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5XXError' });
    expect(metricOf('carebow-dev-api-p99-latency')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99' });
    expect(metricOf('carebow-dev-triage-dead-letters')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(metricOf('carebow-dev-triage-queue-age')).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage' });
    expect(metricOf('carebow-dev-chat-dead-letters')).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
    expect(metricOf('carebow-dev-chat-queue-age')).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage' });
    const lambdaAlarms = alarms.filter((a) => a.Namespace === 'AWS/Lambda');
    // + 1: the audit anchor's failed runs (AuditAnchorFailed, its own runbook).
    expect(lambdaAlarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(ROUTE_IDS.length + 6);
    expect(lambdaAlarms.filter((a) => a.MetricName === 'Throttles')).toHaveLength(ROUTE_IDS.length + 5);
    expect(new Set(names).size).toBe(names.length);
  });

  it("watches the stage stack's own resources: the parent passes each function, queue and the API stage in", () => {
    // Prepare
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const dimension = (name: string): unknown => monitoring.fromParent(alarms.find((a) => a.AlarmName === name)!.Dimensions[0].Value);

    // Act
    const watched = {
      worker: dimension('carebow-dev-triage-worker-errors'),
      authorizer: dimension('carebow-dev-authorizer-throttles'),
      deadLetters: dimension('carebow-dev-triage-dead-letters'),
      queueAge: dimension('carebow-dev-triage-queue-age'),
    };

    // Assess
    expect(watched.worker).toEqual({ Ref: logicalIdOf(dev.stack, 'Triage/WorkerFunction') });
    expect(watched.authorizer).toEqual({ Ref: logicalIdOf(dev.stack, 'Api/AuthorizerFunction') });
    expect(watched.deadLetters).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Triage/DeadLetterQueue'), 'QueueName'] });
    expect(watched.queueAge).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Triage/Queue'), 'QueueName'] });
  });

  it('encrypts the alarm topic with the CMK, lets CloudWatch use the key, enforces TLS on the topic and subscribes the configured e-mail', () => {
    // Prepare
    const template = monitoring.template;
    const [, topic] = resourcesOfType(monitoring.json, 'AWS::SNS::Topic')[0]!;

    // Act
    const key = dev.json.Resources[logicalIdOf(dev.stack, 'Data/Key')]!;
    const cloudWatch = (key.Properties!.KeyPolicy.Statement as Record<string, any>[]).find((s) => s.Sid === 'AllowCloudWatchAlarmsToPublishToEncryptedTopics');

    // Assess: the key stays in the stage stack; the nested topic is encrypted with it, passed in.
    expect(monitoring.fromParent(topic.Properties!.KmsMasterKeyId)).toEqual(keyArn);
    expect(cloudWatch).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@carebow.example' });
  });

  it('encrypts the triage queue and its DLQ with the CMK and refuses non-TLS access to both (SECURITY #16, #24)', () => {
    // Prepare
    const queueIds = [logicalIdOf(dev.stack, 'Triage/Queue'), logicalIdOf(dev.stack, 'Triage/DeadLetterQueue')];
    const policies = resourcesOfType(dev.json, 'AWS::SQS::QueuePolicy');

    for (const queueId of queueIds) {
      // Act
      const queue = dev.json.Resources[queueId]!;
      const policy = policies.find(([, p]) => asArray(p.Properties!.Queues).some((q) => referencedId(q) === queueId));

      // Assess
      expect(queue.Properties!.KmsMasterKeyId, queueId).toEqual(keyArn);
      expect(policy, queueId).toBeDefined();
      expect(policy![1].Properties!.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      );
    }
  });

  it('redrives to the DLQ after 5 receives, with a visibility timeout of 6 × the 30 s worker timeout', () => {
    // Prepare
    const dlqId = logicalIdOf(dev.stack, 'Triage/DeadLetterQueue');

    // Act
    const queue = dev.json.Resources[logicalIdOf(dev.stack, 'Triage/Queue')]!;

    // Assess
    expect(queue.Properties).toMatchObject({
      VisibilityTimeout: 180,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
    });
  });

  it('watches every route function, the PHI vault routes and the workers included, on the dashboard', () => {
    // Prepare
    const dashboard = operatorDashboard(monitoring);

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    for (const routeId of [...ROUTE_IDS, 'authorizer', 'triageWorker', 'chatWorker', 'notificationsWorker'])
      expect(body, routeId).toContain(`\\"label\\":\\"${routeId}\\"`);
  });

  it('draws the operator dashboard with API, Lambda and queue widgets, and the compliance dashboard beside it', () => {
    // Prepare
    const dashboard = operatorDashboard(monitoring);
    const names = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Dashboard').map(([, d]) => d.Properties!.DashboardName);

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    expect(names.sort()).toEqual(['carebow-dev', 'carebow-dev-compliance']);
    for (const title of [
      'API requests',
      'API 4XX',
      'API 5XX',
      'API p99 latency (ms)',
      'Lambda errors',
      'Lambda throttles',
      'Triage queue',
      'Triage worker',
      'Chat worker',
      'Chat model usage',
      'Chat queue',
      'Notifications worker',
      'Notifications queues',
      'Reminders (EventBridge Scheduler)',
    ]) {
      expect(body).toContain(title);
    }
  });

  it('names in every alarm a runbook that exists and says what it means, how to look, how to fix and how to tell it is fixed', () => {
    // Prepare
    const sections = ['## What it means', '## How to look', '## How to fix', '## How to tell it is fixed'];

    // Act
    const runbooks = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([id, alarm]) => {
      const match = /Runbook: (docs\/runbooks\/[a-z0-9-]+\.md)$/.exec(String(alarm.Properties!.AlarmDescription));
      return { id, path: match?.[1] };
    });

    // Assess
    expect(runbooks.length).toBeGreaterThan(0);
    for (const { id, path } of runbooks) {
      expect(path, `${id} names no runbook`).toBeDefined();
      const file = join(ROOT, path!);
      expect(existsSync(file), `${id}: ${path} is missing`).toBe(true);
      const text = readFileSync(file, 'utf8');
      for (const section of sections) expect(text, `${path}: ${section}`).toContain(section);
    }
    expect(readFileSync(join(ROOT, 'docs/runbooks/README.md'), 'utf8')).toContain('restore-table-from-pitr.md');
    for (const incident of ['restore-table-from-pitr.md', 'token-key-compromise.md'])
      expect(existsSync(join(ROOT, 'docs/runbooks', incident)), incident).toBe(true);
  });

  it('pages on every break-glass use: BreakGlassUsed (CareBow, service=carebow), Sum ≥ 1 in 5 minutes', () => {
    // Act
    const [alarm] = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm')
      .map(([, resource]) => resource.Properties!)
      .filter((properties) => properties.MetricName === 'BreakGlassUsed');

    // Assess
    expect(alarm).toMatchObject({
      Namespace: 'CareBow',
      Dimensions: [{ Name: 'service', Value: 'carebow' }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm!.AlarmActions.length).toBeGreaterThan(0);
    expect(alarm!.AlarmDescription).toMatch(/Runbook: docs\/runbooks\/break-glass-used\.md$/);
  });
});
