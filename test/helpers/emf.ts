import { METRIC_CATALOG, METRICS_NAMESPACE, type MetricName } from '../../shared/metric-catalog';

/** One EMF record as CloudWatch reads it. */
export interface EmfRecord {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: readonly { readonly Namespace: string; readonly Dimensions: string[][]; readonly Metrics: { Name: string; Unit: string }[] }[];
  };
  readonly [field: string]: unknown;
}

/** One figure of a record: its name, its dimensions (name → value) and its value. */
export interface Figure {
  readonly name: string;
  readonly dimensions: Record<string, unknown>;
  readonly value: unknown;
}

/** The EMF records among written lines (stdout chunks or lines), parsed. */
export const emfRecords = (written: readonly string[]): EmfRecord[] =>
  written
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfRecord);

/** Every figure of the records. */
export const figuresOf = (records: readonly EmfRecord[]): Figure[] =>
  records.flatMap((record) =>
    record._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        name: metric.Name,
        dimensions: Object.fromEntries(directive.Dimensions.flat().map((name) => [name, record[name]])),
        value: record[metric.Name],
      })),
    ),
  );

/**
 * What is wrong with a record against shared/metric-catalog.ts, `[]` if nothing: the namespace, a Timestamp, each
 * metric known with its unit and exactly its one dimension set, every dimension a string field of the record, every
 * value a finite number.
 */
export const catalogProblems = (record: EmfRecord): string[] => {
  const problems: string[] = [];
  if (!Number.isFinite(record._aws.Timestamp)) problems.push('no Timestamp');
  for (const directive of record._aws.CloudWatchMetrics) {
    if (directive.Namespace !== METRICS_NAMESPACE) problems.push(`namespace ${directive.Namespace}`);
    if (directive.Dimensions.length !== 1) problems.push(`${directive.Dimensions.length} dimension sets`);
    for (const key of directive.Dimensions.flat()) if (typeof record[key] !== 'string') problems.push(`dimension ${key} is not a string field`);
    for (const { Name, Unit } of directive.Metrics) {
      const entry = METRIC_CATALOG[Name as MetricName];
      if (entry === undefined) {
        problems.push(`${Name} is not in the catalog`);
        continue;
      }
      if (Unit !== entry.unit) problems.push(`${Name}: unit ${Unit}, catalog ${entry.unit}`);
      if (JSON.stringify(directive.Dimensions[0]) !== JSON.stringify(entry.dimensions))
        problems.push(`${Name}: dimensions ${directive.Dimensions[0]}, catalog ${entry.dimensions}`);
      if (typeof record[Name] !== 'number' || !Number.isFinite(record[Name])) problems.push(`${Name}: value ${String(record[Name])}`);
    }
  }
  return problems;
};
