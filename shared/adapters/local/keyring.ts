import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stand-in for KMS and Secrets Manager: key material in `<dataDir>/keys`, created on
 * first use (mode 0600). `npm start` and the tests use it; deployed stages never do.
 */
export const KEY_FILES = {
  tokenSigningKey: 'token-signing-key.pem',
  blindIndexKey: 'blind-index.key',
  dataKeyMasterKey: 'data-key-master.key',
} as const;

const keysDir = (dataDir: string): string => join(dataDir, 'keys');

/** Writes `create()` to `file` unless it exists (exclusive create, so two processes agree). */
const readOrCreate = (dataDir: string, file: string, create: () => string): string => {
  const path = join(keysDir(dataDir), file);
  mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, create(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8');
};

/** The ES256 (P-256) private key that signs local access tokens, as PKCS#8 PEM. */
export const localTokenSigningKeyPem = (dataDir: string): string =>
  readOrCreate(dataDir, KEY_FILES.tokenSigningKey, () =>
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );

/** The 256-bit HMAC key of the e-mail blind index. */
export const localBlindIndexKey = (dataDir: string): Buffer =>
  Buffer.from(
    readOrCreate(dataDir, KEY_FILES.blindIndexKey, () => randomBytes(32).toString('base64')),
    'base64',
  );

/** The 256-bit master key that wraps per-user data keys (the local stand-in for a KMS key). */
export const localDataKeyMasterKey = (dataDir: string): Buffer =>
  Buffer.from(
    readOrCreate(dataDir, KEY_FILES.dataKeyMasterKey, () => randomBytes(32).toString('base64')),
    'base64',
  );

/** Creates every local key now, so `npm start` can report them and handlers never race. */
export const ensureLocalKeys = (dataDir: string): void => {
  localTokenSigningKeyPem(dataDir);
  localBlindIndexKey(dataDir);
  localDataKeyMasterKey(dataDir);
};
