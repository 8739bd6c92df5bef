import type { Metrics } from './ports';

/**
 * A worker's `ColdStart`: call it at every invocation; only the execution environment's first one counts, under
 * `Route` = the worker's name (routes count theirs in shared/http/http-route.ts).
 *
 * @example
 * const coldStart = coldStartOnce(new EmfMetrics('triage-worker'), 'triage-worker');
 * export const handler = async (event) => { coldStart(); … };
 */
export const coldStartOnce = (metrics: Metrics, name: string): (() => void) => {
  let cold = true;
  return () => {
    if (!cold) return;
    cold = false;
    metrics.put({ dimensions: { Route: name }, metrics: [['ColdStart', 'Count', 1]] });
  };
};
