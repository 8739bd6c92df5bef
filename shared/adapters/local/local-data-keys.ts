import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { DataKeyService } from '../../vault/ports';
import { localDataKeyMasterKey } from './keyring';
import { dataKeyContext } from '../../vault/data-key-context';

/**
 * The local stand-in for KMS data keys: a master key in the keyring wraps each data key with
 * AES-256-GCM, the encryption context (`purpose`, `userId`) as associated data, like KMS binds it.
 */
export class LocalDataKeyService implements DataKeyService {
  readonly #master: KeyObject;

  public constructor(dataDir: string) {
    this.#master = createSecretKey(localDataKeyMasterKey(dataDir));
  }

  public async generate(userId: string): Promise<{ plaintext: Uint8Array; wrapped: Uint8Array }> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#master, iv).setAAD(context(userId));
    const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { plaintext, wrapped };
  }

  public async unwrap(userId: string, wrapped: Uint8Array): Promise<Uint8Array> {
    const bytes = Buffer.from(wrapped);
    const decipher = createDecipheriv('aes-256-gcm', this.#master, bytes.subarray(0, 12)).setAAD(context(userId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  }
}

const context = (userId: string): Buffer => Buffer.from(JSON.stringify(dataKeyContext(userId)));
