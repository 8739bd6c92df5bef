import { Aws, type Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLES, type TableName } from '../shared/data/tables';
import type { Grants } from '../shared/http/route';
import { DATA_KEY_PURPOSE, indexesOf } from './data';
import { acknowledge } from './nag';
import { grantSigningKeyRing } from './signing-keys';
import { functionCode } from './function-bundles';
import type { Deployments, LiveFunctionOptions } from './deployments';

/**
 * What every CareBow function shares, whoever invokes it (API Gateway or a queue): the
 * bundling, the runtime, its own encrypted log group and its own role, tracing, and the grants
 * vocabulary of the route table (`Grants`). `Api`, `Triage` and `Notifications` build their functions here.
 */

/** Stage-wide settings of a function's log group and role. */
export interface FunctionSettings {
  /** Stage name, part of the role description. */
  readonly stage: string;
  /** CMK of the log groups. */
  readonly encryptionKey: kms.IKey;
  /** Retention of the log groups. */
  readonly logRetention: logs.RetentionDays;
  /** What happens to the log groups when the stack is deleted. */
  readonly logRemovalPolicy: RemovalPolicy;
  /**
   * The stage's CodeDeploy application (lib/deployments.ts): {@link invokedTarget} gives each function
   * a `live` alias shifted by it, and callers invoke that alias.
   * @default - no alias: callers invoke the function's $LATEST
   */
  readonly deployments?: Deployments;
}

export interface NodeFunctionOptions {
  /** Handler module under `functions/`, without extension; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Reserved concurrency of the function.
   * @default - none reserved
   */
  readonly reservedConcurrency?: number;
  /**
   * Data files beside the entry (relative to its folder) copied next to the bundle, for the
   * handler to read at cold start from `import.meta.dirname`.
   * @default - none
   */
  readonly bundleFiles?: readonly string[];
  /**
   * Code built beside the bundle as files of their own (file name → entry, from the project root), with the
   * bundle's options, which the function imports when it first needs them rather than at cold start (ADR 0024):
   * the workers' `openai` client.
   * @default - none
   */
  readonly lazyModules?: Readonly<Record<string, string>>;
  /**
   * The function's log group, when it must live elsewhere than the function: a route function in an
   * area's nested stack keeps its log group in the stage stack, where its logical id is pinned
   * (docs/adr/0008-api-nested-stacks.md).
   * @default - a new encrypted log group `<name>Logs` beside the function
   */
  readonly logGroup?: logs.ILogGroup;
}

/** A log group encrypted with the stage's CMK, with the stage's retention and removal policy. */
export const encryptedLogGroup = (scope: Construct, id: string, settings: FunctionSettings, logGroupName?: string): logs.LogGroup =>
  new logs.LogGroup(scope, id, {
    ...(logGroupName !== undefined ? { logGroupName } : {}),
    encryptionKey: settings.encryptionKey,
    retention: settings.logRetention,
    removalPolicy: settings.logRemovalPolicy,
  });

/**
 * A function with its own encrypted log group (`<name>Logs`, unless one is passed) and its own role (`<name>Role`),
 * which may write to that log group and send traces, and nothing else until grants are added
 * (`grantDeclared`). Its code is its bundle from the one esbuild pass (lib/function-bundles.ts), for nodejs24.x on arm64.
 *
 * The caller acknowledges how the function is invoked (`lambdaSynchronousNoDlq` for API
 * Gateway, `queueWorkerNoLambdaDlq` for an SQS event source): that differs per caller.
 */
