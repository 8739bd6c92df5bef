import { CONTACT, DELETION_NOTICE, userKey } from '../data/keys';
import type { FieldPlace } from '../vault/sealed-field';

/** Where the contact item's sealed fields live (bound into their ciphertexts), sealed with the user's own data key. */
export const contactPlaces = {
  phone: (userId: string): FieldPlace => ({ userId, table: 'records', pk: userKey(userId), sk: CONTACT, attribute: 'phoneSealed' }),
  /** The pending code, for the worker to send once (`verification.codeSealed`). */
  code: (userId: string): FieldPlace => ({ userId, table: 'records', pk: userKey(userId), sk: CONTACT, attribute: 'verification.codeSealed' }),
};

/**
 * Where a deletion notice's e-mail address lives, in the deleted account's partition, sealed under the
 * notice's own data key: its data subject is the event's id, never the account's (whose key is destroyed).
 */
export const noticePlaces = {
  email: (userId: string, eventId: string): FieldPlace => ({
    userId: eventId,
    table: 'records',
    pk: userKey(userId),
    sk: DELETION_NOTICE,
    attribute: 'emailSealed',
  }),
};
