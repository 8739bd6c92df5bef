import type { AuditLog } from '../audit/ports';
import type { DeliveryChannel, NotificationType, PreferenceCategory } from '../domain/notifications';
import type { Clock } from '../domain/clock';
import type { Page, PageRequest } from '../domain/page';
import type { UserRepository } from '../identity/ports';
import type { Vault } from '../vault/vault';
import type { NotificationEvent } from './events';

/**
 * What the notifications use cases need from outside. Implemented on SQS
 * (`SqsNotificationQueue`), SES v2 and SNS (`SesEmailChannel`, `SnsSmsChannel`), DynamoDB
 * (`shared/adapters/aws/dynamo-notifications.ts`: the records table, in the recipient's partition)
 * and locally by the outbox (`shared/adapters/local/outbox-channel.ts`). The fakes are in
 * test/helpers/fakes/notifications.ts.
 */

/** The notifications queue: events hold ids only, never PHI. */
export interface NotificationQueue {
  /**
   * Sends `event` as one message; `delaySeconds` (0–900, SQS's limit) holds it back that long.
   * Throws if the queue cannot take it: the caller decides what that undoes.
   */
  enqueue(event: NotificationEvent, options?: { readonly delaySeconds?: number }): Promise<void>;
}

/** The worker's back-off (issue 11): a message it received, held back before SQS delivers it again. */
export interface NotificationRedelivery {
  /**
   * Keeps the message of `receiptHandle` invisible for `seconds` (0–43,200, SQS's limit) from now,
   * instead of the queue's visibility timeout. Throws if SQS refuses (e.g. the handle expired): the
   * message then comes back after the queue's visibility timeout.
   */
  retryLater(receiptHandle: string, seconds: number): Promise<void>;
}

/** One rendered message for one channel, to one address. `to`, `subject` and `text` are the only parts a provider sees. */
export interface OutboundMessage {
  readonly channel: DeliveryChannel;
  /** An e-mail address, or an E.164 number: opened from the vault for this send only, never stored or logged. */
  readonly to: string;
  /** E-mail only. */
  readonly subject?: string;
  readonly text: string;
  /** Ids for the provider's tags (SES) and the outbox: never PHI. */
  readonly eventId: string;
  readonly recipientId: string;
  readonly type: NotificationType;
}

/**
 * What a send came to: `sent` (the provider took it; `providerId` is its message id), `transient`
 * (try again later: throttling, an outage, a misconfiguration that an operator must fix), or
 * `permanent` (this address will never take it: invalid, rejected). `code` is the provider's error
 * name, for logs; never a message text or an address.
 */
export interface SendResult {
  readonly outcome: 'sent' | 'transient' | 'permanent';
  readonly providerId?: string;
  readonly code?: string;
}

/** E-mail and SMS behind one port (the message names its channel). Never throws: a failure is a `SendResult`. */
export interface Channel {
  send(message: OutboundMessage): Promise<SendResult>;
}

/** A phone verification in progress: at most one per user. */
export interface PendingVerification {
  /** The `verificationId` of its `phone_verification` event. */
  readonly id: string;
  /** hex SHA-256 of `salt ‖ code` (see shared/notifications/verification.ts for why that is enough here). */
  readonly codeHash: string;
  /** hex, 16 random bytes, per code. */
  readonly salt: string;
  /** Wrong or right, each attempt counts; at 5 the code is locked. */
  readonly attempts: number;
  /** Epoch milliseconds; ten minutes after it was issued. */
  readonly expiresAt: number;
  /** The code sealed for the worker, which sends it once and then removes it (`clearCode`). */
  readonly codeSealed?: string;
}

/** Where it stands with e-mail after SES reported a permanent bounce or a complaint for the account's address. */
export interface EmailSuppression {
  readonly reason: 'bounce' | 'complaint';
  readonly at: string;
}

/** A user's `CONTACT` item (records table, their partition). */
export interface ContactRecord {
  /** The phone, sealed with the user's data key (`contactPlaces.phone`). */
  readonly phoneSealed?: string;
  readonly phoneVerified: boolean;
  readonly verification?: PendingVerification;
  /** When each verification of the last 24 hours started (epoch ms), for the SMS pumping limit. */
  readonly verificationStarts?: readonly number[];
  readonly emailSuppressed?: EmailSuppression;
  /** 1 when first written, one more on every whole-item write and every attempt. */
  readonly version: number;
  readonly updatedAt: string;
}

