import { PROFILE, consentKey, feedbackKey, userKey } from '../data/keys';
import type { FieldPlace } from './sealed-field';

/** Where each sealed field lives; the place is bound into its ciphertext. */
export const places = {
  userEmail: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: userKey(userId), attribute: 'emailSealed' }),
  userName: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: userKey(userId), attribute: 'nameSealed' }),
  profile: (userId: string): FieldPlace => ({ userId, table: 'records', pk: userKey(userId), sk: PROFILE, attribute: 'data' }),
  // By id alone, not the item's sort key (feedbackKey(createdAt, id)): existing ciphertexts are bound to this.
  feedbackComments: (userId: string, feedbackId: string): FieldPlace => ({
    userId,
    table: 'records',
    pk: userKey(userId),
    sk: feedbackKey(feedbackId),
    attribute: 'commentsSealed',
  }),
  /** A break-glass grant's reason, on its consent item in the patient's partition, under the patient's key. */
  breakGlassReason: (patientId: string, grantId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: consentKey(grantId),
    attribute: 'reasonSealed',
  }),
};
