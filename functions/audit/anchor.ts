import { ANCHOR_METRICS_SERVICE, anchorAudit } from '../../shared/audit/anchor';
import { log, stackFrames } from '../../shared/logger';
import { anchorWorkerDeps } from '../../shared/runtime/audit-anchor';

const { config, deps } = anchorWorkerDeps(ANCHOR_METRICS_SERVICE);

/**
 * The audit anchor worker (ADR 0014): run every 5 minutes by an EventBridge rule, or on demand. Writes one signed
 * digest of the chain heads that changed since the last one to the Object Lock bucket, and re-checks the heads
 * the last one named. The event carries nothing it reads. A failure throws, so the run counts as an error
 * (the `AuditAnchorFailed` alarm) and EventBridge retries it; the next run covers the same windows.
 */
export const handler = async (): Promise<{ written: boolean }> => {
  const started = performance.now();
  try {
    const outcome = await anchorAudit(deps, { stage: config.CAREBOW_STAGE });
    const { continuity } = outcome;
    log.info('audit anchor run', {
      action: 'audit_anchor',
      // Counts and the digest key only: never a subject id.
      outcome: `${outcome.written ? `wrote ${outcome.key} (${outcome.heads} heads)` : outcome.reason}; previous heads ok ${continuity.ok}, truncated ${continuity.truncated}, recomputed ${continuity.recomputed}`,
      latencyMs: Math.round(performance.now() - started),
    });
    return { written: outcome.written };
  } catch (error) {
    log.error('audit anchor run failed', { action: 'audit_anchor', errorName: (error as Error)?.name ?? 'unknown', errorFrames: stackFrames(error) });
    throw error;
  }
};
