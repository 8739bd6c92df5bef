import type { AnchorMetrics, VerificationResult } from '../../audit/anchor-ports';

/**
 * One EMF line (namespace `CareBow`) of `value` counts of `metric`, with `service` and any further dimensions; what
 * `emfCountLine` (emf-metrics.ts) writes, plus dimensions and a value. Kept here until the EMF emitters are shared.
 */
export const emfCountWith = (metric: string, dimensions: Readonly<Record<string, string>>, value: number, timestamp: number): string =>
  JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [{ Namespace: 'CareBow', Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: metric, Unit: 'Count' }] }],
    },
    ...dimensions,
    [metric]: value,
  });

/** Straight to stdout: Lambda's console prefixes each line, and EMF needs the line to be the JSON. */
const stdoutLine = (line: string): void => void process.stdout.write(`${line}\n`);

/** `AuditDigestWritten{service}` and `AuditChainVerification{service,Result}` (shared/metric-catalog.ts) as EMF lines. */
export class EmfAnchorMetrics implements AnchorMetrics {
  public constructor(
    private readonly service: string,
    private readonly write: (line: string) => void = stdoutLine,
    private readonly now: () => number = Date.now,
  ) {}

  public digestWritten(): void {
    this.write(emfCountWith('AuditDigestWritten', { service: this.service }, 1, this.now()));
  }

  public verified(result: VerificationResult, count = 1): void {
    this.write(emfCountWith('AuditChainVerification', { service: this.service, Result: result }, count, this.now()));
  }
}
