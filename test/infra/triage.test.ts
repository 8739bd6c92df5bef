import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_CONFIGS } from '../../lib/stages';
import { MODEL_CALL_DEADLINE, Triage } from '../../lib/triage';
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
  readonly Principal?: unknown;
}

const PHI_PURPOSE = { StringEquals: { 'kms:EncryptionContext:purpose': 'carebow-phi' } };

/** What the worker may do, written out: the brief of lib/triage.ts `TRIAGE_WORKER_GRANTS`, plus logs, traces and the queue. */
const WORKER_PERMISSIONS: readonly (readonly [actions: readonly string[], resources: readonly string[], condition?: object])[] = [
  [['logs:CreateLogStream', 'logs:PutLogEvents'], ['logs']],
  [['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], ['*']],
  // records: sessions (read, update) and consents (read); readWrite on the table and its index.
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
  // keys: read wrapped data keys.
  [['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'], ['keys']],
  // content: count each session once in the product figures (a marker and an ADD; no PHI in that table). Nothing of
  // the chat (the library's index, practitioners' accounts): chat has its own worker (chat.test.ts).
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
  // audit: append (Put, plus the reads that find a chain's head), never update or delete.
  [
    ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
    ['audit', 'audit/index/byActor', 'audit/index/bySubjectTime', 'audit/index/byAnchorWindow'],
  ],
  // The tables' and the queue's CMK, used by DynamoDB and SQS on the worker's behalf.
  [['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:GenerateDataKey'], ['cmk']],
  // Unwrap data keys, only under the PHI purpose.
  [['kms:Decrypt'], ['wrappingKey'], PHI_PURPOSE],
  // Consume the triage queue (the event source's grant).
  [['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], ['queue']],
  // Send `triage_ready` (ids only) to the notifications queue, nothing else on it.
  [['sqs:SendMessage'], ['notificationsQueue']],
];
const MODEL_SECRET_PERMISSIONS = [[['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], ['modelSecret']]] as const;

/** `action on resource [if condition]`, one per pair: equal however statements are split or merged. */
const grantsOf = (permissions: readonly (readonly [readonly string[], readonly string[], object?])[]): Set<string> =>
  new Set(
    permissions.flatMap(([actions, resources, condition]) =>
      actions.flatMap((action) => resources.map((resource) => `${action} on ${resource}${condition === undefined ? '' : ` if ${JSON.stringify(condition)}`}`)),
    ),
  );

describe('Construct: Triage worker', () => {
  let dev: Synthesized;
  let staging: Synthesized;

  beforeAll(() => {
    dev = synthStage('dev');
    staging = synthStage('staging');
  });

  const workerOf = (synth: Synthesized): CfnResource => synth.json.Resources[logicalIdOf(synth.stack, 'Triage/WorkerFunction')]!;

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
      'Triage/Queue': 'queue',
      'Notifications/Queue': 'notificationsQueue',
      'Triage/WorkerLogs': 'logs',
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

  /** The statements of every IAM policy attached to the worker's role. */
  const workerStatements = (synth: Synthesized): Statement[] => {
    const roleId = logicalIdOf(synth.stack, 'Triage/WorkerRole');
    return resourcesOfType(synth.json, 'AWS::IAM::Policy')
      .filter(([, policy]) => asArray(policy.Properties!.Roles).some((role) => referencedId(role) === roleId))
      .flatMap(([, policy]) => asArray(policy.Properties!.PolicyDocument.Statement as Statement[]));
  };

  const grantedTo = (synth: Synthesized): Set<string> => {
    const names = namesOf(synth);
    return new Set(
      workerStatements(synth).flatMap((s) => {
        expect(s.Effect).toBe('Allow');
        return asArray(s.Action).flatMap((action) =>
          asArray(s.Resource).map(
            (resource) => `${action} on ${render(resource, names)}${s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`}`,
          ),
        );
      }),
    );
  };

  it('runs the worker on nodejs24.x, arm64, 30 s, 512 MB, with active tracing and the stage reserved concurrency', () => {
    // Prepare
    const stages = [
      ['dev', dev],
      ['staging', staging],
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
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        ReservedConcurrentExecutions: STAGE_CONFIGS[name].triageWorker.reservedConcurrency,
        Role: { 'Fn::GetAtt': [logicalIdOf(synth.stack, 'Triage/WorkerRole'), 'Arn'] },
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(synth.stack, 'Triage/WorkerLogs') } },
      });
      expect(worker.Properties!.DeadLetterConfig, name).toBeUndefined();
    }
  });

  it("hands the worker the route functions' environment, which names the model secret only where the model is enabled", () => {
    // Prepare
    const routeEnvironment = (synth: Synthesized): Record<string, unknown> =>
      synth.json.Resources[logicalIdOf(synth.stack, routeConstructPath('sessionCreate', 'Function'))]!.Properties!.Environment.Variables;

    // Act
    const devEnv = workerOf(dev).Properties!.Environment.Variables as Record<string, unknown>;
    const stagingEnv = workerOf(staging).Properties!.Environment.Variables as Record<string, unknown>;

    // Assess
    expect(devEnv).toEqual(routeEnvironment(dev));
    expect(devEnv.TRIAGE_QUEUE_URL).toEqual({ Ref: logicalIdOf(dev.stack, 'Triage/Queue') });
    expect(devEnv.OPENAI_MODEL).toBe(STAGE_CONFIGS.dev.aiModel.model);
    expect(devEnv.AI_MODEL_ENABLED).toBe(String(STAGE_CONFIGS.dev.aiModel.enabled));
    // The streamed chat route reads the same secret, so the id is in every function's environment (a name, not a grant).
    expect(stagingEnv).toEqual(routeEnvironment(staging));
    expect(stagingEnv.OPENAI_API_KEY_SECRET_ID).toEqual({ Ref: logicalIdOf(staging.stack, 'Triage/ModelApiKeySecret') });
    expect(devEnv.OPENAI_API_KEY_SECRET_ID).toBeUndefined();
    expect(Object.keys(stagingEnv)).not.toContain('OPENAI_API_KEY');
  });

  it('points the worker at a configured https model endpoint (OPENAI_BASE_URL)', () => {
    // Prepare
    const baseUrl = 'https://llm.carebow.example/v1';

    // Act
    const custom = synthStage('staging', { overrides: { aiModel: { enabled: true, model: 'gpt-4o-mini', baseUrl } } });

    // Assess
    expect(workerOf(custom).Properties!.Environment.Variables.OPENAI_BASE_URL).toBe(baseUrl);
    expect(workerOf(staging).Properties!.Environment.Variables.OPENAI_BASE_URL).toBeUndefined();
  });

  it('consumes the triage queue in batches of 10 with partial batch responses, a short batching window and bounded concurrency', () => {
    // Prepare
    // The queue invokes the worker's live alias (docs/adr/0016-canary-deployments.md).
    const workerId = logicalIdOf(staging.stack, 'Triage/WorkerLive/Alias');
    const mappings = resourcesOfType(staging.json, 'AWS::Lambda::EventSourceMapping').filter(([, m]) =>
      referencedIds(m.Properties!.FunctionName).has(workerId),
    );

    // Act
    const [, mapping] = mappings[0]!;

    // Assess
    expect(mappings).toHaveLength(1);
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(staging.stack, 'Triage/Queue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: STAGE_CONFIGS.staging.triageWorker.maxConcurrency },
    });
    const maximumConcurrency = mapping.Properties!.ScalingConfig.MaximumConcurrency as number;
    expect(maximumConcurrency).toBeGreaterThanOrEqual(2);
    expect(maximumConcurrency).toBeLessThanOrEqual(workerOf(staging).Properties!.ReservedConcurrentExecutions as number);
    expect(mapping.Properties!.MaximumBatchingWindowInSeconds).toBeLessThanOrEqual(5);
  });

  it('keeps a message invisible for at least 6 × the worker timeout and redrives it to the DLQ after 5 receives', () => {
    // Prepare
    const workerTimeout = workerOf(staging).Properties!.Timeout as number;

    // Act
    const queue = staging.json.Resources[logicalIdOf(staging.stack, 'Triage/Queue')]!.Properties!;

    // Assess
    expect(queue.VisibilityTimeout).toBe(180);
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * workerTimeout);
    expect(queue.RedrivePolicy).toEqual({
      maxReceiveCount: 5,
      deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(staging.stack, 'Triage/DeadLetterQueue'), 'Arn'] },
    });
    expect(workerTimeout).toBeGreaterThan(MODEL_CALL_DEADLINE.toSeconds());
  });

  it('grants the worker exactly records read-write, keys read, audit append, purpose-bound unwrap, queue consume and notifications send where the model is off', () => {
    // Prepare
    const expected = grantsOf(WORKER_PERMISSIONS);

    // Act
    const granted = grantedTo(dev);

    // Assess
    expect([...granted].sort()).toEqual([...expected].sort());
  });

  it('adds only reading the model API key secret where the model is enabled', () => {
    // Prepare
    const expected = grantsOf([...WORKER_PERMISSIONS, ...MODEL_SECRET_PERMISSIONS]);

    // Act
    const granted = grantedTo(staging);

    // Assess
    expect([...granted].sort()).toEqual([...expected].sort());
  });

  it('never lets the worker change or delete audit items, make data keys, use a wildcard action or unwrap without the PHI purpose', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(staging.stack, 'Data/DataKeyWrappingKey');
    const auditId = logicalIdOf(staging.stack, 'Data/AuditTable');

    // Act
    const statements = workerStatements(staging);
    const actions = statements.flatMap((s) => asArray(s.Action));

    // Assess
    for (const action of actions) {
      expect(action).not.toBe('*');
      expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
    }
    for (const s of statements.filter((st) => referencedIds(st.Resource).has(auditId))) {
      for (const action of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) expect(asArray(s.Action)).not.toContain(action);
    }
    const onWrappingKey = statements.filter((s) => referencedIds(s.Resource).has(wrappingKeyId));
    expect(onWrappingKey.flatMap((s) => asArray(s.Action))).toEqual(['kms:Decrypt']);
    for (const s of onWrappingKey) expect(s.Condition).toEqual(PHI_PURPOSE);
  });

  it('gives the worker role no managed or inline policy, and the CMK policy names it only to read its secret through Secrets Manager', () => {
    // Prepare
    const statementsNaming = (synth: Synthesized): Statement[] => {
      const roleId = logicalIdOf(synth.stack, 'Triage/WorkerRole');
      return resourcesOfType(synth.json, 'AWS::KMS::Key').flatMap(([, key]) =>
        asArray(key.Properties!.KeyPolicy.Statement as Statement[]).filter((s) => referencedIds(s.Principal).has(roleId)),
      );
    };

    // Act
    const role = staging.json.Resources[logicalIdOf(staging.stack, 'Triage/WorkerRole')]!.Properties!;
    const enabled = statementsNaming(staging);
    const disabled = statementsNaming(dev);

    // Assess
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies).toBeUndefined();
    expect(disabled).toEqual([]);
    expect(enabled).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
      }),
    ]);
  });

  it('creates the model API key secret with the CMK only where the model is enabled, and outputs its ARN and the worker name', () => {
    // Prepare
    const cmk = { 'Fn::GetAtt': [logicalIdOf(staging.stack, 'Data/Key'), 'Arn'] };

    // Act
    const secretId = logicalIdOf(staging.stack, 'Triage/ModelApiKeySecret');
    const secret = staging.json.Resources[secretId]!;

    // Assess
    expect(secret.Properties!.KmsKeyId).toEqual(cmk);
    expect(secret.Properties!.SecretString).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(staging.json.Outputs!.ModelApiKeySecretArn!.Value).toEqual({ Ref: secretId });
    expect(staging.json.Outputs!.TriageWorkerName!.Value).toEqual({ Ref: logicalIdOf(staging.stack, 'Triage/WorkerFunction') });
    expect(dev.stack.node.findChild('Triage').node.tryFindChild('ModelApiKeySecret')).toBeUndefined();
    expect(dev.json.Outputs!.ModelApiKeySecretArn).toBeUndefined();
    expect(dev.json.Outputs!.TriageWorkerName).toBeDefined();
  });

  it('alarms on DLQ depth, oldest message age and worker errors and throttles, each notifying the alarm topic', () => {
    // Prepare: the alarms live in the Monitoring nested stack; the parent passes the queues and the worker in.
    const { monitoring } = staging;
    const topicId = logicalIdOf(monitoring.stack, 'Observability/AlarmTopic');
    const workerId = logicalIdOf(staging.stack, 'Triage/WorkerFunction');
    const alarms = resourcesOfType(monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    const watchedId = (alarm: Record<string, any>): string | undefined => referencedId(monitoring.fromParent(alarm.Dimensions[0].Value));

    // Act
    const byName = (name: string): Record<string, any> => alarms.find((a) => a.AlarmName === name)!;
    const watched = [
      byName('carebow-staging-triage-dead-letters'),
      byName('carebow-staging-triage-queue-age'),
      byName('carebow-staging-triage-worker-errors'),
      byName('carebow-staging-triage-worker-throttles'),
    ];

    // Assess
    expect(watched[0]).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(watchedId(watched[0]!)).toBe(logicalIdOf(staging.stack, 'Triage/DeadLetterQueue'));
    expect(watched[1]).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage' });
    expect(watchedId(watched[1]!)).toBe(logicalIdOf(staging.stack, 'Triage/Queue'));
    expect(watched[2]).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName' }] });
    expect(monitoring.fromParent(watched[2]!.Dimensions[0].Value)).toEqual({ Ref: workerId });
    expect(watched[3]).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: [{ Name: 'FunctionName' }] });
    expect(monitoring.fromParent(watched[3]!.Dimensions[0].Value)).toEqual({ Ref: workerId });
    for (const alarm of watched) expect(asArray(alarm.AlarmActions).map(referencedId)).toEqual([topicId]);
  });

  it("draws the worker's invocations, errors, duration and model usage on the dashboard", () => {
    // Prepare
    const [, dashboard] = resourcesOfType(staging.monitoring.json, 'AWS::CloudWatch::Dashboard')[0]!;

    // Act
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);

    // Assess
    for (const text of [
      'Triage worker',
      'Invocations',
      'Duration',
      'Queue depth',
      'ModelCostMicroUsd',
      'ModelInputTokens',
      'ModelOutputTokens',
      'TriageCompleted',
    ]) {
      expect(body, text).toContain(text);
    }
    expect(body).toContain('{CareBow,Model,service}');
  });

  it('refuses a worker timeout without room for the model deadline, and a queue concurrency above the reservation', () => {
    // Prepare
    const scope = new Stack(new App(), 'Probe', { env: { region: 'us-east-1' } });
    const encryptionKey = new kms.Key(scope, 'Key');

    // Act
    const tooShort = (): unknown => new Triage(scope, 'Short', { encryptionKey, workerTimeout: Duration.seconds(20) });
    const triage = new Triage(scope, 'Ok', { encryptionKey });
    const overdriven = (): unknown =>
      triage.addWorker({
        settings: { stage: 'probe', encryptionKey, logRetention: logs.RetentionDays.ONE_DAY, logRemovalPolicy: RemovalPolicy.DESTROY },
        environment: {},
        tables: dev.stack.data.tables, // never reached: the bounds are checked first
        dataKeyWrappingKey: encryptionKey,
        notificationsQueue: triage.queue,
        model: { enabled: false },
        reservedConcurrency: 2,
        maxConcurrency: 5,
      });

    // Assess
    expect(tooShort).toThrow(/workerTimeout \(20 s\) must be at least/);
    expect(overdriven).toThrow(/maxConcurrency \(5\) must not exceed reservedConcurrency \(2\)/);
  });
});
