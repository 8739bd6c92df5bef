import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { PowertoolsTriageMetrics } from '../../shared/adapters/aws/powertools-triage-metrics';
import { log } from '../../shared/logger';
import { auditLog, clock, conversations, notificationQueue, records, searchIndexReader, symptomSessions, vault } from '../../shared/runtime/composition';
import { figureCounter } from '../../shared/runtime/composition';
import { answerChat } from '../../shared/chat/answer-chat';
import { accountBatch, appConfig, appointmentTimeline, practitioners, ratings } from '../../shared/runtime/composition';
import { triageModel } from '../../shared/runtime/triage-model';
import { processSession } from '../../shared/triage/process-session';

const metrics = new PowertoolsTriageMetrics();
const model = triageModel();
const deps = {
  sessions: symptomSessions(),
  conversations: conversations(),
  vault: vault(),
  consents: records(),
  audit: auditLog(),
  clock,
  metrics,
  notifications: notificationQueue(),
  // The product figures (content table): each session counted once, by level.
  figures: figureCounter(),
  // The published library's index (RAG for chat replies): loaded on first use, again only when its version changes.
  library: searchIndexReader(),
  // The assistant's tools (shared/chat/tools.ts): the directory, the patient's appointments, the symptom check's link.
  tools: {
    directory: practitioners(),
    practitioners: practitioners(),
    accounts: accountBatch(),
    ratings: ratings(),
    appointments: appointmentTimeline(),
    ...(appConfig().APP_BASE_URL ? { appBaseUrl: appConfig().APP_BASE_URL!.replace(/\/+$/, '') } : {}),
  },
  ...(model ? { model, chatModel: model } : {}),
};
const processor = new BatchProcessor(EventType.SQS);

/** A queue message names a session or conversation revision; anything else is poison and ends in the DLQ. */
const TriageMessage = z.strictObject({ sessionId: z.uuid(), patientId: z.uuid(), revision: z.int().check(z.gte(1)) });
const ChatMessage = z.strictObject({ kind: z.literal('chat'), conversationId: z.uuid(), patientId: z.uuid(), revision: z.int().check(z.gte(1)) });
const WorkMessage = z.union([TriageMessage, ChatMessage]);

/** Not a triage message: fails alone, is retried to `maxReceiveCount`, then lands in the DLQ. */
class PoisonMessageError extends Error {
  public constructor() {
    super('Not a triage message');
    this.name = 'PoisonMessageError';
  }
}

const processRecord = async (record: SQSRecord): Promise<void> => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError();
  }
  const message = z.safeParse(WorkMessage, body);
  if (!message.success) throw new PoisonMessageError();
  const delivery = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const work = message.data;
  const outcome = 'kind' in work ? await answerChat(deps, work, delivery) : await processSession(deps, work, delivery);
  log.info('worker message processed', { subjectId: work.patientId, action: 'kind' in work ? 'chat' : 'triage', outcome, requestId: record.messageId });
};

/**
 * The triage worker behind the SQS queue: each message is processed on its own, and only the
 * failed ones are reported back (partial batch response), so one poisoned message never fails
 * its batch. Model usage and outcomes go out as EMF metrics.
 */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  try {
    return await processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
  } finally {
    metrics.metrics.publishStoredMetrics();
  }
};
