import { ValidationError } from '../../errors';

/**
 * Opaque list cursors: DynamoDB's `LastEvaluatedKey` as base64url JSON. A cursor is only accepted
 * for the partition it was made for, so a crafted one cannot reach another user's items.
 */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key === undefined ? undefined : Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string | undefined, expected: Record<string, string>): Record<string, unknown> | undefined => {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.values(key).every((value) => typeof value === 'string' || typeof value === 'number') &&
    Object.entries(expected).every(([name, value]) => (key as Record<string, unknown>)[name] === value);
  if (!valid) throw new ValidationError('The cursor is invalid.', undefined, 'invalid_cursor');
  return key as Record<string, unknown>;
};
