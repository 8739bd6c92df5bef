import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { JsonWebKeyWithKid, TokenSigner } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { localTokenSigningKeyPem } from './keyring';

/** Signs access tokens with the keyring's P-256 key (the local stand-in for a KMS signing key). */
export class LocalTokenSigner implements TokenSigner {
  readonly #privateKey: KeyObject;
  #jwk?: Promise<JsonWebKeyWithKid>;

  public constructor(dataDir: string) {
    this.#privateKey = createPrivateKey(localTokenSigningKeyPem(dataDir));
  }

  public async keyId(): Promise<string> {
    return (await this.publicJwk()).kid;
  }

  public async sign(signingInput: Uint8Array): Promise<Uint8Array> {
    return sign('sha256', signingInput, { key: this.#privateKey, dsaEncoding: 'ieee-p1363' });
  }

  public publicJwk(): Promise<JsonWebKeyWithKid> {
    this.#jwk ??= publishedJwk(this.#privateKey);
    return this.#jwk;
  }
}
