import type { AppDeps } from '../deps';
import type { Caller, RequestMeta } from '../domain/caller';
import { actorOf, requestFacts } from '../audit/actor';
import { ServiceUnavailableError } from '../errors';
import type { ConsentRecord, ConsentRepository } from '../records/ports';
import { cancelFutureAppointments } from '../care/cancel-future-appointments';
import type { BookingDeps, PractitionerRepository, RatingRepository } from '../care/ports';
import type { KnownDeviceStore, RefreshFamilyRepository, UserRepository } from '../identity/ports';
import { prepareDeletionNotice, type DeletionNoticeDeps } from '../notifications/deletion-notice';
import type { NotificationAccountData, NotificationQueue } from '../notifications/ports';

export type DeleteAccountDeps = Pick<AppDeps, 'vault' | 'audit' | 'clock'> &
  Pick<BookingDeps, 'appointments' | 'ledgers'> & {
    readonly consents: Pick<ConsentRepository, 'granted' | 'received' | 'revoke'>;
    readonly users: Pick<UserRepository, 'get' | 'markDeleted'>;
    readonly refreshFamilies: Pick<RefreshFamilyRepository, 'familiesOf' | 'revoke'>;
    readonly practitioners: Pick<PractitionerRepository, 'remove'>;
    readonly availability: Pick<BookingDeps['availability'], 'remove'>;
    readonly ratings: Pick<RatingRepository, 'remove'>;
    readonly notificationData: Pick<NotificationAccountData, 'emailSuppressed' | 'erase'>;
    readonly notices: DeletionNoticeDeps['notices'];
    readonly notifications: NotificationQueue;
    readonly knownDevices: Pick<KnownDeviceStore, 'forget'>;
  };

/**
 * Deletes the caller's account (HIPAA/GDPR erasure by crypto-shredding). In this order, each step
 * idempotent so a retry finishes a half-done deletion:
 * 1. the account is marked deleted and its e-mail claim freed: no login, refresh or read works;
 * 2. every refresh-token family is revoked;
 * 3. every consent the user granted or received is revoked;
 * 4. care: a practitioner profile (not sealed: name, credential numbers) and with it its directory
 *    entry are deleted, and the availability, so nobody can book any more, and their rating aggregate
 *    (`RATING`: a sum and a count of stars; the reviews stay on the patients' own copies); then every booked
 *    appointment that has not started, as patient or practitioner, is cancelled (both copies, the
 *    ledger released: the slot is free again; a release that cannot be written yet is 503 after the
 *    audit, and the same deletion again finishes it). Past ones stay: the patient's sealed reason is shredded
 *    with the data key in step 6, and the other party keeps their copy (no reason in it). A patient's
 *    reviews stay on their past copies: the comment is sealed, so shredded in step 6, and the stars
 *    keep counting in the practitioner's aggregate, which names no one (a visit that happened keeps
 *    its rating; taking it back would let a deletion rewrite a practitioner's public average);
 * 5. notifications: the e-mail address is kept for the deletion notice, sealed under a key of the
 *    notice's own (shared/notifications/deletion-notice.ts; none if SES reported it bouncing); then
 *    the contact (`CONTACT`, the phone sealed), the preferences and every delivery record are
 *    deleted, and the known sign-in devices (identity);
 * 6. the user's data key is destroyed: every sealed field of theirs, in the tables and in every
 *    backup, is now ciphertext that nothing can open;
 * 7. the deletion is audited (the trail holds ids, never PHI, and outlives the account);
 * 8. the `security_account_deleted` event is queued (ids only): the worker e-mails the notice, then
 *    destroys its key and deletes it. If the queue fails the request fails, and a retry queues the
 *    same event (the same notice).
 */
export const deleteAccount = async (deps: DeleteAccountDeps, caller: Caller, meta: RequestMeta): Promise<void> => {
  const user = await deps.users.get(caller.userId);
  const now = deps.clock.now().toISOString();
  if (user !== undefined && user.status !== 'deleted') await deps.users.markDeleted(user, now);
  for (const familyId of await deps.refreshFamilies.familiesOf(caller.userId)) await deps.refreshFamilies.revoke(familyId, 'account_deleted');
  const consents: ConsentRecord[] = [];
  for (const list of [deps.consents.granted.bind(deps.consents), deps.consents.received.bind(deps.consents)]) {
    let cursor: string | undefined;
    do {
      const page = await list(caller.userId, { limit: 100, ...(cursor ? { cursor } : {}) });
      consents.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  for (const consent of consents.filter((c) => c.revokedAt === undefined)) await deps.consents.revoke(consent.patientId, consent.id, now);
  await deps.practitioners.remove(caller.userId);
  await deps.availability.remove(caller.userId);
  await deps.ratings.remove(caller.userId);
  const { cancelled, unreleased } = await cancelFutureAppointments(deps, caller.userId, deps.clock.now());
  const notice = await prepareDeletionNotice(deps, caller.userId, user, deps.clock.now());
  const erased = await deps.notificationData.erase(caller.userId);
  await deps.knownDevices.forget(caller.userId);
  await deps.vault.destroy(caller.userId);
  await deps.audit.append({
    action: 'account.delete',
    outcome: 'success',
    subjectId: caller.userId,
    actor: actorOf(caller),
    resource: { type: 'account', id: caller.userId },
    reason: `sessions_revoked,consents_revoked:${consents.length},appointments_cancelled:${cancelled.length},notifications_removed:${erased},data_key_destroyed${notice ? ',deletion_notice' : ''}${unreleased.length > 0 ? `,ledger_unreleased:${unreleased.length}` : ''}`,
    ...requestFacts(meta),
  });
  if (notice) await deps.notifications.enqueue(notice);
  // As a cancel whose release failed: the rest is done and audited, the slot stays blocked (never double-booked), and the same deletion again releases it.
  if (unreleased.length > 0) throw new ServiceUnavailableError('The account is deleted, but some booked time could not be freed yet: send the deletion again.');
};
