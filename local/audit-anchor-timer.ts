import { anchorAudit } from '../shared/audit/anchor';
import { anchorDeps, noAnchorMetrics } from '../shared/runtime/audit-anchor';

/** How often `npm start` runs the anchor: every minute (windows are 5 minutes; a run with nothing new writes nothing). */
export const LOCAL_ANCHOR_EVERY_MS = 60_000;

/**
 * The local stand-in for the anchor's EventBridge schedule (ADR 0014): the same use case as the worker, on a timer,
 * into `<dataDir>/audit-digests/local/`, signed by the local anchor key. A failed run is a warning and the next
 * one covers the same windows.
 *
 * @example
 * const timer = startAuditAnchorTimer({ dataDir, dynamodbEndpoint, auditTable });
 * await timer.stop();
 */
export const startAuditAnchorTimer = (options: {
  readonly dataDir: string;
  readonly dynamodbEndpoint: string;
  readonly auditTable: string;
  readonly everyMs?: number;
  /** The digests in S3 and the anchor key in KMS (`CAREBOW_KEYS=kms-standin`); by default the local files and key. */
  readonly keys?: { readonly KEY_PROVIDER: 'kms'; readonly AUDIT_DIGEST_BUCKET: string; readonly AUDIT_ANCHOR_KEY_ID: string };
}): { stop(): Promise<void> } => {
  const deps = anchorDeps(
    {
      CAREBOW_STAGE: 'local',
      AUDIT_TABLE: options.auditTable,
      DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
      KEY_PROVIDER: 'local',
      CAREBOW_DATA_DIR: options.dataDir,
      ...options.keys,
    },
    { metrics: noAnchorMetrics },
  );
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const outcome = await anchorAudit(deps, { stage: 'local' });
        if (outcome.written) console.info(`audit anchor: wrote ${outcome.key} (${outcome.heads} chain heads)`);
        if (outcome.continuity.truncated + outcome.continuity.recomputed > 0)
          console.warn('audit anchor: an anchored chain was truncated or recomputed (npm run admin -- verify-audit <subjectId>)');
      } catch (error) {
        console.warn(`audit anchor run failed: ${(error as Error)?.name ?? 'unknown'}: ${(error as Error)?.message ?? ''}`);
      }
    });
  };
  const timer = setInterval(run, options.everyMs ?? LOCAL_ANCHOR_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
