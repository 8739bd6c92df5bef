import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TABLES, TABLE_NAMES, type IndexSpec, type KeyAttribute, type TableName, type TableSpec } from '../shared/data/tables';
import { acknowledge } from './nag';
import { DATA_KEY_PURPOSE } from '../shared/vault/data-key-context';

export interface DataProps {
  /** Stage name; part of key aliases and descriptions. */
  readonly stage: string;
  /**
   * What happens to tables, keys, the secret and the backup vault's contents when the stack is
   * deleted (the vault itself is always retained: it cannot be deleted while it holds backups).
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * DynamoDB deletion protection on every table.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * How long the daily backups are kept.
   * @default Duration.days(35)
   */
  readonly dailyBackupRetention?: Duration;
  /**
   * How long the monthly backups are kept.
   * @default Duration.days(365)
   */
  readonly monthlyBackupRetention?: Duration;
}

// The wrapping key's policy refuses any use outside this purpose; function roles may only use it with it.
export { DATA_KEY_PURPOSE };

/**
 * Data at rest: the customer-managed key (CMK), one DynamoDB table per table spec (with its
 * indexes), the backup plan over all of them, the e-mail blind-index HMAC secret, the
 * token-signing key and the key that wraps per-user data keys.
 */
export class Data extends Construct {
  /** Symmetric CMK (rotation on) for tables, queues, topics, log groups, secret and backups. */
  public readonly encryptionKey: kms.IKey;
  /** One table per entry of `TABLES`, keyed like it. */
  public readonly tables: Readonly<Record<TableName, dynamodb.ITableV2>>;
  /** HMAC key of the e-mail blind index (64 generated characters). */
  public readonly blindIndexSecret: secretsmanager.ISecret;
  /** ES256 signing key for access tokens; the private half never leaves KMS. */
  public readonly tokenSigningKey: kms.IKey;
  /** Backup plan selecting every table. */
  public readonly backupPlan: backup.IBackupPlan;
  /**
   * Symmetric CMK (rotation on) that only wraps per-user data keys (`GenerateDataKey`/`Decrypt`
   * under the encryption context `{ purpose: 'carebow-phi', userId }`); never encrypts anything
   * else. Separate from `encryptionKey`, so table and log access never implies unwrapping PHI keys.
   */
  public readonly dataKeyWrappingKey: kms.IKey;

  public constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const stack = Stack.of(this);

    const key = new kms.Key(this, 'Key', {
      description: `CareBow ${props.stage}: encrypts PHI at rest (tables, queues, logs, secrets, backups)`,
      alias: `alias/carebow-${props.stage}-data`,
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });
    // CloudWatch Logs encrypts log groups with the key on its own behalf: it needs a key-policy
    // grant, limited by encryption context to this account's log groups.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForThisAccountsLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    this.encryptionKey = key;

    const tables = {} as Record<TableName, dynamodb.TableV2>;
    for (const name of TABLE_NAMES) {
      const spec = TABLES[name];
      const table = new dynamodb.TableV2(this, `${pascal(name)}Table`, {
        partitionKey: attribute(spec.partitionKey),
        ...('sortKey' in spec ? { sortKey: attribute(spec.sortKey) } : {}),
        ...('timeToLiveAttribute' in spec ? { timeToLiveAttribute: spec.timeToLiveAttribute } : {}),
        globalSecondaryIndexes: indexesOf(spec).map(globalSecondaryIndex),
        billing: dynamodb.Billing.onDemand(),
        encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.deletionProtection ?? true,
        removalPolicy,
        ...(name === 'audit' ? { resourcePolicy: appendOnlyPolicy() } : {}),
      });
      table.node.addMetadata('carebow:purpose', spec.purpose);
      tables[name] = table;
    }
    this.tables = tables;

