/**
 * The operator's audit-anchor commands, for `npm run admin` (bin/admin.ts):
 * `anchor-audit [--stage <stage>]` runs one anchor now (the same use case as the scheduled worker);
 * `verify-audit <subjectId> [--stage <stage>]` checks one subject's chain against the signed digests (ADR 0014).
 * Without `--stage` they work on the local data dir (digests in `<dataDir>/audit-digests/local/`); with it, on the
 * deployed stack, with your AWS credentials (S3, KMS and the audit table, read from the stack's outputs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoAuditLog } from '../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../shared/adapters/aws/dynamo-client';
import { anchorAudit } from '../shared/audit/anchor';
import { verifyAnchoredChain } from '../shared/audit/anchored-verify';
import { anchorDeps, noAnchorMetrics, type AnchorConfig } from '../shared/runtime/audit-anchor';
import { endpointsFile } from '../local/backend';
import { localTableName, startDynamo } from '../local/stand-ins';

export const AUDIT_COMMANDS = ['anchor-audit', 'verify-audit'] as const;
export type AuditCommand = (typeof AUDIT_COMMANDS)[number];

const SUBJECT = /^[A-Za-z0-9:_#.-]{1,128}$/;

/** The local data dir's dynalite: through a running `npm start`, else opened here. */
const localConfig = async (dataDir: string): Promise<{ config: AnchorConfig; close(): Promise<void> }> => {
  if (!existsSync(resolve(dataDir, 'keys'))) throw new Error(`No local CareBow data in ${dataDir}: run \`npm start\` once first.`);
  const running = existsSync(endpointsFile(dataDir))
    ? (JSON.parse(readFileSync(endpointsFile(dataDir), 'utf8')) as { pid: number; dynamodbEndpoint: string })
    : undefined;
  const alive =
    running !== undefined &&
    (() => {
      try {
        process.kill(running.pid, 0);
        return true;
      } catch {
        return false;
      }
    })();
  const own = alive ? undefined : await startDynamo(dataDir);
  return {
    config: {
      CAREBOW_STAGE: 'local',
      AUDIT_TABLE: localTableName('audit'),
      DYNAMODB_ENDPOINT: own?.endpoint ?? running!.dynamodbEndpoint,
      KEY_PROVIDER: 'local',
      CAREBOW_DATA_DIR: dataDir,
    },
    close: async () => own?.stop(),
  };
};

/** The deployed stage, from the stack's outputs (lib/carebow-stack.ts and lib/audit-anchor.ts). */
const awsConfig = async (stage: 'dev' | 'staging' | 'prod'): Promise<AnchorConfig> => {
  const { Stacks } = await new CloudFormationClient({}).send(new DescribeStacksCommand({ StackName: `CareBow-${stage}` }));
  const outputs = Stacks?.[0]?.Outputs ?? [];
  const find = (prefix: string): string => {
    const value = outputs.find((o) => o.OutputKey?.startsWith(prefix))?.OutputValue;
    if (value === undefined) throw new Error(`Stack CareBow-${stage} has no output ${prefix}; is it deployed?`);
    return value;
  };
  return {
    CAREBOW_STAGE: stage,
    AUDIT_TABLE: find('AuditTableName'),
    KEY_PROVIDER: 'kms',
    AUDIT_DIGEST_BUCKET: find('AuditAnchorDigestBucketName'),
    AUDIT_ANCHOR_KEY_ID: find('AuditAnchorSigningKeyArn'),
  };
};

/**
 * Runs one audit-anchor command and returns what to print; the verification is audited on the operator's chain.
 *
 * @example
 * console.log(await runAuditCommand('verify-audit', ['0b1c…'], 'dev'));
 */
export const runAuditCommand = async (command: AuditCommand, args: readonly string[], stage: string | undefined): Promise<string> => {
  if (stage !== undefined && stage !== 'dev' && stage !== 'staging' && stage !== 'prod') throw new Error('--stage must be dev, staging or prod');
  const [subjectId, ...rest] = args;
  if (command === 'verify-audit' ? subjectId === undefined || !SUBJECT.test(subjectId) || rest.length > 0 : args.length > 0) {
    throw new Error(
      'usage: npm run admin -- anchor-audit [--stage dev|staging|prod]\n       npm run admin -- verify-audit <subjectId> [--stage dev|staging|prod]',
    );
  }
  const local = stage === undefined ? await localConfig(resolve(process.env.CAREBOW_DATA_DIR ?? '.carebow')) : undefined;
  const config = local?.config ?? (await awsConfig(stage as 'dev' | 'staging' | 'prod'));
  try {
    const deps = anchorDeps(config, { metrics: noAnchorMetrics });
    if (command === 'anchor-audit') return JSON.stringify(await anchorAudit(deps, { stage: config.CAREBOW_STAGE }), null, 2);
    const verdict = await verifyAnchoredChain(deps, subjectId!);
    const operator = `cli:${userInfo().username}`;
    await new DynamoAuditLog(createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT }), config.AUDIT_TABLE).append({
      action: 'audit.verify',
      outcome: 'success',
      subjectId: operator,
      actor: { userId: operator, roles: ['operator'] },
      resource: { type: 'audit_trail' },
      requestId: randomUUID(),
      sourceIp: 'admin-cli',
      reason: `subject:${subjectId}`,
    });
    return JSON.stringify(verdict, null, 2);
  } finally {
    await local?.close();
  }
};
