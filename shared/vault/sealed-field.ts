import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { CiphertextIntegrityError, SealedFormatError } from './errors';

/**
 * The sealed-field format, version 1: `cb1.<keyVersion>.<iv>.<ciphertext‖tag>` (base64url parts).
 * AES-256-GCM with a random 96-bit IV and a 128-bit tag. The associated data binds the field to
 * its place, `carebow/cb1|<table>|<pk>|<sk>|<attribute>|<userId>|<keyVersion>`, so a ciphertext
 * copied to another attribute, item, user or key version fails to open.
 */
export interface FieldPlace {
  /** Whose data key seals it (the data subject). */
  readonly userId: string;
  /** Logical table name (`identity`, `records`, …), not the deployed name, so backups restore anywhere. */
  readonly table: string;
  readonly pk: string;
  readonly sk?: string;
  readonly attribute: string;
}

const PREFIX = 'cb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = /^cb1\.(\d{1,6})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

const associatedData = (place: FieldPlace, keyVersion: number): Buffer =>
  Buffer.from([`carebow/${PREFIX}`, place.table, place.pk, place.sk ?? '', place.attribute, place.userId, keyVersion].join('|'));

/** The parts of a sealed value; parsed once per open. */
export interface SealedParts {
  readonly keyVersion: number;
  readonly iv: string;
  readonly body: string;
}

export const parseSealed = (sealed: string): SealedParts => {
  const match = FORMAT.exec(sealed);
  if (match === null) throw new SealedFormatError();
  return { keyVersion: Number(match[1]), iv: match[2]!, body: match[3]! };
};

/**
 * Seals `plaintext` for `place`. Pass the key as a `KeyObject` (`createSecretKey`) on hot paths:
 * Node 24 re-validates raw key bytes on every cipher, which costs more than the cipher itself.
 */
export const sealWithKey = (key: KeyObject | Uint8Array, keyVersion: number, place: FieldPlace, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(place, keyVersion));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}.${keyVersion}.${iv.toString('base64url')}.${body.toString('base64url')}`;
};

export const openWithKey = (key: KeyObject | Uint8Array, place: FieldPlace, sealed: string | SealedParts): string => {
  const parts = typeof sealed === 'string' ? parseSealed(sealed) : sealed;
  const body = Buffer.from(parts.body, 'base64url');
  if (body.length < TAG_BYTES) throw new SealedFormatError();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts.iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(place, parts.keyVersion));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new CiphertextIntegrityError();
  }
};
