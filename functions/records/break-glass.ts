import { breakGlass as route } from '../routes/records';
import { httpRoute } from '../../shared/http/http-route';
import { openBreakGlass } from '../../shared/records/break-glass';
import { accountReader, auditLog, breakGlassMetrics, breakGlassStore, clock, practitionerReader, sealingVault } from '../../shared/runtime/composition';

const deps = {
  practitioners: practitionerReader(),
  users: accountReader(),
  grants: breakGlassStore(),
  vault: sealingVault(),
  metrics: breakGlassMetrics(),
  audit: auditLog(),
  clock,
};

/** POST /api/v1/patients/{patientId}/break-glass: a verified provider's 60-minute emergency grant (201), or the live one (200). */
export const handler = httpRoute(
  route,
  async ({ params, body, caller, meta }) => {
    const { grant, created } = await openBreakGlass(deps, caller, params.patientId, body.reason, meta);
    return { body: grant, ...(created ? {} : { status: 200 }) };
  },
  { audit: deps.audit },
);
