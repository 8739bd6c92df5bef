import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { COMPLIANCE_ACTIONS } from '../../lib/compliance-dashboard';
import { pascal } from '../../lib/data';
import { ACTOR_PLACEHOLDER, CROSS_PATIENT_ROUTE_IDS, MAX_LOG_GROUPS_PER_QUERY, PATIENT_PLACEHOLDER, PHI_ROUTE_IDS } from '../../lib/log-queries';
import { TOP_N } from '../../lib/operator-dashboard';
import { STAGE_CONFIGS } from '../../lib/stages';
import { type DashboardBody, type DashboardWidget, dashboardsOf, renderDashboardHtml, type SynthesizedDashboard } from '../../scripts/render-dashboards';
import { TABLE_NAMES } from '../../shared/data/tables';
import { METRIC_CATALOG, METRICS_NAMESPACE } from '../../shared/metric-catalog';
import { logicalIdOf, referencedId, resourcesOfType, type Synthesized, synthStage } from './support/synth';

const ROOT = join(import.meta.dirname, '..', '..');
const REGION = STAGE_CONFIGS.prod.region;

/** One CareBow metric a dashboard or alarm asks CloudWatch for: its name and the dimension names it is read under. */
interface CatalogReference {
  readonly where: string;
  readonly name: string;
  readonly dimensions: readonly string[];
}

type MetricEntry = (string | Record<string, unknown>)[];
const entriesOf = (widget: DashboardWidget): MetricEntry[] => (widget.properties['metrics'] as MetricEntry[] | undefined) ?? [];
const optionsOf = (entry: MetricEntry): { expression?: string; label?: string; yAxis?: string; stat?: string; period?: number } => {
  const last = entry.at(-1);
  return typeof last === 'object' ? (last as Record<string, any>) : {};
};
const dimensionsOf = (entry: MetricEntry): Record<string, string> => {
  const plain = entry.filter((item): item is string => typeof item === 'string').slice(2);
  const pairs: Record<string, string> = {};
  for (let i = 0; i + 1 < plain.length; i += 2) pairs[plain[i]!] = plain[i + 1]!;
  return pairs;
};

