import { exportMe as route } from '../routes/account-export';
import { exportAccount } from '../../shared/account/export';
import { httpRoute } from '../../shared/http/http-route';
import {
  accountReader,
  recordsReader,
  vault,
  auditLog,
  auditTrail,
  clock,
  conversations,
  symptomSessionReader,
  practitionerReader,
  availabilityStore,
  appointmentReader,
  notificationExport,
  usageCounters,
} from '../../shared/runtime/composition';

const deps = {
  users: accountReader(),
  profiles: recordsReader(),
  consents: recordsReader(),
  feedback: recordsReader(),
  sessions: symptomSessionReader(),
  conversations: conversations(),
  practitioners: practitionerReader(),
  availability: availabilityStore(),
  appointments: appointmentReader(),
  notificationData: notificationExport(),
  counters: usageCounters(),
  auditTrail: auditTrail(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** GET /api/v1/me/export: everything CareBow holds about the caller, decrypted. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => ({
    body: await exportAccount(deps, caller, meta),
    headers: { 'Content-Disposition': 'attachment; filename="carebow-export.json"' },
  }),
  { audit: deps.audit },
);
