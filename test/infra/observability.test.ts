import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { STAGE_CONFIGS } from '../../lib/stages';
import { asArray, logicalIdOf, referencedId, resourcesOfType, synthStage, type Synthesized } from './support/synth';

describe('Construct: Observability', () => {
  let dev: Synthesized;
  let keyArn: unknown;

  beforeAll(() => {
    dev = synthStage('dev', { overrides: { alarmEmail: 'oncall@carebow.example' } });
    keyArn = { 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/Key'), 'Arn'] };
  });

  it('gives every log group a retention and the customer-managed key (SECURITY #25)', () => {
    // Prepare
    const logGroups = resourcesOfType(dev.json, 'AWS::Logs::LogGroup');

    // Act, Assess
    expect(logGroups.length).toBe(ROUTE_IDS.length + 2 + 3); // route functions, authorizer, worker; access, execution, WAF
    for (const [id, group] of logGroups) {
      expect(group.Properties!.RetentionInDays, id).toBe(STAGE_CONFIGS.dev.logRetention);
      expect(group.Properties!.KmsKeyId, id).toEqual(keyArn);
    }
  });

  it('gives every alarm an action on the alarm topic', () => {
    // Prepare
    const topicId = logicalIdOf(dev.stack, 'Observability/AlarmTopic');

    // Act
    const alarms = resourcesOfType(dev.json, 'AWS::CloudWatch::Alarm');

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
    const alarms = resourcesOfType(dev.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
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
    const lambdaAlarms = alarms.filter((a) => a.Namespace === 'AWS/Lambda');
    expect(lambdaAlarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(ROUTE_IDS.length + 2);
    expect(lambdaAlarms.filter((a) => a.MetricName === 'Throttles')).toHaveLength(ROUTE_IDS.length + 2);
    expect(new Set(names).size).toBe(names.length);
  });

  it('encrypts the alarm topic, enforces TLS on it and subscribes the configured e-mail', () => {
    // Prepare, Act
    const template = dev.template;

    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn });
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

  it('watches every route function, the PHI vault routes and the triage worker included, on the dashboard', () => {
    // Prepare
    const [, dashboard] = resourcesOfType(dev.json, 'AWS::CloudWatch::Dashboard')[0]!;

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    for (const routeId of [...ROUTE_IDS, 'authorizer', 'triageWorker']) expect(body, routeId).toContain(`\\"label\\":\\"${routeId}\\"`);
  });

  it('draws one dashboard with API, Lambda and queue widgets', () => {
    // Prepare
    const [, dashboard] = resourcesOfType(dev.json, 'AWS::CloudWatch::Dashboard')[0]!;

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    expect(dashboard.Properties!.DashboardName).toBe('carebow-dev');
    for (const title of ['API requests', 'API 4XX', 'API 5XX', 'API p99 latency (ms)', 'Lambda errors', 'Lambda throttles', 'Triage queue', 'Triage worker']) {
      expect(body).toContain(title);
    }
  });
});
