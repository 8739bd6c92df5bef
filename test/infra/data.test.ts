import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_NAMES } from '../../lib/carebow-stack';
import { pascal } from '../../lib/data';
import { TABLES, TABLE_NAMES } from '../../shared/data/tables';
import { logicalIdOf, referencedIds, resourcesOfType, synthStage, type CfnResource, type Synthesized } from './support/synth';

const replicaOf = (table: CfnResource): Record<string, any> => (table.Properties!.Replicas as Record<string, any>[])[0]!;

describe('Construct: Data', () => {
  let dev: Synthesized;
  let prod: Synthesized;

  beforeAll(() => {
    dev = synthStage('dev');
    prod = synthStage('prod');
  });

  it('creates one table per table spec, with its keys and TTL attribute', () => {
    // Prepare
    const tables = resourcesOfType(dev.json, 'AWS::DynamoDB::GlobalTable');

    // Act, Assess
    expect(tables).toHaveLength(TABLE_NAMES.length);
    for (const name of TABLE_NAMES) {
      const spec = TABLES[name];
      const table = dev.json.Resources[logicalIdOf(dev.stack, `Data/${pascal(name)}Table`)]!;
      const keys: { AttributeName: string; KeyType: string }[] = [{ AttributeName: spec.partitionKey.name, KeyType: 'HASH' }];
      if ('sortKey' in spec) keys.push({ AttributeName: spec.sortKey.name, KeyType: 'RANGE' });
      expect(table.Properties!.KeySchema, name).toEqual(keys);
      expect(table.Properties!.BillingMode, name).toBe('PAY_PER_REQUEST');
      if ('timeToLiveAttribute' in spec) expect(table.Properties!.TimeToLiveSpecification, name).toEqual({ AttributeName: spec.timeToLiveAttribute, Enabled: true });
      else expect(table.Properties!.TimeToLiveSpecification, name).toBeUndefined();
    }
  });

  it('encrypts every table with the customer-managed key and turns PITR on (SECURITY #10, #25)', () => {
    // Prepare
    const keyId = logicalIdOf(dev.stack, 'Data/Key');

    // Act
    const tables = resourcesOfType(dev.json, 'AWS::DynamoDB::GlobalTable');

    // Assess
    for (const [id, table] of tables) {
      expect(table.Properties!.SSESpecification, id).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
      const replica = replicaOf(table);
      expect(replica.SSESpecification, id).toEqual({ KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      expect(replica.PointInTimeRecoverySpecification, id).toEqual({ PointInTimeRecoveryEnabled: true });
    }
  });

  it('rotates the customer-managed key and lets CloudWatch Logs use it for this account only', () => {
    // Prepare
    const key = dev.json.Resources[logicalIdOf(dev.stack, 'Data/Key')]!;

    // Act
    const statements = key.Properties!.KeyPolicy.Statement as Record<string, any>[];
    const logs = statements.find((s) => s.Sid === 'AllowCloudWatchLogsForThisAccountsLogGroups');

    // Assess
    expect(key.Properties!.EnableKeyRotation).toBe(true);
    expect(key.Properties!.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    expect(logs).toMatchObject({ Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' } });
    expect(JSON.stringify(logs!.Condition)).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(statements.some((s) => s.Principal?.Service === 'cloudwatch.amazonaws.com')).toBe(true);
  });

  it('selects every table in a backup plan with daily and monthly rules (SECURITY #25)', () => {
    // Prepare
    const tableIds = TABLE_NAMES.map((name) => logicalIdOf(dev.stack, `Data/${pascal(name)}Table`));

    // Act
    const [, selection] = resourcesOfType(dev.json, 'AWS::Backup::BackupSelection')[0]!;
    const [, plan] = resourcesOfType(dev.json, 'AWS::Backup::BackupPlan')[0]!;
    const selected = referencedIds(selection.Properties!.BackupSelection.Resources);

    // Assess
    for (const id of tableIds) expect(selected.has(id), id).toBe(true);
    expect(plan.Properties!.BackupPlan.BackupPlanRule.map((r: Record<string, unknown>) => r.RuleName)).toEqual(['Daily', 'Monthly']);
    dev.template.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: { 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/Key'), 'Arn'] } });
  });

  it('protects prod data from deletion: deletion protection and Retain on tables, keys and secret', () => {
    // Prepare
    const retained = ['AWS::DynamoDB::GlobalTable', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret'];

    // Act
    const resources = retained.flatMap((type) => resourcesOfType(prod.json, type));

    // Assess
    for (const [id, resource] of resources) {
      expect(resource.DeletionPolicy, id).toBe('Retain');
      expect(resource.UpdateReplacePolicy, id).toBe('Retain');
    }
    for (const [id, table] of resourcesOfType(prod.json, 'AWS::DynamoDB::GlobalTable')) expect(replicaOf(table).DeletionProtectionEnabled, id).toBe(true);
    expect(prod.stack.terminationProtection).toBe(true);
  });

  it('lets dev be torn down: no deletion protection, Delete on tables', () => {
    // Prepare, Act
    const tables = resourcesOfType(dev.json, 'AWS::DynamoDB::GlobalTable');

    // Assess
    for (const [id, table] of tables) {
      expect(table.DeletionPolicy, id).toBe('Delete');
      expect(replicaOf(table).DeletionProtectionEnabled, id).toBe(false);
    }
    expect(dev.stack.terminationProtection).toBe(false);
  });

  it('keeps the blind-index key in a CMK-encrypted secret of 64 generated characters', () => {
    // Prepare, Act
    const template = dev.template;

    // Assess
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/Key'), 'Arn'] },
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
    });
  });

  it('signs tokens with an asymmetric P-256 KMS key', () => {
    // Prepare, Act
    const key = dev.json.Resources[logicalIdOf(dev.stack, 'Data/TokenSigningKey')]!;

    // Assess
    expect(key.Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', EnableKeyRotation: false });
  });

  it('outputs what `npm run admin` reads, under the agreed names', () => {
    // Prepare, Act
    const outputs = Object.keys(dev.json.Outputs ?? {});

    // Assess
    expect(outputs).toEqual(expect.arrayContaining([...OUTPUT_NAMES]));
    expect(dev.json.Outputs!.AuditTableName!.Value).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/AuditTable') });
    expect(dev.json.Outputs!.TokenSigningKeyArn!.Value).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/TokenSigningKey'), 'Arn'] });
  });
});
