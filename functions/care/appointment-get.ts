import { appointmentGet as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { getAppointment } from '../../shared/care/appointment-queries';
import { appointments, auditLog, vault } from '../../shared/runtime/composition';

const deps = { appointments: appointments(), vault: vault(), audit: auditLog() };

/** GET /api/v1/appointments/{id}: one appointment for either party, its reason opened; anyone else 404. */
export const handler = httpRoute(route, async ({ params, caller, meta }) => ({ body: await getAppointment(deps, caller, params.id, meta) }), {
  audit: deps.audit,
});