/** Contact details: one item per user, `USER#<id>` / `CONTACT`. */
export interface ContactRepository {
  /** The item, read consistently; `undefined` if none. */
  get(userId: string): Promise<ContactRecord | undefined>;
  /** Writes `record` whole iff the stored version is `record.version - 1` (no item for version 1); `false` otherwise, nothing written. */
  put(userId: string, record: ContactRecord): Promise<boolean>;
  /** Undoes a `put` whose audit failed: puts `previous` back (or deletes) iff the stored version is still `written.version`. */
  undoPut(userId: string, written: Pick<ContactRecord, 'version'>, previous: ContactRecord | undefined): Promise<boolean>;
  /**
   * Spends one attempt of verification `verificationId` in ONE conditional update: iff it is still the
   * pending one, has fewer than `maxAttempts` attempts and has not expired at `nowMs`. The item after
   * the update (attempts and version one more), or `undefined` when the condition failed (nothing written).
   */
  consumeAttempt(userId: string, verificationId: string, nowMs: number, maxAttempts: number): Promise<ContactRecord | undefined>;
  /** The worker, once the code is sent: removes `verification.codeSealed` iff `verificationId` is still pending. Idempotent. */
  clearCode(userId: string, verificationId: string): Promise<void>;
  /** Suppresses e-mail to the account in one conditional write (creating the item if needed); `false` if it was already suppressed. */
  suppressEmail(userId: string, suppression: EmailSuppression): Promise<boolean>;
}

export interface NotificationPreferences {
  readonly channels: { readonly email: boolean; readonly sms: boolean };
  readonly types: Readonly<Record<PreferenceCategory, boolean>>;
  readonly quietHours?: QuietHours;
}

/** `[start, end)` on the wall clock of `timeZone` (`HH:MM`); `start` after `end` runs over midnight. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface StoredPreferences {
  readonly preferences: NotificationPreferences;
  readonly version: number;
  readonly updatedAt: string;
}

/** Preferences: one item per user, `USER#<id>` / `NOTIFYPREFS`; not PHI. */
export interface PreferenceRepository {
  get(userId: string): Promise<StoredPreferences | undefined>;
  /** Writes iff the stored version is `stored.version - 1` (none for version 1); `false` otherwise. */
  put(userId: string, stored: StoredPreferences): Promise<boolean>;
  /** Undoes a `put` whose audit failed, iff the stored version is still `written.version`. */
  undoPut(userId: string, written: Pick<StoredPreferences, 'version'>, previous: StoredPreferences | undefined): Promise<boolean>;
}

export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'suppressed';
export type DeliveryReason =
  | 'preference'
  | 'quiet_hours'
  | 'unverified'
  | 'no_phone'
  | 'address_suppressed'
  | 'account_inactive'
  | 'stale'
  | 'transient'
  | 'permanent';

/** One event on one channel, `USER#<recipient>` / `DELIVERY#<eventId>#<channel>`: no address, no text. */
export interface DeliveryRecord {
  readonly eventId: string;
  readonly channel: DeliveryChannel;
  readonly type: NotificationType;
  readonly status: DeliveryStatus;
  readonly reason?: DeliveryReason;
  readonly notBefore?: string;
  /** Sends tried (a claim counts one). */
  readonly attempts: number;
  readonly providerId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt?: string;
}

/** The key of one delivery. */
export interface DeliveryKey {
  readonly recipientId: string;
  readonly eventId: string;
  readonly channel: DeliveryChannel;
  readonly type: NotificationType;
}

/**
 * Delivery records: the idempotency of sending. A send happens only under a claim, and a claim is
 * ONE conditional write that only an absent record, or a `queued` one without a live lease, allows.
 * A final record (`sent`, `failed`, `suppressed`) is never claimed again, so a redelivered event
 * never sends twice on a channel.
 */
export interface DeliveryRepository {
  /**
   * Claims the delivery for a send: `queued`, attempts + 1, a lease `leaseId` until `nowMs + leaseMs`.
   * `claimed`, or `final` (it is settled already), or `busy` (another worker holds a live lease).
   */
  claim(key: DeliveryKey, leaseId: string, nowMs: number, leaseMs: number): Promise<'claimed' | 'final' | 'busy'>;
  /**
   * Settles it: under our lease (`leaseId`), or, without one, iff absent or `queued` without a live
   * lease. `false` when that does not hold (nothing written).
   */
  settle(
    key: DeliveryKey,
    result: { readonly status: 'sent' | 'failed' | 'suppressed'; readonly reason?: DeliveryReason; readonly providerId?: string },
    nowMs: number,
    leaseId?: string,
  ): Promise<boolean>;
  /** Leaves it `queued` with `reason` (and `notBefore`), dropping our lease (or, without one, iff absent or `queued` without a live lease). */
  hold(
    key: DeliveryKey,
    reason: 'quiet_hours' | 'transient',
    nowMs: number,
    options?: { readonly notBefore?: number; readonly leaseId?: string },
  ): Promise<boolean>;
  /** One record, read consistently. */
  get(key: Omit<DeliveryKey, 'type'>): Promise<DeliveryRecord | undefined>;
  /** A page of the recipient's deliveries, newest event first. */
  list(recipientId: string, page: PageRequest): Promise<Page<DeliveryRecord>>;
}

