import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_NAMES } from '../../lib/carebow-stack';
import { indexesOf, pascal } from '../../lib/data';
import { TABLES, TABLE_NAMES, type KeyAttribute } from '../../shared/data/tables';
import { logicalIdOf, referencedIds, resourcesOfType, synthStage, type CfnResource, type Synthesized } from './support/synth';

const replicaOf = (table: CfnResource): Record<string, any> => (table.Properties!.Replicas as Record<string, any>[])[0]!;

/** A key schema as CloudFormation writes it. */
const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute): { AttributeName: string; KeyType: string }[] => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  ...(sortKey !== undefined ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' }] : []),
];

/** Properties that name the KMS key a resource encrypts with (tables, log groups, queues, topics, secrets, vaults). */
const ENCRYPTION_KEY_PROPERTIES = new Set(['KmsKeyId', 'KMSMasterKeyId', 'KmsMasterKeyId', 'EncryptionKeyArn']);

/** Logical ids of the keys a resource's properties encrypt with, at any depth (table replicas included). */
const encryptionKeysOf = (properties: unknown): Set<string> => {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [name, value] of Object.entries(node)) {
      if (ENCRYPTION_KEY_PROPERTIES.has(name)) for (const id of referencedIds(value)) keys.add(id);
      walk(value);
    }
  };
  walk(properties);
  return keys;
};

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
      expect(table.Properties!.KeySchema, name).toEqual(keySchema(spec.partitionKey, 'sortKey' in spec ? spec.sortKey : undefined));
      expect(table.Properties!.BillingMode, name).toBe('PAY_PER_REQUEST');
      if ('timeToLiveAttribute' in spec)
        expect(table.Properties!.TimeToLiveSpecification, name).toEqual({ AttributeName: spec.timeToLiveAttribute, Enabled: true });
      else expect(table.Properties!.TimeToLiveSpecification, name).toBeUndefined();
    }
  });

  it('expires the records table’s idempotency answers, budget counters and AI quota buckets (TTL on expiresAt)', () => {
    // Prepare: the three write expiresAt in epoch seconds (dynamo-idempotency.ts, dynamo-usage-counters.ts,
    // dynamo-ai-quota.ts); without the TTL a sealed answer kept for "24 h" stayed for good.
    const records = dev.json.Resources[logicalIdOf(dev.stack, 'Data/RecordsTable')]!;

    // Act, Assess
    expect(records.Properties!.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });

  it('creates the keys and records tables of the PHI vault', () => {
    // Prepare
    const ids = ['keys', 'records'].map((name) => logicalIdOf(dev.stack, `Data/${pascal(name)}Table`));

    // Act
    const tables = ids.map((id) => dev.json.Resources[id]!);

    // Assess
    expect(TABLE_NAMES).toEqual(expect.arrayContaining(['keys', 'records']));
    for (const table of tables) expect(table.Type).toBe('AWS::DynamoDB::GlobalTable');
    expect(tables[0]!.Properties!.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(tables[1]!.Properties!.KeySchema).toEqual(keySchema({ name: 'pk', type: 'S' }, { name: 'sk', type: 'S' }));
  });

  it('creates every global secondary index of the specs, projecting all attributes', () => {
    // Prepare
    const withIndexes = TABLE_NAMES.filter((name) => indexesOf(TABLES[name]).length > 0);

    for (const name of TABLE_NAMES) {
      // Act
      const table = dev.json.Resources[logicalIdOf(dev.stack, `Data/${pascal(name)}Table`)]!;
      const indexes = (table.Properties!.GlobalSecondaryIndexes ?? []) as Record<string, any>[];
      const attributes = new Set((table.Properties!.AttributeDefinitions as { AttributeName: string }[]).map((a) => a.AttributeName));

      // Assess
      expect(indexes, name).toEqual(
        indexesOf(TABLES[name]).map((index) => ({
          IndexName: index.indexName,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      for (const index of indexes)
        for (const key of index.KeySchema as { AttributeName: string }[]) expect(attributes.has(key.AttributeName), `${name} ${key.AttributeName}`).toBe(true);
    }
    expect(withIndexes.sort()).toEqual(['audit', 'content', 'records', 'sessions']);
  });

  it('indexes audit events by actor and time, sessions by user and records by grantee', () => {
    // Prepare
    const indexOf = (name: string): Record<string, any> =>
      (dev.json.Resources[logicalIdOf(dev.stack, `Data/${pascal(name)}Table`)]!.Properties!.GlobalSecondaryIndexes as Record<string, any>[])[0]!;

    // Act
    const [audit, sessions, records] = ['audit', 'sessions', 'records'].map(indexOf);

    // Assess
    expect(audit).toMatchObject({ IndexName: 'byActor', KeySchema: keySchema({ name: 'actorId', type: 'S' }, { name: 'at', type: 'S' }) });
    expect(sessions).toMatchObject({ IndexName: 'byUser', KeySchema: keySchema({ name: 'userId', type: 'S' }) });
    expect(records).toMatchObject({ IndexName: 'byGrantee', KeySchema: keySchema({ name: 'granteeId', type: 'S' }, { name: 'sk', type: 'S' }) });
  });

  it('indexes appointment copies by party and start (byPartyTime), as the appointment list reads them', () => {
    // Prepare
    const table = dev.json.Resources[logicalIdOf(dev.stack, 'Data/RecordsTable')]!;

    // Act
    const names = (table.Properties!.GlobalSecondaryIndexes as Record<string, any>[]).map((index) => index.IndexName);
    const byPartyTime = (table.Properties!.GlobalSecondaryIndexes as Record<string, any>[]).find((index) => index.IndexName === 'byPartyTime');

    // Assess
    expect(names).toEqual(['byGrantee', 'byDirectory', 'byPartyTime']);
    expect(byPartyTime).toEqual({
      IndexName: 'byPartyTime',
      KeySchema: keySchema({ name: 'apptParty', type: 'S' }, { name: 'apptStart', type: 'S' }),
      Projection: { ProjectionType: 'ALL' },
    });
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
    expect(tableIds).toHaveLength(6);
    expect(selected).toEqual(new Set(tableIds));
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

  it('wraps per-user data keys with its own symmetric, rotating key, separate from the data CMK', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');
    const dataKeyId = logicalIdOf(dev.stack, 'Data/Key');

    // Act
    const key = dev.json.Resources[wrappingKeyId]!;
    const alias = resourcesOfType(dev.json, 'AWS::KMS::Alias').find(([, a]) => referencedIds(a.Properties!.TargetKeyId).has(wrappingKeyId));

    // Assess
    expect(wrappingKeyId).not.toBe(dataKeyId);
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties!.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    expect(key.Properties!.KeyUsage ?? 'ENCRYPT_DECRYPT').toBe('ENCRYPT_DECRYPT');
    expect(key.Properties!.EnableKeyRotation).toBe(true);
    expect(alias?.[1].Properties!.AliasName).toBe('alias/carebow-dev-data-keys');
  });

  it('never encrypts a table, log group, queue, topic, secret or vault with the wrapping key', () => {
    // Prepare
    const wrappingKeyId = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');

    const dataKeyId = logicalIdOf(dev.stack, 'Data/Key');
    const encryptedWith = (keyId: string): string[] =>
      Object.entries(dev.json.Resources)
        .filter(([, resource]) => encryptionKeysOf(resource.Properties).has(keyId))
        .map(([id]) => id);

    // Act
    const byWrappingKey = encryptedWith(wrappingKeyId);
    const byDataKey = encryptedWith(dataKeyId);

    // Assess
    expect(byWrappingKey).toEqual([]);
    expect(byDataKey.length, 'the data CMK encrypts tables, logs, queues, topic, secret and vault').toBeGreaterThan(TABLE_NAMES.length);
  });

  it('refuses, in the key policy, any use of the wrapping key but PHI data keys of one user', () => {
    // Prepare
    const key = dev.json.Resources[logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey')]!;

    // Act
    const denies = (key.Properties!.KeyPolicy.Statement as Record<string, any>[]).filter((s) => s.Effect === 'Deny');
    const bySid = Object.fromEntries(denies.map((s) => [s.Sid as string, s]));

    // Assess
    for (const statement of denies) expect(statement.Principal).toEqual({ AWS: '*' });
    expect(bySid.OnlyGenerateAndUnwrapDataKeys?.Action).toEqual(
      expect.arrayContaining(['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext']),
    );
    expect(bySid.OnlyForPhiDataKeys).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: { StringNotEquals: { 'kms:EncryptionContext:purpose': 'carebow-phi' } },
    });
    expect(bySid.OnlyForOneUsersDataKey).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: { Null: { 'kms:EncryptionContext:userId': 'true' } },
    });
  });

  it('keeps the wrapping key per stage: retained in prod, deleted with dev', () => {
    // Prepare
    const id = logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey');

    // Act
    const [devKey, prodKey] = [dev.json.Resources[id]!, prod.json.Resources[logicalIdOf(prod.stack, 'Data/DataKeyWrappingKey')]!];

    // Assess
    expect(prodKey).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(prodKey.Properties!.PendingWindowInDays).toBe(30);
    expect(devKey).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  it('outputs what `npm run admin` reads, under the agreed names', () => {
    // Prepare, Act
    const outputs = Object.keys(dev.json.Outputs ?? {});

    // Assess
    expect(outputs).toEqual(expect.arrayContaining([...OUTPUT_NAMES]));
    expect(dev.json.Outputs!.AuditTableName!.Value).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/AuditTable') });
    expect(dev.json.Outputs!.TokenSigningKeyArn!.Value).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/TokenSigningKey'), 'Arn'] });
    expect(dev.json.Outputs!.KeysTableName!.Value).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/KeysTable') });
    expect(dev.json.Outputs!.RecordsTableName!.Value).toEqual({ Ref: logicalIdOf(dev.stack, 'Data/RecordsTable') });
    expect(dev.json.Outputs!.DataKeyWrappingKeyArn!.Value).toEqual({ 'Fn::GetAtt': [logicalIdOf(dev.stack, 'Data/DataKeyWrappingKey'), 'Arn'] });
  });
});
