import { actorOf, requestFacts } from '../audit/actor';
import type { AuditEvent } from '../audit/ports';
import type { Contact, ContactRequest } from '../contracts/notifications';
import type { Caller, RequestMeta } from '../domain/caller';
import { uuidV7 } from '../domain/uuid-v7';
import { ConflictError, TooManyRequestsError, ValidationError } from '../errors';
import { notificationEvent } from './events';
import { contactView } from './contact-view';
import { contactPlaces } from './places';
import type { ContactRecord, NotificationDeps } from './ports';
import { CODE_TTL_MS, codeMatches, DAY_MS, hashCode, MAX_ATTEMPTS, MAX_STARTS_PER_DAY, MIN_MS_BETWEEN_STARTS, newCode, newSalt } from './verification';

type Deps<K extends keyof NotificationDeps> = Pick<NotificationDeps, K>;

/**
 * The caller's contact details for notifications (`PUT/GET /api/v1/me/contact`,
 * `POST /api/v1/me/contact/verify`). The phone is PHI: sealed with the caller's data key, and
 * every request appends one audit event (`contact.read`, `contact.write`, `contact.verify`), like a
 * profile. A write whose audit append fails is undone (the previous item put back while it is still
 * the one written), and the request fails.
 */

const contactEvent = (caller: Caller, meta: RequestMeta, action: string, outcome: AuditEvent['outcome'], reason?: string): AuditEvent => ({
  action,
  outcome,
  subjectId: caller.userId,
  actor: actorOf(caller),
  resource: { type: 'contact', id: caller.userId },
  ...requestFacts(meta),
  ...(reason ? { reason } : {}),
});

/** Appends `event`; if that fails, runs `undo` (when something was written) and fails with the append's error. */
const audited = async (deps: Deps<'audit'>, event: AuditEvent, undo?: () => Promise<unknown>): Promise<void> => {
  try {
    await deps.audit.append(event);
  } catch (error) {
    if (undo) await undo();
    throw error;
  }
};

/** The caller's view (./contact-view.ts). */
export { contactView };

/** The caller's contact details; audited as a read of PHI, whether there are any or not. */
export const getContact = async (deps: Deps<'contacts' | 'vault' | 'audit' | 'clock'>, caller: Caller, meta: RequestMeta): Promise<Contact> => {
  const record = await deps.contacts.get(caller.userId);
  const view = await contactView(deps, caller.userId, record, deps.clock.now().getTime());
  await deps.audit.append(contactEvent(caller, meta, 'contact.read', 'success', record ? undefined : 'none'));
  return view;
};

/** When the next verification may start (epoch ms), given the starts of the last day; `undefined`: now. */
const nextStartAllowedAt = (starts: readonly number[], nowMs: number): number | undefined => {
  const recent = starts.filter((at) => at > nowMs - DAY_MS).sort((a, b) => a - b);
  if (recent.length >= MAX_STARTS_PER_DAY) return recent[recent.length - MAX_STARTS_PER_DAY]! + DAY_MS;
  const last = recent.at(-1);
  return last !== undefined && nowMs - last < MIN_MS_BETWEEN_STARTS ? last + MIN_MS_BETWEEN_STARTS : undefined;
};

/**
 * Sets the caller's phone and starts its verification: a six-digit code (./verification.ts), stored
 * hashed and sealed for the worker, valid ten minutes, and a `phone_verification` event queued (ids
 * only). The same number, already verified, changes nothing; `null` removes the phone. At most five
 * codes a day and one a minute per user (`429` with `Retry-After`): a number cannot be made to
 * receive SMS without limit.
 */
