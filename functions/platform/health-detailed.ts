import { platformRoutes as routes } from '../routes/platform';
import { healthConfigSchema, readConfig } from '../../shared/config';
import { checkDependencies } from '../../shared/platform/check-dependencies';
import { httpRoute } from '../../shared/http/http-route';
import { healthProbes } from '../../shared/runtime/health-probes';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';

const config = readConfig(healthConfigSchema);
const probes = healthProbes(config);
const audit = new DynamoAuditLog(createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT }), config.AUDIT_TABLE);

/** GET /api/v1/health/detailed (admin): every dependency's status and latency; 503 if any is down. */
export const handler = httpRoute(routes.healthDetailed, async () => {
  const report = await checkDependencies(probes);
  return {
    status: report.status === 'ok' ? 200 : 503,
    body: { ...report, version: config.CAREBOW_VERSION, time: new Date().toISOString() },
  };
}, { audit });
