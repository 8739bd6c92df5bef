import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../adapters/aws/dynamo-audit-log';
import { EmfMetrics } from '../adapters/aws/emf-metrics';
import { MeteredAuditLog } from '../audit/metered-audit-log';
import type { AuditLog } from '../audit/ports';
import type { MetricService } from '../metric-catalog';

/**
 * The audit log of a function: DynamoDB's, metered under `service` (shared/audit/metered-audit-log.ts: events,
 * outcomes, logins, bookings, failures) and counting its lost races (`AuditAppendRetries`). `lanes` is the
 * configuration's `AUDIT_LANES` (16 deployed, ADR 0019).
 *
 * @example
 * const audit = meteredAuditLog(client, config.AUDIT_TABLE, 'notifications-worker', undefined, config.AUDIT_LANES);
 */
export const meteredAuditLog = (
  client: DynamoDBDocumentClient,
  table: string,
  service: MetricService,
  metrics = new EmfMetrics(service),
  lanes?: number,
): AuditLog =>
  new MeteredAuditLog(
    new DynamoAuditLog(client, table, undefined, () => metrics.put({ dimensions: {}, metrics: [['AuditAppendRetries', 'Count', 1]] }), undefined, {
      ...(lanes !== undefined ? { lanes } : {}),
    }),
    metrics,
  );
