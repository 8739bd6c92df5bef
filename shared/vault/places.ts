import type { FieldPlace } from './sealed-field';

/** Where each sealed field lives; the place is bound into its ciphertext. */
export const places = {
  userEmail: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: `USER#${userId}`, attribute: 'emailSealed' }),
  userName: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: `USER#${userId}`, attribute: 'nameSealed' }),
  profile: (userId: string): FieldPlace => ({ userId, table: 'records', pk: `USER#${userId}`, sk: 'PROFILE', attribute: 'data' }),
  feedbackComments: (userId: string, feedbackId: string): FieldPlace => ({ userId, table: 'records', pk: `USER#${userId}`, sk: `FEEDBACK#${feedbackId}`, attribute: 'commentsSealed' }),
};
