import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque refresh tokens: `rt1.<familyId>.<secret>`, 128-bit family id and 256-bit secret, both
 * base64url. Only the SHA-256 of the secret is stored (a fast hash is right here: the secret
 * has full entropy, unlike a password).
 */
const PREFIX = 'rt1';
const FORMAT = /^rt1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface ParsedRefreshToken {
  readonly familyId: string;
  readonly secret: string;
}

export const newFamilyId = (): string => randomBytes(16).toString('base64url');
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const formatRefreshToken = (familyId: string, secret: string): string => `${PREFIX}.${familyId}.${secret}`;
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** `undefined` for anything that is not a well-formed refresh token. */
export const parseRefreshToken = (token: string): ParsedRefreshToken | undefined => {
  const match = FORMAT.exec(token);
  return match ? { familyId: match[1]!, secret: match[2]! } : undefined;
};
