import { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/aws/dynamo-client';
import { DynamoSigningKeyRing } from '../adapters/aws/dynamo-signing-key-ring';
import { KmsTokenSigner } from '../adapters/aws/kms-token-signer';
import { traced } from '../adapters/aws/xray';
import { secretsManagerKey } from '../adapters/aws/secrets-manager-key';
import { HmacBlindIndex } from '../adapters/hmac-blind-index';
import { localBlindIndexKey } from '../adapters/local/keyring';
import { KEYRING_SIGNING_KEY } from '../adapters/local/local-signing-keys';
import { LocalTokenSigner } from '../adapters/local/local-token-signer';
import { RingTokenSigner } from '../identity/ring-token-signer';
import { KmsDataKeyService } from '../adapters/aws/kms-data-keys';
import { LocalDataKeyService } from '../adapters/local/local-data-keys';
import type { BlindIndex, TokenSigner } from '../identity/ports';
import type { DataKeyService } from '../vault/ports';

interface KeyConfig {
  readonly KEY_PROVIDER: 'kms' | 'local';
  readonly CAREBOW_DATA_DIR?: string | undefined;
  readonly TOKEN_SIGNING_KEY_ID?: string | undefined;
  readonly BLIND_INDEX_SECRET_ID?: string | undefined;
  readonly DATA_KEY_ID?: string | undefined;
}

interface SignerConfig extends KeyConfig {
  readonly KEYS_TABLE: string;
  readonly DYNAMODB_ENDPOINT?: string | undefined;
}

// The config schema guarantees the ids that a provider needs are present. Lambda bundles fold
// every choice to the AWS adapter (shared/runtime/target.ts): the local ones never ship.
/**
 * The access-token signer: the signing-key ring's active key (ADR 0013), or the configured key
 * (TOKEN_SIGNING_KEY_ID, the keyring's locally) before the first rotation. Also what the JWKS publishes.
 * `client` reads the ring (pass the function's shared one where there is one).
 */
export const tokenSignerFor = (
  config: SignerConfig,
  client: DynamoDBDocumentClient = createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT }),
): RingTokenSigner => {
  let keyOf: (keyRef: string) => TokenSigner;
  let configured: string;
  if (process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms') {
    const kms = traced(new KMSClient({}));
    keyOf = (keyRef) => new KmsTokenSigner(keyRef, kms);
    configured = config.TOKEN_SIGNING_KEY_ID!;
  } else {
    keyOf = (keyRef) => new LocalTokenSigner(config.CAREBOW_DATA_DIR!, keyRef);
    configured = KEYRING_SIGNING_KEY;
  }
  const ring = new DynamoSigningKeyRing(client, config.KEYS_TABLE);
  return new RingTokenSigner(ring, keyOf, keyOf(configured), { now: () => new Date() });
};

export const blindIndexFor = (config: KeyConfig): BlindIndex =>
  new HmacBlindIndex(
    process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
      ? secretsManagerKey(config.BLIND_INDEX_SECRET_ID!)
      : async () => localBlindIndexKey(config.CAREBOW_DATA_DIR!),
  );

export const dataKeyServiceFor = (config: KeyConfig): DataKeyService =>
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
    ? new KmsDataKeyService(config.DATA_KEY_ID!)
    : new LocalDataKeyService(config.CAREBOW_DATA_DIR!);
