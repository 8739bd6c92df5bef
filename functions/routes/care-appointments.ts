// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import {
  Appointment,
  AppointmentListQuery,
  AppointmentPage,
  AppointmentStatusRequest,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  RescheduleAppointmentRequest,
  AppointmentReview,
  ReviewAppointmentRequest,
} from '../../shared/contracts/care-appointments';
import { ANY_USER, PATIENT, PRACTITIONER } from './access';
import { RECORDS_READ } from './grants';

/**
 * Appointments (the care area's bookings, ADR 0006), in their own module so that a booking
 * function bundles only these schemas, not the practitioner profiles' (the 100 KB budget). The
 * handlers live in `functions/care/`. A record the caller is no party to is 404 on every line.
 * Booking, cancelling and rescheduling send events to the notifications queue (`notificationsQueue:
 * 'send'`); none manages reminder schedules: the notifications worker does (docs/adr/0010-notifications.md).
 */
export const appointmentBook = /* @__PURE__ */ route('appointmentBook', 'POST /api/v1/appointments', 'care/appointment-book', PATIENT, { summary: 'Book a free slot (Idempotency-Key); 409 slot_unavailable if it is not bookable', body: BookAppointmentRequest, headers: ['Idempotency-Key'], response: Appointment, grants: { tables: { keys: 'read', records: 'readWrite', identity: 'read' }, dataKeys: 'decrypt', notificationsQueue: 'send' } });
export const appointmentList = /* @__PURE__ */ route('appointmentList', 'GET /api/v1/appointments', 'care/appointment-list', ANY_USER, { summary: 'The caller’s appointments as a patient, or their schedule as a practitioner', query: AppointmentListQuery, response: AppointmentPage, grants: { tables: { records: 'read' } } });
export const appointmentGet = /* @__PURE__ */ route('appointmentGet', 'GET /api/v1/appointments/{id}', 'care/appointment-get', ANY_USER, { summary: 'One appointment, for either party (else 404)', params: IdParams, response: Appointment, grants: RECORDS_READ });
export const appointmentCancel = /* @__PURE__ */ route('appointmentCancel', 'POST /api/v1/appointments/{id}/cancel', 'care/appointment-cancel', ANY_USER, { summary: 'Cancel an appointment (either party); the slot is free again at once', params: IdParams, body: CancelAppointmentRequest, response: Appointment, status: 200, grants: { tables: { keys: 'read', records: 'readWrite', identity: 'read' }, dataKeys: 'decrypt', notificationsQueue: 'send' } });
export const appointmentReschedule = /* @__PURE__ */ route('appointmentReschedule', 'POST /api/v1/appointments/{id}/reschedule', 'care/appointment-reschedule', PATIENT, { summary: 'Move an appointment to another free slot (the patient); 409 keeps the old time', params: IdParams, body: RescheduleAppointmentRequest, response: Appointment, status: 200, grants: { tables: { records: 'readWrite', identity: 'read' }, notificationsQueue: 'send' } });
export const appointmentStatus = /* @__PURE__ */ route('appointmentStatus', 'POST /api/v1/appointments/{id}/status', 'care/appointment-status', PRACTITIONER, { summary: 'Record a started visit as fulfilled or a no-show (the practitioner)', params: IdParams, body: AppointmentStatusRequest, response: Appointment, status: 200, grants: { tables: { records: 'readWrite', content: 'readWrite', identity: 'read' } } });
export const appointmentReview = /* @__PURE__ */ route('appointmentReview', 'POST /api/v1/appointments/{id}/review', 'care/appointment-review', PATIENT, { summary: 'Review a fulfilled visit once (the patient): 1–5 stars and a sealed comment, feeding the practitioner’s rating', params: IdParams, body: ReviewAppointmentRequest, response: AppointmentReview, status: 201, grants: { tables: { keys: 'read', records: 'readWrite', identity: 'read' }, dataKeys: 'decrypt' } });

export const appointmentRoutes = /* @__PURE__ */ routeTable([appointmentBook, appointmentList, appointmentGet, appointmentCancel, appointmentReschedule, appointmentStatus, appointmentReview]);
