import { appointmentStatus as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { setAppointmentStatus } from '../../shared/care/appointment-status';
import { accountReader, appointments, auditLog, clock, figureCounter } from '../../shared/runtime/composition';

const deps = { users: accountReader(), appointments: appointments(), audit: auditLog(), clock, figures: figureCounter() };

/** POST /api/v1/appointments/{id}/status: the practitioner records a started visit as fulfilled or a no-show. */
export const handler = httpRoute(
  route,
  async ({ params, body, caller, meta }) => ({ body: await setAppointmentStatus(deps, caller, params.id, body.status, meta) }),
  { audit: deps.audit },
);
