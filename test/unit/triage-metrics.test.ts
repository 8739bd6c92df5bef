import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsTriageMetrics } from '../../shared/adapters/aws/powertools-triage-metrics';

/** One EMF record as CloudWatch reads it: the figures, the dimension sets they are filed under, and the values. */
interface EmfRecord {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly { readonly Namespace: string; readonly Dimensions: string[][]; readonly Metrics: { Name: string }[] }[];
  };
  readonly [field: string]: unknown;
}

/** Each metric name, with the dimensions CloudWatch files it under (name → value) and its value. */
const figures = (records: readonly EmfRecord[]) =>
  records.flatMap((record) =>
    record._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        name: metric.Name,
        namespace: directive.Namespace,
        dimensions: Object.fromEntries(directive.Dimensions.flat().map((name) => [name, record[name]])),
        value: record[metric.Name],
      })),
    ),
  );

let written: string[];
beforeEach(() => {
  // Emitted, not swallowed: neither the dev mode nor the kill switch of Powertools applies here.
  vi.stubEnv('POWERTOOLS_DEV', 'false');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  written = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
    if (text.includes('"_aws"')) written.push(text);
    // Still written (and so still searched for canaries by the suite's output capture).
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The EMF lines written to stdout since the test began. */
const emitted = (): EmfRecord[] =>
  written
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EmfRecord);

describe('Class: PowertoolsTriageMetrics', () => {
  it('files every model-usage figure (input tokens, output tokens, cost) under the Model dimension, at once', () => {
    // Prepare
    const metrics = new PowertoolsTriageMetrics(new Metrics({ namespace: 'CareBow', serviceName: 'triage-worker' }));

    // Act
    metrics.modelUsage({ model: 'gpt-test-2026-01-01', inputTokens: 321, outputTokens: 123, costUsd: 0.0004 });

    // Assess
    const model = { service: 'triage-worker', Model: 'gpt-test-2026-01-01' };
    expect(figures(emitted())).toEqual([
      { name: 'ModelInputTokens', namespace: 'CareBow', dimensions: model, value: 321 },
      { name: 'ModelOutputTokens', namespace: 'CareBow', dimensions: model, value: 123 },
      { name: 'ModelCostMicroUsd', namespace: 'CareBow', dimensions: model, value: 400 },
    ]);
  });

  it('files an outcome under its Source and Level, and leaks no Model dimension from an earlier usage', () => {
    // Prepare
    const metrics = new PowertoolsTriageMetrics(new Metrics({ namespace: 'CareBow', serviceName: 'triage-worker' }));
    metrics.modelUsage({ model: 'gpt-test', inputTokens: 1, outputTokens: 1, costUsd: 0 });
    written.length = 0;

    // Act
    metrics.outcome('model', 'consultation_24');

    // Assess
    expect(figures(emitted())).toEqual([
      { name: 'TriageCompleted', namespace: 'CareBow', dimensions: { service: 'triage-worker', Source: 'model', Level: 'consultation_24' }, value: 1 },
    ]);
  });

  it('files a fallback under its Reason, a code and nothing else', () => {
    // Prepare
    const metrics = new PowertoolsTriageMetrics(new Metrics({ namespace: 'CareBow', serviceName: 'triage-worker' }));

    // Act
    metrics.fallback('invalid_output');

    // Assess
    expect(figures(emitted())).toEqual([
      { name: 'ModelFallback', namespace: 'CareBow', dimensions: { service: 'triage-worker', Reason: 'invalid_output' }, value: 1 },
    ]);
  });
});
