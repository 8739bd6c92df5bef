import { CONTACT, userKey } from '../data/keys';
import type { FieldPlace } from '../vault/sealed-field';

/** Where the contact item's sealed fields live (bound into their ciphertexts), sealed with the user's own data key. */
export const contactPlaces = {
  phone: (userId: string): FieldPlace => ({ userId, table: 'records', pk: userKey(userId), sk: CONTACT, attribute: 'phoneSealed' }),
  /** The pending code, for the worker to send once (`verification.codeSealed`). */
  code: (userId: string): FieldPlace => ({ userId, table: 'records', pk: userKey(userId), sk: CONTACT, attribute: 'verification.codeSealed' }),
};
