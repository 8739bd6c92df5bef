import { healthDetailed as route } from '../routes/platform';
import { checkDependencies } from '../../shared/platform/check-dependencies';
import { httpRoute } from '../../shared/http/http-route';
import { dependencyProbes, healthAuditLog, healthConfig } from '../../shared/runtime/composition';

const probes = dependencyProbes();
const audit = healthAuditLog();
const { CAREBOW_VERSION } = healthConfig();

/** GET /api/v1/health/detailed (admin): every dependency's status and latency; 503 if any is down. */
export const handler = httpRoute(
  route,
  async () => {
    const report = await checkDependencies(probes);
    return {
      status: report.status === 'ok' ? 200 : 503,
      body: { ...report, version: CAREBOW_VERSION, time: new Date().toISOString() },
    };
  },
  { audit },
);
