import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { EmfMetrics } from '../../shared/adapters/aws/emf-metrics';
import { sesFeedbackOf } from '../../shared/adapters/aws/ses-events';
import { coldStartOnce } from '../../shared/observability/cold-start';
import { deliveryFigures } from '../../shared/notifications/delivery-metrics';
import { log, stackFrames } from '../../shared/logger';
import { jsonBody, PoisonMessageError } from '../queue-message';
import { deliver, MAX_DELAY_SECONDS } from '../../shared/notifications/deliver';
import { NotificationEventSchema } from '../../shared/notifications/event-schema';
import { retryDelaySeconds } from '../../shared/notifications/retry-backoff';
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
  figureCounter,
  notificationChannel,
  notificationPreferences,
  notificationQueue,
  notificationRedelivery,
  notificationRetryBaseMs,
  reminderScheduler,
  vault,
} from '../../shared/runtime/composition';

const metrics = new EmfMetrics('notifications-worker');
const coldStart = coldStartOnce(metrics, 'notifications-worker');
const queue = notificationQueue();
const redelivery = notificationRedelivery();
const retryBaseMs = notificationRetryBaseMs();
const deps = {
  users: accountReader(),
  contacts: contacts(),
  preferences: notificationPreferences(),
  deliveries: deliveries(),
  appointments: appointmentLookup(),
  notices: deletionNoticeStore(),
  channel: notificationChannel(),
  vault: vault(),
  audit: auditLog('notifications-worker'),
  clock,
  appBaseUrl: appBaseUrl(),
  // The product figures (content table): each appointment change counted once, from the patient's event.
  figures: figureCounter(),
};

/** A send failed for now: the message is held back (exponential back-off) and reported failed, so SQS delivers it again. */
class TransientDeliveryError extends Error {
  public constructor() {
    super('A channel failed for now; retried through the queue');
    this.name = 'TransientDeliveryError';
  }
}

const reminderDeps = { appointments: deps.appointments, reminders: reminderScheduler(), clock };

/**
 * Back-off: the message stays invisible `retryDelaySeconds` of its receive count (30 s, 60, 120, 240
 * ± 20 % in AWS) instead of the queue's 180 s. If SQS refuses, the failure is logged (ids and the
 * error's name only) and the message comes back after the visibility timeout; the 5th receive still
 * ends in the DLQ.
 */
const holdBack = async (record: SQSRecord): Promise<void> => {
  const seconds = retryDelaySeconds(Number(record.attributes.ApproximateReceiveCount), { baseMs: retryBaseMs, random: Math.random });
  try {
    await redelivery.retryLater(record.receiptHandle, seconds);
  } catch (error) {
    log.warn('notification back-off not set', { requestId: record.messageId, errorName: (error as Error)?.name ?? 'unknown' });
  }
};

const processEvent = async (event: NotificationEvent, record: SQSRecord): Promise<void> => {
  // An appointment booked, moved or cancelled: its reminders first, as the appointment now stands (idempotent; a failure retries the message).
  const reminders = await syncReminders(reminderDeps, event);
  if (reminders !== undefined) {
    log.info('reminders synced', { subjectId: event.recipientId, action: 'reminders', outcome: reminders, requestId: record.messageId });
  }
  const outcome = await deliver(deps, event, record.messageId);
  for (const group of deliveryFigures(outcome)) metrics.put(group);
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
  if (outcome.kind === 'retry') {
    await holdBack(record);
    throw new TransientDeliveryError();
  }
};

const processRecord = async (record: SQSRecord): Promise<void> => {
  const body = jsonBody(record, 'notification');
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
  if (!event.success) throw new PoisonMessageError('notification');
  await processEvent(event.data, record);
};

/**
 * The notifications worker behind the SQS queue (partial batch responses, like the triage worker):
 * each message alone. A notification event is delivered (shared/notifications/deliver.ts); an SES
 * bounce or complaint (SNS → SQS, raw delivery) suppresses the address; anything else is poison. A
 * transient channel failure holds the message back (exponential back-off with jitter) and fails it, so
 * SQS retries it and, after five receives, moves it to the DLQ; a permanent one is recorded and the
 * message done.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  coldStart();
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
