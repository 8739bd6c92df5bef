import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { DigestSigner } from '../../audit/anchor-ports';
import { derToJose } from './der-signature';
import { traced } from './xray';

/** The part of the KMS client this signer uses, so a test can hand it a fake `send`. */
export type KmsSender = Pick<KMSClient, 'send'>;

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

  public async sign(message: Uint8Array): Promise<Uint8Array> {
    const { Signature } = await this.kms.send(new SignCommand({ KeyId: this.keyId_, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (Signature === undefined) throw new Error('KMS returned no signature');
    return derToJose(Signature);
  }

  public async verify(message: Uint8Array, signature: Uint8Array, keyId: string): Promise<boolean> {
    const { keyId: ownId, key } = await this.publicKey();
    if (keyId !== ownId || signature.length !== 64) return false;
    return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }

  private publicKey(): Promise<{ keyId: string; key: KeyObject }> {
    this.#publicKey ??= this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId_ })).then(({ KeyId, PublicKey }) => {
      if (PublicKey === undefined || KeyId === undefined) throw new Error('KMS returned no public key');
      return { keyId: KeyId, key: createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }) };
    });
    this.#publicKey.catch(() => {
      this.#publicKey = undefined;
    });
    return this.#publicKey;
  }
}
