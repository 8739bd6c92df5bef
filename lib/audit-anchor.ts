import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ANCHOR_METRICS_SERVICE } from '../shared/audit/anchor';
import type { TableName } from '../shared/data/tables';
import { type FunctionSettings, grantDeclared, invokedTarget, nodeFunction } from './functions';
import { acknowledge } from './nag';
import { AUDIT_ANCHOR_ENTRY } from './function-entries';

export interface AuditAnchorProps {
  /** Stage name: the digests' key prefix, the key alias. */
  readonly stage: string;
  /** Log group and role settings shared by every function. */
  readonly settings: FunctionSettings;
  /** The environment every function gets (table names, stage); the anchor adds its bucket and key. */
  readonly environment: Readonly<Record<string, string>>;
  /** The tables; the worker only reads `audit` (and its indexes). */
  readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** The data CMK: it encrypts the digests (SSE-KMS) and the worker's logs. */
  readonly encryptionKey: kms.IKey;
  /** How long each digest is locked in compliance mode (per stage, lib/stages.ts). */
  readonly retention: Duration;
  /**
   * How often the worker runs; also the digest cadence.
   * @default Duration.minutes(5)
   */
  readonly every?: Duration;
}

/**
 * Audit anchoring (docs/adr/0014-audit-anchoring.md), modelled on CloudTrail's digest files: every 5 minutes a
 * worker writes a signed digest of every audit chain head that changed to an S3 bucket with Object Lock in
 * compliance mode, so a writer who can rewrite the audit table can no longer recompute a chain or drop its newest
 * records unnoticed. The digests are signed by a KMS key of their own (ECC_NIST_P256, SIGN_VERIFY), separate from
 * the token-signing key. The worker can read the audit table, sign, list and read digests and put new ones; it
 * can never delete an object or set a retention, and a bucket policy refuses those to everyone.
 */
export class AuditAnchor extends Construct {
  /** The Object Lock bucket of the digests. */
  public readonly bucket: s3.IBucket;
  /** The digest-signing key. */
  public readonly signingKey: kms.IKey;
  /** The worker. */
  public readonly worker: lambda.IFunction;
  /** The schedule that runs it. */
  public readonly rule: events.Rule;

