import { createHash } from 'node:crypto';
import type { AppDeps } from '../deps';
import { ConflictError, ValidationError } from '../errors';
import type { IdempotencyStore } from '../ports';
import type { FieldPlace } from '../vault/sealed-field';

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

const place = (userId: string, idempotencyKey: string): FieldPlace => ({
  userId, table: 'records', pk: `USER#${userId}`, sk: `IDEMPOTENCY#${idempotencyKey}`, attribute: 'responseSealed',
});

/** One request that may carry an `Idempotency-Key`. */
export interface IdempotentRequest {
  readonly userId: string;
  /** The header's value; `undefined` when absent. */
  readonly key: string | undefined;
  /** The route id: a key reused on another route never replays that route's answer. */
  readonly routeId: string;
  /** The parsed body: a reused key with another body is 409. */
  readonly body: unknown;
}

/**
 * Runs `work` once per `Idempotency-Key` (SECURITY.md #19): a repeat with the same key, route and
 * body replays the first response without doing the work again (nothing is enqueued or charged
 * twice); the same key with another route or body, or while the first is still running, is 409.
 * Without a key, `work` runs. Keys are per user. The stored response is sealed: it may hold PHI.
 *
 * @example
 * const reply = await idempotent(deps, { userId, key: headers['idempotency-key'], routeId: 'chat', body }, () => send());
 */
export const idempotent = async <T extends { status: number; body: unknown }>(
  deps: Pick<AppDeps, 'vault' | 'clock'> & { idempotency: IdempotencyStore },
  { userId, key: idempotencyKey, routeId, body }: IdempotentRequest,
  work: () => Promise<T>,
): Promise<T> => {
  if (idempotencyKey === undefined) return work();
  if (!KEY.test(idempotencyKey)) throw new ValidationError('Idempotency-Key must be 8–64 letters, digits, - or _.', undefined, 'invalid_idempotency_key');
  const fingerprint = createHash('sha256').update(JSON.stringify([routeId, body])).digest('base64url');
  const claim = await deps.idempotency.claim(userId, idempotencyKey, fingerprint, deps.clock.now());
  if (claim.state === 'mismatch') throw new ConflictError('This Idempotency-Key was used for another request.', 'idempotency_key_reused');
  if (claim.state === 'in_progress') throw new ConflictError('A request with this Idempotency-Key is still being processed.', 'idempotency_in_progress');
  if (claim.state === 'done') return deps.vault.openJson<T>(place(userId, idempotencyKey), claim.responseSealed);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await deps.idempotency.release(userId, idempotencyKey);
    throw error;
  }
  await deps.idempotency.complete(userId, idempotencyKey, await deps.vault.sealJson(place(userId, idempotencyKey), result));
  return result;
};
