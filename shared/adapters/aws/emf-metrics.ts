import type { BreakGlassMetrics } from '../../records/ports';

/**
 * A lean CloudWatch embedded-metric-format (EMF) writer: one JSON line on stdout per count, which CloudWatch Logs turns
 * into a metric. For routes whose 100 KB budget has no room for Powertools Metrics (about 13 KB more); it writes
 * what Powertools' `singleMetric()` writes for one count. Namespace `CareBow`, one dimension, `service`; never an id
 * or PHI in a dimension.
 */

/** The EMF record of one count of `metric`, at `timestamp` (epoch ms). */
export const emfCountLine = (metric: string, service: string, timestamp: number): string =>
  JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [{ Namespace: 'CareBow', Dimensions: [['service']], Metrics: [{ Name: metric, Unit: 'Count' }] }],
    },
    service,
    [metric]: 1,
  });

/** Straight to stdout, not `console.log`: Lambda's console prefixes each line, and EMF needs the line to be the JSON. */
const stdoutLine = (line: string): void => void process.stdout.write(`${line}\n`);

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