  public constructor(scope: Construct, id: string, props: AuditAnchorProps) {
    super(scope, id);
    // S3 delivers the access logs under a bucket policy, not the legacy log-delivery ACL (the bucket owner owns every object).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const signingKey = new kms.Key(this, 'SigningKey', {
      description: `CareBow ${props.stage}: signs audit digests (ES256); never signs tokens`,
      alias: `alias/carebow-${props.stage}-audit-anchor`,
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      // Asymmetric keys cannot rotate automatically; a digest names the key that signed it (ADR 0014, "Key rotation").
      enableKeyRotation: false,
      // Digests stay verifiable for their whole retention, so the key outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    this.signingKey = signingKey;

    // Server access logs must go to an SSE-S3 bucket; it holds request metadata, never a digest's content.
    const accessLogs = new s3.Bucket(this, 'AccessLogsBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
      // Retained like the digests (a non-empty bucket cannot be deleted with the stack anyway).
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'accessLogBucket');

    const bucket = new s3.Bucket(this, 'DigestBucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(props.retention),
      versioned: true,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'digests/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Object Lock already refuses to delete a locked version; this also refuses delete markers and retention changes.
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DigestsAreNeverDeletedOrUnlocked',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:BypassGovernanceRetention'],
        resources: [bucket.arnForObjects('*')],
      }),
    );
    acknowledge(bucket, 'digestBucketNoReplication');
    this.bucket = bucket;

    const worker = nodeFunction(this, 'Worker', props.settings, {
      entry: AUDIT_ANCHOR_ENTRY,
      description: 'Audit anchor: writes a signed digest of the changed audit chain heads to the Object Lock bucket',
      memorySize: 512,
      timeout: Duration.minutes(2),
      // One run at a time: two would race for the same digest key (If-None-Match refuses the second anyway).
      reservedConcurrency: 1,
      environment: { ...props.environment, AUDIT_DIGEST_BUCKET: bucket.bucketName, AUDIT_ANCHOR_KEY_ID: signingKey.keyArn },
    });
    acknowledge(worker, 'scheduledWorkerNoLambdaDlq');
    grantDeclared(worker, { tables: { audit: 'read' } }, { tables: props.tables });
    signingKey.grant(worker, 'kms:Sign', 'kms:GetPublicKey');
    // Not bucket.grantPut()/grantRead(): those add retention, legal-hold and tagging actions this worker must not have.
    iam.Grant.addToPrincipal({ grantee: worker, actions: ['s3:PutObject', 's3:GetObject'], resourceArns: [bucket.arnForObjects(`${props.stage}/*`)] });
    iam.Grant.addToPrincipal({ grantee: worker, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
    props.encryptionKey.grant(worker, 'kms:GenerateDataKey', 'kms:Decrypt');
    acknowledge(worker.role!, 'digestObjectsUnderStagePrefix');
    this.worker = worker;
    // Like every function, a deploy reaches it through its live alias (ADR 0016): the schedule invokes the alias.
    const target = invokedTarget(worker, props.settings, { name: 'auditAnchor' });

    this.rule = new events.Rule(this, 'Schedule', {
      description: `CareBow ${props.stage}: runs the audit anchor`,
      schedule: events.Schedule.rate(props.every ?? Duration.minutes(5)),
      // A failed run is retried twice; the next run covers the same windows anyway.
      targets: [new targets.LambdaFunction(target, { retryAttempts: 2, maxEventAge: Duration.minutes(10) })],
    });

    acknowledge(this.rule, 'anchorScheduleNoDlq');

    new CfnOutput(this, 'DigestBucketName', { value: bucket.bucketName, description: 'Audit digests (Object Lock, compliance mode)' });
    new CfnOutput(this, 'SigningKeyArn', { value: signingKey.keyArn, description: 'KMS key that signs audit digests' });
  }
}

/**
 * The anchor's two alarms, for the monitoring stack (lib/observability.ts): a failed run, and a verification that
 * found a chain truncated, recomputed or broken (`AuditChainVerification`, shared/metric-catalog.ts), by the anchor
 * (`service=audit-anchor`) or by the verify route (`service=carebow`).
 */
export const auditAnchorAlarms = (worker: lambda.IFunction, period: Duration): { id: string; metric: cloudwatch.IMetric; description: string }[] => {
  const verification = (result: string, service: string = ANCHOR_METRICS_SERVICE) =>
    new cloudwatch.Metric({
      namespace: 'CareBow',
      metricName: 'AuditChainVerification',
      dimensionsMap: { service, Result: result },
      statistic: 'Sum',
      period,
    });
  return [
    {
      id: 'AuditAnchorFailed',
      metric: worker.metricErrors({ period, statistic: 'Sum' }),
      description: 'An audit anchor run failed: no digest was written for its windows (they are covered by the next successful run).',
    },
    {
      id: 'AuditChainBroken',
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(truncated, 0) + FILL(recomputed, 0) + FILL(broken, 0) + FILL(routeTruncated, 0) + FILL(routeRecomputed, 0) + FILL(routeBroken, 0)',
        usingMetrics: {
          truncated: verification('truncated'),
          recomputed: verification('recomputed'),
          broken: verification('broken'),
          // The verify route (GET /api/v1/audit/verify) emits under the API's service.
          routeTruncated: verification('truncated', 'carebow'),
          routeRecomputed: verification('recomputed', 'carebow'),
          routeBroken: verification('broken', 'carebow'),
        },
        label: 'Chains or digests found tampered',
        period,
      }),
      description:
        'An audit chain no longer matches its signed digest (records dropped or recomputed), or a digest is missing or invalid: treat as a security incident.',
    },
  ];
};
