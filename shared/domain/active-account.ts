import { NotFoundError } from '../errors';

/** What the check reads: an account's status (the identity store's `get`). */
export interface AccountStatusReader {
  get(userId: string): Promise<{ readonly status: string } | undefined>;
}

/**
 * Refuses, as `404`, a request whose caller's account is no longer active. An access token outlives
 * its account's deletion (or disabling) by up to 15 minutes, and nothing may be written for an account
 * that is gone: a consent, a booking, a practitioner profile, preferences. Sealed writes are refused by
 * the vault already (the key is destroyed); this covers the writes that seal nothing. Found by the
 * request-sequence fuzzer (test/fuzz/sequences.test.ts, docs/security.md #8).
 *
 * @example
 * await requireActiveAccount(deps.users, caller.userId); // before the first write
 */
export const requireActiveAccount = async (users: AccountStatusReader, userId: string): Promise<void> => {
  const account = await users.get(userId);
  if (account?.status !== 'active') throw new NotFoundError('The account no longer exists.');
};
