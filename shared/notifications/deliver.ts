import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../audit/ports';
import type { DeliveryChannel } from '../domain/notifications';
import { DataKeyDestroyedError } from '../vault/errors';
import { places } from '../vault/places';
import type { Vault } from '../vault/vault';
import { CATEGORY_OF, REMINDER_OFFSET_MS, type NotificationEvent } from './events';
import { contactPlaces, noticePlaces } from './places';
import type { AppointmentFacts, ContactRecord, DeletionNotice, DeliveryKey, DeliveryReason, NotificationDeps, NotificationPreferences } from './ports';
import { effectivePreferences } from './preferences';
import { quietHoursAt } from './quiet-hours';
import { renderMessage, whenText, type SafeValues } from './render';
import { linkPath } from './templates';
import { countOnce } from '../content/count-figure';
import type { FigureCounter } from '../content/figures-ports';

/**
 * The worker's use case: one notification event, delivered on each channel at most once.
 *
 * 1. Load the recipient's account, preferences and contact item (and, for an appointment, its
 *    status and start from the recipient's own copy; a reminder for a visit that was cancelled or
 *    moved sends nothing: it is `stale`, and so is a booking or a move whose appointment is no longer
 *    booked, or a cancellation whose appointment is not cancelled: one taken back).
 * 2. Decide per channel: `suppressed` for a preference that is off (`preference`), no phone
 *    (`no_phone`), an unverified one (`unverified`: it gets only its verification code), an address
 *    SES reported as bouncing (`address_suppressed`); security messages always go by e-mail, and the
 *    verification code only by SMS to the number being verified.
 * 3. Quiet hours (not for security messages or codes): the sends wait. The deliveries are recorded
 *    `queued` with `quiet_hours` and `notBefore`, and the outcome is `delay` with the seconds until
 *    the quiet hours end. The worker then re-enqueues the same event (same id) with
 *    `DelaySeconds = min(seconds, 900)`, SQS's most, and deletes the message it received: a fresh
 *    message, so the waiting never counts toward the five receives that lead to the DLQ. Each hop
 *    decides again (preferences may change meanwhile); the longest quiet window, 23 h 59, is at most
 *    96 hops. A reminder whose quiet hours end after the visit starts is `suppressed` (`quiet_hours`).
 * 4. Send under a claim: one conditional write per (event id, channel) that only an absent or
 *    `queued` delivery without a live lease allows, so a redelivered event never sends twice. The
 *    addresses are opened from the vault only now, the one audit event of the pass
 *    (`notification.send`) is appended before anything leaves, then each channel sends: `sent`,
 *    `failed` (`permanent`: recorded, not retried), or back to `queued` (`transient`: the outcome is
 *    `retry`, the worker reports the message failed, and SQS redelivers it after the visibility
 *    timeout; after five receives it lands in the DLQ and an alarm fires).
 *
 * The one window: a crash after the provider took a message and before `sent` is written leaves a
 * lease that expires (two minutes), and the redelivery sends again. A message may then arrive twice;
 * never none.
 *
 * A deleted account's `security_account_deleted` goes to the address its deletion notice holds
 * (`DeletionNotice`: sealed under the notice's own key, since the account's is destroyed), and only
 * while that notice is the event's and has not expired; else it is `stale`. Once the event is done
 * with (sent, failed for good, or stale), the notice's key is destroyed and the notice deleted, so
 * the address is crypto-shredded like the rest of the account (ADR 0010, "The deletion notice").
 */

export type DeliverOutcome =
  | { readonly kind: 'done'; readonly channels: Readonly<Partial<Record<DeliveryChannel, string>>> }
  | { readonly kind: 'retry'; readonly channels: Readonly<Partial<Record<DeliveryChannel, string>>> }
  | { readonly kind: 'delay'; readonly seconds: number };

export type DeliverDeps = Pick<
  NotificationDeps,
  'users' | 'contacts' | 'preferences' | 'deliveries' | 'appointments' | 'channel' | 'vault' | 'audit' | 'clock' | 'appBaseUrl' | 'notices'
