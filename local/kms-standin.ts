import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsJsonError, type AwsJsonServer, requiredBlob, requiredString, serveAwsJson } from './aws-json-server';
import { signP256Digest } from './p256-digest-sign';

/**
 * A KMS stand-in that speaks the real wire protocol (JSON 1.1, `X-Amz-Target: TrentService.<Operation>`, blobs in
 * base64), for the real `@aws-sdk/client-kms` through `AWS_ENDPOINT_URL_KMS`. What it checks, as KMS does: a data key's
 * ciphertext is bound to its key and its encryption context (AES-256-GCM under the key's own master, the key's ARN and
 * the canonical context as associated data), so `Decrypt` with another or no context, another `KeyId` or a changed
 * byte is refused; a key is used only for its usage (wrap or sign); a key pending deletion does nothing. What it does
 * not: IAM, key policies, grants, aliases' own API, quotas, multi-region keys. Operations: CreateKey, DescribeKey,
 * TagResource, ScheduleKeyDeletion, GenerateDataKey, Encrypt, Decrypt, Sign (ECDSA_SHA_256, RAW or DIGEST, DER),
 * GetPublicKey; any other is `UnknownOperationException`.
 */

export type KmsStandInKeySpec = 'SYMMETRIC_DEFAULT' | 'ECC_NIST_P256';

/** One key as the stand-in keeps it (persisted as JSON when it has a state file). */
interface StoredKey {
  readonly keyId: string;
  readonly spec: KmsStandInKeySpec;
  /** Base64 AES-256 master (symmetric) or the PKCS#8 PEM (P-256). */
  readonly material: string;
  readonly description: string;
  readonly creationDate: number;
  tags: { TagKey: string; TagValue: string }[];
  state: 'Enabled' | 'PendingDeletion';
  deletionDate?: number;
}

interface State {
  keys: StoredKey[];
  aliases: Record<string, string>;
}

export interface KmsStandInOptions {
  /** A JSON file its keys persist in (mode 0600), for `npm start`; in memory when absent (tests). */
  readonly statePath?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
}

/** What to create: a symmetric wrapping key, or a P-256 signing key (its own, or imported key material). */
export interface KmsStandInKeyRequest {
  readonly spec: KmsStandInKeySpec;
  /** `alias/<name>`; an alias that exists returns its key unchanged (so a persisted stand-in keeps its keys). */
  readonly alias?: string;
  /** PKCS#8 PEM of a P-256 key to import (KMS's imported key material) instead of generating one. */
  readonly privateKeyPem?: string;
  readonly description?: string;
}

export interface KmsStandIn extends AwsJsonServer {
  /** Creates a key (or returns the alias's): the bootstrap the CDK stack does in AWS. */
  ensureKey(request: KmsStandInKeyRequest): { keyId: string; arn: string };
  /** A signing key's private half, as PKCS#8 PEM: only a test needs it, to act as someone who stole the key. */
  privateKeyPem(keyRef: string): string;
}

