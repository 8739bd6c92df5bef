import type { NotificationEvent } from '../../../shared/notifications/events';
import type {
  AppointmentFacts,
  AppointmentLookup,
  Channel,
  ContactRecord,
  ContactRepository,
  DeliveryKey,
  DeliveryRecord,
  DeliveryRepository,
  NotificationQueue,
  OutboundMessage,
  PreferenceRepository,
  Reminder,
  ReminderScheduler,
  SendResult,
  StoredPreferences,
} from '../../../shared/notifications/ports';
import { inMemoryApp } from '../in-memory';
import { pageOf } from './page';

/**
 * The notifications ports in memory, honouring their contracts like `shared/adapters/aws/dynamo-notifications.ts`:
 * versioned puts and undos, an attempt spent only while the code is live and unlocked, a delivery claimed only
 * when absent or `queued` without a live lease, settled only under its lease (or, without one, when unclaimed),
 * and deliveries listed newest event first. Stored records are frozen.
 */
export const inMemoryContacts = () => {
  const rows = new Map<string, ContactRecord>();
  const repository: ContactRepository = {
    get: async (userId) => rows.get(userId),
    put: async (userId, record) => {
      const current = rows.get(userId);
      if (record.version === 1 ? current !== undefined : current?.version !== record.version - 1) return false;
      rows.set(userId, Object.freeze({ ...record }));
      return true;
    },
    undoPut: async (userId, written, previous) => {
      if (rows.get(userId)?.version !== written.version) return false;
      if (previous === undefined) rows.delete(userId);
      else rows.set(userId, previous);
      return true;
    },
    consumeAttempt: async (userId, verificationId, nowMs, maxAttempts) => {
      const current = rows.get(userId);
      const pending = current?.verification;
      if (!current || !pending || pending.id !== verificationId || pending.attempts >= maxAttempts || pending.expiresAt <= nowMs) return undefined;
      const next = Object.freeze({ ...current, verification: { ...pending, attempts: pending.attempts + 1 }, version: current.version + 1 });
      rows.set(userId, next);
      return next;
    },
    clearCode: async (userId, verificationId) => {
      const current = rows.get(userId);
      if (current?.verification?.id !== verificationId) return;
      const { codeSealed: _code, ...pending } = current.verification;
      rows.set(userId, Object.freeze({ ...current, verification: pending }));
    },
    suppressEmail: async (userId, suppression) => {
      const current = rows.get(userId);
      if (current?.emailSuppressed) return false;
      rows.set(
        userId,
        Object.freeze({ phoneVerified: false, ...current, emailSuppressed: suppression, version: (current?.version ?? 0) + 1, updatedAt: suppression.at }),
      );
      return true;
    },
  };
  return { rows, repository };
};

export const inMemoryPreferences = () => {
  const rows = new Map<string, StoredPreferences>();
  const repository: PreferenceRepository = {
    get: async (userId) => rows.get(userId),
    put: async (userId, stored) => {
      const current = rows.get(userId);
      if (stored.version === 1 ? current !== undefined : current?.version !== stored.version - 1) return false;
      rows.set(userId, Object.freeze({ ...stored }));
      return true;
    },
    undoPut: async (userId, written, previous) => {
      if (rows.get(userId)?.version !== written.version) return false;
      if (previous === undefined) rows.delete(userId);
      else rows.set(userId, previous);
      return true;
    },
  };
  return { rows, repository };
};

type Row = DeliveryRecord & { readonly recipientId: string; readonly leaseId?: string; readonly leaseUntil?: number };

