import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { METRIC_CATALOG, METRICS_NAMESPACE, type MetricName } from '../shared/metric-catalog';

/** The dimension names of a catalog metric (`service` included). */
export type DimensionOf<N extends MetricName> = (typeof METRIC_CATALOG)[N]['dimensions'][number];

/** How a dashboard reads a catalog metric. */
export interface CatalogReadOptions {
  /** Statistic: `Sum`, `Maximum`, `p99`, … */
  readonly statistic: string;
  /** @default Duration.minutes(5) */
  readonly period?: Duration;
  /** Legend label; a search may use dynamic labels such as `${PROP('Dim.Route')}`. @default - CloudWatch's */
  readonly label?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * One series of a CareBow EMF metric with every dimension of its catalog entry given a value: a
 * metric is found in CloudWatch only under its exact dimension set, so a missing or extra
 * dimension is a synth-time error here rather than an empty widget in production.
 *
 * @example
 * catalogMetric('BreakGlassUsed', { service: METRIC_SERVICES.routes }, { statistic: 'Sum' });
 */
export const catalogMetric = <N extends MetricName>(
  name: N,
  dimensions: Readonly<Record<DimensionOf<N>, string>>,
  options: CatalogReadOptions,
): cloudwatch.Metric => {
  const expected = [...METRIC_CATALOG[name].dimensions].sort();
  const given = Object.keys(dimensions).sort();
  if (expected.join() !== given.join()) throw new Error(`Metric ${name} is published with dimensions [${expected.join()}], not [${given.join()}]`);
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { ...dimensions },
    statistic: options.statistic,
    period: options.period ?? FIVE_MINUTES,
    ...(options.label !== undefined ? { label: options.label } : {}),
  });
};

/**
 * The text of a CloudWatch `SEARCH` over every series of a catalog metric: the schema names the
 * metric's exact dimension set (so it matches nothing published under another set), and `filter`
 * pins some dimensions to values (`service`, `StatusClass`, an `Action` or a list of them).
 *
 * @example
 * catalogSearchText('Requests', { service: 'carebow', StatusClass: '5xx' }, 'Sum', Duration.minutes(5));
 * // SEARCH('{CareBow,Route,StatusClass,service} MetricName="Requests" service="carebow" StatusClass="5xx"', 'Sum', 300)
 */
export const catalogSearchText = <N extends MetricName>(
  name: N,
  filter: Readonly<Partial<Record<DimensionOf<N>, string | readonly string[]>>>,
  statistic: string,
  period: Duration,
): string => {
  const schema = [METRICS_NAMESPACE, ...[...METRIC_CATALOG[name].dimensions].sort()].join(',');
  const terms = Object.entries(filter as Record<string, string | readonly string[]>).map(([dimension, value]) => {
    if (!(METRIC_CATALOG[name].dimensions as readonly string[]).includes(dimension)) throw new Error(`Metric ${name} has no dimension ${dimension}`);
    return typeof value === 'string' ? `${dimension}="${value}"` : `${dimension}=(${value.map((v) => `"${v}"`).join(' OR ')})`;
  });
  return `SEARCH('{${schema}} ${[`MetricName="${name}"`, ...terms].join(' ')}', '${statistic}', ${period.toSeconds()})`;
};

/**
 * Every series of a catalog metric matching `filter`, as a dashboard expression; with `top`, only
 * the `top` series with the highest maximum (what an operator needs first: the worst routes, not 80 lines).
 *
 * @example
 * catalogSearch('Latency', { service: 'carebow' }, { statistic: 'p99', label: "${PROP('Dim.Route')}", top: 10 });
 */
export const catalogSearch = <N extends MetricName>(
  name: N,
  filter: Readonly<Partial<Record<DimensionOf<N>, string | readonly string[]>>>,
  options: CatalogReadOptions & { readonly top?: number },
): cloudwatch.MathExpression => {
  const period = options.period ?? FIVE_MINUTES;
  const search = catalogSearchText(name, filter, options.statistic, period);
  return new cloudwatch.MathExpression({
    expression: options.top === undefined ? search : `SORT(${search}, MAX, DESC, ${options.top})`,
    usingMetrics: {},
    period,
    ...(options.label !== undefined ? { label: options.label } : {}),
  });
};

/** A dynamic label: the value of one dimension of each series a search returns. */
export const dimensionLabel = (dimension: string): string => `\${PROP('Dim.${dimension}')}`;
