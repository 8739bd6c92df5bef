import { appointmentRoutes as routes } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { cancelAppointment } from '../../shared/care/cancel-appointment';
import { appointments, auditLog, clock, ledgers, shareConsents, vault } from '../../shared/runtime/composition';

const deps = { appointments: appointments(), ledgers: ledgers(), consents: shareConsents(), vault: vault(), audit: auditLog(), clock };

/** POST /api/v1/appointments/{id}/cancel: either party cancels; the ledger releases the slot at once. */
export const handler = httpRoute(
  routes.appointmentCancel,
  async ({ params, body, caller, meta }) => ({ body: await cancelAppointment(deps, caller, params.id, body, meta) }),
  { audit: deps.audit },
);