export const inMemoryDeliveries = () => {
  const rows = new Map<string, Row>();
  const id = (key: Pick<DeliveryKey, 'recipientId' | 'eventId' | 'channel'>) => `${key.recipientId}/${key.eventId}#${key.channel}`;
  const free = (row: Row | undefined, nowMs: number) =>
    row === undefined || (row.status === 'queued' && (row.leaseUntil === undefined || row.leaseUntil < nowMs));
  const write = (key: DeliveryKey, row: Row | undefined, changes: Partial<Row>, nowMs: number) => {
    const at = new Date(nowMs).toISOString();
    const { leaseId: _l, leaseUntil: _u, notBefore: _n, reason: _r, ...kept } = row ?? { attempts: 0, createdAt: at };
    rows.set(
      id(key),
      Object.freeze({ ...kept, recipientId: key.recipientId, eventId: key.eventId, channel: key.channel, type: key.type, ...changes, updatedAt: at } as Row),
    );
  };
  const repository: DeliveryRepository = {
    claim: async (key, leaseId, nowMs, leaseMs) => {
      const row = rows.get(id(key));
      if (!free(row, nowMs)) return row!.status === 'queued' ? 'busy' : 'final';
      write(key, row, { status: 'queued', attempts: (row?.attempts ?? 0) + 1, leaseId, leaseUntil: nowMs + leaseMs }, nowMs);
      return 'claimed';
    },
    settle: async (key, result, nowMs, leaseId) => {
      const row = rows.get(id(key));
      if (leaseId === undefined ? !free(row, nowMs) : row?.leaseId !== leaseId) return false;
      write(key, row, { ...result, ...(result.status === 'sent' ? { sentAt: new Date(nowMs).toISOString() } : {}) }, nowMs);
      return true;
    },
    hold: async (key, reason, nowMs, options = {}) => {
      const row = rows.get(id(key));
      if (options.leaseId === undefined ? !free(row, nowMs) : row?.leaseId !== options.leaseId) return false;
      write(
        key,
        row,
        { status: 'queued', reason, ...(options.notBefore !== undefined ? { notBefore: new Date(options.notBefore).toISOString() } : {}) },
        nowMs,
      );
      return true;
    },
    get: async (key) => {
      const row = rows.get(id(key));
      if (row === undefined) return undefined;
      const { recipientId: _r, leaseId: _l, leaseUntil: _u, ...record } = row;
      return record;
    },
    list: async (recipientId, page) =>
      pageOf(
        [...rows.values()]
          .filter((row) => row.recipientId === recipientId)
          .map(({ recipientId: _r, leaseId: _l, leaseUntil: _u, ...record }) => record as DeliveryRecord),
        `deliveries:${recipientId}`,
        page,
        { key: (record) => `${record.eventId}#${record.channel}`, descending: true },
      ),
  };
  return { rows, repository };
};

/** Appointment facts as the recipient's copy would give them. */
export const inMemoryAppointmentLookup = () => {
  const rows = new Map<string, AppointmentFacts>();
  const lookup: AppointmentLookup = { get: async (recipientId, appointmentId) => rows.get(`${recipientId}/${appointmentId}`) };
  const set = (recipientId: string, appointmentId: string, facts: AppointmentFacts) => void rows.set(`${recipientId}/${appointmentId}`, facts);
  return { rows, lookup, set };
};

/** A queue that records what it is sent (with its delay); `failNext` makes the next enqueue throw. */
export const recordingNotificationQueue = () => {
  const sent: { event: NotificationEvent; delaySeconds?: number }[] = [];
  let failures = 0;
  const queue: NotificationQueue = {
    enqueue: async (event, options) => {
      if (failures > 0) {
        failures--;
        throw new Error('queue down');
      }
      sent.push({ event, ...(options?.delaySeconds !== undefined ? { delaySeconds: options.delaySeconds } : {}) });
    },
  };
  return { sent, queue, failNext: (count = 1) => void (failures = count) };
};

/**
 * Reminders in memory, by name, as the schedulers keep them (create or replace by name, delete by name, a
 * missing one no error); every call recorded in order; `failNext` makes the next call throw.
 */
export const recordingReminders = () => {
  const pending = new Map<string, Reminder>();
  const calls: string[] = [];
  let failures = 0;
  const fail = () => {
    if (failures > 0) {
      failures--;
      throw Object.assign(new Error('scheduler down'), { name: 'ThrottlingException' });
    }
  };
  const reminders: ReminderScheduler = {
    schedule: async (reminder) => {
      fail();
      calls.push(`schedule ${reminder.name}`);
      pending.set(reminder.name, Object.freeze({ ...reminder }));
    },
    cancel: async (name) => {
      fail();
      calls.push(`cancel ${name}`);
      pending.delete(name);
    },
  };
  return { pending, calls, reminders, failNext: (count = 1) => void (failures = count) };
};

/** A channel that records every message and answers `sent` unless told otherwise (`answer`). */
export const recordingChannel = () => {
  const messages: OutboundMessage[] = [];
  const answers: SendResult[] = [];
  const channel: Channel = {
    send: async (message) => {
      messages.push(message);
      return answers.shift() ?? { outcome: 'sent', providerId: `provider-${messages.length}` };
    },
  };
  return { messages, channel, answer: (...results: SendResult[]) => void answers.push(...results) };
};

export const APP_BASE_URL = 'https://app.carebow.test';

/** Every port of the notifications use cases in memory, over `inMemoryApp` (one vault, one audit log, one movable clock). */
export const notificationWorld = () => {
  const app = inMemoryApp();
  const contacts = inMemoryContacts();
  const preferences = inMemoryPreferences();
  const deliveries = inMemoryDeliveries();
  const appointments = inMemoryAppointmentLookup();
  const queue = recordingNotificationQueue();
  const channel = recordingChannel();
  const deps = {
    users: app.deps.users,
    vault: app.deps.vault,
    audit: app.deps.audit,
    clock: app.clock,
    contacts: contacts.repository,
    preferences: preferences.repository,
    deliveries: deliveries.repository,
    appointments: appointments.lookup,
    queue: queue.queue,
    channel: channel.channel,
    appBaseUrl: APP_BASE_URL,
    notices: app.deps.notices,
  };
  return { ...app, deps, contacts, preferences, deliveries, appointments, queue, channel };
};
