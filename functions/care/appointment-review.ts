import { appointmentReview as route } from '../routes/care-appointments';
import { httpRoute } from '../../shared/http/http-route';
import { reviewAppointment } from '../../shared/care/review-appointment';
import { accountReader, appointments, auditLog, clock, practitionerReader, ratings, reviews, vault } from '../../shared/runtime/composition';

const deps = {
  users: accountReader(),
  appointments: appointments(),
  reviews: reviews(),
  ratings: ratings(),
  practitioners: practitionerReader(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** POST /api/v1/appointments/{id}/review: the patient rates a fulfilled visit once (comment sealed); it feeds the practitioner's rating. */
export const handler = httpRoute(route, async ({ params, body, caller, meta }) => ({ body: await reviewAppointment(deps, caller, params.id, body, meta) }), {
  audit: deps.audit,
});
