import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { JsonWebKeyWithKid, TokenSigner } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { KEYRING_SIGNING_KEY, localSigningKeyPem } from './local-signing-keys';

/** Signs access tokens with a local P-256 key (the stand-in for a KMS signing key): the keyring's, or a rotated one by name. */
export class LocalTokenSigner implements TokenSigner {
  readonly #privateKey: KeyObject;
  #jwk?: Promise<JsonWebKeyWithKid>;

  public constructor(dataDir: string, keyRef: string = KEYRING_SIGNING_KEY) {
    this.#privateKey = createPrivateKey(localSigningKeyPem(dataDir, keyRef));
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
