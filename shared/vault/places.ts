import { PROFILE, feedbackKey, userKey } from '../data/keys';
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
};
