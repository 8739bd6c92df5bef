import { appointmentList as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { listAppointments } from '../../shared/care/appointment-queries';
import { appointmentTimeline, auditLog } from '../../shared/runtime/composition';

const deps = { appointments: appointmentTimeline(), audit: auditLog() };

/** GET /api/v1/appointments: the caller's appointments (patient) or schedule (practitioner), one page. */
export const handler = httpRoute(route, async ({ query, caller, meta }) => ({ body: await listAppointments(deps, caller, query, meta) }), {
  audit: deps.audit,
});