> & {
  /** `destroy`: a deletion notice's own key is shredded once the notice is done with. */
  readonly vault: Pick<Vault, 'open' | 'destroy'>;
  /** The product figures: each appointment change counted once, from the patient's event (best effort). */
  readonly figures?: FigureCounter;
};

/** The product figure of each appointment change (shared/content/figures.ts). */
const CHANGE_FIGURES = {
  appointment_booked: 'appointments_booked',
  appointment_rescheduled: 'appointments_rescheduled',
  appointment_cancelled: 'appointments_cancelled',
} as const;

/**
 * Counts an appointment change in the product figures: every change is announced to both parties, so only the
 * patient's event counts (one per change, whose id is the same on every delivery of it), and only while it is not
 * stale (a change that was taken back is not counted). Best effort: a failure is logged, never the delivery's.
 */
const countChange = (deps: Pick<DeliverDeps, 'figures'>, event: NotificationEvent, facts: AppointmentFacts | undefined): Promise<void> => {
  const figure = CHANGE_FIGURES[event.type as keyof typeof CHANGE_FIGURES];
  if (figure === undefined || facts?.patientId !== event.recipientId) return Promise.resolve();
  return countOnce(deps.figures, figure, 'appointment', `${event.type}#${event.refs.appointmentId}#${event.id}`, new Date(event.occurredAt));
};

/** How long a claim keeps other workers off a delivery: longer than any send (the worker's timeout). */
export const LEASE_MS = 120_000;
/** A reminder is due from this long before its offset (the scheduler fires on time; this covers a slow queue) until the visit starts. */
export const REMINDER_EARLY_MS = 15 * 60_000;
/** The longest SQS delay. */
export const MAX_DELAY_SECONDS = 900;

type Decision = { readonly action: 'send' } | { readonly action: 'suppress'; readonly reason: DeliveryReason };

const decide = (event: NotificationEvent, channel: DeliveryChannel, prefs: NotificationPreferences, contact: ContactRecord | undefined): Decision => {
  const category = CATEGORY_OF[event.type];
  if (category === 'verification') return channel === 'sms' ? { action: 'send' } : { action: 'suppress', reason: 'preference' };
  if (channel === 'email') {
    if (category !== 'security' && !(prefs.channels.email && prefs.types[category])) return { action: 'suppress', reason: 'preference' };
    return contact?.emailSuppressed ? { action: 'suppress', reason: 'address_suppressed' } : { action: 'send' };
  }
  if (!prefs.channels.sms || (category !== 'security' && !prefs.types[category])) return { action: 'suppress', reason: 'preference' };
  if (!contact?.phoneSealed) return { action: 'suppress', reason: 'no_phone' };
  return contact.phoneVerified ? { action: 'send' } : { action: 'suppress', reason: 'unverified' };
};

/** True when what the event refers to no longer stands: no such appointment, a reminder not due (cancelled, moved, past), a code no longer pending, no live deletion notice of this event. */
const staleness = (
  event: NotificationEvent,
  facts: AppointmentFacts | undefined,
  contact: ContactRecord | undefined,
  nowMs: number,
  notice: DeletionNotice | undefined,
): boolean => {
  if (event.type === 'security_account_deleted') return notice?.eventId !== event.id || notice.expiresAt <= nowMs;
  if (event.refs.appointmentId !== undefined) {
    if (facts === undefined) return true;
    if (event.type === 'appointment_reminder') {
      const dueAt = facts.startMs - REMINDER_OFFSET_MS[event.refs.offset!];
      return facts.status !== 'booked' || nowMs < dueAt - REMINDER_EARLY_MS || nowMs >= facts.startMs;
    }
    // A booking announces the attempt that made it: an earlier attempt under the same Idempotency-Key, undone, queued its
    // event for the same appointment id at its own instant (book-appointment.ts).
    if (event.type === 'appointment_booked' && facts.createdAt !== undefined && facts.createdAt !== event.occurredAt) return true;
    // A change says what the appointment now is: a cancellation that was taken back (its audit failed), or a booking
    // cancelled before its message went, is not announced.
    return facts.status !== (event.type === 'appointment_cancelled' ? 'cancelled' : 'booked');
  }
  if (event.type === 'phone_verification') {
    const pending = contact?.verification;
    return !contact?.phoneSealed || pending === undefined || pending.id !== event.refs.verificationId || !pending.codeSealed || pending.expiresAt <= nowMs;
  }
  return false;
};

