import type { MfaChallenge, MfaChallengeStore, MfaEnrolment, MfaStore } from '../../../shared/identity/ports';
import { conditionFailure } from '../in-memory';

/**
 * MFA enrolments and login challenges in maps, with the adapter's conditions (shared/adapters/aws/dynamo-mfa.ts):
 * a pending enrolment is replaced but an active one never, a step is used once and only forward, a recovery code once.
 */
export const inMemoryMfa = () => {
  const enrolments = new Map<string, MfaEnrolment>();
  const challenges = new Map<string, MfaChallenge>();
  const active = (userId: string) => (enrolments.get(userId)?.status === 'active' ? enrolments.get(userId) : undefined);
  const store: MfaStore = {
    get: async (userId) => enrolments.get(userId),
    putPending: async (userId, secretSealed, createdAt) => {
      if (active(userId)) return false;
      enrolments.set(userId, { status: 'pending', secretSealed, createdAt });
      return true;
    },
    activate: async (userId, secretSealed, step, recoveryHashes) => {
      const stored = enrolments.get(userId);
      if (stored?.status !== 'pending' || stored.secretSealed !== secretSealed) return false;
      enrolments.set(userId, { ...stored, status: 'active', lastStep: step, recoveryHashes: [...recoveryHashes] });
      return true;
    },
    useStep: async (userId, step) => {
      const stored = active(userId);
      if (stored === undefined || (stored.lastStep !== undefined && stored.lastStep >= step)) return false;
      enrolments.set(userId, { ...stored, lastStep: step });
      return true;
    },
    useRecoveryCode: async (userId, hash) => {
      const stored = active(userId);
      if (stored === undefined || !stored.recoveryHashes?.includes(hash)) return false;
      enrolments.set(userId, { ...stored, recoveryHashes: stored.recoveryHashes.filter((kept) => kept !== hash) });
      return true;
    },
    remove: async (userId) => (active(userId) ? enrolments.delete(userId) : false),
    restore: async (userId, enrolment) => {
      if (enrolments.has(userId)) throw conditionFailure(`mfa of ${userId} exists`);
      enrolments.set(userId, enrolment);
    },
  };
  const challengeStore: MfaChallengeStore = {
    create: async (hash, challenge) => {
      if (challenges.has(hash)) throw conditionFailure(`challenge ${hash} exists`);
      challenges.set(hash, challenge);
    },
    get: async (hash) => challenges.get(hash),
    consume: async (hash) => challenges.delete(hash),
  };
  return { store, challengeStore, enrolments, challenges };
};
