import { appointmentReschedule as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { rescheduleAppointment } from '../../shared/care/reschedule-appointment';
import {
  accountReader,
  appointments,
  auditLog,
  clock,
  ledgers,
  notificationQueue,
  practitionerReader,
  scheduleReader,
  shareConsents,
  usageCounters,
} from '../../shared/runtime/composition';

const deps = {
  practitioners: practitionerReader(),
  users: accountReader(),
  availability: scheduleReader(),
  ledgers: ledgers(),
  appointments: appointments(),
  consents: shareConsents(),
  notifications: notificationQueue(),
  audit: auditLog(),
  clock,
  counters: usageCounters(),
};

/** POST /api/v1/appointments/{id}/reschedule: the patient moves it (same id), or 409 and the old time stays. */
export const handler = httpRoute(
  route,
  async ({ params, body, caller, meta }) => ({ body: await rescheduleAppointment(deps, caller, params.id, body.start, meta) }),
  { audit: deps.audit },
);
