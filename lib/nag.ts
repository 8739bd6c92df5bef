import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One acknowledged cdk-nag finding (or a group of findings with the same cause) and why. */
export interface NagAcknowledgement {
  /** cdk-nag rule ids, granular where the rule is (`AwsSolutions-IAM5[Resource::*]`). */
  readonly ids: readonly string[];
  /** Why the finding is accepted rather than fixed. */
  readonly reason: string;
}

/**
 * Every cdk-nag finding CareBow acknowledges instead of fixing, with its reason. Nothing is
 * acknowledged anywhere else: constructs call {@link acknowledge} with a key of this catalogue,
 * on the narrowest construct the finding is about (one function, one role, one method), never
 * on the stack or the app. docs/adr/0002-cdk-nag-acknowledgements.md lists the same entries; a
 * test keeps the two equal.
 */
export const ACKNOWLEDGEMENTS = {
  lambdaNotInVpc: {
    ids: ['HIPAA.Security-LambdaInsideVPC'],
    reason:
      'The functions reach only AWS service APIs (DynamoDB, KMS, Secrets Manager, SQS, and for notifications SES, SNS and EventBridge Scheduler) over TLS with IAM-signed requests, and the triage worker also the model API on the internet over HTTPS; ' +
      'there is no private resource to reach. A VPC would add NAT or endpoint cost and cold-start latency without protecting any data path.',
  },
  lambdaSynchronousNoDlq: {
    ids: ['HIPAA.Security-LambdaDLQ', 'Serverless-LambdaDLQ'],
    reason:
      'API Gateway invokes these functions synchronously: a failure is returned to the caller as a 5xx with a request id, and a dead-letter queue only ever receives asynchronous invocations. ' +
      'Asynchronous work goes through the triage and notifications queues, each with its own DLQ.',
  },
  queueWorkerNoLambdaDlq: {
    ids: ['HIPAA.Security-LambdaDLQ', 'Serverless-LambdaDLQ'],
    reason:
      "A queue worker (triage, notifications) is invoked only by its SQS event source mapping, synchronously; a function's dead-letter queue only ever receives asynchronous invocations. " +
      'A message the worker fails returns to its queue and, after maxReceiveCount (5) receives, moves to the DLQ of that queue, which raises an alarm.',
  },
  queueEventSourceRedrivesToDlq: {
    ids: ['Serverless-LambdaEventSourceMappingDestination'],
    reason:
      'Lambda supports on-failure destinations on event source mappings for Kinesis, DynamoDB Streams and Kafka only, not for SQS. ' +
      "For an SQS source the failure path is the queue's redrive policy: failed messages (partial batch responses) go to the queue's DLQ (triage, notifications) after 5 receives, and any message there raises an alarm.",
  },
  cdkGrantsAreInlinePolicies: {
    ids: ['HIPAA.Security-IAMNoInlinePolicy'],
    reason:
      "CDK grants (table.grantReadData, key.grant, ...) write to the role's default inline policy. Each role belongs to exactly one function and holds only its route's grants; " +
      'customer-managed policies would add attachable copies of the same statements and no isolation.',
  },
  xrayWildcardResource: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions, so the statement must use Resource "*". ' +
      'No other statement has a wildcard resource (test/infra/iam.test.ts).',
  },
  cmkGrantWildcards: {
    ids: ['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]'],
    reason:
      "A readWrite grant on a CMK-encrypted table adds CDK's key-write actions (grantReadWriteData's), which are action wildcards. " +
      "They are scoped to the one CMK's ARN and only given to functions whose route declares readWrite, and to the triage and notifications workers (records readWrite).",
  },
  backupServiceRoleManagedPolicy: {
    ids: ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]'],
    reason:
      'The AWS Backup selection role uses the AWS-maintained service-role policy, which AWS keeps in step with what Backup needs per resource type. ' +
      'Only backup.amazonaws.com can assume the role.',
  },
  apiGatewayCloudWatchRoleManagedPolicy: {
    ids: ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]'],
    reason:
      "API Gateway writes access and execution logs through the account's CloudWatch role, which uses the AWS-maintained push-to-logs service-role policy. " +
      'Only apigateway.amazonaws.com can assume it.',
  },
  blindIndexSecretRotation: {
    ids: ['AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled'],
    reason:
      'The secret is the HMAC key of the e-mail blind index. Rotating it invalidates every stored index entry, so it requires re-indexing all users; ' +
      'that is done by a planned re-indexing job, not by automatic Secrets Manager rotation.',
  },
  modelApiKeySecretRotation: {
    ids: ['AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled'],
    reason:
      "The secret holds the triage model provider's API key, which only the provider issues (in its console); no rotation Lambda can mint one. " +
      'DevOps rotates it by storing the new key with put-secret-value and then revoking the old one at the provider (documented on lib/triage.ts).',
  },
  deadLetterQueueHasNoDeadLetterQueue: {
    ids: ['Serverless-SQSRedrivePolicy'],
    reason:
      'This queue is a dead-letter queue itself (of the triage queue, or of the notifications queue and its bounce subscription); messages end here and raise an alarm. A DLQ of a DLQ would only move the problem.',
  },
  reminderDeadLetterQueue: {
    ids: ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'],
    reason:
      "This queue is the dead-letter queue of the reminders' one-time EventBridge Scheduler schedules (each schedule names it at run time, so no queue's redrive policy points here and cdk-nag cannot tell). " +
      'Reminders Scheduler could not deliver end here and raise an alarm; a DLQ of a DLQ would only move the problem.',
  },
  smsPublishWildcardResource: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'The notifications worker sends SMS with sns:Publish to a phone number, which has no ARN, so the statement must name Resource "*". ' +
      'A Deny statement on the same role refuses sns:Publish to every SNS ARN (topics, platform endpoints), so a phone number is all it can publish to (test/infra/notifications.test.ts). The X-Ray statement of the role is the other "*".',
  },
  reminderSchedulesInGroup: {
    ids: [
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/carebow-dev-reminders/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/carebow-staging-reminders/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/carebow-prod-reminders/*]',
    ],
    reason:
      "The notifications worker (the one function declaring reminders 'manage') creates, replaces and deletes one-time schedules whose names are made at run time from an appointment id and an offset, so the resource names every schedule of the stage's reminders group (one id per stage). " +
      'Nothing outside that group, and only Create/Update/DeleteSchedule; iam:PassRole names the scheduler role alone, only for scheduler.amazonaws.com.',
  },
  apiRequestValidationInHandlers: {
    ids: ['AwsSolutions-APIG2'],
    reason:
      "Every route's function validates path, query and body with the route table's strict zod schemas before any work (unknown fields rejected, sizes bounded). " +
      'API Gateway models would be a second validator that drifts from the first and answers with a different error shape.',
  },
  apiNoCache: {
    ids: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted'],
    reason:
      "The rule wants caching on for every method (/*/*). Only the public content library GETs cache (encrypted, per method, staging and prod); every other response carries one caller's data, PHI included, and must never be served from a cache (Cache-Control: no-store).",
  },
  apiNoClientCertificate: {
    ids: ['HIPAA.Security-APIGWSSLEnabled'],
    reason:
      'A client certificate authenticates API Gateway to an HTTP backend. Every integration here is a Lambda proxy integration invoked through the Lambda API with IAM, so there is no backend to present it to.',
  },
  apiLambdaAuthorizerNotCognito: {
    ids: ['AwsSolutions-COG4'],
    reason:
      "Protected routes use a Lambda token authorizer that verifies CareBow's own ES256 access tokens (and optionally a Cognito pool's) with pinned algorithms, issuer, audience and expiry. " +
      'The rule only recognises Cognito user-pool authorizers.',
  },
  publicRoute: {
    ids: ['AwsSolutions-APIG4', 'AwsSolutions-COG4'],
    reason:
      'This method is public in the route table on purpose (health, credential exchange, JWKS, discovery, OpenAPI): a caller cannot hold a token yet, or the document is public, so it has no authorizer, Cognito or other. ' +
      'It is acknowledged per method; a test asserts the public methods are exactly the public routes.',
  },
  signingKeyRingByTag: {
    ids: ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*]'],
    reason:
      'Token-signing keys made by `npm run admin -- rotate-signing-key` do not exist at synthesis (asymmetric KMS keys cannot rotate themselves, ADR 0013), so the ' +
      "kms:Sign statement names every key of the account and region but holds only under the condition aws:ResourceTag/carebow:signing-key-ring = this stage's keys table name, which only that command sets. " +
      'Only the routes that mint access tokens get it (test/infra/signing-keys.test.ts).',
  },
  emailSubscriptionNoDlq: {
    ids: ['Serverless-SNSRedrivePolicy'],
    reason:
      'Alarm e-mail delivery is retried by SNS and failures are visible in the topic metrics; a dead-letter queue of undelivered alarm e-mails would need its own alarm, which would notify the same topic.',
  },
  codeDeployServiceRoleManagedPolicy: {
    ids: ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]'],
    reason:
      "CodeDeploy shifts the functions' live aliases with the AWS-maintained Lambda service-role policy (the limited one: get and update aliases, read alarms), which CDK's LambdaDeploymentGroup attaches and AWS keeps in step with CodeDeploy. " +
      'Only codedeploy.amazonaws.com can assume the role, one per stage.',
  },
  deploymentAlarmActsThroughCodeDeploy: {
    ids: ['HIPAA.Security-CloudWatchAlarmAction'],
    reason:
      "A function's deploy-errors and deploy-latency alarms are read by its CodeDeploy deployment group, which rolls the deployment back when one fires: that is their action. " +
      "They do not page: the same failures raise the function's own errors alarm on the alarm topic, and a rollback fails the deploy itself (docs/runbooks/route-deployment-rollback.md).",
  },
  accessLogBucket: {
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'HIPAA.Security-S3DefaultEncryptionKMS'],
    reason:
      'This bucket receives the server access logs of the audit digest bucket, and S3 delivers access logs only to a bucket encrypted with SSE-S3. ' +
      'It holds request metadata (no PHI, no digest content), versioned and kept 400 days; a cross-region copy would add nothing the digests need.',
  },
  digestBucketNoReplication: {
    ids: ['HIPAA.Security-S3BucketReplicationEnabled'],
    reason:
      'The audit digest bucket holds signed hashes only (no PHI), locked in Object Lock compliance mode so no one can delete or alter them before retention ends; ' +
      'a lost digest is found by the digest chain. Cross-region replication would need a second locked bucket and key per stage and is not required for integrity (ADR 0014).',
  },
  scheduledWorkerNoLambdaDlq: {
    ids: ['HIPAA.Security-LambdaDLQ', 'Serverless-LambdaDLQ'],
    reason:
      'The audit anchor runs on a 5-minute schedule and reads no message: a failed run loses nothing (the next run covers the same windows), EventBridge retries it twice, and every failure raises the AuditAnchorFailed alarm.',
  },
  anchorScheduleNoDlq: {
    ids: ['Serverless-EventBusDLQ'],
    reason:
      'The rule only starts the audit anchor every 5 minutes; its event carries nothing. An event EventBridge could not deliver (after 2 retries) needs no replay: the next run covers the same windows, and the AuditAnchorFailed alarm reports failed runs.',
  },
  digestObjectsUnderStagePrefix: {
    ids: [
      'AwsSolutions-IAM5[Resource::<AuditAnchorDigestBucket78D2EE82.Arn>/dev/*]',
      'AwsSolutions-IAM5[Resource::<AuditAnchorDigestBucket78D2EE82.Arn>/staging/*]',
      'AwsSolutions-IAM5[Resource::<AuditAnchorDigestBucket78D2EE82.Arn>/prod/*]',
    ],
    reason:
      "The audit anchor writes a new digest object under its stage's prefix each run, with a key made at run time; the resource names that prefix of the one bucket and nothing else. " +
      'It may only put and get objects there (never delete, never set a retention), and the bucket policy refuses deletion and retention changes to everyone.',
  },
  digestReadsUnderStagePrefix: {
    ids: [
      'AwsSolutions-IAM5[Resource::<referencetoCareBowdevAuditAnchorDigestBucket1AABA6A0Arn>/dev/*]',
      'AwsSolutions-IAM5[Resource::<referencetoCareBowstagingAuditAnchorDigestBucketE43A6DECArn>/staging/*]',
      'AwsSolutions-IAM5[Resource::<referencetoCareBowprodAuditAnchorDigestBucketEC2F7BF2Arn>/prod/*]',
      // The route's role is in an area stack, so the id names the parent stack's parameter; the last is the
      // every-option stack of test/infra/nag.test.ts (a prod stage).
      'AwsSolutions-IAM5[Resource::<referencetoCareBoweverythingAuditAnchorDigestBucket3C1CF455Arn>/prod/*]',
    ],
    reason:
      "The verify route walks the digest chain, whose keys are made at run time, so it reads the stage's prefix of the one bucket; " +
      'GetObject only there (and ListBucket on the bucket), never put, delete or retention, and only the public key of the anchor key.',
  },
} as const satisfies Record<string, NagAcknowledgement>;

export type AcknowledgementKey = keyof typeof ACKNOWLEDGEMENTS;

/** Acknowledges the findings of catalogue entries `keys` on `scope` and everything below it. */
export const acknowledge = (scope: IConstruct, ...keys: AcknowledgementKey[]): void => {
  for (const key of keys) {
    const { ids, reason } = ACKNOWLEDGEMENTS[key];
    for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
  }
};
