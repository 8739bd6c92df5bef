import { createHash } from 'node:crypto';
import type { AppDeps } from '../deps';
import { ConflictError, ValidationError } from '../errors';
import { actorOf, requestFacts } from '../audit/actor';
import { log } from '../logger';
import type { AuditEvent } from '../audit/ports';
import type { IdempotencyStore } from './idempotency-store';
import type { Caller, RequestMeta } from '../domain/caller';
import type { FieldPlace } from '../vault/sealed-field';
import { idempotencyKey, userKey } from '../data/keys';

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

const place = (userId: string, key: string): FieldPlace => ({
  userId,
  table: 'records',
  pk: userKey(userId),
  sk: idempotencyKey(key),
  attribute: 'responseSealed',
});

/** One request that may carry an `Idempotency-Key`. */
export interface IdempotentRequest<T> {
  readonly caller: Caller;
  readonly meta: RequestMeta;
  /** The header's value; `undefined` when absent. */
  readonly key: string | undefined;
  /** The route id: a key reused on another route never replays that route's answer. */
  readonly routeId: string;
  /** The parsed body (with any path parameters): a reused key with another body is 409. */
  readonly body: unknown;
  /** The record a replayed answer shows, for its audit event: a replay is a PHI read too. */
  readonly replayed: (response: T) => AuditEvent['resource'];
}

/**
 * Runs `work` once per `Idempotency-Key` (docs/security.md #19): a repeat with the same key, route and
 * body replays the first response without doing the work again (nothing is enqueued or charged
 * twice) and is audited as `request.replayed`; the same key with another route or body, or while
 * the first is still running, is 409. Without a key, `work` runs. Keys are per user. The stored
 * response is sealed: it may hold PHI.
 *
 * @example
 * const reply = await idempotent(deps, {
 *   caller, meta, key: headers['idempotency-key'], routeId: 'chat', body,
 *   replayed: (r) => ({ type: 'conversation', id: r.body.conversationId }),
 * }, () => send());
 */
export const idempotent = async <T extends { status: number; body: unknown }>(
  deps: Pick<AppDeps, 'clock' | 'audit'> & { vault: Pick<AppDeps['vault'], 'sealJson' | 'openJson'>; idempotency: IdempotencyStore },
  request: IdempotentRequest<T>,
  work: () => Promise<T>,
): Promise<T> => {
  const { caller, key: idempotencyKey, routeId, body } = request;
  const userId = caller.userId;
  if (idempotencyKey === undefined) return work();
  if (!KEY.test(idempotencyKey)) throw new ValidationError('Idempotency-Key must be 8–64 letters, digits, - or _.', undefined, 'invalid_idempotency_key');
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([routeId, body]))
    .digest('base64url');
  const claim = await deps.idempotency.claim(userId, idempotencyKey, fingerprint, deps.clock.now());
  if (claim.state === 'mismatch') throw new ConflictError('This Idempotency-Key was used for another request.', 'idempotency_key_reused');
  if (claim.state === 'in_progress') {
    throw new ConflictError('A request with this Idempotency-Key is still being processed.', 'idempotency_in_progress', claim.retryAfterSeconds);
  }
  if (claim.state === 'done') {
    const response = await deps.vault.openJson<T>(place(userId, idempotencyKey), claim.responseSealed);
    await deps.audit.append({
      action: 'request.replayed',
      outcome: 'success',
      subjectId: userId,
      actor: actorOf(caller),
      resource: request.replayed(response),
      reason: routeId,
      ...requestFacts(request.meta),
    });
    return response;
  }
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await deps.idempotency.release(userId, idempotencyKey);
    throw error;
  }
  try {
    await deps.idempotency.complete(userId, idempotencyKey, await deps.vault.sealJson(place(userId, idempotencyKey), result));
  } catch (error) {
    // The work is done and audited: answer it rather than fail. The key stays claimed until its
    // lease runs out (a retry meanwhile is 409), then a retry would run the work again.
    log.warn('idempotency key not completed', {
      requestId: request.meta.requestId,
      route: routeId,
      errorName: error instanceof Error ? error.name : 'unknown',
    });
  }
  return result;
};
