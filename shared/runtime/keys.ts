import { KmsTokenSigner } from '../adapters/aws/kms-token-signer';
import { secretsManagerKey } from '../adapters/aws/secrets-manager-key';
import { HmacBlindIndex } from '../adapters/hmac-blind-index';
import { localBlindIndexKey } from '../adapters/local/keyring';
import { LocalTokenSigner } from '../adapters/local/local-token-signer';
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

// The config schema guarantees the ids that a provider needs are present. Lambda bundles fold
// every choice to the AWS adapter (shared/runtime/target.ts): the local ones never ship.
export const tokenSignerFor = (config: KeyConfig): TokenSigner =>
  process.env.CAREBOW_LAMBDA_BUNDLE === 'true' || config.KEY_PROVIDER === 'kms'
    ? new KmsTokenSigner(config.TOKEN_SIGNING_KEY_ID!)
    : new LocalTokenSigner(config.CAREBOW_DATA_DIR!);

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
