import { createPublicKey, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { derToJose } from './der-signature';

/** The part of the KMS client ES256 signing uses, so a test can hand it a fake `send`. */
export type KmsSender = Pick<KMSClient, 'send'>;

/**
 * An ES256 signature of `message` by the KMS key `keyId`, in JOSE form (`r‖s`, 64 bytes): KMS answers in DER. Shared by
 * the token signer and the audit digest signer.
 *
 * @example
 * const signature = await kmsSignEs256(kms, keyArn, new TextEncoder().encode(signingInput));
 */
export const kmsSignEs256 = async (kms: KmsSender, keyId: string, message: Uint8Array): Promise<Uint8Array> => {
  const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
  if (Signature === undefined) throw new Error('KMS returned no signature');
  return derToJose(Signature);
};

/**
 * The public key of the KMS key `keyId`, refused unless it is P-256, with the key's ARN as KMS reports it (if it does).
 *
 * @example
 * const { key } = await kmsPublicKey(kms, 'alias/carebow-dev-audit-anchor');
 */
export const kmsPublicKey = async (kms: KmsSender, keyId: string): Promise<{ keyArn: string | undefined; key: KeyObject }> => {
  const { KeyId, PublicKey, KeySpec } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (PublicKey === undefined || KeySpec !== 'ECC_NIST_P256') throw new Error('KMS returned no P-256 public key');
  return { keyArn: KeyId, key: createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }) };
};
