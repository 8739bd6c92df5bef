import type { AnchorMetrics, VerificationResult } from '../../audit/anchor-ports';
import type { MetricService } from '../../metric-catalog';
import { emfLine, stdoutLine } from '../../observability/emf';
import type { Metrics } from '../../observability/ports';
import type { BreakGlassMetrics } from '../../records/ports';

/**
 * The lean CloudWatch embedded-metric-format (EMF) writers: one JSON line on stdout per record, which CloudWatch Logs
 * turns into metrics (shared/observability/emf.ts). For routes whose 100 KB budget has no room for Powertools
 * Metrics (about 13 KB more). Namespace `CareBow`; never an id or PHI in a dimension.
 */

/** The EMF record of one count of `metric`, dimension `service` only, at `timestamp` (epoch ms). */
export const emfCountLine = (metric: 'BreakGlassUsed' | 'AuditDigestWritten' | 'Lockouts', service: string, timestamp: number): string =>
  emfLine(service, [{ dimensions: {}, metrics: [[metric, 'Count', 1]] }], timestamp);

/**
 * The `Metrics` port as EMF lines under one `service`.
 *
 * @example
 * new EmfMetrics('carebow').put({ dimensions: { Reason: 'forbidden' }, metrics: [['Denied', 'Count', 1]] });
 */
export class EmfMetrics implements Metrics {
  public constructor(
    private readonly service: MetricService,
    private readonly write: (line: string) => void = stdoutLine,
    private readonly now: () => number = Date.now,
  ) {}

  public put(...groups: Parameters<Metrics['put']>): void {
    this.write(emfLine(this.service, groups, this.now()));
  }
}

/** `BreakGlassUsed` (namespace `CareBow`, dimension `service` only), for the break-glass alarm. */
export class EmfBreakGlassMetrics implements BreakGlassMetrics {
  public constructor(
    private readonly service: string,
    private readonly write: (line: string) => void = stdoutLine,
    private readonly now: () => number = Date.now,
  ) {}

  public used(): void {
    this.write(emfCountLine('BreakGlassUsed', this.service, this.now()));
  }
}

/**
 * The audit anchor job's figures (ADR 0014): `AuditChainVerification{service,Result}` per verification result, and
 * `AuditDigestWritten{service}` per digest. Nothing else emits them.
 *
 * @example
 * const metrics = new EmfAnchorMetrics();
 * metrics.verified('truncated');
 * metrics.digestWritten();
 */
export class EmfAnchorMetrics implements AnchorMetrics {
  public constructor(private readonly metrics: Metrics = new EmfMetrics('audit-anchor')) {}

  public verified(result: VerificationResult, count = 1): void {
    this.metrics.put({ dimensions: { Result: result }, metrics: [['AuditChainVerification', 'Count', count]] });
  }

  public digestWritten(): void {
    this.metrics.put({ dimensions: {}, metrics: [['AuditDigestWritten', 'Count', 1]] });
  }
}

/**
 * A model call's tokens and cost as one EMF record under `Model` (cost in micro-USD), for the streamed chat route,
 * which has no room for Powertools Metrics.
 *
 * @example
 * const deps = { …, metrics: emfModelUsage() }; // deps.metrics.modelUsage({ model, inputTokens, outputTokens, costUsd })
 */
export const emfModelUsage = (metrics: Metrics = new EmfMetrics('carebow')) => ({
  modelUsage: (usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void =>
    metrics.put({
      dimensions: { Model: usage.model },
      metrics: [
        ['ModelInputTokens', 'Count', usage.inputTokens],
        ['ModelOutputTokens', 'Count', usage.outputTokens],
        ['ModelCostMicroUsd', 'Count', Math.round(usage.costUsd * 1_000_000)],
      ],
    }),
});