    const vault = new backup.BackupVault(this, 'BackupVault', {
      encryptionKey: key,
      // A vault holding recovery points cannot be deleted; deleting the stack must not try. Its
      // name is generated, so a re-created stack does not collide with the vault left behind.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupPlanName: `carebow-${props.stage}`,
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
          deleteAfter: props.dailyBackupRetention ?? Duration.days(35),
        }),
        new backup.BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '5', minute: '0' }),
          deleteAfter: props.monthlyBackupRetention ?? Duration.days(365),
        }),
      ],
    });
    const selection = plan.addSelection('Tables', {
      backupSelectionName: 'all-tables',
      resources: TABLE_NAMES.map((name) => backup.BackupResource.fromDynamoDbTable(tables[name])),
    });
    acknowledge(selection, 'backupServiceRoleManagedPolicy');
    this.backupPlan = plan;

    const secret = new secretsmanager.Secret(this, 'BlindIndexSecret', {
      description: `CareBow ${props.stage}: HMAC key of the e-mail blind index`,
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    acknowledge(secret, 'blindIndexSecretRotation');
    this.blindIndexSecret = secret;

    const signingKey = new kms.Key(this, 'TokenSigningKey', {
      description: `CareBow ${props.stage}: signs access tokens (ES256)`,
      alias: `alias/carebow-${props.stage}-token-signing`,
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      // Asymmetric KMS keys cannot rotate automatically; a new key is introduced by publishing both
      // public keys in the JWKS for one token lifetime, then signing with the new one.
      enableKeyRotation: false,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });
    this.tokenSigningKey = signingKey;

    const dataKeyWrappingKey = new kms.Key(this, 'DataKeyWrappingKey', {
      description: `CareBow ${props.stage}: wraps per-user data keys (GenerateDataKey/Decrypt, context purpose=${DATA_KEY_PURPOSE})`,
      alias: `alias/carebow-${props.stage}-data-keys`,
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });
    for (const statement of dataKeyGuardrails()) dataKeyWrappingKey.addToResourcePolicy(statement);
    this.dataKeyWrappingKey = dataKeyWrappingKey;
  }
}

/**
 * Key-policy guardrails of the data-key wrapping key, for every principal (IAM grants cannot
 * widen a Deny): it only generates and unwraps data keys, always under `purpose=carebow-phi` and
 * always for one user (`userId` in the encryption context). A wrapped key is thereby bound to its
 * user: unwrapping it under another `userId` fails. Key administration is untouched.
 */
const dataKeyGuardrails = (): iam.PolicyStatement[] => {
  const crypto = ['kms:Decrypt', 'kms:GenerateDataKey'];
  const deny = (sid: string, actions: string[], conditions?: Record<string, Record<string, string>>): iam.PolicyStatement =>
    new iam.PolicyStatement({
      sid,
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions,
      resources: ['*'],
      ...(conditions !== undefined ? { conditions } : {}),
    });
  return [
    deny('OnlyGenerateAndUnwrapDataKeys', ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateDataKeyPair*']),
    deny('OnlyForPhiDataKeys', crypto, { StringNotEquals: { 'kms:EncryptionContext:purpose': DATA_KEY_PURPOSE } }),
    deny('OnlyForOneUsersDataKey', crypto, { Null: { 'kms:EncryptionContext:userId': 'true' } }),
  ];
};

/** What no principal may do on the audit table: BatchWriteItem can delete, PartiQL is a second write path. */
const AUDIT_MUTATIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:PartiQLInsert',
] as const;

/**
 * The audit table is append-only for everyone, administrators included: no principal may update
 * or delete an item; the only write is PutItem. Items only expire by TTL (none is set) or leave
 * with the table. `*` is how a table's own policy names the table; its indexes are read-only by
 * nature (DynamoDB has no write on an index), so the `byActor` index cannot weaken this.
 */
const appendOnlyPolicy = (): iam.PolicyDocument =>
  new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        sid: 'AuditTrailIsAppendOnly',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: [...AUDIT_MUTATIONS],
        resources: ['*'],
      }),
    ],
  });

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

/** A table spec's global secondary indexes (none when it declares none). */
export const indexesOf = (spec: TableSpec): readonly IndexSpec[] => spec.globalSecondaryIndexes ?? [];

/** Every index projects all attributes: an index never holds less than its query needs. */
const globalSecondaryIndex = (index: IndexSpec): dynamodb.GlobalSecondaryIndexPropsV2 => ({
  indexName: index.indexName,
  partitionKey: attribute(index.partitionKey),
  ...(index.sortKey !== undefined ? { sortKey: attribute(index.sortKey) } : {}),
  projectionType: dynamodb.ProjectionType.ALL,
});

/** `identity` → `Identity`, `openidConfiguration` → `OpenidConfiguration`. */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
