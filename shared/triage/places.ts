import { sessionKey, userKey } from '../data/keys';
import type { FieldPlace } from '../vault/sealed-field';

/** Where a symptom session's sealed fields live (bound into their ciphertexts). */
export const sessionPlaces = {
  input: (patientId: string, sessionId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: sessionKey(sessionId),
    attribute: 'inputSealed',
  }),
  result: (patientId: string, sessionId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: userKey(patientId),
    sk: sessionKey(sessionId),
    attribute: 'resultSealed',
  }),
};
