import { emfLine, type MetricGroup } from './emf';

/** What one answered request says about itself: labels fixed in code (the route id, the error's code). */
export interface RequestFacts {
  readonly route: string;
  readonly status: number;
  readonly latencyMs: number;
  /** The error's code (`forbidden`, `consent_required`, …) when the answer is an error. */
  readonly errorCode?: string | undefined;
  /** The error's class name: `AiQuotaExceededError` counts as an AI quota refusal. */
  readonly errorName?: string | undefined;
  /** The first request of this execution environment. */
  readonly coldStart: boolean;
}

/**
 * The EMF record of one request (service `carebow`): `Latency`, `ColdStart` (first request only) and `AiQuotaRefused`
 * by `Route`; `Requests` by `Route` and `StatusClass`; `Denied` by `Reason` (the error code) for a 401 or 403. One line,
 * one directive per dimension set.
 *
 * @example
 * stdoutLine(requestMetricsLine({ route: 'login', status: 401, latencyMs: 80, errorCode: 'unauthorized', coldStart: false }, Date.now()));
 */
export const requestMetricsLine = (facts: RequestFacts, timestamp: number): string => {
  const groups: MetricGroup[] = [
    {
      dimensions: { Route: facts.route },
      metrics: [
        ['Latency', 'Milliseconds', facts.latencyMs],
        ...(facts.coldStart ? ([['ColdStart', 'Count', 1]] as const) : []),
        ...(facts.errorName === 'AiQuotaExceededError' ? ([['AiQuotaRefused', 'Count', 1]] as const) : []),
      ],
    },
    { dimensions: { Route: facts.route, StatusClass: `${Math.floor(facts.status / 100)}xx` }, metrics: [['Requests', 'Count', 1]] },
  ];
  if (facts.status === 401 || facts.status === 403) groups.push({ dimensions: { Reason: facts.errorCode ?? 'unknown' }, metrics: [['Denied', 'Count', 1]] });
  return emfLine('carebow', groups, timestamp);
};
