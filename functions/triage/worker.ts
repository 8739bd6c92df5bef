import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { EmfMetrics } from '../../shared/adapters/aws/emf-metrics';
import { PowertoolsTriageMetrics } from '../../shared/adapters/aws/powertools-triage-metrics';
import { coldStartOnce } from '../../shared/observability/cold-start';
import { log } from '../../shared/logger';
import { queueMessage } from '../queue-message';
import { auditLog, clock, figureCounter, notificationQueue, records, symptomSessions, vault } from '../../shared/runtime/composition';
import { triageModel } from '../../shared/runtime/triage-model';
import { processSession } from '../../shared/triage/process-session';

const metrics = new PowertoolsTriageMetrics();
const model = triageModel('triage-worker');
const coldStart = coldStartOnce(new EmfMetrics('triage-worker'), 'triage-worker');
const deps = {
  sessions: symptomSessions(),
  vault: vault(),
  consents: records(),
  audit: auditLog('triage-worker'),
  clock,
  metrics,
  notifications: notificationQueue(),
  // The product figures (content table): each session counted once, by level.
  figures: figureCounter(),
  ...(model ? { model } : {}),
};
const processor = new BatchProcessor(EventType.SQS);

/** A queue message names a session revision; anything else (a chat message included: chat has its own queue) is poison and ends in the DLQ. */
const TriageMessage = z.strictObject({ sessionId: z.uuid(), patientId: z.uuid(), revision: z.int().check(z.gte(1)) });

const processRecord = async (record: SQSRecord): Promise<void> => {
  const message = queueMessage(record, TriageMessage, 'triage');
  const delivery = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const outcome = await processSession(deps, message, delivery);
  log.info('worker message processed', { subjectId: message.patientId, action: 'triage', outcome, requestId: record.messageId });
};

/**
 * The triage worker behind the SQS queue: each message is processed on its own, and only the
 * failed ones are reported back (partial batch response), so one poisoned message never fails
 * its batch. Model usage and outcomes go out as EMF metrics. Chat messages have their own queue
 * and worker (functions/chat/worker.ts).
 */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  coldStart();
  try {
    return await processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
  } finally {
    metrics.metrics.publishStoredMetrics();
  }
};