/** Every CareBow metric a body reads: plain metric lines in namespace CareBow, and the schema of every SEARCH over it. */
const catalogReferences = (dashboard: SynthesizedDashboard): CatalogReference[] =>
  dashboard.body.widgets.flatMap((widget) =>
    entriesOf(widget).flatMap((entry): CatalogReference[] => {
      const where = `${dashboard.name} / ${String(widget.properties['title'])}`;
      const { expression } = optionsOf(entry);
      if (expression === undefined)
        return entry[0] === METRICS_NAMESPACE ? [{ where, name: String(entry[1]), dimensions: Object.keys(dimensionsOf(entry)) }] : [];
      const searches = [...expression.matchAll(/SEARCH\('\{([^}]*)\} MetricName="([^"]+)"([^']*)'/g)];
      // Every mention of the namespace must be in a SEARCH the walk understands.
      expect(expression.split(`{${METRICS_NAMESPACE},`).length - 1, `${where}: ${expression}`).toBe(
        searches.filter((s) => s[1]!.startsWith(`${METRICS_NAMESPACE},`)).length,
      );
      return searches
        .filter((search) => search[1]!.startsWith(`${METRICS_NAMESPACE},`))
        .map((search) => {
          const dimensions = search[1]!.split(',').slice(1);
          // A term on a dimension outside the schema would match nothing.
          for (const [, term] of search[3]!.matchAll(/(\w+)=/g)) expect(dimensions, `${where}: ${term}`).toContain(term);
          return { where, name: search[2]!, dimensions };
        });
    }),
  );

const widgetTitled = (dashboard: SynthesizedDashboard, title: string): DashboardWidget => {
  const widget = dashboard.body.widgets.find((w) => w.properties['title'] === title);
  if (widget === undefined) throw new Error(`${dashboard.name} has no widget "${title}"`);
  return widget;
};
const expressionsOf = (widget: DashboardWidget): string[] => entriesOf(widget).flatMap((entry) => optionsOf(entry).expression ?? []);

describe('Construct: operator and compliance dashboards, saved Logs Insights queries', () => {
  let prod: Synthesized;
  let operator: SynthesizedDashboard;
  let compliance: SynthesizedDashboard;

  beforeAll(() => {
    prod = synthStage('prod');
    // Each reference written as the parent's logical id it stands for (`‹TriageQueue25D901DA›`).
    const refText = (ref: string): string => `‹${referencedId(prod.monitoring.fromParent({ Ref: ref })) ?? ref}›`;
    const dashboards = dashboardsOf(prod.monitoring.json, { region: REGION, refText });
    operator = dashboards.find((d) => d.name === 'carebow-prod')!;
    compliance = dashboards.find((d) => d.name === 'carebow-prod-compliance')!;
  });

  it('reads every CareBow metric of both dashboards and every alarm under its catalog name with exactly its catalog dimension set', () => {
    // Prepare
    const alarms = resourcesOfType(prod.monitoring.json, 'AWS::CloudWatch::Alarm')
      .map(([id, alarm]) => ({ id, properties: alarm.Properties! }))
      .filter(({ properties }) => properties.Namespace === METRICS_NAMESPACE)
      .map(({ id, properties }) => ({
        where: id,
        name: properties.MetricName as string,
        dimensions: (properties.Dimensions as { Name: string }[]).map((d) => d.Name),
      }));

    // Act
    const references = [...catalogReferences(operator), ...catalogReferences(compliance), ...alarms];

    // Assess
    for (const { where, name, dimensions } of references) {
      const entry = (METRIC_CATALOG as Record<string, { dimensions: readonly string[] }>)[name];
      expect(entry, `${where}: ${name} is not in shared/metric-catalog.ts`).toBeDefined();
      expect([...dimensions].sort(), `${where}: ${name}`).toEqual([...entry!.dimensions].sort());
    }
    const names = new Set(references.map((r) => r.name));
    for (const name of ['Latency', 'Requests', 'ColdStart', 'ModelLatency', 'ModelCostMicroUsd', 'ModelFallback', 'TriageCompleted'])
      expect(names, name).toContain(name);
    for (const name of ['AuditEvents', 'AuditOutcomes', 'Denied', 'BreakGlassUsed', 'AuditChainVerification', 'AuditDigestWritten', 'Logins', 'Lockouts'])
      expect(names, name).toContain(name);
  });

  it('shows per-route p50/p99 latency and 4xx/5xx as sorted top-N searches over the route metrics, not a widget per route', () => {
    // Prepare
    const top = (metric: string, statistic: string, filter = '') =>
      `SORT(SEARCH('{CareBow,${[...METRIC_CATALOG[metric as 'Latency'].dimensions].sort().join(',')}} MetricName="${metric}" service="carebow"${filter}', '${statistic}', 300), MAX, DESC, ${TOP_N})`;

    // Act
    const expression = (title: string): string[] => expressionsOf(widgetTitled(operator, title));

    // Assess
    expect(expression(`Routes: p99 latency (ms), slowest ${TOP_N}`)).toEqual([top('Latency', 'p99')]);
    expect(expression(`Routes: p50 latency (ms), slowest ${TOP_N}`)).toEqual([top('Latency', 'p50')]);
    expect(expression(`Routes: 5xx answers, top ${TOP_N}`)).toEqual([top('Requests', 'Sum', ' StatusClass="5xx"')]);
    expect(expression(`Routes: 4xx answers, top ${TOP_N}`)).toEqual([top('Requests', 'Sum', ' StatusClass="4xx"')]);
    expect(expression(`Cold starts, top ${TOP_N}`)[0]).toMatch(/^SORT\(SEARCH\('\{CareBow,Route,service\} MetricName="ColdStart"', 'Sum', 300\)/);
    expect(operator.body.widgets.length).toBeLessThan(ROUTE_IDS.length / 2);
  });

  it('shows every queue’s oldest message age and every dead-letter queue’s depth, named, the reminders’ DLQ included', () => {
    // Prepare
    const queueOf = (widget: DashboardWidget) => entriesOf(widget).map((entry) => ({ label: optionsOf(entry).label, queue: dimensionsOf(entry)['QueueName'] }));

    // Act
    const ages = queueOf(widgetTitled(operator, 'Queues: oldest message age (s)'));
    const deadLetters = queueOf(widgetTitled(operator, 'Dead-letter queues: messages'));

    // Assess
    expect(ages.map((a) => a.label)).toEqual(['triage', 'chat', 'notifications', 'content']);
    expect(deadLetters.map((d) => d.label)).toEqual(['triage', 'chat', 'notifications', 'reminders (Scheduler DLQ)', 'content']);
    const dlqPaths = [
      'Triage/DeadLetterQueue',
      'Chat/DeadLetterQueue',
      'Notifications/DeadLetterQueue',
      'Notifications/ReminderDeadLetterQueue',
      'Content/DeadLetterQueue',
    ];
    for (const [i, path] of dlqPaths.entries()) expect(deadLetters[i]!.queue, path).toBe(`‹${logicalIdOf(prod.stack, path)}›`);
    expect(ages[0]!.queue).toBe(`‹${logicalIdOf(prod.stack, 'Triage/Queue')}›`);
  });

  it('shows DynamoDB read, write and request throttles for every table', () => {
    // Prepare
    const widget = widgetTitled(operator, 'DynamoDB read / write throttle events');

    // Act
    const reads = entriesOf(widget).filter((entry) => entry[1] === 'ReadThrottleEvents');
    const writes = entriesOf(widget).filter((entry) => entry[1] === 'WriteThrottleEvents');
    const requests = expressionsOf(widgetTitled(operator, 'DynamoDB throttled requests'));

    // Assess
    expect(reads.map((entry) => optionsOf(entry).label)).toEqual([...TABLE_NAMES].sort().map((name) => `${name} read`));
    expect(writes.every((entry) => optionsOf(entry).yAxis === 'right')).toBe(true);
    expect(writes).toHaveLength(TABLE_NAMES.length);
    expect(requests).toHaveLength(TABLE_NAMES.length);
    for (const expression of requests)
      expect(expression).toMatch(/^SUM\(SEARCH\('\{AWS\/DynamoDB,Operation,TableName\} MetricName="ThrottledRequests" TableName="‹[^›]+›"', 'Sum', 300\)\)$/);
    expect(requests.map((e) => /TableName="‹([^›]+)›"/.exec(e)?.[1])).toEqual(
      [...TABLE_NAMES].sort().map((name) => logicalIdOf(prod.stack, `Data/${pascal(name)}Table`)),
    );
  });

  it('shows WAF allowed and blocked requests, and blocked requests for each rule of the web ACL, under its metric names', () => {
    // Prepare
    const [, acl] = resourcesOfType(prod.json, 'AWS::WAFv2::WebACL')[0]!;
    const ruleMetricNames = (acl.Properties!.Rules as { VisibilityConfig: { MetricName: string } }[]).map((rule) => rule.VisibilityConfig.MetricName);
    const aclMetricName = acl.Properties!.VisibilityConfig.MetricName as string;

    // Act
    const byRule = entriesOf(widgetTitled(operator, 'WAF: blocked requests by rule')).map(dimensionsOf);
    const totals = entriesOf(widgetTitled(operator, 'WAF: allowed and blocked requests')).map((entry) => [entry[1], dimensionsOf(entry)['Rule']]);

    // Assess
    expect(ruleMetricNames.length).toBeGreaterThan(0);
    expect(byRule).toEqual(ruleMetricNames.map((Rule) => ({ WebACL: aclMetricName, Rule, Region: REGION })));
    expect(totals).toEqual([
      ['AllowedRequests', 'ALL'],
      ['BlockedRequests', 'ALL'],
    ]);
  });

  it('shows concurrency, model latency, model cost per hour in dollars and the fallback rate by reason', () => {
    // Act
    const concurrency = entriesOf(widgetTitled(operator, 'Lambda concurrency (max)'));
    const cost = expressionsOf(widgetTitled(operator, 'Model cost per hour (USD)'));
    const fallbacks = expressionsOf(widgetTitled(operator, 'Model fallbacks by reason'));
    const latency = expressionsOf(widgetTitled(operator, 'Model latency (ms)'));

    // Assess
    expect(concurrency[0]!.slice(0, 2)).toEqual(['AWS/Lambda', 'ConcurrentExecutions']);
    expect(Object.keys(dimensionsOf(concurrency[0]!))).toEqual([]);
    expect(concurrency.slice(1).map((entry) => optionsOf(entry).label)).toEqual([
      'auditAnchor',
      'authorizer',
      'chatWorker',
      'contentWorker',
      'notificationsWorker',
      'triageWorker',
    ]);
    expect(cost).toEqual([`SEARCH('{CareBow,Model,service} MetricName="ModelCostMicroUsd"', 'Sum', 3600) / 1000000`]);
    expect(fallbacks).toContain('100 * fallbacks / SUM(completed)');
    expect(fallbacks).toContain(`SEARCH('{CareBow,Reason,service} MetricName="ModelFallback" service="triage-worker"', 'Sum', 300)`);
    expect(fallbacks).toContain(`SEARCH('{CareBow,Level,Source,service} MetricName="TriageCompleted" service="triage-worker"', 'Sum', 300)`);
    expect(latency.map((e) => /'(p\d+)'/.exec(e)?.[1])).toEqual(['p50', 'p99']);
  });

  it('shows the status of every alarm first, at most 100 to a widget', () => {
    // Prepare
    const alarmNames = resourcesOfType(prod.monitoring.json, 'AWS::CloudWatch::Alarm').map(([, alarm]) => `alarm:${alarm.Properties!.AlarmName}`);

    // Act
    const firstRow = operator.body.widgets.filter((widget) => widget.y === 0);
    const shown = firstRow.flatMap((widget) => widget.properties['alarms'] as string[]);

    // Assess
    expect(firstRow.every((widget) => widget.type === 'alarm')).toBe(true);
    expect(firstRow.reduce((width, widget) => width + widget.width, 0)).toBe(24);
    for (const widget of firstRow) expect((widget.properties['alarms'] as string[]).length).toBeLessThanOrEqual(100);
    expect(shown.sort()).toEqual(alarmNames.sort());
  });

  it('draws the compliance dashboard: audit events by action and outcome, denials, break-glass, chain verification, exports, deletions, consents, logins, lockouts', () => {
    // Act
    const titles = compliance.body.widgets.map((w) => w.properties['title']);
    const exports = expressionsOf(widgetTitled(compliance, 'Exports and deletions'));
    const consents = expressionsOf(widgetTitled(compliance, 'Consent grants and revocations'));
    const breakGlass = widgetTitled(compliance, 'Break-glass uses (each one pages)');

    // Assess
    for (const title of [
      'Audit events by action',
      'Audit events by outcome',
      'Denials by reason',
      'Break-glass uses in the time range',
      'Audit chain verification by result',
      'Audit anchor digests written',
      'Logins by outcome',
      'Account lockouts',
    ])
      expect(titles, title).toContain(title);
    expect(exports).toEqual([`SEARCH('{CareBow,Action,service} MetricName="AuditEvents" Action=("account.export" OR "account.delete")', 'Sum', 3600)`]);
    expect(consents).toEqual([`SEARCH('{CareBow,Action,service} MetricName="AuditEvents" Action=("consent.grant" OR "consent.revoke")', 'Sum', 3600)`]);
    expect(breakGlass.properties['annotations']).toEqual({ alarms: ['alarm:carebow-prod-break-glass-used'] });
    expect(String(compliance.body.widgets[0]!.properties['markdown'])).toContain('GET /api/v1/audit/events');
  });

  it('singles out audit actions that shared/ really writes', () => {
    // Prepare
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) sources.push(readFileSync(join(dir, entry.name), 'utf8'));
      }
    };

    // Act
    walk(join(ROOT, 'shared'));

    // Assess
    for (const action of Object.values(COMPLIANCE_ACTIONS).flat())
      expect(
        sources.some((text) => text.includes(`action: '${action}'`)),
        action,
      ).toBe(true);
  });

  it('saves the Logs Insights queries, each over at most 50 log groups of this stage', () => {
    // Act
    const queries = resourcesOfType(prod.json, 'AWS::Logs::QueryDefinition').map(([, q]) => q.Properties!);

    // Assess
    expect(queries.map((q) => q.Name).sort()).toEqual([
      'carebow-prod/compliance/actor-activity-1-of-2',
      'carebow-prod/compliance/actor-activity-2-of-2',
      'carebow-prod/compliance/break-glass-uses',
      'carebow-prod/compliance/who-accessed-patient',
      'carebow-prod/operator/errors-by-route-1-of-2',
      'carebow-prod/operator/errors-by-route-2-of-2',
      'carebow-prod/operator/slowest-requests-1-of-2',
      'carebow-prod/operator/slowest-requests-2-of-2',
    ]);
    for (const query of queries) {
      expect(query.LogGroupNames.length, query.Name).toBeLessThanOrEqual(MAX_LOG_GROUPS_PER_QUERY);
      for (const name of query.LogGroupNames) expect(prod.json.Resources[referencedId(name)!]?.Type, query.Name).toBe('AWS::Logs::LogGroup');
    }
  });

  it('covers every function’s log group in the operator and actor queries, and the PHI routes’ and workers’ in who-accessed-patient', () => {
    // Prepare
    const queries = resourcesOfType(prod.json, 'AWS::Logs::QueryDefinition').map(([, q]) => q.Properties!);
    const groupsOf = (prefix: string): string[] =>
      queries.filter((q) => String(q.Name).startsWith(`carebow-prod/${prefix}`)).flatMap((q) => q.LogGroupNames.map((name: unknown) => referencedId(name)!));
    const routeGroup = (routeId: string): string => logicalIdOf(prod.stack, `Api/${pascal(routeId)}Logs`);
    const others = [
      'Api/AuthorizerLogs',
      'Triage/WorkerLogs',
      'Chat/WorkerLogs',
      'Notifications/WorkerLogs',
      'Content/WorkerLogs',
      'AuditAnchor/WorkerLogs',
    ].map((path) => logicalIdOf(prod.stack, path));

    // Act
    const errors = groupsOf('operator/errors-by-route');
    const actor = groupsOf('compliance/actor-activity');
    const patient = groupsOf('compliance/who-accessed-patient');

    // Assess
    expect(errors.sort()).toEqual([...ROUTE_IDS.map(routeGroup), ...others].sort());
    expect(groupsOf('operator/slowest-requests').sort()).toEqual(errors);
    expect(actor.sort()).toEqual(ROUTE_IDS.map(routeGroup).sort());
    expect(patient.sort()).toEqual([...PHI_ROUTE_IDS.map(routeGroup), ...others].sort());
    expect(groupsOf('compliance/break-glass-uses')).toEqual([routeGroup('breakGlass')]);
  });

  it('asks the questions with the fields the logs carry: the patient, the actor, the route and the request id', () => {
    // Prepare
    const byName = Object.fromEntries(
      resourcesOfType(prod.json, 'AWS::Logs::QueryDefinition').map(([, q]) => [q.Properties!.Name, String(q.Properties!.QueryString)]),
    );

    // Act
    const patient = byName['carebow-prod/compliance/who-accessed-patient']!;
    const actor = byName['carebow-prod/compliance/actor-activity-1-of-2']!;
    const breakGlass = byName['carebow-prod/compliance/break-glass-uses']!;
    const errors = byName['carebow-prod/operator/errors-by-route-1-of-2']!;
    const slowest = byName['carebow-prod/operator/slowest-requests-1-of-2']!;

    // Assess
    expect(CROSS_PATIENT_ROUTE_IDS).toEqual(expect.arrayContaining(['patientProfile', 'patientSession', 'breakGlass']));
    expect(patient).toContain(
      `filter subjectId = "${PATIENT_PLACEHOLDER}" or userId = "${PATIENT_PLACEHOLDER}" or route in ${JSON.stringify(CROSS_PATIENT_ROUTE_IDS)}`,
    );
    expect(patient).toContain('requestId');
    expect(actor).toContain(`filter userId = "${ACTOR_PLACEHOLDER}"`);
    expect(breakGlass).toContain('filter route = "breakGlass" and status < 300');
    expect(errors).toContain('stats count(*) as errors, latest(requestId) as lastRequestId by route, errorName');
    expect(slowest).toContain('sort latencyMs desc');
  });

  it('renders every widget of each synthesized dashboard at its grid position, with its title', () => {
    for (const dashboard of [operator, compliance]) {
      // Act
      const html = renderDashboardHtml(dashboard);

      // Assess
      const boxes = [...html.matchAll(/data-widget="(\d+)" data-x="(\d+)" data-y="(\d+)" data-width="(\d+)" data-height="(\d+)"/g)];
      expect(
        boxes.map((box) => box.slice(2).map(Number)),
        dashboard.name,
      ).toEqual(dashboard.body.widgets.map((w) => [w.x, w.y, w.width, w.height]));
      for (const widget of dashboard.body.widgets)
        if (widget.properties['title'] !== undefined) expect(html).toContain(`<h2>${String(widget.properties['title'])}</h2>`);
      expect(overlaps(dashboard.body), dashboard.name).toEqual([]);
    }
  });
});

/** Pairs of widgets that cover the same grid cell (CloudWatch would push one down; a picture would hide one). */
const overlaps = (body: DashboardBody): string[] => {
  const found: string[] = [];
  for (const [i, a] of body.widgets.entries())
    for (const [j, b] of body.widgets.entries())
      if (j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${i} and ${j}`);
  return found;
};
