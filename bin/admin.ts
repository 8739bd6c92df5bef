/**
 * `npm run admin -- grant|revoke <email> <role> [--stage <stage>] [--region <region>]`
 * `npm run admin -- rotate-key <email> [--stage <stage>] [--region <region>]`
 * `npm run admin -- rotate-signing-key [--continue] [--stage <stage>] [--region <region>]`
 * `npm run admin -- anchor-audit | verify-audit <subjectId> [--stage <stage>] [--region <region>]` (bin/admin-audit.ts)
 *
 * The operator's tool for roles; the only way to make the first admin (no HTTP route can).
 * Without `--stage` it works on the local data dir ($CAREBOW_DATA_DIR, default ./.carebow),
 * through a running `npm start` if there is one, else by opening the store itself. With
 * `--stage` it uses your AWS credentials and the deployed stack's outputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoAuditLog } from '../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../shared/adapters/aws/dynamo-client';
import { DynamoUserRepository } from '../shared/adapters/aws/dynamo-user-repository';
import { secretsManagerKey } from '../shared/adapters/aws/secrets-manager-key';
import { HmacBlindIndex } from '../shared/adapters/hmac-blind-index';
import { localBlindIndexKey } from '../shared/adapters/local/keyring';
import { RoleSchema } from '../shared/domain/roles';
import { CareBowError } from '../shared/errors';
import { changeRoleByEmail } from '../shared/identity/manage-roles';
import { rotateDataKey } from '../shared/vault/rotate-data-key';
import { Vault } from '../shared/vault/vault';
import { DynamoDataKeyRepository } from '../shared/adapters/aws/dynamo-data-key-repository';
import { KmsDataKeyService } from '../shared/adapters/aws/kms-data-keys';
import { LocalDataKeyService } from '../shared/adapters/local/local-data-keys';
import type { DataKeyService } from '../shared/vault/ports';
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsSigningKeyService } from '../shared/adapters/aws/kms-signing-keys';
import { KEYRING_SIGNING_KEY, LocalSigningKeyService } from '../shared/adapters/local/local-signing-keys';
import { runRotateSigningKey, type SigningKeyTarget } from './rotate-signing-key';
import { endpointsFile } from '../local/backend';
import { localTableName, startDynamo } from '../local/stand-ins';
import { AUDIT_COMMANDS, type AuditCommand, runAuditCommand } from './admin-audit';

const USAGE = [
  'usage: npm run admin -- grant|revoke <email> <role> [--stage dev|staging|prod] [--region <region>]',
  '       npm run admin -- rotate-key <email> [--stage dev|staging|prod] [--region <region>]',
  '       npm run admin -- rotate-signing-key [--continue] [--stage dev|staging|prod] [--region <region>]',
  '       npm run admin -- anchor-audit | verify-audit <subjectId> [--stage dev|staging|prod] [--region <region>]',
].join('\n');

interface Target extends SigningKeyTarget {
  readonly endpoint?: string;
  readonly identityTable: string;
  readonly auditTable: string;
  readonly keysTable: string;
  readonly blindIndexKey: () => Promise<Buffer>;
  readonly dataKeys: () => DataKeyService;
  close(): Promise<void>;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const localTarget = async (dataDir: string): Promise<Target> => {
  if (!existsSync(resolve(dataDir, 'keys'))) throw new Error(`No local CareBow data in ${dataDir}: run \`npm start\` once first.`);
  const running = existsSync(endpointsFile(dataDir))
    ? (JSON.parse(readFileSync(endpointsFile(dataDir), 'utf8')) as { pid: number; dynamodbEndpoint: string })
    : undefined;
  // A running `npm start` holds the store's lock, so go through its dynalite; otherwise open the store.
  const own = running !== undefined && isAlive(running.pid) ? undefined : await startDynamo(dataDir);
  return {
    endpoint: own?.endpoint ?? running!.dynamodbEndpoint,
    identityTable: localTableName('identity'),
    auditTable: localTableName('audit'),
    keysTable: localTableName('keys'),
    blindIndexKey: async () => localBlindIndexKey(dataDir),
    dataKeys: () => new LocalDataKeyService(dataDir),
    signingKeys: () => new LocalSigningKeyService(dataDir),
    configuredSigningKey: KEYRING_SIGNING_KEY,
    close: async () => own?.stop(),
  };
};

const awsTarget = async (stage: string): Promise<Target> => {
  const { Stacks } = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: `CareBow-${stage}` }));
  const outputs = Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const need = (key: string): string => {
    if (!outputs[key]) throw new Error(`Stack CareBow-${stage} has no output ${key}; is it deployed?`);
    return outputs[key]!;
  };
  return {
    identityTable: need('IdentityTableName'),
    auditTable: need('AuditTableName'),
    keysTable: need('KeysTableName'),
    blindIndexKey: secretsManagerKey(need('BlindIndexSecretArn')),
    dataKeys: () => new KmsDataKeyService(need('DataKeyWrappingKeyArn')),
    signingKeys: () =>
      new KmsSigningKeyService(new KMSClient({}), {
        ringTag: need('KeysTableName'),
        stackKeyArn: need('TokenSigningKeyArn'),
        description: `CareBow ${stage}: signs access tokens (ES256), made by rotate-signing-key`,
      }),
    configuredSigningKey: need('TokenSigningKeyArn'),
    close: async () => undefined,
  };
};

const main = async (): Promise<void> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { stage: { type: 'string' }, region: { type: 'string' }, continue: { type: 'boolean' } },
  });
  const [command, email, role] = positionals;
  if (AUDIT_COMMANDS.includes(command as AuditCommand)) {
    if (values.region) process.env.AWS_REGION = values.region;
    console.log(await runAuditCommand(command as AuditCommand, positionals.slice(1), values.stage));
    return;
  }
  const parsedRole = RoleSchema.safeParse(role);
  const isRoleChange = (command === 'grant' || command === 'revoke') && parsedRole.success;
  const isSigningKeyRotation = command === 'rotate-signing-key' && email === undefined;
  if (values.continue === true && !isSigningKeyRotation) throw new Error(USAGE);
  if (!isSigningKeyRotation && (!email || !(isRoleChange || (command === 'rotate-key' && role === undefined)))) throw new Error(USAGE);
  if (values.region) process.env.AWS_REGION = values.region;

  const target = values.stage ? await awsTarget(values.stage) : await localTarget(resolve(process.env.CAREBOW_DATA_DIR ?? '.carebow'));
  try {
    const client = createDocumentClient({ endpoint: target.endpoint });
    const deps = {
      users: new DynamoUserRepository(client, target.identityTable),
      audit: new DynamoAuditLog(client, target.auditTable),
      blindIndex: new HmacBlindIndex(target.blindIndexKey),
    };
    const operator = { userId: `cli:${userInfo().username}`, roles: ['operator'], requestId: randomUUID(), source: 'admin-cli' };
    if (isSigningKeyRotation) {
      await runRotateSigningKey(client, target, values.continue === true ? 'continue' : 'start', operator);
      return;
    }
    if (command === 'rotate-key') {
      const vault = new Vault(new DynamoDataKeyRepository(client, target.keysTable), target.dataKeys());
      const result = await rotateDataKey({ ...deps, vault }, email!, operator);
      console.log(`Rotated the data key of user ${result.userId}: new seals use version ${result.version}; older versions still open.`);
      return;
    }
    const change = command as 'grant' | 'revoke';
    const result = await changeRoleByEmail(deps, email!, change, parsedRole.data!, operator);
    console.log(
      `${change === 'grant' ? 'Granted' : 'Revoked'} ${parsedRole.data} ${change === 'grant' ? 'to' : 'from'} user ${result.userId}; roles now: ${result.roles.join(', ')}.`,
    );
    console.log('The change applies to access tokens issued from now on (existing ones expire within 15 minutes).');
  } finally {
    await target.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof CareBowError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
