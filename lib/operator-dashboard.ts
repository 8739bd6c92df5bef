import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { METRIC_SERVICES } from '../shared/metric-catalog';
import { catalogSearch, catalogSearchText, dimensionLabel } from './catalog-metrics';

/** A queue on the operator dashboard: its oldest message's age and, if it has one, its DLQ's depth. */
export interface WatchedQueue {
  /** Legend name (`triage`, `chat`, …). */
  readonly name: string;
  /** @default - no age line (a DLQ of its own, like the reminders' DLQ) */
  readonly queue?: sqs.IQueue;
  /** @default - no DLQ line */
  readonly deadLetterQueue?: sqs.IQueue;
}

/** What the operator dashboard's platform rows read, besides the catalog metrics. */
export interface OperatorSources {
  /** Every queue and DLQ, by name. */
  readonly queues: readonly WatchedQueue[];
  /** Functions that are not routes (authorizer, workers): their concurrency, beside the account's. */
  readonly workers: Readonly<Record<string, lambda.IFunction>>;
  /** @default - no DynamoDB row */
  readonly tables?: Readonly<Record<string, dynamodb.ITableV2>>;
  /** @default - no WAF row */
  readonly webAcl?: wafv2.CfnWebACL;
}

/** An alarm status widget shows at most this many alarms. */
export const ALARMS_PER_STATUS_WIDGET = 100;

/**
 * A full-width row of alarm status widgets, every alarm of `alarms` in one of them (at most
 * {@link ALARMS_PER_STATUS_WIDGET} each), the most recently changed first. The list is read when the
 * dashboard is synthesized, so an alarm added after the dashboard is built still shows.
 *
 * @example
 * new cloudwatch.Dashboard(scope, 'D', { widgets: [[new AlarmStatusRow(alarms)]] });
 */
export class AlarmStatusRow implements cloudwatch.IWidget {
  public readonly width = 24;
  public readonly height = 5;
  private x = 0;
  private y = 0;

  public constructor(private readonly alarms: readonly cloudwatch.IAlarm[]) {}

  public position(x: number, y: number): void {
    this.x = x;
    this.y = y;
  }

  public toJson(): unknown[] {
    const count = Math.max(1, Math.ceil(this.alarms.length / ALARMS_PER_STATUS_WIDGET));
    const width = Math.floor(this.width / count);
    return Array.from({ length: count }, (_, i) => {
      const widget = new cloudwatch.AlarmStatusWidget({
        title: count === 1 ? 'Alarms' : `Alarms (${i + 1} of ${count})`,
        alarms: this.alarms.slice(i * ALARMS_PER_STATUS_WIDGET, (i + 1) * ALARMS_PER_STATUS_WIDGET),
        // The last takes what the others leave, so the row is always the full width.
        width: i < count - 1 ? width : this.width - width * (count - 1),
        height: this.height,
        sortBy: cloudwatch.AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
      });
      widget.position(this.x + width * i, this.y);
      return widget.toJson();
    }).flat();
  }
}

/** How many series a top-N widget shows. */
export const TOP_N = 10;

const ROUTE_LABEL = dimensionLabel('Route');
const routes = { service: METRIC_SERVICES.routes };

/**
 * Per-route health for ~80 routes without 80 widgets: each widget is a SEARCH over the route
 * metrics (`Latency`, `Requests`), sorted, keeping the worst {@link TOP_N}, so a route that starts
 * failing shows up at 3 a.m. without anyone knowing its name; a new route needs no deploy here.
 *
 * @example
 * new cloudwatch.Dashboard(scope, 'D', { widgets: routeRows(Duration.minutes(5)) });
 */
