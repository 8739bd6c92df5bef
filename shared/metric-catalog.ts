/**
 * Every CloudWatch metric CareBow publishes itself (embedded metric format, namespace `CareBow`), with the one
 * dimension set it is published under. The writers (routes, workers) and the readers (alarms and dashboards in
 * lib/) agree through this table: a metric is found in CloudWatch only by its exact name and dimension set.
 *
 * Dimensions are low-cardinality labels fixed in code (route ids, error codes, audit actions, levels): never an
 * id, a name, a term or anything a caller typed. `service` comes first in every set, as Powertools Metrics writes it.
 *
 * Routes import this file as a type only (their 100 KB budget); lib/ and tests read the values.
 */
export const METRICS_NAMESPACE = 'CareBow';

/** The `service` dimension of each publisher: every route is `carebow`; each worker is its own service. */
export const METRIC_SERVICES = {
  routes: 'carebow',
  triageWorker: 'triage-worker',
  chatWorker: 'chat-worker',
  notificationsWorker: 'notifications-worker',
  contentWorker: 'content-worker',
  auditAnchor: 'audit-anchor',
} as const;

export type MetricService = (typeof METRIC_SERVICES)[keyof typeof METRIC_SERVICES];

export const METRIC_CATALOG = {
  /** One per HTTP response. `StatusClass` is `2xx`, `3xx`, `4xx` or `5xx`; `Route` is the route id. */
  Requests: { unit: 'Count', dimensions: ['service', 'Route', 'StatusClass'] },
  /** Handler latency of every response, per route (p50/p99 on the operator dashboard). */
  Latency: { unit: 'Milliseconds', dimensions: ['service', 'Route'] },
  /** Once per execution environment, at its first invocation; `Route` is the route id or the worker's name. */
  ColdStart: { unit: 'Count', dimensions: ['service', 'Route'] },
  /** A 401 or 403 answer, by its error code (`forbidden`, `consent_required`, …). */
  Denied: { unit: 'Count', dimensions: ['service', 'Reason'] },
  /**
   * Login attempts by outcome: `success`, `bad_credentials`, `locked`, `mfa_required`, `mfa_failed`. Derived from the
   * `auth.login` audit event's reason (a disabled account gets bad credentials' answer and counts as them).
   */
  Logins: { unit: 'Count', dimensions: ['service', 'Outcome'] },
  /**
   * A login refused by throttling (too many failures from its source, or the e-mail's ceiling for devices the account
   * has not used: ADR 0018; `auth.login` denied `locked_out`), per refusal.
   */
  Lockouts: { unit: 'Count', dimensions: ['service'] },
  /** Booking attempts by outcome: `booked` or `conflict` (the slot or its buffer was taken, or lost to a concurrent booking). */
  Bookings: { unit: 'Count', dimensions: ['service', 'Outcome'] },
  /** Notification deliveries by channel (`email`, `sms`, `push`, …) and outcome (`sent`, `failed`, `retried`, `suppressed`). */
  Notifications: { unit: 'Count', dimensions: ['service', 'Channel', 'Outcome'] },
  /** A request refused by the AI quota, per route. */
  AiQuotaRefused: { unit: 'Count', dimensions: ['service', 'Route'] },
  /** An audit append that lost the race for its chain head and tried again. */
  AuditAppendRetries: { unit: 'Count', dimensions: ['service'] },
  /** An audit append that failed for good (the request failed with it). */
  AuditAppendFailures: { unit: 'Count', dimensions: ['service'] },
  /** Audit events appended, by action (`profile.read`, `consent.grant`, …). */
  AuditEvents: { unit: 'Count', dimensions: ['service', 'Action'] },
  /** Audit events appended, by outcome (`success`, `denied`, `failure`). */
  AuditOutcomes: { unit: 'Count', dimensions: ['service', 'Outcome'] },
  /** Chain verifications by result: `ok`, `broken`, `truncated`, `recomputed`. */
  AuditChainVerification: { unit: 'Count', dimensions: ['service', 'Result'] },
  /** Anchor digests written (one per run that found changed chain heads). */
  AuditDigestWritten: { unit: 'Count', dimensions: ['service'] },
  /** A break-glass grant opened. */
  BreakGlassUsed: { unit: 'Count', dimensions: ['service'] },
  /** Triage results by where the level came from (`rules`, `model`, `fallback`) and the level. */
  TriageCompleted: { unit: 'Count', dimensions: ['service', 'Source', 'Level'] },
  /** A model answer not used, by reason (`model_unavailable`, `invalid_answer`, `under_triage`, …). */
  ModelFallback: { unit: 'Count', dimensions: ['service', 'Reason'] },
  /** Model call latency, per model: until the response's headers (for a streamed reply, its first token). */
  ModelLatency: { unit: 'Milliseconds', dimensions: ['service', 'Model'] },
  ModelInputTokens: { unit: 'Count', dimensions: ['service', 'Model'] },
  ModelOutputTokens: { unit: 'Count', dimensions: ['service', 'Model'] },
  /** Model cost in micro-dollars (sum per hour = cost per hour). */
  ModelCostMicroUsd: { unit: 'Count', dimensions: ['service', 'Model'] },
} as const;

export type MetricName = keyof typeof METRIC_CATALOG;
