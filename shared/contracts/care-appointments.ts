import * as z from '../zod';
import { declared } from '../zod';
import { Availability, SlotWindowQuery, Slot, ZonedInstant } from './care-availability';
import { Id, Instant, list, page, PageQuery, text } from './common';
import { MAX_SLOTS, APPOINTMENT_MODES, APPOINTMENT_STATUSES, MAX_REVIEW_COMMENT } from './care-bounds';

/**
 * Schemas of the booking routes: a practitioner's stored availability, free slots, and appointments.
 * Statuses are FHIR R4 `Appointment.status` names. The `reason` of a visit is PHI: sealed at rest with
 * the patient's data key, never in the booking ledger, never in a log line.
 */

/** The stored availability with the zone it is read in (the practitioner profile's `timeZone`). */
export const AvailabilityView = /* @__PURE__ */ z
  .object({ availability: Availability, timeZone: text(64), version: z.int(), updatedAt: Instant })
  .register(z.globalRegistry, { id: 'AvailabilityView' });
export type AvailabilityView = z.infer<typeof AvailabilityView>;

/** `?from=&to=` of a slot listing: at most 31 days. */
export const SlotsQuery = SlotWindowQuery;

export const SlotList = /* @__PURE__ */ z.object({ timeZone: text(64), items: list(Slot, MAX_SLOTS) }).register(z.globalRegistry, { id: 'SlotList' });
export type SlotList = z.infer<typeof SlotList>;

const Reason = /* @__PURE__ */ declared(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)));

export const BookAppointmentRequest = /* @__PURE__ */ z
  .strictObject({
    practitionerId: Id,
    /** A slot's `start`, echoed exactly (its offset tells the two 01:30s of a fall-back night apart). */
    start: ZonedInstant,
    /** Defaults to the practitioner's slot length. */
    durationMinutes: z.optional(z.int().check(z.gte(10), z.lte(24 * 60))),
    mode: z.enum(APPOINTMENT_MODES),
    /** PHI: sealed with the patient's data key. */
    reason: z.optional(Reason),
    /** One of the caller's own symptom sessions (else 404), named on the appointment: with `shareProfile` the practitioner may read its result. */
    symptomSessionId: z.optional(Id),
    /** Consents to share the profile and triage with the practitioner (`profile.read`, `triage.read`, `treatment`) until 7 days after the visit; revoked if it is cancelled. */
    shareProfile: z.optional(z.boolean()),
  })
  .register(z.globalRegistry, { id: 'BookAppointmentRequest' });
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequest>;

export const Appointment = /* @__PURE__ */ z
  .object({
    id: Id,
    status: z.enum(APPOINTMENT_STATUSES),
    practitionerId: Id,
    patientId: Id,
    start: ZonedInstant,
    end: ZonedInstant,
    mode: z.enum(APPOINTMENT_MODES),
    /** Only in the answer to one appointment (not in lists), for either party. */
    reason: z.optional(text(1000)),
    /** The patient's symptom session the booking named. */
    symptomSessionId: z.optional(Id),
    /** `true` when the booking shared the profile and triage with the practitioner (a consent, until it is cancelled or expires). */
    shareProfile: z.optional(z.boolean()),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .register(z.globalRegistry, { id: 'Appointment' });
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentPage = /* @__PURE__ */ page(Appointment).register(z.globalRegistry, { id: 'AppointmentPage' });

/**
 * `?from=&to=&as=&limit=&cursor=`: appointments starting in `[from, to)`. `as` picks whose list: the
 * caller's own as a patient, or their schedule as a practitioner (the default for a provider or caregiver).
 */
export const AppointmentListQuery = /* @__PURE__ */ declared(() =>
  z.strictObject({
    from: z.optional(ZonedInstant),
    to: z.optional(ZonedInstant),
    as: z.optional(z.enum(['patient', 'practitioner'])),
    ...PageQuery,
  }),
);
export type AppointmentListQuery = z.infer<typeof AppointmentListQuery>;

export const CancelAppointmentRequest = /* @__PURE__ */ z
  .strictObject({ reason: z.optional(Reason) })
  .register(z.globalRegistry, { id: 'CancelAppointmentRequest' });
export const RescheduleAppointmentRequest = /* @__PURE__ */ z
  .strictObject({ start: ZonedInstant })
  .register(z.globalRegistry, { id: 'RescheduleAppointmentRequest' });
export const AppointmentStatusRequest = /* @__PURE__ */ z
  .strictObject({ status: z.enum(['fulfilled', 'noshow']) })
  .register(z.globalRegistry, { id: 'AppointmentStatusRequest' });

/** A review's stars: a whole number from 1 to 5. */
export const ReviewRating = /* @__PURE__ */ declared(() => z.int().check(z.gte(1), z.lte(5)));

/**
 * `POST /api/v1/appointments/{id}/review`: the patient's stars for a fulfilled visit, once. The
 * `comment` is PHI (it may say why they saw the practitioner): sealed with the patient's data key.
 */
export const ReviewAppointmentRequest = /* @__PURE__ */ declared(() =>
  z
    .strictObject({
      rating: ReviewRating,
      /** PHI: sealed with the patient's data key, never shown to the practitioner. */
      comment: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_REVIEW_COMMENT))),
    })
    .register(z.globalRegistry, { id: 'ReviewAppointmentRequest' }),
);
export type ReviewAppointmentRequest = z.infer<typeof ReviewAppointmentRequest>;

/** A review as its patient sees it (the answer of the review route, and in the patient's export). */
export const AppointmentReview = /* @__PURE__ */ z
  .object({ appointmentId: Id, practitionerId: Id, rating: ReviewRating, comment: z.optional(text(MAX_REVIEW_COMMENT)), createdAt: Instant })
  .register(z.globalRegistry, { id: 'AppointmentReview' });
export type AppointmentReview = z.infer<typeof AppointmentReview>;
