import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { sesFeedbackOf } from '../../shared/adapters/aws/ses-events';
import { log, stackFrames } from '../../shared/logger';
import { deliver, MAX_DELAY_SECONDS } from '../../shared/notifications/deliver';
import { NotificationEventSchema } from '../../shared/notifications/event-schema';
import type { NotificationEvent } from '../../shared/notifications/events';
import { suppressBouncedAddress } from '../../shared/notifications/suppress';
import { syncReminders } from '../../shared/notifications/reminders';
import {
  accountReader,
  appBaseUrl,
  appointmentLookup,
  auditLog,
  clock,
  contacts,
  deletionNoticeStore,
  deliveries,
  notificationChannel,
  notificationPreferences,
  notificationQueue,
  reminderScheduler,
  vault,
} from '../../shared/runtime/composition';

const queue = notificationQueue();
const deps = {
  users: accountReader(),
  contacts: contacts(),
  preferences: notificationPreferences(),
  deliveries: deliveries(),
  appointments: appointmentLookup(),
  notices: deletionNoticeStore(),
  channel: notificationChannel(),
  vault: vault(),
  audit: auditLog(),
  clock,
  appBaseUrl: appBaseUrl(),
};

/** Neither a notification event nor an SES bounce or complaint: fails alone, is retried to `maxReceiveCount`, then lands in the DLQ. */
class PoisonMessageError extends Error {
  public constructor() {
    super('Not a notification message');
    this.name = 'PoisonMessageError';
  }
}

/** A send failed for now: the message is reported failed, and SQS delivers it again after the visibility timeout. */
class TransientDeliveryError extends Error {
  public constructor() {
    super('A channel failed for now; retried through the queue');
    this.name = 'TransientDeliveryError';
  }
}

const reminderDeps = { appointments: deps.appointments, reminders: reminderScheduler(), clock };

const processEvent = async (event: NotificationEvent, record: SQSRecord): Promise<void> => {
  // An appointment booked, moved or cancelled: its reminders first, as the appointment now stands (idempotent; a failure retries the message).
  const reminders = await syncReminders(reminderDeps, event);
  if (reminders !== undefined) {
    log.info('reminders synced', { subjectId: event.recipientId, action: 'reminders', outcome: reminders, requestId: record.messageId });
  }
  const outcome = await deliver(deps, event, record.messageId);
  if (outcome.kind === 'delay') {
    // Quiet hours: the same event again, held back (at most SQS's 900 s; the next hop decides again). This message is then deleted.
    await queue.enqueue(event, { delaySeconds: Math.min(outcome.seconds, MAX_DELAY_SECONDS) });
  }
  const channels =
    outcome.kind === 'delay'
      ? `delayed:${outcome.seconds}s`
      : Object.entries(outcome.channels)
          .map(([c, s]) => `${c}:${s}`)
          .join(',');
  log.info('notification processed', { subjectId: event.recipientId, action: event.type, outcome: channels, requestId: record.messageId });
  if (outcome.kind === 'retry') throw new TransientDeliveryError();
};

const processRecord = async (record: SQSRecord): Promise<void> => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError();
  }
  const feedback = sesFeedbackOf(body);
  if (feedback === 'untagged') {
    log.info('ses feedback ignored', { action: 'email_feedback', outcome: 'untagged', requestId: record.messageId });
    return;
  }
  if (feedback !== undefined) {
    const outcome = await suppressBouncedAddress(deps, feedback);
    log.info('ses feedback processed', { subjectId: feedback.recipientId, action: `email_${feedback.kind}`, outcome, requestId: record.messageId });
    return;
  }
  const event = z.safeParse(NotificationEventSchema, body);
  if (!event.success) throw new PoisonMessageError();
  await processEvent(event.data, record);
};

/**
 * The notifications worker behind the SQS queue (partial batch responses, like the triage worker):
 * each message alone. A notification event is delivered (shared/notifications/deliver.ts); an SES
 * bounce or complaint (SNS → SQS, raw delivery) suppresses the address; anything else is poison. A
 * transient channel failure fails the message, so SQS retries it after the visibility timeout and,
 * after five receives, moves it to the DLQ; a permanent one is recorded and the message done.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  // The partial batch response by hand (as Powertools' BatchProcessor would): the worker's bundle stays under its budget.
  const results = await Promise.allSettled(event.Records.map((record) => processRecord(record)));
  const batchItemFailures = event.Records.flatMap((record, i) => {
    const result = results[i]!;
    if (result.status === 'fulfilled') return [];
    const error = result.reason as Error;
    if (!(error instanceof TransientDeliveryError)) {
      log.error('notification message failed', { requestId: record.messageId, errorName: error?.name ?? 'unknown', errorFrames: stackFrames(error) });
    }
    return [{ itemIdentifier: record.messageId }];
  });
  return { batchItemFailures };
};