const done = (channels: Partial<Record<DeliveryChannel, string>>, retry: boolean): DeliverOutcome => ({ kind: retry ? 'retry' : 'done', channels });

export const deliver = async (deps: DeliverDeps, event: NotificationEvent, messageId: string): Promise<DeliverOutcome> => {
  const outcome = await deliverOnce(deps, event, messageId);
  if (event.type === 'security_account_deleted' && outcome.kind === 'done') await discardNotice(deps, event);
  return outcome;
};

/** Shreds a deletion notice that is done with: its key destroyed first (nothing opens the address any more), then the item deleted. */
const discardNotice = async (deps: Pick<DeliverDeps, 'notices' | 'vault'>, event: NotificationEvent): Promise<void> => {
  if ((await deps.notices.get(event.recipientId))?.eventId !== event.id) return;
  await deps.vault.destroy(event.id);
  await deps.notices.remove(event.recipientId, event.id);
};

const deliverOnce = async (deps: DeliverDeps, event: NotificationEvent, messageId: string): Promise<DeliverOutcome> => {
  const nowMs = deps.clock.now().getTime();
  const category = CATEGORY_OF[event.type];
  // A deleted account has only the address its deletion notice kept: the notice is e-mail only.
  const channels: DeliveryChannel[] = category === 'verification' ? ['sms'] : event.type === 'security_account_deleted' ? ['email'] : ['email', 'sms'];
  const keyOf = (channel: DeliveryChannel): DeliveryKey => ({ recipientId: event.recipientId, eventId: event.id, channel, type: event.type });
  const summary: Partial<Record<DeliveryChannel, string>> = {};
  /** Records a suppression, unless the delivery was settled already (then it says so). */
  const suppress = async (channel: DeliveryChannel, reason: DeliveryReason, leaseId?: string): Promise<void> => {
    const settled = await deps.deliveries.settle(keyOf(channel), { status: 'suppressed', reason }, nowMs, leaseId);
    summary[channel] = settled ? `suppressed:${reason}` : 'already_settled';
  };
  const suppressAll = async (reason: DeliveryReason): Promise<DeliverOutcome> => {
    for (const channel of channels) await suppress(channel, reason);
    return done(summary, false);
  };

  const account = await deps.users.get(event.recipientId);
  const reachable =
    account !== undefined &&
    (account.status === 'active' || (category === 'security' && account.status !== 'deleted') || event.type === 'security_account_deleted');
  if (!reachable) return suppressAll('account_inactive');
  const [stored, contact, facts, notice] = await Promise.all([
    deps.preferences.get(event.recipientId),
    deps.contacts.get(event.recipientId),
    event.refs.appointmentId === undefined ? undefined : deps.appointments.get(event.recipientId, event.refs.appointmentId),
    event.type === 'security_account_deleted' ? deps.notices.get(event.recipientId) : undefined,
  ]);
  if (staleness(event, facts, contact, nowMs, notice)) return suppressAll('stale');
  await countChange(deps, event, facts);
  const prefs = effectivePreferences(stored);

  const decisions = new Map(channels.map((channel) => [channel, decide(event, channel, prefs, contact)]));
  let sends = channels.filter((channel) => decisions.get(channel)!.action === 'send');
  let delayUntil: number | undefined;
  if (sends.length > 0 && prefs.quietHours && category !== 'security' && category !== 'verification') {
    const quiet = quietHoursAt(prefs.quietHours, nowMs);
    if (quiet.quiet && event.type === 'appointment_reminder' && quiet.endsAt >= facts!.startMs) {
      for (const channel of sends) decisions.set(channel, { action: 'suppress', reason: 'quiet_hours' });
      sends = [];
    } else if (quiet.quiet) delayUntil = quiet.endsAt;
  }
  for (const channel of channels) {
    const decision = decisions.get(channel)!;
    if (decision.action === 'suppress') await suppress(channel, decision.reason);
  }
  if (delayUntil !== undefined) {
    for (const channel of sends) await deps.deliveries.hold(keyOf(channel), 'quiet_hours', nowMs, { notBefore: delayUntil });
    return { kind: 'delay', seconds: Math.max(1, Math.ceil((delayUntil - nowMs) / 1000)) };
  }

  // Claim every channel to send on; a settled one is skipped, a leased one waits for its holder.
  const leaseId = randomUUID();
  let retry = false;
  const claimed: DeliveryChannel[] = [];
  for (const channel of sends) {
    const claim = await deps.deliveries.claim(keyOf(channel), leaseId, nowMs, LEASE_MS);
    if (claim === 'claimed') claimed.push(channel);
    else if (claim === 'busy') retry = true;
    summary[channel] = claim === 'final' ? 'already_settled' : claim;
  }
  if (claimed.length === 0) return done(summary, retry);

  const release = async () => {
    for (const channel of claimed) await deps.deliveries.hold(keyOf(channel), 'transient', nowMs, { leaseId });
  };
  let addresses: Partial<Record<DeliveryChannel, string>>;
  let code: string | undefined;
  try {
    addresses = Object.fromEntries(
      await Promise.all(
        claimed.map(async (channel) => [
          channel,
          channel === 'email'
            ? notice
              ? await deps.vault.open(noticePlaces.email(event.recipientId, event.id), notice.emailSealed)
              : await deps.vault.open(places.userEmail(event.recipientId), account.emailSealed)
            : await deps.vault.open(contactPlaces.phone(event.recipientId), contact!.phoneSealed!),
        ]),
      ),
    );
    if (category === 'verification') code = await deps.vault.open(contactPlaces.code(event.recipientId), contact!.verification!.codeSealed!);
  } catch (error) {
    if (!(error instanceof DataKeyDestroyedError)) {
      await release();
      throw error;
    }
    // Crypto-shredded meanwhile: nothing can be opened, ever again.
    for (const channel of claimed) await suppress(channel, 'account_inactive', leaseId);
    return done(summary, retry);
  }

  const timeZone = prefs.quietHours?.timeZone ?? facts?.timeZone ?? 'UTC';
  const path = linkPath(event.type, event.refs);
  const values: SafeValues = {
    when: whenText(facts?.startMs ?? Date.parse(event.occurredAt), timeZone),
    timeZone,
    ...(path ? { link: deps.appBaseUrl + path } : {}),
    ...(code ? { code } : {}),
  };
  const audit: AuditEvent = {
    action: 'notification.send',
    outcome: 'success',
    subjectId: event.recipientId,
    actor: { userId: 'system:notifications-worker', roles: [] },
    resource: { type: 'notification', id: event.id },
    reason: `${event.type}:${claimed.join(',')}`,
    requestId: messageId,
    sourceIp: 'internal',
  };
  try {
    // Rendered before the audit, so a template that refuses its values sends nothing and leaves no event.
    const messages = claimed.map((channel) => ({ channel, ...renderMessage(event.type, channel, values, deps.appBaseUrl) }));
    await deps.audit.append(audit);
    for (const { channel, subject, text } of messages) {
      const result = await deps.channel.send({
        channel,
        to: addresses[channel]!,
        ...(subject !== undefined ? { subject } : {}),
        text,
        eventId: event.id,
        recipientId: event.recipientId,
        type: event.type,
      });
      if (result.outcome === 'transient') {
        await deps.deliveries.hold(keyOf(channel), 'transient', nowMs, { leaseId });
        retry = true;
      } else {
        await deps.deliveries.settle(
          keyOf(channel),
          result.outcome === 'sent'
            ? { status: 'sent', ...(result.providerId ? { providerId: result.providerId } : {}) }
            : { status: 'failed', reason: 'permanent' },
          nowMs,
          leaseId,
        );
      }
      summary[channel] = result.outcome;
    }
  } catch (error) {
    await release();
    throw error;
  }
  if (category === 'verification' && summary.sms === 'sent') await deps.contacts.clearCode(event.recipientId, event.refs.verificationId!);
  return done(summary, retry);
};