export const putContact = async (
  deps: Deps<'contacts' | 'queue' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  body: ContactRequest,
  meta: RequestMeta,
): Promise<Contact> => {
  const userId = caller.userId;
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const previous = await deps.contacts.get(userId);
  const { phoneSealed: _phone, verification: _pending, ...kept } = previous ?? { phoneVerified: false, version: 0, updatedAt: '' };
  const base = { ...kept, version: (previous?.version ?? 0) + 1, updatedAt: now.toISOString() };

  if (body.phone !== null && previous?.phoneVerified && previous.phoneSealed) {
    if ((await deps.vault.open(contactPlaces.phone(userId), previous.phoneSealed)) === body.phone) {
      await deps.audit.append(contactEvent(caller, meta, 'contact.write', 'success', 'unchanged'));
      return contactView(deps, userId, previous, nowMs);
    }
  }

  let next: ContactRecord;
  let verificationId: string | undefined;
  if (body.phone === null) {
    next = { ...base, phoneVerified: false };
  } else {
    const allowedAt = nextStartAllowedAt(previous?.verificationStarts ?? [], nowMs);
    if (allowedAt !== undefined) {
      await deps.audit.append(contactEvent(caller, meta, 'contact.write', 'failure', 'rate_limited'));
      throw new TooManyRequestsError((allowedAt - nowMs) / 1000, 'Too many verification codes; retry later.');
    }
    const code = newCode();
    const salt = newSalt();
    verificationId = uuidV7(nowMs);
    next = {
      ...base,
      phoneSealed: await deps.vault.seal(contactPlaces.phone(userId), body.phone),
      phoneVerified: false,
      verification: {
        id: verificationId,
        codeHash: hashCode(salt, code),
        salt,
        attempts: 0,
        expiresAt: nowMs + CODE_TTL_MS,
        codeSealed: await deps.vault.seal(contactPlaces.code(userId), code),
      },
      verificationStarts: [...(previous?.verificationStarts ?? []).filter((at) => at > nowMs - DAY_MS), nowMs],
    };
  }

  if (!(await deps.contacts.put(userId, next))) {
    await deps.audit.append(contactEvent(caller, meta, 'contact.write', 'failure', 'conflict'));
    throw new ConflictError('The contact details changed meanwhile; retry.');
  }
  const undo = () => deps.contacts.undoPut(userId, next, previous);
  if (verificationId !== undefined) {
    try {
      await deps.queue.enqueue(notificationEvent('phone_verification', userId, { verificationId }, now));
    } catch (error) {
      // No code can be sent: nothing of this request stays, and its one audit event says so.
      await undo();
      await deps.audit.append(contactEvent(caller, meta, 'contact.write', 'failure', 'queue_unavailable'));
      throw error;
    }
  }
  // If this append fails the item goes back; a queued code then finds no pending verification of its id, and nothing is sent.
  await audited(deps, contactEvent(caller, meta, 'contact.write', 'success', verificationId ? 'verification_sent' : 'phone_removed'), undo);
  return contactView(deps, userId, next, nowMs);
};

type Refusal = 'none_pending' | 'expired' | 'locked' | 'invalid_code' | 'conflict';

const refusalOf = (record: ContactRecord | undefined, nowMs: number): Refusal | undefined => {
  const pending = record?.verification;
  if (pending === undefined) return 'none_pending';
  if (pending.attempts >= MAX_ATTEMPTS) return 'locked';
  if (pending.expiresAt <= nowMs) return 'expired';
  return undefined;
};

/**
 * Checks a code. Each attempt is spent first, in ONE conditional write that only a live, unlocked
 * code allows, so concurrent guesses cannot exceed five; then the code is compared in constant time.
 * A wrong code is `400 invalid_code` with the attempts left; after five attempts the code is locked,
 * `409 verification_locked` (a conflict with the state, not a rate: only a new code helps, and
 * codes are rate-limited), an expired one `409 verification_expired`, none pending `409
 * no_pending_verification`. A spent attempt stays spent even when the audit append fails (fail
 * closed: an attempt is never given back); only the verification itself is undone then.
 */
export const verifyContact = async (
  deps: Deps<'contacts' | 'vault' | 'audit' | 'clock'>,
  caller: Caller,
  code: string,
  meta: RequestMeta,
): Promise<Contact> => {
  const userId = caller.userId;
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const current = await deps.contacts.get(userId);
  let refused = refusalOf(current, nowMs);
  let attemptsLeft = 0;
  let verified: { next: ContactRecord; consumed: ContactRecord } | undefined;
  if (refused === undefined) {
    const consumed = await deps.contacts.consumeAttempt(userId, current!.verification!.id, nowMs, MAX_ATTEMPTS);
    const pending = consumed?.verification;
    if (consumed === undefined || pending === undefined) refused = refusalOf(await deps.contacts.get(userId), nowMs) ?? 'conflict';
    else if (!codeMatches(code, pending.salt, pending.codeHash)) {
      refused = 'invalid_code';
      attemptsLeft = Math.max(0, MAX_ATTEMPTS - pending.attempts);
    } else {
      const { verification: _done, ...rest } = consumed;
      const next: ContactRecord = { ...rest, phoneVerified: true, version: consumed.version + 1, updatedAt: now.toISOString() };
      if (await deps.contacts.put(userId, next)) verified = { next, consumed };
      else refused = 'conflict';
    }
  }
  await audited(
    deps,
    contactEvent(caller, meta, 'contact.verify', verified ? 'success' : 'failure', refused === 'invalid_code' ? `invalid_code:${attemptsLeft}_left` : refused),
    verified ? () => deps.contacts.undoPut(userId, verified!.next, verified!.consumed) : undefined,
  );
  switch (refused) {
    case 'none_pending':
      throw new ConflictError('No verification is pending: set a phone number first.', 'no_pending_verification');
    case 'expired':
      throw new ConflictError('The code has expired: request a new one.', 'verification_expired');
    case 'locked':
      throw new ConflictError('Too many attempts: request a new code.', 'verification_locked');
    case 'invalid_code':
      throw new ValidationError('The code is not right.', { attemptsLeft }, 'invalid_code');
    case 'conflict':
      throw new ConflictError('The contact details changed meanwhile; retry.');
    case undefined:
      return contactView(deps, userId, verified!.next, nowMs);
  }
};