const ACCOUNT = '000000000000';
const VERSION = 1;
const UUID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const epochSeconds = (): number => Math.floor(Date.now() / 1000);
const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replaceAll('-', ''), 'hex');
const uuidOf = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The context as KMS canonicalises it for binding: pairs sorted by key, so the order sent does not matter. */
const canonicalContext = (input: Record<string, unknown>): string => {
  const context = input.EncryptionContext ?? {};
  if (typeof context !== 'object' || context === null || Array.isArray(context))
    throw new AwsJsonError('ValidationException', 'EncryptionContext must be a map of strings');
  const entries = Object.entries(context);
  if (entries.some(([, value]) => typeof value !== 'string')) throw new AwsJsonError('ValidationException', 'EncryptionContext must be a map of strings');
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

/**
 * Starts the KMS stand-in on 127.0.0.1 (a free port).
 *
 * @example
 * const kms = await startKmsStandIn();
 * const { arn } = kms.ensureKey({ spec: 'SYMMETRIC_DEFAULT', alias: 'alias/carebow-local-data-keys' });
 * process.env.AWS_ENDPOINT_URL_KMS = kms.endpoint;
 */
export const startKmsStandIn = async (options: KmsStandInOptions = {}): Promise<KmsStandIn> => {
  const region = options.region ?? 'us-east-1';
  const arnOf = (keyId: string): string => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
  const state: State =
    options.statePath !== undefined && existsSync(options.statePath)
      ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as State)
      : { keys: [], aliases: {} };
  const privateKeys = new Map<string, KeyObject>();

  const save = (): void => {
    if (options.statePath === undefined) return;
    mkdirSync(dirname(options.statePath), { recursive: true, mode: 0o700 });
    const temporary = `${options.statePath}.tmp`;
    writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, options.statePath);
  };

  /** A key by id, ARN, alias or alias ARN, else `NotFoundException`. */
  const find = (keyRef: string): StoredKey => {
    const alias = /^(?:arn:aws:kms:[^:]+:\d+:)?(alias\/.+)$/.exec(keyRef)?.[1];
    const keyId = alias !== undefined ? state.aliases[alias] : /^(?:arn:aws:kms:[^:]+:\d+:key\/)?([0-9a-f-]{36})$/.exec(keyRef)?.[1];
    const key = state.keys.find((candidate) => candidate.keyId === keyId);
    if (key === undefined) throw new AwsJsonError('NotFoundException', `Key '${keyRef}' does not exist`);
    return key;
  };
  const usable = (key: StoredKey, spec: KmsStandInKeySpec): StoredKey => {
    if (key.state !== 'Enabled') throw new AwsJsonError('KMSInvalidStateException', `${arnOf(key.keyId)} is pending deletion.`);
    if (key.spec !== spec) throw new AwsJsonError('InvalidKeyUsageException', `${arnOf(key.keyId)} is not a ${spec} key`);
    return key;
  };
  const privateKeyOf = (key: StoredKey): KeyObject => {
    let privateKey = privateKeys.get(key.keyId);
    if (privateKey === undefined) {
      privateKey = createPrivateKey(key.material);
      privateKeys.set(key.keyId, privateKey);
    }
    return privateKey;
  };
  const metadata = (key: StoredKey) => ({
    AWSAccountId: ACCOUNT,
    KeyId: key.keyId,
    Arn: arnOf(key.keyId),
    CreationDate: key.creationDate,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.spec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
    KeyState: key.state,
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    KeySpec: key.spec,
    CustomerMasterKeySpec: key.spec,
    ...(key.spec === 'SYMMETRIC_DEFAULT' ? { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } : { SigningAlgorithms: ['ECDSA_SHA_256'] }),
    ...(key.deletionDate !== undefined ? { DeletionDate: key.deletionDate } : {}),
  });

  const create = (spec: KmsStandInKeySpec, description: string, tags: StoredKey['tags'], privateKeyPem?: string): StoredKey => {
    const material =
      spec === 'SYMMETRIC_DEFAULT'
        ? randomBytes(32).toString('base64')
        : (privateKeyPem ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const key: StoredKey = { keyId: randomUUID(), spec, material, description, creationDate: epochSeconds(), tags, state: 'Enabled' };
    state.keys.push(key);
    save();
    return key;
  };

  const encrypt = (key: StoredKey, plaintext: Buffer, context: string): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), iv).setAAD(Buffer.from(`${arnOf(key.keyId)}\n${context}`));
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), uuidBytes(key.keyId), iv, sealed, cipher.getAuthTag()]);
  };
  const refused = () => new AwsJsonError('InvalidCiphertextException', '');

  const tagsOf = (input: Record<string, unknown>): StoredKey['tags'] => {
    const tags = input.Tags ?? [];
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag?.TagKey !== 'string' || typeof tag?.TagValue !== 'string'))
      throw new AwsJsonError('ValidationException', 'Tags must be a list of { TagKey, TagValue }');
    return tags.map((tag: { TagKey: string; TagValue: string }) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue }));
  };
  const dataKeyBytes = (input: Record<string, unknown>): number => {
    if (input.KeySpec === 'AES_256' && input.NumberOfBytes === undefined) return 32;
    if (input.KeySpec === 'AES_128' && input.NumberOfBytes === undefined) return 16;
    if (input.KeySpec === undefined && Number.isInteger(input.NumberOfBytes) && (input.NumberOfBytes as number) >= 1 && (input.NumberOfBytes as number) <= 1024)
      return input.NumberOfBytes as number;
    throw new AwsJsonError('ValidationException', 'Exactly one of KeySpec (AES_256, AES_128) and NumberOfBytes (1-1024) is required');
  };

  const server = await serveAwsJson('TrentService', {
    CreateKey: (input) => {
      const spec = (input.KeySpec ?? 'SYMMETRIC_DEFAULT') as string;
      if (spec !== 'SYMMETRIC_DEFAULT' && spec !== 'ECC_NIST_P256') throw new AwsJsonError('UnsupportedOperationException', `KeySpec ${spec} is not served`);
      const usage = input.KeyUsage ?? (spec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : undefined);
      if (usage !== (spec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY'))
        throw new AwsJsonError('ValidationException', `KeyUsage ${String(usage)} does not fit KeySpec ${spec}`);
      return { KeyMetadata: metadata(create(spec, typeof input.Description === 'string' ? input.Description : '', tagsOf(input))) };
    },
    DescribeKey: (input) => ({ KeyMetadata: metadata(find(requiredString(input, 'KeyId'))) }),
    TagResource: (input) => {
      const key = find(requiredString(input, 'KeyId'));
      const added = tagsOf(input);
      key.tags = [...key.tags.filter((tag) => !added.some((next) => next.TagKey === tag.TagKey)), ...added];
      save();
      return {};
    },
    ScheduleKeyDeletion: (input) => {
      const key = find(requiredString(input, 'KeyId'));
      if (key.state === 'PendingDeletion') throw new AwsJsonError('KMSInvalidStateException', `${arnOf(key.keyId)} is pending deletion.`);
      const days = input.PendingWindowInDays ?? 30;
      if (!Number.isInteger(days) || (days as number) < 7 || (days as number) > 30)
        throw new AwsJsonError('ValidationException', 'PendingWindowInDays must be 7 to 30');
      key.state = 'PendingDeletion';
      key.deletionDate = epochSeconds() + (days as number) * 86_400;
      save();
      return { KeyId: arnOf(key.keyId), DeletionDate: key.deletionDate, KeyState: key.state, PendingWindowInDays: days };
    },
    GenerateDataKey: (input) => {
      const key = usable(find(requiredString(input, 'KeyId')), 'SYMMETRIC_DEFAULT');
      const plaintext = randomBytes(dataKeyBytes(input));
      return {
        KeyId: arnOf(key.keyId),
        Plaintext: plaintext.toString('base64'),
        CiphertextBlob: encrypt(key, plaintext, canonicalContext(input)).toString('base64'),
      };
    },
    Encrypt: (input) => {
      const key = usable(find(requiredString(input, 'KeyId')), 'SYMMETRIC_DEFAULT');
      const plaintext = requiredBlob(input, 'Plaintext');
      if (plaintext.length > 4096) throw new AwsJsonError('ValidationException', 'Plaintext is longer than 4096 bytes');
      return {
        KeyId: arnOf(key.keyId),
        CiphertextBlob: encrypt(key, plaintext, canonicalContext(input)).toString('base64'),
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    },
    Decrypt: (input) => {
      const blob = requiredBlob(input, 'CiphertextBlob');
      const context = canonicalContext(input);
      if (blob.length < 1 + UUID_BYTES + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw refused();
      const owner = state.keys.find((candidate) => candidate.keyId === uuidOf(blob.subarray(1, 1 + UUID_BYTES)));
      if (owner === undefined) throw refused();
      if (typeof input.KeyId === 'string' && find(input.KeyId).keyId !== owner.keyId)
        throw new AwsJsonError('IncorrectKeyException', 'The key ID in the request does not identify the key that encrypted the ciphertext');
      const key = usable(owner, 'SYMMETRIC_DEFAULT');
      const ivStart = 1 + UUID_BYTES;
      const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), blob.subarray(ivStart, ivStart + IV_BYTES)).setAAD(
        Buffer.from(`${arnOf(key.keyId)}\n${context}`),
      );
      decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
      let plaintext: Buffer;
      try {
        plaintext = Buffer.concat([decipher.update(blob.subarray(ivStart + IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
      } catch {
        // KMS says no more than this: a wrong context and a changed byte look the same.
        throw refused();
      }
      return { KeyId: arnOf(key.keyId), Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
    },
    Sign: (input) => {
      const key = usable(find(requiredString(input, 'KeyId')), 'ECC_NIST_P256');
      if (input.SigningAlgorithm !== 'ECDSA_SHA_256')
        throw new AwsJsonError('InvalidKeyUsageException', `${String(input.SigningAlgorithm)} is not valid for this key`);
      const message = requiredBlob(input, 'Message');
      const type = input.MessageType ?? 'RAW';
      let signature: Buffer;
      if (type === 'RAW') {
        if (message.length > 4096) throw new AwsJsonError('ValidationException', 'A RAW message is at most 4096 bytes');
        signature = sign('sha256', message, privateKeyOf(key));
      } else if (type === 'DIGEST') {
        if (message.length !== 32) throw new AwsJsonError('ValidationException', 'A SHA-256 digest is 32 bytes');
        signature = signP256Digest(privateKeyOf(key), message);
      } else throw new AwsJsonError('ValidationException', `MessageType ${String(type)} is not RAW or DIGEST`);
      return { KeyId: arnOf(key.keyId), Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' };
    },
    GetPublicKey: (input) => {
      const key = find(requiredString(input, 'KeyId'));
      if (key.spec !== 'ECC_NIST_P256') throw new AwsJsonError('UnsupportedOperationException', `${arnOf(key.keyId)} is a symmetric key`);
      if (key.state !== 'Enabled') throw new AwsJsonError('KMSInvalidStateException', `${arnOf(key.keyId)} is pending deletion.`);
      return {
        KeyId: arnOf(key.keyId),
        PublicKey: createPublicKey(privateKeyOf(key)).export({ format: 'der', type: 'spki' }).toString('base64'),
        KeySpec: 'ECC_NIST_P256',
        CustomerMasterKeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        SigningAlgorithms: ['ECDSA_SHA_256'],
      };
    },
  });

  return {
    ...server,
    ensureKey: (request) => {
      const existing = request.alias === undefined ? undefined : state.aliases[request.alias];
      const key = existing !== undefined ? find(existing) : create(request.spec, request.description ?? '', [], request.privateKeyPem);
      if (request.alias !== undefined && existing === undefined) {
        state.aliases[request.alias] = key.keyId;
        save();
      }
      return { keyId: key.keyId, arn: arnOf(key.keyId) };
    },
    privateKeyPem: (keyRef) => {
      const key = find(keyRef);
      if (key.spec !== 'ECC_NIST_P256') throw new Error('not a signing key');
      return key.material;
    },
  };
};
