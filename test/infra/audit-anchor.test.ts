import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_ACTIONS } from '../../lib/functions';
import { asArray, logicalIdOf, resourcesOfType, routeConstructPath, synthStage, type Synthesized } from './support/synth';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every IAM statement of the policies attached to `roleId`. */
const statementsOf = (synth: Synthesized, roleId: string): Statement[] =>
  resourcesOfType(synth.json, 'AWS::IAM::Policy')
    .map(([, resource]) => resource)
    .filter((policy) => asArray(policy.Properties!.Roles).some((role: unknown) => JSON.stringify(role).includes(roleId)))
    .flatMap((policy) => policy.Properties!.PolicyDocument.Statement as Statement[]);

/** docs/security.md #28: the digests are locked, signed by a key of their own, and the worker can neither delete nor unlock them. */
describe('Construct: AuditAnchor', () => {
  let prod: Synthesized;
  let dev: Synthesized;
  beforeAll(() => {
    prod = synthStage('prod');
    dev = synthStage('dev');
  });

  it('locks every digest in COMPLIANCE mode for the stage’s retention (prod 7 years, dev 1 day), versioned and retained', () => {
    // Prepare
    const bucketId = logicalIdOf(prod.stack, 'AuditAnchor/DigestBucket');

    // Act
    const prodBucket = prod.json.Resources[bucketId]!;
    const devBucket = dev.json.Resources[logicalIdOf(dev.stack, 'AuditAnchor/DigestBucket')]!;

    // Assess
    expect(prodBucket.Properties!.ObjectLockEnabled).toBe(true);
    expect(prodBucket.Properties!.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2557 } },
    });
    expect(devBucket.Properties!.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'COMPLIANCE', Days: 1 });
    expect(prodBucket.Properties!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(devBucket.DeletionPolicy).toBe('Retain');
  });

  it('encrypts the digests with the data CMK, blocks public access, logs access and refuses plain HTTP, deletion and unlocking', () => {
    // Prepare
    const bucketId = logicalIdOf(prod.stack, 'AuditAnchor/DigestBucket');
    const dataKeyId = logicalIdOf(prod.stack, 'Data/Key');

    // Act
    const bucket = prod.json.Resources[bucketId]!.Properties!;
    const [, policy] = resourcesOfType(prod.json, 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties!.Bucket).includes(bucketId))!;
    const statements = policy.Properties!.PolicyDocument.Statement as (Statement & { Condition?: unknown })[];

    // Assess
    const encryption = bucket.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(encryption.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(JSON.stringify(encryption.ServerSideEncryptionByDefault.KMSMasterKeyID)).toContain(dataKeyId);
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.LoggingConfiguration.DestinationBucketName)).toContain(logicalIdOf(prod.stack, 'AuditAnchor/AccessLogsBucket'));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const deny = statements.find((s) => s.Effect === 'Deny' && asArray(s.Action).includes('s3:DeleteObject'))!;
    expect(asArray(deny.Action).sort()).toEqual([
      's3:BypassGovernanceRetention',
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:PutObjectLegalHold',
      's3:PutObjectRetention',
    ]);
  });

  it('signs with a KMS key of its own: ECC_NIST_P256, SIGN_VERIFY, retained, not the token-signing key', () => {
    // Prepare
    const keyId = logicalIdOf(prod.stack, 'AuditAnchor/SigningKey');

    // Act
    const key = prod.json.Resources[keyId]!;

    // Assess
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(key.DeletionPolicy).toBe('Retain');
    expect(keyId).not.toBe(logicalIdOf(prod.stack, 'Data/TokenSigningKey'));
  });

  it('runs the worker (its live alias) every 5 minutes, one run at a time, with its bucket and key', () => {
    // Prepare
    const workerId = logicalIdOf(prod.stack, 'AuditAnchor/WorkerFunction');

    // Act
    const rule = prod.json.Resources[logicalIdOf(prod.stack, 'AuditAnchor/Schedule')]!.Properties!;
    const worker = prod.json.Resources[workerId]!.Properties!;

    // Assess
    expect(rule.ScheduleExpression).toBe('rate(5 minutes)');
    expect(rule.State).toBe('ENABLED');
    // The schedule invokes the worker's live alias, which a deploy shifts (ADR 0016).
    const target = prod.json.Resources[rule.Targets[0].Arn.Ref]!;
    expect(target.Type).toBe('AWS::Lambda::Alias');
    expect(target.Properties!.FunctionName).toEqual({ Ref: workerId });
    expect(rule.Targets[0].RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 2 });
    expect(worker.ReservedConcurrentExecutions).toBe(1);
    expect(JSON.stringify(worker.Environment.Variables.AUDIT_DIGEST_BUCKET)).toContain(logicalIdOf(prod.stack, 'AuditAnchor/DigestBucket'));
    expect(JSON.stringify(worker.Environment.Variables.AUDIT_ANCHOR_KEY_ID)).toContain(logicalIdOf(prod.stack, 'AuditAnchor/SigningKey'));
  });

  it('lets the worker read the audit table, sign, list, read and put digests: never write the table, delete or set a retention', () => {
    // Prepare
    const roleId = logicalIdOf(prod.stack, 'AuditAnchor/WorkerRole');
    const auditTableId = logicalIdOf(prod.stack, 'Data/AuditTable');
    const signingKeyId = logicalIdOf(prod.stack, 'AuditAnchor/SigningKey');

    // Act
    const statements = statementsOf(prod, roleId).filter((s) => s.Effect === 'Allow');
    const actions = statements.flatMap((s) => asArray(s.Action));

    // Assess
    const onTable = statements.filter((s) => JSON.stringify(s.Resource).includes(auditTableId)).flatMap((s) => asArray(s.Action));
    expect(onTable.sort()).toEqual([...TABLE_ACTIONS.read].sort());
    const onKey = statements.filter((s) => JSON.stringify(s.Resource).includes(signingKeyId)).flatMap((s) => asArray(s.Action));
    expect(onKey.sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    const s3Actions = actions.filter((a) => a.startsWith('s3:')).sort();
    expect(s3Actions).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(JSON.stringify(statements.find((s) => asArray(s.Action).includes('s3:PutObject'))!.Resource)).toContain('/prod/*');
    expect(actions.filter((a) => /Delete|Retention|LegalHold|Bypass|PutItem|UpdateItem|BatchWrite/.test(a))).toEqual([]);
  });

  it('lets the verify route list and read the stage’s digests and read the anchor key’s public key: no put, no sign, nothing else new', () => {
    // Prepare
    const roleId = logicalIdOf(prod.stack, routeConstructPath('auditVerify', 'Role'));
    const fnId = logicalIdOf(prod.stack, routeConstructPath('auditVerify', 'Function'));
    const bucketId = logicalIdOf(prod.stack, 'AuditAnchor/DigestBucket');
    const signingKeyId = logicalIdOf(prod.stack, 'AuditAnchor/SigningKey');
    const auditTableId = logicalIdOf(prod.stack, 'Data/AuditTable');
    const identityTableId = logicalIdOf(prod.stack, 'Data/IdentityTable');
    const dataKeyId = logicalIdOf(prod.stack, 'Data/Key');

    // Act
    const statements = statementsOf(prod, roleId).filter((s) => !asArray(s.Action).some((a) => /^(logs|xray):/.test(a)));
    const on = (id: string) => statements.filter((s) => JSON.stringify(s.Resource).includes(id));
    const env = prod.json.Resources[fnId]!.Properties!.Environment.Variables;

    // Assess
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(on(bucketId).map((s) => [asArray(s.Action), JSON.stringify(s.Resource)])).toEqual([
      [['s3:GetObject'], expect.stringMatching(/"\/prod\/\*"\]\]\}$/)],
      [['s3:ListBucket'], JSON.stringify({ 'Fn::GetAtt': [bucketId, 'Arn'] })],
    ]);
    expect(on(signingKeyId).flatMap((s) => asArray(s.Action))).toEqual(['kms:GetPublicKey']);
    // Everything else is what the route had: the audit table (append), the identity table (the officer's own account,
    // read: requireOfficer) and the data CMK that encrypts them (and the digests).
    const rest = statements.filter((s) => !on(bucketId).includes(s) && !on(signingKeyId).includes(s));
    expect(rest.every((s) => [auditTableId, identityTableId, dataKeyId].some((id) => JSON.stringify(s.Resource).includes(id)))).toBe(true);
    const identityActions = on(identityTableId).flatMap((s) => asArray(s.Action));
    expect(identityActions.length).toBeGreaterThan(0);
    expect(identityActions.every((a) => /^dynamodb:(Get|BatchGet|Query|ConditionCheck|DescribeTable)/.test(a))).toBe(true);
    const actions = statements.flatMap((s) => asArray(s.Action));
    expect(actions.filter((a) => /^s3:(Put|Delete)|Retention|LegalHold|Bypass|kms:Sign/.test(a))).toEqual([]);
    expect(JSON.stringify(env.AUDIT_DIGEST_BUCKET)).toContain(bucketId);
    expect(JSON.stringify(env.AUDIT_ANCHOR_KEY_ID)).toContain(signingKeyId);
  });

  it('indexes the audit table by anchorWindow (the hour) and at, so a run finds the changed chains without a scan', () => {
    // Act
    const indexes = prod.json.Resources[logicalIdOf(prod.stack, 'Data/AuditTable')]!.Properties!.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: unknown;
    }[];

    // Assess
    expect(indexes.find((index) => index.IndexName === 'byAnchorWindow')!.KeySchema).toEqual([
      { AttributeName: 'anchorWindow', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ]);
  });

  it("indexes the audit table by subject partition and at, so a subject's search reads its lanes in time order (ADR 0019)", () => {
    // Act
    const indexes = prod.json.Resources[logicalIdOf(prod.stack, 'Data/AuditTable')]!.Properties!.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: unknown;
      Projection: unknown;
    }[];

    // Assess
    expect(indexes.find((index) => index.IndexName === 'bySubjectTime')).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
  });

  it('alarms on a failed run and on a chain found tampered, each with its runbook', () => {
    // Act
    const alarms = resourcesOfType(prod.monitoring.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);

    // Assess
    const failed = alarms.find((a) => a.AlarmName === 'carebow-prod-audit-anchor-failed')!;
    const broken = alarms.find((a) => a.AlarmName === 'carebow-prod-audit-chain-broken')!;
    expect(failed.MetricName).toBe('Errors');
    expect(failed.AlarmDescription).toMatch(/Runbook: docs\/runbooks\/audit-anchor\.md$/);
    expect(broken.AlarmDescription).toMatch(/Runbook: docs\/runbooks\/audit-anchor\.md$/);
    const metrics = (broken.Metrics as { MetricStat?: { Metric: { MetricName: string; Dimensions: { Name: string; Value: string }[] } } }[]).flatMap((m) =>
      m.MetricStat ? [m.MetricStat.Metric] : [],
    );
    expect(new Set(metrics.map((m) => m.MetricName))).toEqual(new Set(['AuditChainVerification']));
    // The anchor's own checks and the verify route's.
    const dimensions = metrics.map((m) => `${m.Dimensions.find((d) => d.Name === 'service')!.Value}:${m.Dimensions.find((d) => d.Name === 'Result')!.Value}`);
    expect(dimensions.sort()).toEqual([
      'audit-anchor:broken',
      'audit-anchor:recomputed',
      'audit-anchor:truncated',
      'carebow:broken',
      'carebow:recomputed',
      'carebow:truncated',
    ]);
  });
});
