import { appointmentBook as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { idempotent } from '../../shared/http/idempotency';
import { bookAppointment } from '../../shared/care/book-appointment';
import {
  accountReader,
  appointmentCopies,
  auditLog,
  clock,
  idempotencyStore,
  ledgers,
  notificationQueue,
  practitionerReader,
  scheduleReader,
  shareConsentGrants,
  sealingVault,
  symptomSessionReader,
  usageCounters,
} from '../../shared/runtime/composition';

const deps = {
  practitioners: practitionerReader(),
  users: accountReader(),
  availability: scheduleReader(),
  ledgers: ledgers(),
  appointments: appointmentCopies(),
  consents: shareConsentGrants(),
  sessions: symptomSessionReader(),
  notifications: notificationQueue(),
  vault: sealingVault(),
  audit: auditLog(),
  clock,
  counters: usageCounters(),
  idempotency: idempotencyStore(),
};

/** POST /api/v1/appointments: books a free slot for the calling patient (201), or 409 slot_unavailable; honours Idempotency-Key. */
export const handler = httpRoute(
  route,
  async ({ body, caller, headers, meta }) => {
    const reply = await idempotent(
      deps,
      {
        caller,
        meta,
        key: headers['idempotency-key'],
        routeId: route.id,
        body,
        replayed: (r) => ({ type: 'appointment', id: r.body.id }),
      },
      async () => ({ status: 201, body: await bookAppointment(deps, caller, body, meta, headers['idempotency-key']) }),
    );
    return { ...reply, headers: { Location: `/api/v1/appointments/${reply.body.id}` } };
  },
  { audit: deps.audit },
);
