import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { ROUTE_AREAS, ROUTE_IDS, type RouteId } from '../../functions/routes';
import { catalogMetric, catalogSearch, catalogSearchText } from '../../lib/catalog-metrics';
import { chunkByArea, MAX_LOG_GROUPS_PER_QUERY } from '../../lib/log-queries';
import { ALARMS_PER_STATUS_WIDGET, AlarmStatusRow } from '../../lib/operator-dashboard';

describe('Function: catalogMetric', () => {
  it('reads a catalog metric under exactly its dimension set', () => {
    // Act
    const metric = catalogMetric('Denied', { service: 'carebow', Reason: 'forbidden' }, { statistic: 'Sum' });

    // Assess
    expect(metric).toMatchObject({ namespace: 'CareBow', metricName: 'Denied', dimensions: { service: 'carebow', Reason: 'forbidden' }, statistic: 'Sum' });
    expect(metric.period.toSeconds()).toBe(300);
  });

  it('refuses a missing or an extra dimension: CloudWatch would find no such series', () => {
    // Act
    const missing = () => catalogMetric('Denied', { service: 'carebow' } as never, { statistic: 'Sum' });
    const extra = () => catalogMetric('Lockouts', { service: 'carebow', Route: 'login' } as never, { statistic: 'Sum' });

    // Assess
    expect(missing).toThrow('Metric Denied is published with dimensions [Reason,service], not [service]');
    expect(extra).toThrow('Metric Lockouts is published with dimensions [service], not [Route,service]');
  });
});

describe('Function: catalogSearchText', () => {
  it('searches the exact dimension set, with one term per pinned dimension and OR for a list', () => {
    // Act
    const one = catalogSearchText('Requests', { service: 'carebow', StatusClass: '5xx' }, 'Sum', Duration.minutes(5));
    const list = catalogSearchText('AuditEvents', { Action: ['consent.grant', 'consent.revoke'] }, 'Sum', Duration.hours(1));

    // Assess
    expect(one).toBe(`SEARCH('{CareBow,Route,StatusClass,service} MetricName="Requests" service="carebow" StatusClass="5xx"', 'Sum', 300)`);
    expect(list).toBe(`SEARCH('{CareBow,Action,service} MetricName="AuditEvents" Action=("consent.grant" OR "consent.revoke")', 'Sum', 3600)`);
  });

  it('refuses a term on a dimension the metric does not have', () => {
    // Act
    const search = () => catalogSearchText('Latency', { StatusClass: '5xx' } as never, 'p99', Duration.minutes(5));

    // Assess
    expect(search).toThrow('Metric Latency has no dimension StatusClass');
  });

  it('keeps the worst N series when asked for a top N', () => {
    // Act
    const expression = catalogSearch('Latency', { service: 'carebow' }, { statistic: 'p99', top: 5 });

    // Assess
    expect(expression.expression).toBe(`SORT(SEARCH('{CareBow,Route,service} MetricName="Latency" service="carebow"', 'p99', 300), MAX, DESC, 5)`);
  });
});

describe('Function: chunkByArea', () => {
  const groupsOf = (stack: Stack, ids: readonly string[]): Record<string, logs.ILogGroup> =>
    Object.fromEntries(ids.map((id) => [id, logs.LogGroup.fromLogGroupName(stack, id, id)]));

  it('covers every route once, at most 50 log groups a chunk, never splitting an area, the others last', () => {
    // Prepare
    const stack = new Stack();
    const routeGroups = groupsOf(stack, ROUTE_IDS) as Record<RouteId, logs.ILogGroup>;
    const others = groupsOf(stack, ['triageWorker', 'authorizer']);

    // Act
    const chunks = chunkByArea(routeGroups, others);

    // Assess
    const names = chunks.flatMap((chunk) => chunk.logGroups.map((group) => group.logGroupName));
    expect(names.sort()).toEqual([...ROUTE_IDS, 'triageWorker', 'authorizer'].sort());
    for (const chunk of chunks) expect(chunk.logGroups.length).toBeLessThanOrEqual(MAX_LOG_GROUPS_PER_QUERY);
    expect(chunks.flatMap((chunk) => chunk.areas)).toEqual([...Object.keys(ROUTE_AREAS), 'authorizer+triageWorker']);
  });

  it('refuses a single area of more than 50 log groups rather than splitting it silently', () => {
    // Prepare
    const stack = new Stack();
    const routeGroups = groupsOf(stack, ROUTE_IDS) as Record<RouteId, logs.ILogGroup>;
    const many = groupsOf(
      stack,
      Array.from({ length: MAX_LOG_GROUPS_PER_QUERY + 1 }, (_, i) => `worker${i}`),
    );

    // Act
    const chunk = () => chunkByArea(routeGroups, many);

    // Assess
    expect(chunk).toThrow(/alone has more than 50 log groups/);
  });
});

describe('Class: AlarmStatusRow', () => {
  const alarmsIn = (stack: Stack, count: number): cloudwatch.Alarm[] =>
    Array.from(
      { length: count },
      (_, i) =>
        new cloudwatch.Alarm(stack, `A${i}`, {
          alarmName: `a${i}`,
          metric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M' }),
          threshold: 1,
          evaluationPeriods: 1,
        }),
    );

  it('spreads the alarms over full-width widgets of at most 100, each alarm once, including one added after the row was built', () => {
    // Prepare
    const stack = new Stack();
    const alarms: cloudwatch.IAlarm[] = alarmsIn(stack, 2 * ALARMS_PER_STATUS_WIDGET);
    const row = new AlarmStatusRow(alarms);
    row.position(0, 7);

    // Act
    alarms.push(...alarmsIn(new Stack(), 1));
    const widgets = stack.resolve(row.toJson()) as { x: number; y: number; width: number; properties: { alarms: unknown[]; title: string } }[];

    // Assess
    expect(widgets.map((w) => [w.x, w.y, w.width, w.properties.alarms.length, w.properties.title])).toEqual([
      [0, 7, 8, 100, 'Alarms (1 of 3)'],
      [8, 7, 8, 100, 'Alarms (2 of 3)'],
      [16, 7, 8, 1, 'Alarms (3 of 3)'],
    ]);
  });
});
