import { App, Duration, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { Chat, CHAT_WORKER_GRANTS, MODEL_CALLS_PER_REPLY } from '../../lib/chat';
import { STAGE_CONFIGS } from '../../lib/stages';
import { MODEL_CALL_DEADLINE } from '../../lib/triage';
import { MAX_TOOL_CALLS } from '../../shared/chat/tools';
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
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const PHI_PURPOSE = { StringEquals: { 'kms:EncryptionContext:purpose': 'carebow-phi' } };
const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** What the chat worker may do, written out: the brief of lib/chat.ts `CHAT_WORKER_GRANTS`, plus logs, traces and the queue. */
const WORKER_PERMISSIONS: readonly (readonly [actions: readonly string[], resources: readonly string[], condition?: object])[] = [
  [['logs:CreateLogStream', 'logs:PutLogEvents'], ['logs']],
  [['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], ['*']],
  // records: conversations (read, update), and for the tools the patient's appointments and the directory index.
  [
    [...TABLE_READ, ...TABLE_WRITE],
    ['records', 'records/index/byGrantee', 'records/index/byDirectory', 'records/index/byPartyTime'],
  ],
  // identity: read practitioners' accounts (find_practitioners: their standing).
  [TABLE_READ, ['identity']],
  // keys: read wrapped data keys.
  [TABLE_READ, ['keys']],
  // content: read the library's search index (retrieval, search_content), never write it.
  [TABLE_READ, ['content', 'content/index/byStatus']],
  // audit: append (Put, plus the reads that find a chain's head), never update or delete.
  [
    ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
    ['audit', 'audit/index/byActor', 'audit/index/bySubjectTime', 'audit/index/byAnchorWindow'],
  ],
  // The tables' and the queue's CMK, used by DynamoDB and SQS on the worker's behalf.
  [['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:GenerateDataKey'], ['cmk']],
  // Unwrap data keys, only under the PHI purpose.
  [['kms:Decrypt'], ['wrappingKey'], PHI_PURPOSE],
  // Consume the chat queue (the event source's grant); no queue to send to.
  [['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], ['queue']],
];
const MODEL_SECRET_PERMISSIONS = [[['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], ['modelSecret']]] as const;

/** `action on resource [if condition]`, one per pair: equal however statements are split or merged. */
const grantsOf = (permissions: readonly (readonly [readonly string[], readonly string[], object?])[]): Set<string> =>
  new Set(
    permissions.flatMap(([actions, resources, condition]) =>
      actions.flatMap((action) => resources.map((resource) => `${action} on ${resource}${condition === undefined ? '' : ` if ${JSON.stringify(condition)}`}`)),
    ),
  );

/** The statements of every IAM policy attached to the role at `rolePath`. */
const statementsOfRole = (synth: Synthesized, rolePath: string): Statement[] => {
  const roleId = logicalIdOf(synth.stack, rolePath);
  return resourcesOfType(synth.json, 'AWS::IAM::Policy')
    .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
    .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
};

describe('Construct: Chat worker', () => {
  let dev: Synthesized;
  let staging: Synthesized;

  beforeAll(() => {
    dev = synthStage('dev');
    staging = synthStage('staging');
  });

  const workerOf = (synth: Synthesized): CfnResource => synth.json.Resources[logicalIdOf(synth.stack, 'Chat/WorkerFunction')]!;

  /** Logical ids → the short names `WORKER_PERMISSIONS` uses. */
  const namesOf = (synth: Synthesized): Map<string, string> => {
    const paths: Record<string, string> = {
      'Data/RecordsTable': 'records',
      'Data/KeysTable': 'keys',
      'Data/IdentityTable': 'identity',
      'Data/ContentTable': 'content',
      'Data/AuditTable': 'audit',
      'Data/Key': 'cmk',
      'Data/DataKeyWrappingKey': 'wrappingKey',
      'Chat/Queue': 'queue',
      'Chat/WorkerLogs': 'logs',
    };
    const names = new Map(Object.entries(paths).map(([path, name]) => [logicalIdOf(synth.stack, path), name]));
    if (synth.stack.node.tryFindChild('Triage')?.node.tryFindChild('ModelApiKeySecret') !== undefined) {
      names.set(logicalIdOf(synth.stack, 'Triage/ModelApiKeySecret'), 'modelSecret');
    }
    return names;
  };

  const render = (resource: unknown, names: Map<string, string>): string => {
    if (typeof resource === 'string') return resource;
    const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
    if (join !== undefined) return join[1].map((part) => render(part, names)).join('');
    const id = referencedId(resource);
    return id === undefined ? JSON.stringify(resource) : (names.get(id) ?? `<${id}>`);
  };

  const grantedTo = (synth: Synthesized): Set<string> => {
    const names = namesOf(synth);
    return new Set(
      statementsOfRole(synth, 'Chat/WorkerRole').flatMap((s) => {
        expect(s.Effect).toBe('Allow');
        return asArray(s.Action).flatMap((action) =>
          asArray(s.Resource).map(
            (resource) => `${action} on ${render(resource, names)}${s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`}`,
          ),
        );
      }),
    );
  };

  it('encrypts the chat queue and its DLQ with the CMK, TLS only, and redrives a message to the DLQ after 5 receives', () => {
    // Prepare
    const cmk = { 'Fn::GetAtt': [logicalIdOf(staging.stack, 'Data/Key'), 'Arn'] };
    const queueId = logicalIdOf(staging.stack, 'Chat/Queue');
    const dlqId = logicalIdOf(staging.stack, 'Chat/DeadLetterQueue');

    // Act
    const queue = staging.json.Resources[queueId]!.Properties!;
    const dlq = staging.json.Resources[dlqId]!.Properties!;
    const tlsDenied = resourcesOfType(staging.json, 'AWS::SQS::QueuePolicy')
      .filter(([, policy]) => asArray(policy.Properties!.Queues).some((q) => referencedIds(q).has(queueId) || referencedIds(q).has(dlqId)))
      .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]))
      .filter((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }));

    // Assess
    expect(queue.KmsMasterKeyId).toEqual(cmk);
    expect(dlq.KmsMasterKeyId).toEqual(cmk);
    expect(tlsDenied).toHaveLength(2);
    expect(queue.RedrivePolicy).toEqual({ maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } });
    expect(queue.MessageRetentionPeriod).toBe(4 * 24 * 3600);
    expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('runs the worker 90 s with the stage reserved concurrency, and keeps a message invisible 540 s (6 × the timeout)', () => {
    // Prepare
    const stages = [
      ['dev', dev],
      ['staging', staging],
    ] as const;

    for (const [name, synth] of stages) {
      // Act
      const worker = workerOf(synth);
      const queue = synth.json.Resources[logicalIdOf(synth.stack, 'Chat/Queue')]!.Properties!;

      // Assess
      expect(worker.Properties, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: 90,
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        ReservedConcurrentExecutions: STAGE_CONFIGS[name].chatWorker.reservedConcurrency,
        Role: { 'Fn::GetAtt': [logicalIdOf(synth.stack, 'Chat/WorkerRole'), 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(synth.stack, 'Chat/WorkerLogs') } },
      });
      expect(worker.Properties!.DeadLetterConfig, name).toBeUndefined();
      expect(queue.VisibilityTimeout, name).toBe(540);
    }
  });

  it('leaves room in the timeout for every model call of a reply: one per tool round, each up to the model deadline', () => {
    // Prepare
    const timeout = workerOf(staging).Properties!.Timeout as number;

    // Act
    const modelTime = MODEL_CALLS_PER_REPLY * MODEL_CALL_DEADLINE.toSeconds();

    // Assess
    expect(MODEL_CALLS_PER_REPLY).toBe(MAX_TOOL_CALLS + 1);
    expect(timeout).toBeGreaterThanOrEqual(modelTime + 10);
  });

  it('consumes the chat queue in batches of 10 with partial batch responses and the stage maximum concurrency', () => {
    // Prepare
    // The queue invokes the worker's live alias (docs/adr/0016-canary-deployments.md).
    const workerId = logicalIdOf(staging.stack, 'Chat/WorkerLive/Alias');

    // Act
    const mappings = resourcesOfType(staging.json, 'AWS::Lambda::EventSourceMapping').filter(([, m]) =>
      referencedIds(m.Properties!.FunctionName).has(workerId),
    );

    // Assess
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(staging.stack, 'Chat/Queue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: STAGE_CONFIGS.staging.chatWorker.maxConcurrency },
    });
    expect(STAGE_CONFIGS.staging.chatWorker.maxConcurrency).toBeLessThanOrEqual(STAGE_CONFIGS.staging.chatWorker.reservedConcurrency);
  });

  it("hands the worker the route functions' environment: the chat queue, and the model secret only where the model is enabled", () => {
    // Prepare
    const routeEnvironment = (synth: Synthesized): Record<string, unknown> =>
      synth.json.Resources[logicalIdOf(synth.stack, routeConstructPath('chat', 'Function'))]!.Properties!.Environment.Variables;

    // Act
    const devEnv = workerOf(dev).Properties!.Environment.Variables as Record<string, unknown>;
    const stagingEnv = workerOf(staging).Properties!.Environment.Variables as Record<string, unknown>;

    // Assess
    expect(devEnv).toEqual(routeEnvironment(dev));
    expect(stagingEnv).toEqual(routeEnvironment(staging));
    expect(devEnv.CHAT_QUEUE_URL).toEqual({ Ref: logicalIdOf(dev.stack, 'Chat/Queue') });
    expect(stagingEnv.OPENAI_API_KEY_SECRET_ID).toEqual({ Ref: logicalIdOf(staging.stack, 'Triage/ModelApiKeySecret') });
    expect(devEnv.OPENAI_API_KEY_SECRET_ID).toBeUndefined();
  });

  it('grants the worker exactly records read-write, identity, keys and content read, audit append, purpose-bound unwrap and queue consume where the model is off', () => {
    // Prepare
    const expected = grantsOf(WORKER_PERMISSIONS);

    // Act
    const granted = grantedTo(dev);

    // Assess
    expect([...granted].sort()).toEqual([...expected].sort());
    expect(CHAT_WORKER_GRANTS.tables).toEqual({ records: 'readWrite', keys: 'read', audit: 'append', content: 'read', identity: 'read' });
  });

  it('adds only reading the model API key secret where the model is enabled', () => {
    // Prepare
    const expected = grantsOf([...WORKER_PERMISSIONS, ...MODEL_SECRET_PERMISSIONS]);

    // Act
    const granted = grantedTo(staging);

    // Assess
    expect([...granted].sort()).toEqual([...expected].sort());
  });

  it('lets the chat route send only to the chat queue, never to the triage queue', () => {
    // Prepare
    const chatQueueId = logicalIdOf(dev.stack, 'Chat/Queue');
    const triageQueueId = logicalIdOf(dev.stack, 'Triage/Queue');

    // Act
    const sqs = statementsOfRole(dev, routeConstructPath('chat', 'Role')).filter((s) => asArray(s.Action).some((a) => a.startsWith('sqs:')));

    // Assess
    expect(sqs.flatMap((s) => asArray(s.Action))).toEqual(['sqs:SendMessage']);
    expect(sqs.flatMap((s) => asArray(s.Resource))).toEqual([{ 'Fn::GetAtt': [chatQueueId, 'Arn'] }]);
    expect(sqs.some((s) => referencedIds(s.Resource).has(triageQueueId))).toBe(false);
  });

  it('lets no route other than the queued chat send to the chat queue, and the triage routes still send to the triage queue', () => {
    // Prepare
    const chatQueueId = logicalIdOf(dev.stack, 'Chat/Queue');
    const triageQueueId = logicalIdOf(dev.stack, 'Triage/Queue');
    const sendersTo = (queueId: string): string[] =>
      resourcesOfType(dev.json, 'AWS::IAM::Policy')
        .filter(([, policy]) =>
          asArray(policy.Properties!.PolicyDocument.Statement as Statement[]).some(
            (s) => asArray(s.Action).includes('sqs:SendMessage') && referencedIds(s.Resource).has(queueId),
          ),
        )
        .flatMap(([, policy]) => asArray(policy.Properties!.Roles).map((role) => referencedId(role)!));

    // Act
    const chatSenders = sendersTo(chatQueueId);
    const triageSenders = sendersTo(triageQueueId);

    // Assess
    expect(chatSenders).toEqual([logicalIdOf(dev.stack, routeConstructPath('chat', 'Role'))]);
    expect(triageSenders.sort()).toEqual(
      [logicalIdOf(dev.stack, routeConstructPath('sessionCreate', 'Role')), logicalIdOf(dev.stack, routeConstructPath('sessionAnswers', 'Role'))].sort(),
    );
  });

  it('no longer lets the triage worker read the identity table or the library index (chat only needed them)', () => {
    // Prepare
    const identityId = logicalIdOf(staging.stack, 'Data/IdentityTable');

    // Act
    const onIdentity = statementsOfRole(staging, 'Triage/WorkerRole').filter((s) => referencedIds(s.Resource).has(identityId));

    // Assess
    expect(onIdentity).toEqual([]);
  });

  it('alarms on the chat DLQ, the oldest chat message and the worker errors and throttles, each notifying the alarm topic', () => {
    // Prepare
    const { monitoring } = staging;
    const topicId = logicalIdOf(monitoring.stack, 'Observability/AlarmTopic');
    const workerId = logicalIdOf(staging.stack, 'Chat/WorkerFunction');
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const byName = (name: string): Record<string, any> => alarms.find((a) => a.AlarmName === name)!;
    const watched = (alarm: Record<string, any>): unknown => monitoring.fromParent(alarm.Dimensions[0].Value);

    // Act
    const [deadLetters, age, errors, throttles] = [
      byName('carebow-staging-chat-dead-letters'),
      byName('carebow-staging-chat-queue-age'),
      byName('carebow-staging-chat-worker-errors'),
      byName('carebow-staging-chat-worker-throttles'),
    ];

    // Assess
    expect(deadLetters).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(referencedId(watched(deadLetters!))).toBe(logicalIdOf(staging.stack, 'Chat/DeadLetterQueue'));
    expect(deadLetters!.AlarmDescription).toContain('docs/runbooks/chat-dead-letters.md');
    expect(age).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 300, EvaluationPeriods: 3 });
    expect(referencedId(watched(age!))).toBe(logicalIdOf(staging.stack, 'Chat/Queue'));
    expect(age!.AlarmDescription).toContain('docs/runbooks/chat-queue-age.md');
    expect(errors).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors' });
    expect(watched(errors!)).toEqual({ Ref: workerId });
    expect(throttles).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles' });
    expect(watched(throttles!)).toEqual({ Ref: workerId });
    for (const alarm of [deadLetters, age, errors, throttles]) expect(asArray(alarm!.AlarmActions).map(referencedId)).toEqual([topicId]);
  });

  it('outputs the chat worker name', () => {
    // Act
    const output = staging.json.Outputs!.ChatWorkerName;

    // Assess
    expect(output!.Value).toEqual({ Ref: logicalIdOf(staging.stack, 'Chat/WorkerFunction') });
    expect(dev.json.Outputs!.ChatWorkerName).toBeDefined();
  });

  it('refuses a worker timeout without room for four model calls', () => {
    // Prepare
    const scope = new Stack(new App(), 'Probe', { env: { region: 'us-east-1' } });
    const encryptionKey = new kms.Key(scope, 'Key');

    // Act
    const tooShort = (): unknown => new Chat(scope, 'Short', { encryptionKey, workerTimeout: Duration.seconds(60) });
    const enough = (): unknown => new Chat(scope, 'Enough', { encryptionKey, workerTimeout: Duration.seconds(78) });

    // Assess
    expect(tooShort).toThrow(/workerTimeout \(60 s\) must be at least 4 model calls of 17 s plus 10 s \(78 s\)/);
    expect(enough).not.toThrow();
  });
});