/** What a message about an appointment may say: when it is, in which zone, and whether it still stands. */
export interface AppointmentFacts {
  readonly status: string;
  readonly startMs: number;
  /** The appointment's patient: reminders are theirs only (shared/notifications/reminders.ts). */
  readonly patientId?: string;
  /** The practitioner's IANA zone, when their profile is there. */
  readonly timeZone?: string;
  /**
   * When the booking was made (its `createdAt`). A retry under the same `Idempotency-Key` books the same appointment
   * id again, so an `appointment_booked` event queued by an earlier attempt that was then undone is told apart by this.
   */
  readonly createdAt?: string;
}

/** Reads an appointment from the recipient's own copy (`USER#<recipient>` / `APPT#<id>`): status and start only, never a sealed field. */
export interface AppointmentLookup {
  get(recipientId: string, appointmentId: string): Promise<AppointmentFacts | undefined>;
}

/**
 * One reminder: a one-time schedule named `name` (`appt-<appointmentId>-<offset>`, shared/notifications/reminders.ts)
 * that puts `event` (an `appointment_reminder`, ids only) on the notifications queue at `at`.
 */
export interface Reminder {
  readonly name: string;
  /** Epoch milliseconds, whole seconds: when it fires. */
  readonly at: number;
  readonly event: NotificationEvent;
}

/**
 * Reminders: EventBridge Scheduler in AWS (`SchedulerReminders`, shared/adapters/aws/scheduler-reminders.ts),
 * locally a timer wheel over a persisted list (`TimerWheelReminders`, shared/adapters/local/timer-wheel-reminders.ts).
 * Only the notifications worker manages them (docs/adr/0010-notifications.md, "Reminders: who manages them").
 */
export interface ReminderScheduler {
  /**
   * Creates the schedule `reminder.name`, or replaces the one of that name (its instant and event): idempotent, so a
   * redelivered event changes nothing. After it fires the schedule is gone (`ActionAfterCompletion: DELETE`).
   * Throws when the scheduler cannot take it (the worker's message is then retried).
   */
  schedule(reminder: Reminder): Promise<void>;
  /** Deletes the schedule `name`; a no-op when there is none (never created, already fired, deleted before). */
  cancel(name: string): Promise<void>;
}

/**
 * A deleted account's last message (docs/adr/0010-notifications.md, "The deletion notice"): the
 * account's data key is destroyed by the deletion, so its e-mail address is kept for the worker,
 * sealed under a data key of its own whose data subject is the event's id, until the notice is sent.
 */
export interface DeletionNotice {
  /** The `security_account_deleted` event's id: also the data subject of the key `emailSealed` is sealed with. */
  readonly eventId: string;
  /** The address, sealed at `noticePlaces.email(userId, eventId)`. */
  readonly emailSealed: string;
  readonly createdAt: string;
  /** Epoch milliseconds: the worker sends nothing after it (and destroys the key). */
  readonly expiresAt: number;
}

/** Deletion notices: one item per deleted account, `USER#<id>` / `NOTICE#account_deleted` (records table). */
export interface DeletionNoticeRepository {
  /** Stores `notice` iff the account has none; `false` otherwise (nothing written). */
  put(userId: string, notice: DeletionNotice): Promise<boolean>;
  /** The notice, read consistently; `undefined` if none. */
  get(userId: string): Promise<DeletionNotice | undefined>;
  /** Deletes the notice iff it is event `eventId`'s; idempotent. */
  remove(userId: string, eventId: string): Promise<void>;
}

/** An account's notification items, as its export shows them. */
export interface NotificationItems {
  readonly contact?: ContactRecord;
  readonly preferences?: StoredPreferences;
  /** Every delivery, newest event first. */
  readonly deliveries: readonly DeliveryRecord[];
}

/** The notification items of one account as a whole, for its export and its deletion (shared/account). */
export interface NotificationAccountData {
  /** `CONTACT`, `NOTIFYPREFS` and every `DELIVERY#` item of `userId` (every page). */
  read(userId: string): Promise<NotificationItems>;
  /** Whether SES reported the account's address as bouncing or complaining (`CONTACT.emailSuppressed`). */
  emailSuppressed(userId: string): Promise<boolean>;
  /** Deletes `CONTACT`, `NOTIFYPREFS` and every `DELIVERY#` item of `userId`; idempotent. Answers how many it deleted. */
  erase(userId: string): Promise<number>;
}

/** The ports of the notifications use cases; each takes only the ones it uses (`Pick<NotificationDeps, …>`). */
export interface NotificationDeps {
  readonly contacts: ContactRepository;
  readonly preferences: PreferenceRepository;
  readonly deliveries: DeliveryRepository;
  readonly appointments: AppointmentLookup;
  readonly queue: NotificationQueue;
  /** The reminders of appointments (the worker only). */
  readonly reminders: ReminderScheduler;
  readonly channel: Channel;
  readonly users: Pick<UserRepository, 'get'>;
  /** A deleted account's deletion notice (the worker: read, then removed once sent). */
  readonly notices: Pick<DeletionNoticeRepository, 'get' | 'remove'>;
  readonly vault: Pick<Vault, 'seal' | 'open'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** `APP_BASE_URL`: links in messages are this plus a path of ids. */
  readonly appBaseUrl: string;
}
