import type { Caller, RequestMeta } from '../domain/caller';
import type { Role } from '../domain/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import { actorOf, requestFacts } from './actor';
import type { AuditLog } from './ports';

/** What the check reads: an account's status and roles (the identity store's `get`). */
export interface AccountStatusReader {
  get(userId: string): Promise<{ readonly status: string; readonly roles: readonly string[] } | undefined>;
}

/** The write refused, for its audit event, and the roles it needs the account to still hold. */
export interface GuardedWrite {
  readonly action: string;
  readonly resource: { readonly type: string; readonly id?: string };
  /**
   * The roles the write needs (the route's): of those the token claims, the account must still hold one, since a
   * role revoked by an admin lives on in the token until it expires. Refused as `403`, which the HTTP stack audits
   * as `route.denied`. A token claiming none of them is left to the use case's own checks.
   * @default - only the account's status is checked
   */
  readonly roles?: readonly Role[];
}

/** Why a caller may no longer act: the account is gone (deleted or disabled), or holds none of the needed roles it claims. */
export type LostStanding = 'account_inactive' | 'role_revoked';

/**
 * Whether `account` still stands behind `caller`'s token: active, and, of `roles`, holding one the token claims (a
 * token claiming none of them is left to the caller's own checks). `undefined` when it does.
 *
 * @example
 * lostStanding({ status: 'active', roles: ['patient'] }, caregiverToken, ['caregiver', 'provider']); // 'role_revoked'
 */
export const lostStanding = (
  account: { readonly status: string; readonly roles: readonly string[] } | undefined,
  caller: Caller,
  roles?: readonly Role[],
): LostStanding | undefined => {
  if (account?.status !== 'active') return 'account_inactive';
  const claimed = roles?.filter((role) => caller.roles.includes(role)) ?? [];
  return claimed.length === 0 || claimed.some((role) => account.roles.includes(role)) ? undefined : 'role_revoked';
};

/**
 * Refuses, as `404`, a write whose caller's account is no longer active, audited as a `failure` with reason
 * `account_inactive` (as a password change and an MFA enrolment refuse it); and, as `403`, one whose caller no
 * longer holds any of `write.roles`. An access token outlives its account's deletion (or disabling), and a
 * role's revocation, by up to 15 minutes, and nothing may be written for an account that is gone, nor with a
 * role that is: a consent, a booking, a review, a visit's outcome, a practitioner profile, preferences, the
 * content library. Sealed writes are refused by the vault already (the key is destroyed); this covers the
 * writes that seal nothing, or not always. Found by the request-sequence fuzzer (test/fuzz/sequences.test.ts,
 * docs/security.md #8).
 *
 * @example
 * await requireActiveAccount(deps, caller, meta, { action: 'content.publish', resource: { type: 'post', id }, roles: ['editor', 'admin'] });
 */
export const requireActiveAccount = async (
  deps: { readonly users: AccountStatusReader; readonly audit: AuditLog },
  caller: Caller,
  meta: RequestMeta,
  write: GuardedWrite,
): Promise<void> => {
  const lost = lostStanding(await deps.users.get(caller.userId), caller, write.roles);
  if (lost === undefined) return;
  if (lost === 'role_revoked') throw new ForbiddenError('Your account no longer holds the role this needs.', 'role_revoked');
  await deps.audit.append({
    action: write.action,
    outcome: 'failure',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: write.resource,
    ...requestFacts(meta),
    reason: 'account_inactive',
  });
  throw new NotFoundError('The account no longer exists.');
};
