import { uuidV7 } from '../domain/uuid-v7';
import type { UserRecord } from '../identity/ports';
import { DataKeyDestroyedError } from '../vault/errors';
import { places } from '../vault/places';
import type { Vault } from '../vault/vault';
import type { NotificationEvent } from './events';
import { noticePlaces } from './places';
import type { DeletionNotice, DeletionNoticeRepository, NotificationAccountData } from './ports';

/** How long a deletion notice waits for the worker; after that it is never sent (its key is destroyed when its event comes). */
export const NOTICE_TTL_MS = 7 * 86_400_000;

export interface DeletionNoticeDeps {
  readonly notices: Pick<DeletionNoticeRepository, 'get' | 'put'>;
  readonly notificationData: Pick<NotificationAccountData, 'emailSuppressed'>;
  readonly vault: Pick<Vault, 'open' | 'createKey' | 'seal' | 'destroy'>;
}

/** The `security_account_deleted` event of a notice: ids only, its id the notice's. */
export const noticeEvent = (userId: string, notice: DeletionNotice): NotificationEvent => ({
  id: notice.eventId,
  type: 'security_account_deleted',
  recipientId: userId,
  refs: {},
  occurredAt: notice.createdAt,
});

/**
 * Keeps the account's e-mail address for the message that tells its owner the account was deleted,
 * BEFORE the deletion destroys the account's data key (ADR 0010, "The deletion notice"): the
 * address is opened and sealed again under a new data key whose data subject is the event's id,
 * in one `NOTICE#account_deleted` item (iff the account has none). The worker sends the notice,
 * then destroys that key and deletes the item. No address ever goes on the queue, plain or sealed.
 *
 * Returns the event to queue once the deletion is done, or `undefined` when there is no address to
 * write to: SES reported it bouncing or complaining, or an earlier attempt already destroyed the
 * account's key without leaving a notice. A retried deletion finds its notice and the same event.
 */
export const prepareDeletionNotice = async (
  deps: DeletionNoticeDeps,
  userId: string,
  user: Pick<UserRecord, 'emailSealed'> | undefined,
  now: Date,
): Promise<NotificationEvent | undefined> => {
  const existing = await deps.notices.get(userId);
  if (existing !== undefined) return noticeEvent(userId, existing);
  if (user === undefined || (await deps.notificationData.emailSuppressed(userId))) return undefined;
  let email: string;
  try {
    email = await deps.vault.open(places.userEmail(userId), user.emailSealed);
  } catch (error) {
    if (error instanceof DataKeyDestroyedError) return undefined;
    throw error;
  }
  const eventId = uuidV7(now.getTime());
  await deps.vault.createKey(eventId);
  const notice: DeletionNotice = {
    eventId,
    emailSealed: await deps.vault.seal(noticePlaces.email(userId, eventId), email),
    createdAt: now.toISOString(),
    expiresAt: now.getTime() + NOTICE_TTL_MS,
  };
  if (await deps.notices.put(userId, notice)) return noticeEvent(userId, notice);
  // A concurrent deletion stored its notice first: that one is sent, and this key is not needed.
  await deps.vault.destroy(eventId);
  const stored = await deps.notices.get(userId);
  return stored === undefined ? undefined : noticeEvent(userId, stored);
};
