import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { TriageMetrics } from '../../triage/ports';

/**
 * Triage figures as CloudWatch EMF metrics (Powertools): model tokens and cost per triage, and
 * outcomes by source and level. Dimensions are low-cardinality labels, never ids or PHI.
 */
export class PowertoolsTriageMetrics implements TriageMetrics {
  public constructor(public readonly metrics: Metrics = new Metrics({ namespace: 'CareBow', serviceName: 'triage-worker' })) {}

  public modelUsage(usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void {
    const single = this.metrics.singleMetric();
    single.addDimension('Model', usage.model);
    single.addMetric('ModelInputTokens', MetricUnit.Count, usage.inputTokens);
    single.addMetric('ModelOutputTokens', MetricUnit.Count, usage.outputTokens);
    single.addMetric('ModelCostMicroUsd', MetricUnit.Count, Math.round(usage.costUsd * 1_000_000));
  }

  public outcome(source: 'rules' | 'model' | 'fallback', level: string): void {
    const single = this.metrics.singleMetric();
    single.addDimensions({ Source: source, Level: level });
    single.addMetric('TriageCompleted', MetricUnit.Count, 1);
  }
}