export const routeRows = (period: Duration): cloudwatch.IWidget[][] => {
  const top = (title: string, expression: cloudwatch.IMetric): cloudwatch.GraphWidget =>
    new cloudwatch.GraphWidget({ title, left: [expression], width: 8, legendPosition: cloudwatch.LegendPosition.RIGHT });
  return [
    [
      top(`Routes: p99 latency (ms), slowest ${TOP_N}`, catalogSearch('Latency', routes, { statistic: 'p99', period, label: ROUTE_LABEL, top: TOP_N })),
      top(`Routes: p50 latency (ms), slowest ${TOP_N}`, catalogSearch('Latency', routes, { statistic: 'p50', period, label: ROUTE_LABEL, top: TOP_N })),
      top(
        `Routes: requests, busiest ${TOP_N}`,
        catalogSearch('Requests', routes, { statistic: 'Sum', period, label: `${ROUTE_LABEL} ${dimensionLabel('StatusClass')}`, top: TOP_N }),
      ),
    ],
    [
      top(
        `Routes: 5xx answers, top ${TOP_N}`,
        catalogSearch('Requests', { ...routes, StatusClass: '5xx' }, { statistic: 'Sum', period, label: ROUTE_LABEL, top: TOP_N }),
      ),
      top(
        `Routes: 4xx answers, top ${TOP_N}`,
        catalogSearch('Requests', { ...routes, StatusClass: '4xx' }, { statistic: 'Sum', period, label: ROUTE_LABEL, top: TOP_N }),
      ),
      top(
        `Cold starts, top ${TOP_N}`,
        catalogSearch('ColdStart', {}, { statistic: 'Sum', period, label: `${dimensionLabel('service')} ${ROUTE_LABEL}`, top: TOP_N }),
      ),
    ],
  ];
};

/**
 * The platform under the routes: Lambda concurrency, every queue's age and DLQ depth, DynamoDB
 * throttles per table, WAF allowed and blocked requests by rule.
 */
