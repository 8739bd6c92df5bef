import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { EmfMetrics } from '../../shared/adapters/aws/emf-metrics';
import { PowertoolsTriageMetrics } from '../../shared/adapters/aws/powertools-triage-metrics';
import { coldStartOnce } from '../../shared/observability/cold-start';
import { answerChat } from '../../shared/chat/answer-chat';
import { chatRetryDelaySeconds } from '../../shared/chat/retry';
import { ModelUnavailableError } from '../../shared/triage/model';
import { log } from '../../shared/logger';
import { queueMessage } from '../queue-message';
import {
  accountBatch,
  notificationsConfig,
  appointmentTimeline,
  auditLog,
  chatRedelivery,
  clock,
  conversations,
  practitioners,
  ratings,
  searchIndexReader,
  vault,
} from '../../shared/runtime/composition';
import { triageModel } from '../../shared/runtime/triage-model';

// The model's usage as EMF metrics, under the chat worker's own service name (the dashboard's chat row).
const metrics = new PowertoolsTriageMetrics(new Metrics({ namespace: 'CareBow', serviceName: 'chat-worker' }));
const model = triageModel('chat-worker');
const coldStart = coldStartOnce(new EmfMetrics('chat-worker'), 'chat-worker');
const deps = {
  conversations: conversations(),
  vault: vault(),
  audit: auditLog('chat-worker'),
  clock,
  metrics,
  // The published library's index (RAG): loaded on first use, again only when its version changes.
  library: searchIndexReader(),
  // The assistant's tools (shared/chat/tools.ts): the directory, the patient's appointments, the symptom check's link.
  tools: {
    directory: practitioners(),
    practitioners: practitioners(),
    accounts: accountBatch(),
    ratings: ratings(),
    appointments: appointmentTimeline(),
    ...(notificationsConfig().APP_BASE_URL ? { appBaseUrl: notificationsConfig().APP_BASE_URL!.replace(/\/+$/, '') } : {}),
  },
  ...(model ? { chatModel: model } : {}),
};
const redelivery = chatRedelivery();
const processor = new BatchProcessor(EventType.SQS);

/** A queue message names a conversation revision; anything else is poison and ends in the DLQ. */
const ChatMessage = z.strictObject({ kind: z.literal('chat'), conversationId: z.uuid(), patientId: z.uuid(), revision: z.int().check(z.gte(1)) });

const processRecord = async (record: SQSRecord): Promise<void> => {
  const message = queueMessage(record, ChatMessage, 'chat');
  // The last delivery (or an unusable answer) gives the offline reply; earlier ones retry an unavailable model.
  const delivery = Number(record.attributes.ApproximateReceiveCount ?? '1');
  let outcome: Awaited<ReturnType<typeof answerChat>>;
  try {
    outcome = await answerChat(deps, message, delivery);
  } catch (error) {
    // The model is unavailable and this is not the last delivery: come back soon, not after the queue's 540 s.
    if (error instanceof ModelUnavailableError) await redelivery.retryLater(record.receiptHandle, chatRetryDelaySeconds(delivery));
    throw error;
  }
  log.info('worker message processed', { subjectId: message.patientId, action: 'chat', outcome, requestId: record.messageId });
};

/**
 * The chat worker behind the chat queue: each message is answered on its own (the model, grounded in
 * the library, with the assistant's tools), and only the failed ones are reported back (partial batch
 * response), so one poisoned message never fails its batch. Model usage goes out as EMF metrics.
 */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  coldStart();
  try {
    return await processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
  } finally {
    metrics.metrics.publishStoredMetrics();
  }
};