export const nodeFunction = (scope: Construct, name: string, settings: FunctionSettings, options: NodeFunctionOptions): lambda.Function => {
  const logGroup = options.logGroup ?? encryptedLogGroup(scope, `${name}Logs`, settings);
  const role = new iam.Role(scope, `${name}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `CareBow ${settings.stage}: ${name} function`,
  });
  logGroup.grantWrite(role);
  const fn = new lambda.Function(scope, `${name}Function`, {
    code: functionCode(options.entry, { files: options.bundleFiles, lazyModules: options.lazyModules }),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: options.memorySize,
    timeout: options.timeout,
    description: options.description,
    role,
    logGroup,
    tracing: lambda.Tracing.ACTIVE,
    ...(options.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: options.reservedConcurrency } : {}),
    environment: { ...options.environment },
  });
  acknowledge(role, 'xrayWildcardResource', 'cdkGrantsAreInlinePolicies');
  acknowledge(fn, 'lambdaNotInVpc');
  return fn;
};

/**
 * What API Gateway or a queue should invoke: `fn`'s `live` alias, deployed by CodeDeploy with the stage's
 * strategy and rolled back on its own alarms (docs/adr/0016-canary-deployments.md), where the
 * settings carry the stage's deployments; else `fn` itself. Grants stay on `fn`'s role, which the
 * alias shares.
 *
 * @example
 * const target = invokedTarget(fn, settings, { name: 'triageWorker' });
 * target.addEventSource(new SqsEventSource(queue));
 */
export const invokedTarget = (fn: lambda.Function, settings: FunctionSettings, options: LiveFunctionOptions): lambda.IFunction =>
  settings.deployments?.live(fn, options).alias ?? fn;

export type TableLevel = 'read' | 'readWrite' | 'append';

/**
 * What each table level of `grants.tables` allows on the table and its indexes. `read` and
 * `readWrite` are CDK's grantReadData/grantReadWriteData without the stream actions (no table has
 * a stream) and without `dynamodb:Scan`: every read is a GetItem or a Query on a key or an index,
 * and no function may read a whole table. `append` is PutItem plus the reads that finding a hash chain's head and searching
 * the trail need; never UpdateItem, DeleteItem, BatchWriteItem or PartiQL.
 */
export const TABLE_ACTIONS: Readonly<Record<TableLevel, readonly string[]>> = {
  read: ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'],
  readWrite: [
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
  append: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
};

/**
 * What each table level may do with the tables' CMK, which DynamoDB uses on the caller's behalf:
 * CDK's key actions for read and read-write, and for `append` only what encrypting a new item and
 * reading items back needs (no ReEncrypt, no GenerateDataKey* wildcard).
 */
export const TABLE_KEY_ACTIONS: Readonly<Record<TableLevel, readonly string[]>> = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
  append: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
};

/** What `grants.dataKeys` allows on the wrapping key, always under `purpose=carebow-phi`. */
export const DATA_KEY_ACTIONS: Readonly<Record<NonNullable<Grants['dataKeys']>, readonly string[]>> = {
  decrypt: ['kms:Decrypt'],
  generate: ['kms:Decrypt', 'kms:GenerateDataKey'],
};

/** What `grants.blindIndexSecret` allows on the secret (CDK's grantRead). */
export const SECRET_READ_ACTIONS: readonly string[] = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

/** What `grants.triageQueue: 'send'` (and every other queue's `send`) allows on the queue, and on its CMK. */
export const QUEUE_SEND_ACTIONS: readonly string[] = ['sqs:SendMessage'];
export const QUEUE_SEND_KEY_ACTIONS: readonly string[] = ['kms:GenerateDataKey', 'kms:Decrypt'];

/** What `grants.reminders: 'manage'` allows on the schedules of the stage's reminders group. */
export const REMINDER_SCHEDULE_ACTIONS: readonly string[] = ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'];

/** What a function needs to manage reminders (`grants.reminders`); lib/notifications.ts builds it. */
export interface ReminderTargets {
  /** The group's name, a plain string (`carebow-<stage>-reminders`, `REMINDER_SCHEDULE_GROUP`). */
  readonly scheduleGroupName: string;
  /**
   * Every schedule of the group, `arn:<partition>:scheduler:<region>:<account>:schedule/<group>/*`,
   * from pseudo parameters, so it reads the same in the stage stack and in an area's nested stack.
   */
  readonly schedulesArn: string;
  /** The role EventBridge Scheduler assumes to deliver a reminder (`REMINDER_SCHEDULER_ROLE_ARN`); passed to Scheduler only. */
  readonly schedulerRole: iam.IRole;
  /** Where Scheduler puts a reminder it could not deliver (`REMINDER_DEAD_LETTER_QUEUE_ARN`). */
  readonly deadLetterQueue: sqs.IQueue;
}

/** What `grants.auditDigests: 'read'` reads (lib/audit-anchor.ts builds both). */
export interface AuditDigestTargets {
  /** The Object Lock bucket of the digests; read only under `<stage>/`. */
  readonly bucket: s3.IBucket;
  /** The digest-signing key; only its public key is read. */
  readonly signingKey: kms.IKey;
  /** The stage: the digests' key prefix. */
  readonly stage: string;
}

/**
 * The resources `Grants` names. Only the tables are always there; a function whose grants name a
 * resource its builder did not pass fails synthesis rather than silently going without.
 */
export interface GrantTargets {
  /** The tables, keyed like `TABLES`. */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** Symmetric key that wraps per-user data keys (`grants.dataKeys`). */
  readonly dataKeyWrappingKey?: kms.IKey;
  /** Asymmetric key that signs access tokens (`grants.tokenSigningKey`). */
  readonly tokenSigningKey?: kms.IKey;
  /** HMAC key of the e-mail blind index (`grants.blindIndexSecret`). */
  readonly blindIndexSecret?: secretsmanager.ISecret;
  /** Where triage sessions are queued (`grants.triageQueue`). */
  readonly triageQueue?: sqs.IQueue;
  /** Where chat messages are queued for the chat worker (`grants.chatQueue`). */
  readonly chatQueue?: sqs.IQueue;
  /** Where notification events are queued (`grants.notificationsQueue`). */
  readonly notificationsQueue?: sqs.IQueue;
  /** The reminders' schedule group and the role Scheduler assumes (`grants.reminders`). */
  readonly reminders?: ReminderTargets;
  /** The model API key secret (`grants.modelApiKey`); absent where the stage does not enable the model, and then not granted. */
  readonly modelApiKeySecret?: secretsmanager.ISecret;
  /** Where "the content library changed" is queued for the content worker (`grants.contentQueue`). */
  readonly contentQueue?: sqs.IQueue;
  /** The audit digests and the anchor key (`grants.auditDigests`). */
  readonly auditDigests?: AuditDigestTargets;
}

/** Turns declared grants into IAM grants on the function's role; nothing else is ever granted. */
export const grantDeclared = (fn: lambda.IFunction, grants: Grants, targets: GrantTargets): void => {
  const need = <T>(target: T | undefined, what: string): T => {
    if (target === undefined) throw new Error(`${fn.node.path}: its grants name ${what}, which was not passed to grantDeclared`);
    return target;
  };
  const { tables } = targets;
  const levels = Object.values(grants.tables ?? {});
  if (levels.includes('readWrite')) acknowledge(fn.role!, 'cmkGrantWildcards');
  for (const [name, level] of Object.entries(grants.tables ?? {}) as [TableName, TableLevel][]) {
    // Not table.grant*(): for a table with indexes those add `<table>/index/*`. Naming the
    // spec's indexes grants the same without a resource wildcard.
    const table = tables[name];
    const indexArns = indexesOf(TABLES[name]).map((index) => `${table.tableArn}/index/${index.indexName}`);
    iam.Grant.addToPrincipal({ grantee: fn, actions: [...TABLE_ACTIONS[level]], resourceArns: [table.tableArn, ...indexArns] });
    table.encryptionKey?.grant(fn, ...TABLE_KEY_ACTIONS[level]);
  }
  for (const name of grants.describeTables ?? []) {
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['dynamodb:DescribeTable'], resourceArns: [tables[name].tableArn] });
  }
  if (grants.dataKeys !== undefined) {
    // Still a grant (Grant.addToPrincipal), but not key.grant(), which cannot carry a condition:
    // the role may only use the wrapping key under the PHI encryption context. The key policy
    // delegates to IAM (account root), so this role statement is the whole permission; the key
    // policy's own Deny statements additionally require `userId` in the context.
    iam.Grant.addToPrincipal({
      grantee: fn,
      actions: [...DATA_KEY_ACTIONS[grants.dataKeys]],
      resourceArns: [need(targets.dataKeyWrappingKey, 'the data-key wrapping key').keyArn],
      conditions: { StringEquals: { 'kms:EncryptionContext:purpose': DATA_KEY_PURPOSE } },
    });
  }
  if (grants.tokenSigningKey !== undefined) {
    const signingKey = need(targets.tokenSigningKey, 'the token-signing key');
    if (grants.tokenSigningKey === 'sign') signingKey.grant(fn, 'kms:Sign', 'kms:GetPublicKey');
    if (grants.tokenSigningKey === 'publicKey') signingKey.grant(fn, 'kms:GetPublicKey');
    if (grants.tokenSigningKey === 'describe') signingKey.grant(fn, 'kms:DescribeKey');
    if (grants.tokenSigningKey !== 'describe') grantSigningKeyRing(fn, grants.tokenSigningKey, tables.keys);
  }
  if (grants.blindIndexSecret === true) {
    // Not secret.grantRead(): for a secret under a customer-managed key it adds the function's
    // role to the KEY's policy, so the stage's key would depend on a role in an area's nested
    // stack, whose parameters depend on the key: a cycle. The key policy delegates to IAM, so the
    // same permissions on the role suffice: read the secret, and decrypt only via Secrets Manager.
    grantSecretRead(fn, need(targets.blindIndexSecret, 'the blind-index secret'));
  }
  if (grants.triageQueue !== undefined) {
    const queue = need(targets.triageQueue, 'the triage queue');
    if (grants.triageQueue === 'probe') queue.grant(fn, 'sqs:GetQueueAttributes');
    if (grants.triageQueue === 'send') {
      // Not grantSendMessages(), which adds GetQueueAttributes, GetQueueUrl and the key-write
      // wildcards: a producer only sends (the URL is configuration), and SQS needs a data key
      // from the queue's CMK for that (GenerateDataKey, and Decrypt to reuse a cached one).
      iam.Grant.addToPrincipal({ grantee: fn, actions: [...QUEUE_SEND_ACTIONS], resourceArns: [queue.queueArn] });
      queue.encryptionMasterKey?.grant(fn, ...QUEUE_SEND_KEY_ACTIONS);
    }
  }
  if (grants.chatQueue === 'send') {
    // The same as the triage queue's `send`: only SendMessage, and the CMK's data key to encrypt it.
    const queue = need(targets.chatQueue, 'the chat queue');
    iam.Grant.addToPrincipal({ grantee: fn, actions: [...QUEUE_SEND_ACTIONS], resourceArns: [queue.queueArn] });
    queue.encryptionMasterKey?.grant(fn, ...QUEUE_SEND_KEY_ACTIONS);
  }
  if (grants.notificationsQueue === 'send') {
    // The same as the triage queue's `send`: only SendMessage, and the CMK's data key to encrypt it.
    const queue = need(targets.notificationsQueue, 'the notifications queue');
    iam.Grant.addToPrincipal({ grantee: fn, actions: [...QUEUE_SEND_ACTIONS], resourceArns: [queue.queueArn] });
    queue.encryptionMasterKey?.grant(fn, ...QUEUE_SEND_KEY_ACTIONS);
  }
  if (grants.modelApiKey === 'read' && targets.modelApiKeySecret !== undefined) {
    // As the blind-index secret: on the role, and decrypt only through Secrets Manager (no key-policy cycle).
    grantSecretRead(fn, targets.modelApiKeySecret);
  }
  if (grants.contentQueue === 'send') {
    // The same as the triage queue's `send`: only SendMessage, and the CMK's data key to encrypt it.
    const queue = need(targets.contentQueue, 'the content queue');
    iam.Grant.addToPrincipal({ grantee: fn, actions: [...QUEUE_SEND_ACTIONS], resourceArns: [queue.queueArn] });
    queue.encryptionMasterKey?.grant(fn, ...QUEUE_SEND_KEY_ACTIONS);
  }
  if (grants.auditDigests === 'read') {
    // Not bucket.grantRead() (adds GetObject* and GetBucket*) nor a grant on the data CMK: the role's audit-table
    // grant already decrypts with it. Listing is on the bucket, reading under the stage's prefix, and the key
    // only gives its public key: no PutObject, no kms:Sign.
    const { bucket, signingKey, stage } = need(targets.auditDigests, 'the audit digests');
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(`${stage}/*`)] });
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
    signingKey.grant(fn, 'kms:GetPublicKey');
    acknowledge(fn.role!, 'digestReadsUnderStagePrefix');
  }
  if (grants.reminders === 'manage') {
    // Create, replace and delete one-time schedules in the reminders group only (a schedule's name
    // is chosen at run time, hence the `/*`, acknowledged), and hand Scheduler its role, to nobody else.
    const reminders = need(targets.reminders, 'the reminders schedule group and scheduler role');
    iam.Grant.addToPrincipal({ grantee: fn, actions: [...REMINDER_SCHEDULE_ACTIONS], resourceArns: [reminders.schedulesArn] });
    iam.Grant.addToPrincipal({
      grantee: fn,
      actions: ['iam:PassRole'],
      resourceArns: [reminders.schedulerRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    });
    acknowledge(fn.role!, 'reminderSchedulesInGroup');
  }
};

/** Reads `secret` (its value and description), and decrypts it only through Secrets Manager. */
const grantSecretRead = (fn: lambda.IFunction, secret: secretsmanager.ISecret): void => {
  iam.Grant.addToPrincipal({ grantee: fn, actions: [...SECRET_READ_ACTIONS], resourceArns: [secret.secretArn] });
  if (secret.encryptionKey !== undefined) {
    iam.Grant.addToPrincipal({
      grantee: fn,
      actions: ['kms:Decrypt'],
      resourceArns: [secret.encryptionKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.${Stack.of(secret).urlSuffix}` } },
    });
  }
};

/** The ARN of every schedule in the group `scheduleGroupName` ({@link ReminderTargets.schedulesArn}). */
export const schedulesInGroupArn = (scheduleGroupName: string): string =>
  `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${scheduleGroupName}/*`;
