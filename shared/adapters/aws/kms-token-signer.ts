import { KMSClient } from '@aws-sdk/client-kms';
import type { JsonWebKeyWithKid, TokenSigner } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { type KmsSender, kmsPublicKey, kmsSignEs256 } from './kms-es256';
import { traced } from './xray';

/**
 * Signs access tokens with a KMS asymmetric key (ECC_NIST_P256): the private key never leaves
 * KMS. The public key is fetched once per container and published as a JWK.
 */
export class KmsTokenSigner implements TokenSigner {
  #jwk?: Promise<JsonWebKeyWithKid>;

  public constructor(
    private readonly keyId_: string,
    private readonly kms: KmsSender = traced(new KMSClient({})),
  ) {}

  public async keyId(): Promise<string> {
    return (await this.publicJwk()).kid;
  }

  public sign(signingInput: Uint8Array): Promise<Uint8Array> {
    return kmsSignEs256(this.kms, this.keyId_, signingInput);
  }

  public publicJwk(): Promise<JsonWebKeyWithKid> {
    this.#jwk ??= kmsPublicKey(this.kms, this.keyId_).then(({ key }) => publishedJwk(key));
    this.#jwk.catch(() => {
      this.#jwk = undefined;
    });
    return this.#jwk;
  }
}
