import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { traced } from './xray';
import type { DataKeyService } from '../../vault/ports';
import { dataKeyContext } from '../../vault/data-key-context';

/** Per-user data keys from KMS `GenerateDataKey`, unwrapped with `Decrypt` under the same context. */
export class KmsDataKeyService implements DataKeyService {
  public constructor(
    private readonly keyId: string,
    private readonly kms: KMSClient = traced(new KMSClient({})),
  ) {}

  public async generate(userId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }> {
    const { Plaintext, CiphertextBlob } = await this.kms.send(
      new GenerateDataKeyCommand({
        KeyId: this.keyId,
        KeySpec: 'AES_256',
        EncryptionContext: dataKeyContext(userId),
      }),
    );
    if (Plaintext === undefined || CiphertextBlob === undefined) throw new Error('KMS returned no data key');
    return { plaintext: Plaintext, wrapped: CiphertextBlob };
  }

  public async unwrap(userId: string, wrapped: Uint8Array): Promise<Uint8Array> {
    const { Plaintext } = await this.kms.send(
      new DecryptCommand({
        KeyId: this.keyId,
        CiphertextBlob: wrapped,
        EncryptionContext: dataKeyContext(userId),
      }),
    );
    if (Plaintext === undefined) throw new Error('KMS returned no plaintext');
    return Plaintext;
  }
}
