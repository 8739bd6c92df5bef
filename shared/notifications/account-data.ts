import type { Contact, Delivery, Preferences } from '../contracts/notifications';
import type { Vault } from '../vault/vault';
import { contactView } from './contact-view';
import { deliveryView } from './deliveries';
import type { NotificationAccountData } from './ports';
import { preferencesView } from './preferences';

/**
 * The notifications area's part of the account's export (shared/account/export.ts). The deletion
 * erases the same items through `NotificationAccountData.erase` and leaves a deletion notice
 * (./deletion-notice.ts).
 */

/** The caller's notification items, as their export holds them: the contact with the phone opened, the preferences, every delivery. */
export interface ExportedNotifications {
  readonly contact: Contact | null;
  readonly preferences: Preferences;
  readonly deliveries: Delivery[];
}

export const exportNotifications = async (
  deps: { readonly notificationData: Pick<NotificationAccountData, 'read'>; readonly vault: Pick<Vault, 'open'> },
  userId: string,
  nowMs: number,
): Promise<ExportedNotifications> => {
  const items = await deps.notificationData.read(userId);
  return {
    contact: items.contact === undefined ? null : await contactView(deps, userId, items.contact, nowMs),
    preferences: preferencesView(items.preferences),
    deliveries: items.deliveries.map(deliveryView),
  };
};
