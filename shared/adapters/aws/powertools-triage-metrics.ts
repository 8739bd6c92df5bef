import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { TriageMetrics } from '../../triage/ports';

/**
 * Triage figures as CloudWatch EMF metrics (Powertools): model tokens and cost per triage, and
 * outcomes by source and level. Dimensions are low-cardinality labels, never ids or PHI.
 */
export class PowertoolsTriageMetrics implements TriageMetrics {
  public constructor(public readonly metrics: Metrics = new Metrics({ namespace: 'CareBow', serviceName: 'triage-worker' })) {}

  /**
   * Three EMF records, one per figure, each with the `Model` dimension: a single-metric instance publishes at its
   * first `addMetric` and then clears its dimensions, so one instance cannot carry a dimension to a second figure.
   */
  public modelUsage(usage: { model: string; inputTokens: number; outputTokens: number; costUsd: number }): void {
    const emit = (name: string, value: number) => this.metrics.singleMetric().addDimension('Model', usage.model).addMetric(name, MetricUnit.Count, value);
    emit('ModelInputTokens', usage.inputTokens);
    emit('ModelOutputTokens', usage.outputTokens);
    emit('ModelCostMicroUsd', Math.round(usage.costUsd * 1_000_000));
  }

  public fallback(reason: string): void {
    this.metrics.singleMetric().addDimension('Reason', reason).addMetric('ModelFallback', MetricUnit.Count, 1);
  }

  public outcome(source: 'rules' | 'model' | 'fallback', level: string): void {
    const single = this.metrics.singleMetric();
    single.addDimensions({ Source: source, Level: level });
    single.addMetric('TriageCompleted', MetricUnit.Count, 1);
  }
}
