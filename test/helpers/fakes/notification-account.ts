import type { KnownDevices, KnownDeviceStore } from '../../../shared/identity/ports';
import type { NotificationEvent } from '../../../shared/notifications/events';
import type {
  ContactRecord,
  DeletionNotice,
  DeletionNoticeRepository,
  DeliveryRecord,
  NotificationAccountData,
  NotificationQueue,
  StoredPreferences,
} from '../../../shared/notifications/ports';

/**
 * The ports the producers of notifications outside the notifications area take (login, account
 * deletion and export), in memory, honouring their contracts like the DynamoDB adapters
 * (`dynamo-known-devices.ts`, `dynamo-notification-account.ts`): a versioned put of the known
 * devices, a notice stored only if the account has none and removed only by its own event, an
 * erasure of the same rows the notifications fakes hold. No import of `../in-memory`, which builds
 * its defaults from these.
 */

export const inMemoryKnownDevices = () => {
  const rows = new Map<string, KnownDevices>();
  const store: KnownDeviceStore = {
    get: async (userId) => rows.get(userId),
    put: async (userId, devices) => {
      const current = rows.get(userId);
      if (devices.version === 1 ? current !== undefined : current?.version !== devices.version - 1) return false;
      rows.set(userId, Object.freeze({ hashes: [...devices.hashes], version: devices.version }));
      return true;
    },
    forget: async (userId) => void rows.delete(userId),
  };
  return { rows, store };
};

/** A notifications queue that records what it is sent; `failNext` makes the next enqueue throw. */
export const recordingEvents = () => {
  const sent: NotificationEvent[] = [];
  let failures = 0;
  const queue: NotificationQueue = {
    enqueue: async (event) => {
      if (failures > 0) {
        failures--;
        throw new Error('queue down');
      }
      sent.push(event);
    },
  };
  return { sent, queue, failNext: (count = 1) => void (failures = count) };
};

export const inMemoryDeletionNotices = () => {
  const rows = new Map<string, DeletionNotice>();
  const repository: DeletionNoticeRepository = {
    put: async (userId, notice) => (rows.has(userId) ? false : (rows.set(userId, Object.freeze({ ...notice })), true)),
    get: async (userId) => rows.get(userId),
    remove: async (userId, eventId) => {
      if (rows.get(userId)?.eventId === eventId) rows.delete(userId);
    },
  };
  return { rows, repository };
};

/** The rows of the notifications fakes (test/helpers/fakes/notifications.ts), or fresh ones. */
export interface NotificationRows {
  readonly contacts: Map<string, ContactRecord>;
  readonly preferences: Map<string, StoredPreferences>;
  /** Keyed `<recipientId>/<eventId>#<channel>`, as `inMemoryDeliveries` keys them; a lease is never read. */
  readonly deliveries: Map<string, DeliveryRecord & { readonly recipientId: string }>;
}

export const inMemoryNotificationAccountData = (
  rows: NotificationRows = { contacts: new Map(), preferences: new Map(), deliveries: new Map() },
): { rows: NotificationRows; data: NotificationAccountData } => {
  const deliveryKeys = (userId: string) => [...rows.deliveries.keys()].filter((key) => key.startsWith(`${userId}/`));
  const data: NotificationAccountData = {
    read: async (userId) => {
      const contact = rows.contacts.get(userId);
      const preferences = rows.preferences.get(userId);
      const deliveries = deliveryKeys(userId)
        .sort()
        .reverse()
        .map((key) => {
          const { recipientId: _r, leaseId: _l, leaseUntil: _u, ...record } = rows.deliveries.get(key)! as unknown as DeliveryRecord & Record<string, unknown>;
          return record as DeliveryRecord;
        });
      return { ...(contact ? { contact } : {}), ...(preferences ? { preferences } : {}), deliveries };
    },
    emailSuppressed: async (userId) => rows.contacts.get(userId)?.emailSuppressed !== undefined,
    erase: async (userId) => {
      let deleted = 0;
      for (const key of deliveryKeys(userId)) deleted += rows.deliveries.delete(key) ? 1 : 0;
      deleted += rows.contacts.delete(userId) ? 1 : 0;
      deleted += rows.preferences.delete(userId) ? 1 : 0;
      return deleted;
    },
  };
  return { rows, data };
};
