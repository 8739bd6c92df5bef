import type { MetricGroup } from '../observability/emf';
import type { Metrics } from '../observability/ports';
import type { AuditEvent, AuditLog } from './ports';

/** A login's `reason` as its `Logins` outcome; a disabled account gets bad credentials' answer and counts as them. */
const LOGIN_REASONS: Readonly<Record<string, string>> = {
  bad_credentials: 'bad_credentials',
  account_disabled: 'bad_credentials',
  locked_out: 'locked',
  mfa_required: 'mfa_required',
  mfa_failed: 'mfa_failed',
};
/** A booking refused because the slot (or its buffer) was taken, or lost to a concurrent booking. */
const CONFLICT_REASONS = new Set(['taken', 'buffer', 'contention']);

const count = (dimensions: Record<string, string>, name: MetricGroup['metrics'][number][0]): MetricGroup => ({ dimensions, metrics: [[name, 'Count', 1]] });

/**
 * The figures one appended event makes, as records (a dimension has one value per record): always `AuditEvents` by
 * `Action` and `AuditOutcomes` by `Outcome`; for `auth.login` also `Logins` by outcome (and `Lockouts` for a refusal
 * of a locked account); for `appointment.book`, `Bookings` (`booked` or `conflict`). Actions and reasons are labels
 * made in code, never input.
 *
 * @example
 * auditFigures({ action: 'auth.login', outcome: 'denied', reason: 'locked_out', ... }); // AuditEvents, AuditOutcomes; Logins{locked} + Lockouts
 */
export const auditFigures = (event: AuditEvent): MetricGroup[][] => {
  const records: MetricGroup[][] = [[count({ Action: event.action }, 'AuditEvents'), count({ Outcome: event.outcome }, 'AuditOutcomes')]];
  if (event.action === 'auth.login') {
    const outcome = LOGIN_REASONS[event.reason ?? ''] ?? (event.outcome === 'success' ? 'success' : undefined);
    if (outcome !== undefined) records.push([count({ Outcome: outcome }, 'Logins'), ...(outcome === 'locked' ? [count({}, 'Lockouts')] : [])]);
  }
  if (event.action === 'appointment.book') {
    const outcome = event.outcome === 'success' ? 'booked' : CONFLICT_REASONS.has(event.reason ?? '') ? 'conflict' : undefined;
    if (outcome !== undefined) records.push([count({ Outcome: outcome }, 'Bookings')]);
  }
  return records;
};

/**
 * Decorates the `AuditLog` port with the figures its events make (`auditFigures`), so no use case counts anything
 * itself: every audited request already appends exactly one event. A failed append counts `AuditAppendFailures` and
 * fails as before; figures go out only once the event is stored.
 *
 * @example
 * const audit = new MeteredAuditLog(new DynamoAuditLog(client, table), new EmfMetrics('carebow'));
 */
export class MeteredAuditLog implements AuditLog {
  public constructor(
    private readonly inner: AuditLog,
    private readonly metrics: Metrics,
  ) {}

  public async append(event: AuditEvent): Promise<void> {
    try {
      await this.inner.append(event);
    } catch (error) {
      this.metrics.put(count({}, 'AuditAppendFailures'));
      throw error;
    }
    for (const groups of auditFigures(event)) this.metrics.put(...groups);
  }
}
