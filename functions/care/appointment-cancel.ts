import { appointmentCancel as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import {
  accountReader,
  appointments,
  auditLog,
  clock,
  ledgers,
  notificationQueue,
  sealingVault,
  shareConsents,
  usageCounters,
} from '../../shared/runtime/composition';

const deps = {
  users: accountReader(),
  appointments: appointments(),
  ledgers: ledgers(),
  consents: shareConsents(),
  notifications: notificationQueue(),
  vault: sealingVault(),
  audit: auditLog(),
  clock,
  counters: usageCounters(),
};

/** POST /api/v1/appointments/{id}/cancel: either party cancels; the ledger releases the slot at once; both parties are told (the notifications queue). */
export const handler = httpRoute(route, async ({ params, body, caller, meta }) => ({ body: await cancelAppointment(deps, caller, params.id, body, meta) }), {
  audit: deps.audit,
});
