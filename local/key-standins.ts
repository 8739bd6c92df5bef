import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { localTokenSigningKeyPem } from '../shared/adapters/local/keyring';
import { type KmsStandIn, startKmsStandIn } from './kms-standin';
import { type S3StandIn, startS3StandIn } from './s3-standin';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from './secrets-manager-standin';

/**
 * `CAREBOW_KEYS`: where the local backend's keys come from. `local` (the default): the file keyring
 * (`shared/adapters/local/`). `kms-standin`: the AWS adapters (KMS token signer and data keys, the blind-index key from
 * Secrets Manager; the audit digests in S3, signed by the anchor's KMS key) through the real SDK clients, against the
 * KMS, Secrets Manager and S3 stand-ins on loopback.
 */
export type KeyMode = 'local' | 'kms-standin';

/** Reads `CAREBOW_KEYS` (unset is `local`); anything else stops the start with a message naming the variable. */
export const keyModeFrom = (raw: string | undefined): KeyMode => {
  if (raw === undefined || raw === '' || raw === 'local') return 'local';
  if (raw === 'kms-standin') return 'kms-standin';
  throw new Error('Invalid configuration. CAREBOW_KEYS: must be local or kms-standin');
};

/** The aliases and secret name the stand-ins are bootstrapped with (the CDK stack creates their like in AWS). */
export const STANDIN_KEYS = {
  tokenSigning: 'alias/carebow-local-token-signing',
  dataKeys: 'alias/carebow-local-data-keys',
  blindIndexSecret: 'carebow-local/blind-index',
  auditAnchor: 'alias/carebow-local-audit-anchor',
  auditDigestBucket: 'carebow-local-audit-digests',
} as const;

export interface KeyStandIns {
  readonly kms: KmsStandIn;
  readonly secrets: SecretsManagerStandIn;
  readonly s3: S3StandIn;
  /** Where audit digests go and who signs them (the anchor's config; `npm start`'s anchor timer takes it). */
  readonly anchor: { readonly KEY_PROVIDER: 'kms'; readonly AUDIT_DIGEST_BUCKET: string; readonly AUDIT_ANCHOR_KEY_ID: string };
  /** The functions' environment: `KEY_PROVIDER=kms`, the key and secret ids, the SDK endpoints and dummy credentials. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * A data dir keeps data sealed under one key provider, which the other cannot open (its data keys are wrapped by
 * another master, its e-mail index made with another key). `<dataDir>/key-provider` records which; a data dir from
 * before the marker holds the keyring's data. Only `npm start` (persisted data) checks it.
 */
export const claimKeyProvider = (dataDir: string, mode: KeyMode): void => {
  const marker = join(dataDir, 'key-provider');
  const recorded = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : existsSync(join(dataDir, 'dynamodb')) ? 'local' : undefined;
  if (recorded !== undefined && recorded !== mode)
    throw new Error(`${dataDir} holds data sealed with CAREBOW_KEYS=${recorded}: start with that, or use another CAREBOW_DATA_DIR for ${mode}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(marker, mode);
};

/**
 * Starts the KMS, Secrets Manager and S3 stand-ins and creates what the stack would: a symmetric key that wraps data
 * keys, a P-256 token-signing key, the blind-index secret, the audit anchor's P-256 key and the digests' bucket. The signing key's material is the keyring's token-signing key,
 * imported (as KMS allows for asymmetric keys), so the tests' issuer helper (`test/helpers/tokens.ts`) mints tokens the
 * KMS key's published JWK verifies; every token the app issues is still signed through KMS `Sign`. With `persist`
 * their state lives in `<dataDir>/kms-standin/`.
 *
 * @example
 * const keys = await startKeyStandIns(dataDir, false);
 * Object.assign(process.env, keys.env);
 */
export const startKeyStandIns = async (dataDir: string, persist: boolean): Promise<KeyStandIns> => {
  const stateDir = join(dataDir, 'kms-standin');
  const kms = await startKmsStandIn(persist ? { statePath: join(stateDir, 'kms.json') } : {});
  const secrets = await startSecretsManagerStandIn(persist ? { statePath: join(stateDir, 'secrets.json') } : {});
  const s3 = await startS3StandIn([STANDIN_KEYS.auditDigestBucket], persist ? join(stateDir, 's3') : undefined);
  const signing = kms.ensureKey({
    spec: 'ECC_NIST_P256',
    alias: STANDIN_KEYS.tokenSigning,
    privateKeyPem: localTokenSigningKeyPem(dataDir),
    description: 'CareBow local token signing (stand-in)',
  });
  const dataKeys = kms.ensureKey({ spec: 'SYMMETRIC_DEFAULT', alias: STANDIN_KEYS.dataKeys, description: 'CareBow local data keys (stand-in)' });
  const blindIndex = secrets.ensureSecret(STANDIN_KEYS.blindIndexSecret, () => randomBytes(32).toString('base64'));
  const anchorKey = kms.ensureKey({ spec: 'ECC_NIST_P256', alias: STANDIN_KEYS.auditAnchor, description: 'CareBow local audit anchor (stand-in)' });
  const anchor = { KEY_PROVIDER: 'kms' as const, AUDIT_DIGEST_BUCKET: STANDIN_KEYS.auditDigestBucket, AUDIT_ANCHOR_KEY_ID: anchorKey.arn };
  return {
    kms,
    secrets,
    s3,
    anchor,
    env: {
      ...anchor,
      TOKEN_SIGNING_KEY_ID: signing.arn,
      DATA_KEY_ID: dataKeys.arn,
      BLIND_INDEX_SECRET_ID: blindIndex,
      // The SDK's own per-service endpoint variables: the adapters' clients stay `new KMSClient({})` as in Lambda.
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // The stand-ins accept any signature (as dynalite does); these keep the SDK from looking for real credentials.
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
    stop: async () => {
      await kms.close();
      await secrets.close();
      await s3.close();
    },
  };
};
