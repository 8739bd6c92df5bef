import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DigestSigner } from '../../audit/anchor-ports';

/** The local anchor key's file in `<dataDir>/keys/`: its own key, never the token-signing one. */
export const AUDIT_ANCHOR_KEY_FILE = 'audit-anchor-key.pem';

const anchorKeyPem = (dataDir: string): string => {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, AUDIT_ANCHOR_KEY_FILE);
  try {
    writeFileSync(path, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8');
};

/**
 * The local stand-in for the KMS anchor key: a P-256 key in `<dataDir>/keys/audit-anchor-key.pem`, created on first
 * use. Its key id is `local:` and the first 16 hex digits of the SHA-256 of its public key (SPKI DER).
 */
export class LocalDigestSigner implements DigestSigner {
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #keyId: string;

  public constructor(dataDir: string) {
    this.#privateKey = createPrivateKey(anchorKeyPem(dataDir));
    this.#publicKey = createPublicKey(this.#privateKey);
    this.#keyId = `local:${createHash('sha256')
      .update(this.#publicKey.export({ format: 'der', type: 'spki' }))
      .digest('hex')
      .slice(0, 16)}`;
  }

  public async keyId(): Promise<string> {
    return this.#keyId;
  }

  public async sign(message: Uint8Array): Promise<Uint8Array> {
    return sign('sha256', message, { key: this.#privateKey, dsaEncoding: 'ieee-p1363' });
  }

  public async verify(message: Uint8Array, signature: Uint8Array, keyId: string): Promise<boolean> {
    if (keyId !== this.#keyId || signature.length !== 64) return false;
    return verify('sha256', message, { key: this.#publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  }
}
