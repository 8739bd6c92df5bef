import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { METRIC_SERVICES } from '../shared/metric-catalog';
import { catalogMetric, catalogSearch, dimensionLabel } from './catalog-metrics';
import { savedQueryNames } from './log-queries';

/**
 * The audit actions the compliance dashboard singles out (the `Action` dimension of `AuditEvents`
 * is the audit event's action, written in shared/; test/infra/dashboards.test.ts checks each is).
 */
export const COMPLIANCE_ACTIONS = {
  exports: ['account.export'],
  deletions: ['account.delete'],
  consents: ['consent.grant', 'consent.revoke'],
} as const;

export interface ComplianceDashboardProps {
  /** Stage name: the dashboard is `carebow-<stage>-compliance`. */
  readonly stage: string;
  /**
   * The break-glass alarm, drawn with its threshold.
   * @default - the metric alone
   */
  readonly breakGlassAlarm?: cloudwatch.IAlarm;
  /**
   * Period of every graph.
   * @default Duration.hours(1)
   */
  readonly period?: Duration;
}

/**
 * What a compliance officer reviews: audit events by action and outcome, denials, break-glass uses,
 * chain verification and anchoring, exports and deletions, consent grants and revocations, logins
 * and lockouts. Every number is a catalog metric (shared/metric-catalog.ts): counts only, never an
 * id. Who did what to whom is the audit trail's answer (`GET /api/v1/audit/events`); the text
 * widget says so and names the saved Logs Insights queries.
 *
 * @example
 * new ComplianceDashboard(monitoring, 'ComplianceDashboard', { stage: 'prod', breakGlassAlarm });
 */
export class ComplianceDashboard extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;

  public constructor(scope: Construct, id: string, props: ComplianceDashboardProps) {
    super(scope, id);
    const period = props.period ?? Duration.hours(1);
    const sum = { statistic: 'Sum', period };
    const routes = { service: METRIC_SERVICES.routes };
    const byService = (dimension: string): string => `${dimensionLabel(dimension)} (${dimensionLabel('service')})`;
    const actions = (title: string, list: readonly string[]): cloudwatch.GraphWidget =>
      new cloudwatch.GraphWidget({
        title,
        left: [catalogSearch('AuditEvents', { Action: list }, { ...sum, label: byService('Action') })],
        width: 8,
        statistic: 'Sum',
      });
    const breakGlass = catalogMetric('BreakGlassUsed', routes, { ...sum, label: 'Break-glass grants' });
    const queries = savedQueryNames(props.stage);

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `carebow-${props.stage}-compliance`,
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new cloudwatch.TextWidget({
            markdown: [
              '## Compliance',
              'Counts from the audit trail and the routes (namespace `CareBow`), never an id. **Who accessed a patient, or everything an actor did:** the audit trail itself, ' +
                '`GET /api/v1/audit/events?subjectId=<patient>` or `?actorId=<user>` (compliance role); verify a chain with `GET /api/v1/audit/verify?subjectId=<patient>`.',
              `**Logs Insights (saved queries):** ${[...queries.compliance, ...queries.operator].map((name) => `\`${name}\``).join(', ')}. ` +
                'Logs name the caller and the route, not whose record a route read: use them to find requests around an audit event (by `requestId`).',
            ].join('\n\n'),
            width: 24,
            height: 4,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Audit events by action',
            left: [catalogSearch('AuditEvents', {}, { ...sum, label: byService('Action') })],
            width: 12,
            stacked: true,
            legendPosition: cloudwatch.LegendPosition.RIGHT,
          }),
          new cloudwatch.GraphWidget({
            title: 'Audit events by outcome',
            left: [catalogSearch('AuditOutcomes', {}, { ...sum, label: byService('Outcome') })],
            width: 6,
            stacked: true,
          }),
          new cloudwatch.GraphWidget({
            title: 'Audit appends: retries and failures',
            left: [
              catalogSearch('AuditAppendRetries', {}, { ...sum, label: `Retries (${dimensionLabel('service')})` }),
              catalogSearch('AuditAppendFailures', {}, { ...sum, label: `Failures (${dimensionLabel('service')})` }),
            ],
            width: 6,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Denials by reason',
            left: [catalogSearch('Denied', {}, { ...sum, label: byService('Reason') })],
            width: 8,
            stacked: true,
          }),
          props.breakGlassAlarm !== undefined
            ? new cloudwatch.AlarmWidget({ title: 'Break-glass uses (each one pages)', alarm: props.breakGlassAlarm, width: 8 })
            : new cloudwatch.GraphWidget({ title: 'Break-glass uses (each one pages)', left: [breakGlass], width: 8 }),
          new cloudwatch.SingleValueWidget({
            title: 'Break-glass uses in the time range',
            metrics: [breakGlass],
            setPeriodToTimeRange: true,
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Audit chain verification by result',
            left: [catalogSearch('AuditChainVerification', {}, { ...sum, label: byService('Result') })],
            width: 8,
            stacked: true,
          }),
          new cloudwatch.GraphWidget({
            title: 'Audit anchor digests written',
            left: [catalogSearch('AuditDigestWritten', {}, { ...sum, label: 'Digests' })],
            width: 8,
          }),
          actions('Exports and deletions', [...COMPLIANCE_ACTIONS.exports, ...COMPLIANCE_ACTIONS.deletions]),
        ],
        [
          actions('Consent grants and revocations', COMPLIANCE_ACTIONS.consents),
          new cloudwatch.GraphWidget({
            title: 'Logins by outcome',
            left: [catalogSearch('Logins', routes, { ...sum, label: dimensionLabel('Outcome') })],
            width: 8,
            stacked: true,
          }),
          new cloudwatch.GraphWidget({
            title: 'Account lockouts',
            left: [catalogMetric('Lockouts', routes, { ...sum, label: 'Lockouts' })],
            width: 8,
          }),
        ],
      ],
    });
  }
}
