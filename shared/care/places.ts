import { appointmentKey, userKey } from '../data/keys';
import type { FieldPlace } from '../vault/sealed-field';

/** Where an appointment's sealed fields live: the patient's item, sealed with the patient's data key (bound into the ciphertexts). */
export const appointmentPlaces = {
  reason: (patientId: string, appointmentId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: appointmentKey(appointmentId),
    attribute: 'reasonSealed',
  }),
  cancelReason: (patientId: string, appointmentId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: appointmentKey(appointmentId),
    attribute: 'cancelReasonSealed',
  }),
  /** A review's comment: the nested `review.commentSealed` of the patient's copy (ReviewRepository). */
  reviewComment: (patientId: string, appointmentId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: appointmentKey(appointmentId),
    attribute: 'review.commentSealed',
  }),
};
