import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { BlindIndex } from '../identity/ports';

/**
 * HMAC-SHA256 blind index: equal inputs give equal indexes, but without the key an index reveals
 * nothing and cannot be brute-forced from a list of e-mails. The key comes from Secrets Manager
 * in AWS and from the local keyring on a laptop; it is loaded once per container.
 */
export class HmacBlindIndex implements BlindIndex {
  #key?: Promise<KeyObject>;

  public constructor(private readonly loadKey: () => Promise<Buffer>) {}

  public async of(value: string): Promise<string> {
    this.#key ??= this.loadKey().then((bytes) => createSecretKey(bytes));
    this.#key.catch(() => {
      this.#key = undefined;
    });
    return createHmac('sha256', await this.#key)
      .update(`email:${value}`)
      .digest('base64url');
  }
}
