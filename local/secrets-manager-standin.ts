import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsJsonError, type AwsJsonServer, requiredString, serveAwsJson } from './aws-json-server';

/**
 * A Secrets Manager stand-in that speaks the real wire protocol (JSON 1.1, `X-Amz-Target: secretsmanager.<Operation>`),
 * for the real `@aws-sdk/client-secrets-manager` through `AWS_ENDPOINT_URL_SECRETS_MANAGER`. It keeps versions and
 * their staging labels as Secrets Manager does: `PutSecretValue` (a rotation's last step) makes the new version
 * `AWSCURRENT` and the one before `AWSPREVIOUS`; `GetSecretValue` reads `AWSCURRENT` unless asked for a stage or a
 * version. Operations: CreateSecret, GetSecretValue, PutSecretValue; any other is `UnknownOperationException`. Not
 * served: rotation Lambdas and schedules, resource policies, KMS encryption of the value, replication.
 */

interface Version {
  readonly versionId: string;
  readonly secretString: string;
  readonly createdDate: number;
  stages: string[];
}
interface Secret {
  readonly name: string;
  readonly arn: string;
  versions: Version[];
}

export interface SecretsManagerStandInOptions {
  /** A JSON file its secrets persist in (mode 0600), for `npm start`; in memory when absent (tests). */
  readonly statePath?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
}

export interface SecretsManagerStandIn extends AwsJsonServer {
  /** Creates the secret with `initial` unless it exists; returns its ARN (the bootstrap the CDK stack does in AWS). */
  ensureSecret(name: string, initial: () => string): string;
  /** What `PutSecretValue` does: a new `AWSCURRENT` version, the old one `AWSPREVIOUS` (a rotation, for tests). */
  putSecretValue(secretId: string, secretString: string): string;
}

const ACCOUNT = '000000000000';
const MAX_SECRET_CHARS = 65_536;

/**
 * Starts the Secrets Manager stand-in on 127.0.0.1 (a free port).
 *
 * @example
 * const secrets = await startSecretsManagerStandIn();
 * const arn = secrets.ensureSecret('carebow-local/blind-index', () => randomBytes(32).toString('base64'));
 * process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
 */
export const startSecretsManagerStandIn = async (options: SecretsManagerStandInOptions = {}): Promise<SecretsManagerStandIn> => {
  const region = options.region ?? 'us-east-1';
  const secrets: Secret[] =
    options.statePath !== undefined && existsSync(options.statePath) ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as Secret[]) : [];

  const save = (): void => {
    if (options.statePath === undefined) return;
    mkdirSync(dirname(options.statePath), { recursive: true, mode: 0o700 });
    const temporary = `${options.statePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(secrets), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, options.statePath);
  };
  const find = (secretId: string): Secret => {
    const secret = secrets.find((candidate) => candidate.name === secretId || candidate.arn === secretId);
    if (secret === undefined) throw new AwsJsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return secret;
  };
  const text = (value: unknown): string => {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_CHARS)
      throw new AwsJsonError('InvalidParameterException', 'SecretString must be 1 to 65536 characters');
    return value;
  };
  const create = (name: string, secretString: string, versionId: string = randomUUID()): Secret => {
    if (secrets.some((secret) => secret.name === name)) throw new AwsJsonError('ResourceExistsException', `The secret ${name} already exists.`);
    const secret: Secret = {
      name,
      // Secrets Manager adds six random characters to a secret's name in its ARN.
      arn: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}-${randomBytes(3).toString('hex')}`,
      versions: [{ versionId, secretString, createdDate: Date.now() / 1000, stages: ['AWSCURRENT'] }],
    };
    secrets.push(secret);
    save();
    return secret;
  };
  const put = (secret: Secret, secretString: string, versionId: string = randomUUID()): Version => {
    const existing = secret.versions.find((version) => version.versionId === versionId);
    if (existing !== undefined) {
      // An idempotent retry of the same request token is no new version; the same token with another value is refused.
      if (existing.secretString !== secretString) throw new AwsJsonError('ResourceExistsException', 'This version already exists with another value');
      return existing;
    }
    for (const version of secret.versions) {
      version.stages = version.stages.filter((stage) => stage !== 'AWSPREVIOUS');
      if (version.stages.includes('AWSCURRENT')) version.stages = [...version.stages.filter((stage) => stage !== 'AWSCURRENT'), 'AWSPREVIOUS'];
    }
    const version: Version = { versionId, secretString, createdDate: Date.now() / 1000, stages: ['AWSCURRENT'] };
    // Secrets Manager drops versions with no stage once there are many; two suffice here.
    secret.versions = [...secret.versions.filter((old) => old.stages.length > 0), version];
    save();
    return version;
  };
  const token = (input: Record<string, unknown>): string | undefined => (typeof input.ClientRequestToken === 'string' ? input.ClientRequestToken : undefined);

  const server = await serveAwsJson('secretsmanager', {
    CreateSecret: (input) => {
      const secret = create(requiredString(input, 'Name'), text(input.SecretString), token(input));
      return { ARN: secret.arn, Name: secret.name, VersionId: secret.versions[0]!.versionId };
    },
    GetSecretValue: (input) => {
      const secret = find(requiredString(input, 'SecretId'));
      const stage = typeof input.VersionStage === 'string' ? input.VersionStage : undefined;
      const versionId = typeof input.VersionId === 'string' ? input.VersionId : undefined;
      const version = secret.versions.find((candidate) =>
        versionId !== undefined
          ? candidate.versionId === versionId && (stage === undefined || candidate.stages.includes(stage))
          : candidate.stages.includes(stage ?? 'AWSCURRENT'),
      );
      if (version === undefined)
        throw new AwsJsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label or version.");
      return {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: version.versionId,
        SecretString: version.secretString,
        VersionStages: version.stages,
        CreatedDate: version.createdDate,
      };
    },
    PutSecretValue: (input) => {
      const secret = find(requiredString(input, 'SecretId'));
      const version = put(secret, text(input.SecretString), token(input));
      return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: version.stages };
    },
  });

  return {
    ...server,
    ensureSecret: (name, initial) => (secrets.find((secret) => secret.name === name) ?? create(name, initial())).arn,
    putSecretValue: (secretId, secretString) => put(find(secretId), secretString).versionId,
  };
};