export const platformRows = (sources: OperatorSources, period: Duration): cloudwatch.IWidget[][] => {
  const minute = Duration.minutes(1);
  const concurrency = new cloudwatch.GraphWidget({
    title: 'Lambda concurrency (max)',
    left: [
      new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'ConcurrentExecutions',
        statistic: 'Maximum',
        period: minute,
        label: 'Account, all functions',
      }),
    ],
    right: Object.entries(sources.workers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, fn]) => fn.metric('ConcurrentExecutions', { statistic: 'Maximum', period: minute, label: name })),
    width: 8,
  });
  const ages = sources.queues.flatMap(({ name, queue }) =>
    queue === undefined ? [] : [queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum', label: name })],
  );
  const deadLetters = sources.queues.flatMap(({ name, deadLetterQueue }) =>
    deadLetterQueue === undefined ? [] : [deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum', label: name })],
  );
  const rows: cloudwatch.IWidget[][] = [
    [
      concurrency,
      new cloudwatch.GraphWidget({ title: 'Queues: oldest message age (s)', left: ages, width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Dead-letter queues: messages', left: deadLetters, width: 8 }),
    ],
  ];
  const storage = [
    ...(sources.tables !== undefined ? tableWidgets(sources.tables, period) : []),
    ...(sources.webAcl !== undefined ? wafWidgets(sources.webAcl, period) : []),
  ];
  if (storage.length > 0) rows.push(storage);
  return rows;
};

/** DynamoDB throttles per table: read and write throttle events, and throttled requests (every operation summed). */
const tableWidgets = (tables: Readonly<Record<string, dynamodb.ITableV2>>, period: Duration): cloudwatch.IWidget[] => {
  const names = Object.keys(tables).sort();
  return [
    new cloudwatch.GraphWidget({
      title: 'DynamoDB read / write throttle events',
      left: names.map((name) => tables[name]!.metric('ReadThrottleEvents', { statistic: 'Sum', period, label: `${name} read` })),
      right: names.map((name) => tables[name]!.metric('WriteThrottleEvents', { statistic: 'Sum', period, label: `${name} write` })),
      width: 6,
    }),
    new cloudwatch.GraphWidget({
      title: 'DynamoDB throttled requests',
      left: names.map(
        (name) =>
          new cloudwatch.MathExpression({
            // Sums every operation's series: ThrottledRequests is published per TableName and Operation.
            expression: `SUM(SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName="ThrottledRequests" TableName="${tables[name]!.tableName}"', 'Sum', ${period.toSeconds()}))`,
            usingMetrics: {},
            period,
            label: name,
          }),
      ),
      width: 6,
    }),
  ];
};

/** WAF: requests allowed and blocked by the whole web ACL, and blocked by each rule (the rules' metric names are the `Rule` dimension). */
const wafWidgets = (webAcl: wafv2.CfnWebACL, period: Duration): cloudwatch.IWidget[] => {
  const visibility = webAcl.visibilityConfig;
  if (Token.isUnresolved(visibility) || Token.isUnresolved(webAcl.rules)) throw new Error('The web ACL’s visibility config and rules must be plain values');
  const aclMetricName = (visibility as wafv2.CfnWebACL.VisibilityConfigProperty).metricName;
  const rules = (webAcl.rules ?? []) as wafv2.CfnWebACL.RuleProperty[];
  const region = Stack.of(webAcl).region;
  const waf = (metricName: 'AllowedRequests' | 'BlockedRequests', rule: string, label: string): cloudwatch.Metric =>
    new cloudwatch.Metric({
      namespace: 'AWS/WAFV2',
      metricName,
      dimensionsMap: { WebACL: aclMetricName, Rule: rule, Region: region },
      statistic: 'Sum',
      period,
      label,
    });
  return [
    new cloudwatch.GraphWidget({
      title: 'WAF: allowed and blocked requests',
      left: [waf('AllowedRequests', 'ALL', 'Allowed'), waf('BlockedRequests', 'ALL', 'Blocked')],
      width: 6,
    }),
    new cloudwatch.GraphWidget({
      title: 'WAF: blocked requests by rule',
      left: rules.map((rule) => waf('BlockedRequests', (rule.visibilityConfig as wafv2.CfnWebACL.VisibilityConfigProperty).metricName, rule.name)),
      width: 6,
      stacked: true,
    }),
  ];
};

/**
 * The model, across the triage and chat workers: latency, cost per hour in dollars, and the share
 * of triage results whose model answer was not used, by reason (a fallback is never silent).
 */
export const modelRow = (period: Duration): cloudwatch.IWidget[] => {
  const hour = Duration.hours(1);
  const modelLabel = `${dimensionLabel('service')} ${dimensionLabel('Model')}`;
  const triageFallbacks = catalogSearch('ModelFallback', { service: METRIC_SERVICES.triageWorker }, { statistic: 'Sum', period });
  const triageCompleted = catalogSearch('TriageCompleted', { service: METRIC_SERVICES.triageWorker }, { statistic: 'Sum', period });
  return [
    new cloudwatch.GraphWidget({
      title: 'Model latency (ms)',
      left: [
        catalogSearch('ModelLatency', {}, { statistic: 'p50', period, label: `${modelLabel} p50` }),
        catalogSearch('ModelLatency', {}, { statistic: 'p99', period, label: `${modelLabel} p99` }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Model cost per hour (USD)',
      left: [
        new cloudwatch.MathExpression({
          // ModelCostMicroUsd summed over an hour is micro-dollars per hour.
          expression: `${catalogSearchText('ModelCostMicroUsd', {}, 'Sum', hour)} / 1000000`,
          usingMetrics: {},
          period: hour,
          label: modelLabel,
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Model fallbacks by reason',
      left: [
        new cloudwatch.MathExpression({
          expression: '100 * fallbacks / SUM(completed)',
          usingMetrics: { fallbacks: triageFallbacks, completed: triageCompleted },
          period,
          label: `Triage: ${dimensionLabel('Reason')} (% of results)`,
        }),
      ],
      right: [
        catalogSearch(
          'ModelFallback',
          { service: METRIC_SERVICES.chatWorker },
          { statistic: 'Sum', period, label: `Chat: ${dimensionLabel('Reason')} (count)` },
        ),
      ],
      width: 8,
    }),
  ];
};
