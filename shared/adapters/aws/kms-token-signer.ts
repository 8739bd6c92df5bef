import { createPublicKey } from 'node:crypto';
import { traced } from './xray';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { JsonWebKeyWithKid, TokenSigner } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { derToJose } from './der-signature';

/**
 * Signs access tokens with a KMS asymmetric key (ECC_NIST_P256): the private key never leaves
 * KMS. The public key is fetched once per container and published as a JWK.
 */
export class KmsTokenSigner implements TokenSigner {
  #jwk?: Promise<JsonWebKeyWithKid>;

  public constructor(
    private readonly keyId_: string,
    private readonly kms: KMSClient = traced(new KMSClient({})),
  ) {}

  public async keyId(): Promise<string> {
    return (await this.publicJwk()).kid;
  }

  public async sign(signingInput: Uint8Array): Promise<Uint8Array> {
    const { Signature } = await this.kms.send(
      new SignCommand({
        KeyId: this.keyId_,
        Message: signingInput,
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (Signature === undefined) throw new Error('KMS returned no signature');
    return derToJose(Signature);
  }

  public publicJwk(): Promise<JsonWebKeyWithKid> {
    this.#jwk ??= this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyId_ })).then(({ PublicKey }) => {
      if (PublicKey === undefined) throw new Error('KMS returned no public key');
      return publishedJwk(createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }));
    });
    this.#jwk.catch(() => {
      this.#jwk = undefined;
    });
    return this.#jwk;
  }
}
