import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from '../../shared/zod';
import { EmfMetrics } from '../../shared/adapters/aws/emf-metrics';
import { MarkedRenderer } from '../../shared/adapters/markdown/marked-renderer';
import { coldStartOnce } from '../../shared/observability/cold-start';
import { reconcileLibrary } from '../../shared/content/reconcile-library';
import { log, stackFrames } from '../../shared/logger';
import { contentPublication, searchIndexStore } from '../../shared/runtime/composition';

const coldStart = coldStartOnce(new EmfMetrics('content-worker'), 'content-worker');
const deps = { publication: contentPublication(), renderer: new MarkedRenderer(), searchIndex: searchIndexStore() };

/** "The library changed" (publish, archive): the message says nothing more; the worker reconciles everything. */
const RebuildMessage = z.strictObject({ kind: z.literal('rebuild') });

const isRebuild = (record: SQSRecord): boolean => {
  try {
    return z.safeParse(RebuildMessage, JSON.parse(record.body)).success;
  } catch {
    return false;
  }
};

/**
 * The content worker behind the content queue (at most two at once, lib/content.ts): ONE reconcile per batch
 * (shared/content/reconcile-library.ts: render the published snapshots, rebuild and publish the
 * search index), however many rebuild messages it holds. If the reconcile fails, every message of
 * the batch is reported failed, so SQS delivers them again (and after its receive limit, to the DLQ).
 * A message that is not a rebuild is poison: it fails alone and never triggers a run.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  coldStart();
  const rebuilds = event.Records.filter(isRebuild);
  const poison = event.Records.filter((record) => !rebuilds.includes(record));
  for (const record of poison) log.warn('content message is not a rebuild', { requestId: record.messageId, action: 'content_rebuild', outcome: 'poison' });
  const failed = (records: readonly SQSRecord[]): SQSBatchResponse => ({ batchItemFailures: records.map((record) => ({ itemIdentifier: record.messageId })) });
  if (rebuilds.length === 0) return failed(poison);
  const started = performance.now();
  try {
    const outcome = await reconcileLibrary(deps);
    log.info('content library reconciled', {
      requestId: rebuilds[0]!.messageId,
      action: 'content_rebuild',
      outcome: `index v${outcome.version}: ${outcome.indexed} of ${outcome.live} live posts, ${outcome.rendered} rendered, ${rebuilds.length} messages`,
      latencyMs: Math.round(performance.now() - started),
    });
    return failed(poison);
  } catch (error) {
    log.error('content library reconcile failed', {
      requestId: rebuilds[0]!.messageId,
      action: 'content_rebuild',
      errorName: (error as Error)?.name ?? 'unknown',
      errorFrames: stackFrames(error),
    });
    return failed(event.Records);
  }
};
