import type { Caller, RequestMeta } from '../domain/caller';
import { NotFoundError } from '../errors';
import { actorOf, requestFacts } from './actor';
import type { AuditLog } from './ports';

/** What the check reads: an account's status (the identity store's `get`). */
export interface AccountStatusReader {
  get(userId: string): Promise<{ readonly status: string } | undefined>;
}

/**
 * Refuses, as `404`, a write whose caller's account is no longer active, audited as a `failure` with reason
 * `account_inactive` (as a password change and an MFA enrolment refuse it). An access token outlives its
 * account's deletion (or disabling) by up to 15 minutes, and nothing may be written for an account that is
 * gone: a consent, a booking, a practitioner profile, preferences. Sealed writes are refused by the vault
 * already (the key is destroyed); this covers the writes that seal nothing. Found by the request-sequence
 * fuzzer (test/fuzz/sequences.test.ts, docs/security.md #8).
 *
 * @example
 * await requireActiveAccount(deps, caller, meta, { action: 'appointment.book', resource: { type: 'appointment' } });
 */
export const requireActiveAccount = async (
  deps: { readonly users: AccountStatusReader; readonly audit: AuditLog },
  caller: Caller,
  meta: RequestMeta,
  refusal: { action: string; resource: { type: string; id?: string } },
): Promise<void> => {
  const account = await deps.users.get(caller.userId);
  if (account?.status === 'active') return;
  await deps.audit.append({
    action: refusal.action,
    outcome: 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: refusal.resource,
    ...requestFacts(meta),
    reason: 'account_inactive',
  });
  throw new NotFoundError('The account no longer exists.');
};
