import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreatedSigningKey, JsonWebKeyWithKid, SigningKeyService } from '../../identity/ports';
import { publishedJwk } from '../token-signing-key';
import { localTokenSigningKeyPem } from './keyring';

/** The `keyRef` of the keyring's own signing key (`keys/token-signing-key.pem`), the local stand-in for the stack's KMS key. */
export const KEYRING_SIGNING_KEY = 'keyring';
const NAME = /^[a-z0-9-]{1,64}$/;

const rotatedDir = (dataDir: string): string => join(dataDir, 'keys', 'token-signing');
const rotatedFile = (dataDir: string, keyRef: string): string => {
  if (!NAME.test(keyRef)) throw new Error('Invalid local signing key name');
  return join(rotatedDir(dataDir), `${keyRef}.pem`);
};

/** The PKCS#8 PEM of a local signing key: the keyring's own, or one made by a rotation. */
export const localSigningKeyPem = (dataDir: string, keyRef: string): string =>
  keyRef === KEYRING_SIGNING_KEY ? localTokenSigningKeyPem(dataDir) : readFileSync(rotatedFile(dataDir, keyRef), 'utf8');

/**
 * Signing keys as files of the local data dir (`keys/token-signing/<name>.pem`, mode 0600), the
 * stand-in for keys the CLI creates in KMS. Disposing deletes the file; the keyring's own key stays,
 * as the stack's KMS key is kept, and the ring alone stops its use.
 */
export class LocalSigningKeyService implements SigningKeyService {
  public constructor(private readonly dataDir: string) {}

  public async create(): Promise<CreatedSigningKey> {
    const keyRef = randomUUID();
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    mkdirSync(rotatedDir(this.dataDir), { recursive: true, mode: 0o700 });
    writeFileSync(rotatedFile(this.dataDir, keyRef), pem, { flag: 'wx', mode: 0o600 });
    return { keyRef, jwk: await publishedJwk(createPrivateKey(pem)) };
  }

  public publicJwk(keyRef: string): Promise<JsonWebKeyWithKid> {
    return publishedJwk(createPrivateKey(localSigningKeyPem(this.dataDir, keyRef)));
  }

  public async dispose(keyRef: string): Promise<void> {
    if (keyRef !== KEYRING_SIGNING_KEY) rmSync(rotatedFile(this.dataDir, keyRef), { force: true });
  }
}
