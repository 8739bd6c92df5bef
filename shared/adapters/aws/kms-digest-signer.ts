import { verify, type KeyObject } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import type { DigestSigner } from '../../audit/anchor-ports';
import { type KmsSender, kmsPublicKey, kmsSignEs256 } from './kms-es256';
import { traced } from './xray';

/**
 * Signs audit digests with the anchor's own KMS key (ECC_NIST_P256, SIGN_VERIFY; not the token-signing key): the
 * private key never leaves KMS. Verifies locally with the public key, fetched once per container; the key id
 * written into digests is the key's ARN as KMS reports it.
 */
export class KmsDigestSigner implements DigestSigner {
  #publicKey?: Promise<{ keyId: string; key: KeyObject }>;

  public constructor(
    private readonly keyId_: string,
    private readonly kms: KmsSender = traced(new KMSClient({})),
  ) {}

  public async keyId(): Promise<string> {
    return (await this.publicKey()).keyId;
  }

  public sign(message: Uint8Array): Promise<Uint8Array> {
    return kmsSignEs256(this.kms, this.keyId_, message);
  }

  public async verify(message: Uint8Array, signature: Uint8Array, keyId: string): Promise<boolean> {
    const { keyId: ownId, key } = await this.publicKey();
    if (keyId !== ownId || signature.length !== 64) return false;
    return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }

  private publicKey(): Promise<{ keyId: string; key: KeyObject }> {
    this.#publicKey ??= kmsPublicKey(this.kms, this.keyId_).then(({ keyArn, key }) => {
      if (keyArn === undefined) throw new Error('KMS returned no key id');
      return { keyId: keyArn, key };
    });
    this.#publicKey.catch(() => {
      this.#publicKey = undefined;
    });
    return this.#publicKey;
  }
}
