import type { MetricName } from '../metric-catalog';

/** The units CareBow's metrics use (shared/metric-catalog.ts). */
export type MetricUnit = 'Count' | 'Milliseconds';

/** Figures filed under one dimension set: `service` plus `dimensions` (fixed labels, never ids or input). */
export interface MetricGroup {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly metrics: readonly (readonly [name: MetricName, unit: MetricUnit, value: number])[];
}

/** A dimension value must be a short label made in code; anything else becomes `other` (defence in depth). */
const label = (value: string): string => (/^[\w.:-]{1,64}$/.test(value) ? value : 'other');

/**
 * One CloudWatch embedded-metric-format record (namespace `CareBow`): one directive per group, each filed under its
 * own dimension set, every dimension and figure a field of the record. Groups in one record must not give one
 * dimension two values (write two records). Hand-written rather than Powertools Metrics, which would cost every route
 * about 13 KB of its 100 KB budget (ADR 0017).
 *
 * @example
 * emfLine('carebow', [{ dimensions: { Route: 'login' }, metrics: [['Latency', 'Milliseconds', 12]] }], Date.now());
 */
export const emfLine = (service: string, groups: readonly MetricGroup[], timestamp: number): string => {
  const fields: Record<string, string | number> = { service: label(service) };
  const directives = groups.map(({ dimensions, metrics }) => {
    for (const [key, value] of Object.entries(dimensions)) fields[key] = label(value);
    for (const [name, , value] of metrics) fields[name] = value;
    return { Namespace: 'CareBow', Dimensions: [['service', ...Object.keys(dimensions)]], Metrics: metrics.map(([Name, Unit]) => ({ Name, Unit })) };
  });
  return JSON.stringify({ _aws: { Timestamp: timestamp, CloudWatchMetrics: directives }, ...fields });
};

/** Straight to stdout, not `console.log`: Lambda's console prefixes each line, and EMF needs the line to be the JSON. */
export const stdoutLine = (line: string): void => void process.stdout.write(`${line}\n`);
