import { accountRoutes as routes } from '../routes/account';
import { exportAccount } from '../../shared/account/export';
import { httpRoute } from '../../shared/http/http-route';
import {
  users,
  records,
  vault,
  auditLog,
  auditTrail,
  clock,
  conversations,
  symptomSessionReader,
  practitionerReader,
  availabilityStore,
  appointments,
} from '../../shared/runtime/composition';

const deps = {
  users: users(),
  profiles: records(),
  consents: records(),
  feedback: records(),
  sessions: symptomSessionReader(),
  conversations: conversations(),
  practitioners: practitionerReader(),
  availability: availabilityStore(),
  appointments: appointments(),
  auditTrail: auditTrail(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** GET /api/v1/me/export: everything CareBow holds about the caller, decrypted. */
export const handler = httpRoute(
  routes.exportMe,
  async ({ caller, meta }) => ({
    body: await exportAccount(deps, caller, meta),
    headers: { 'Content-Disposition': 'attachment; filename="carebow-export.json"' },
  }),
  { audit: deps.audit },
);
