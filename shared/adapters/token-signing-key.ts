import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { JsonWebKeyWithKid } from '../identity/ports';
/**
 * The published form of an ES256 public key: a JWK whose `kid` is its RFC 7638 thumbprint, so
 * the id is derived from the key and a rotated key gets a new id by construction.
 */
export const publishedJwk = async (key: KeyObject): Promise<JsonWebKeyWithKid> => {
  // A private key (local) gives its public half; a public one (KMS's GetPublicKey) is used as is:
  // createPublicKey refuses a KeyObject that is already public.
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('The token signing key must be an EC P-256 key');
  const { kty, crv, x, y } = jwk as { kty: string; crv: string; x: string; y: string };
  return { kty, crv, x, y, kid: await calculateJwkThumbprint({ kty, crv, x, y }), alg: 'ES256', use: 'sig' };
};
