import type {
  BreakGlassStore,
  ConsentRecord,
  ConsentRepository,
  ConsentUndo,
  FeedbackRecord,
  FeedbackRepository,
  ProfileRepository,
  StoredProfile,
} from '../../../shared/records/ports';
import type { ShareConsents } from '../../../shared/care/ports';
import { pageOf } from './page';

/**
 * The records ports in memory, honouring their documented contracts like `DynamoRecords`: the
 * profile's version is an optimistic lock, at most one unrevoked consent per id (so one active AI
 * consent per patient), revocation only of an unrevoked consent, paged lists with cursors bound to
 * the partition, and undos that put the previous item back only while the stored one is still the
 * one just written. Stored values are frozen: a use case that mutated what it read throws.
 */
export const inMemoryRecords = () => {
  /** By user id. */
  const profiles = new Map<string, StoredProfile>();
  /** By `patientId/consentId`. */
  const consents = new Map<string, ConsentRecord>();
  /** By `userId/createdAt#id`, the adapter's sort key. */
  const feedback = new Map<string, FeedbackRecord>();
  const consentKey = (patientId: string, consentId: string) => `${patientId}/${consentId}`;
  const freezeConsent = (consent: ConsentRecord): ConsentRecord =>
    Object.freeze({ ...consent, ...(consent.scopes ? { scopes: Object.freeze([...consent.scopes]) } : {}) });

  const profileRepository: ProfileRepository = {
    get: async (userId) => profiles.get(userId),
    put: async (userId, sealed, updatedAt, expectedVersion) => {
      const current = profiles.get(userId);
      if (expectedVersion === undefined ? current !== undefined : current?.version !== expectedVersion) return false;
      profiles.set(userId, Object.freeze({ sealed, version: (expectedVersion ?? 0) + 1, updatedAt }));
      return true;
    },
    undoPut: async (userId, written, previous) => {
      const current = profiles.get(userId);
      if (current?.version !== written.version) return false;
      if (previous === undefined) profiles.delete(userId);
      else profiles.set(userId, Object.freeze({ ...previous }));
      return true;
    },
  };

  // Also the care area's `ShareConsents` (a booking's consent is a consent like any other).
  const consentRepository: ConsentRepository & ConsentUndo & ShareConsents = {
    create: async (consent) => {
      const current = consents.get(consentKey(consent.patientId, consent.id));
      if (current !== undefined && current.revokedAt === undefined) return false;
      consents.set(consentKey(consent.patientId, consent.id), freezeConsent(consent));
      return true;
    },
    get: async (patientId, consentId) => consents.get(consentKey(patientId, consentId)),
    between: async (patientId, granteeId) => [...consents.values()].filter((c) => c.patientId === patientId && c.granteeId === granteeId),
    granted: async (patientId, page) =>
      pageOf(
        [...consents.values()].filter((c) => c.patientId === patientId),
        `granted:${patientId}`,
        page,
        { key: (c) => c.id },
      ),
    received: async (granteeId, page) =>
      pageOf(
        [...consents.values()].filter((c) => c.granteeId === granteeId),
        `received:${granteeId}`,
        page,
        { key: (c) => c.id },
      ),
    revoke: async (patientId, consentId, at) => {
      const current = consents.get(consentKey(patientId, consentId));
      if (current === undefined || current.revokedAt !== undefined) return false;
      consents.set(consentKey(patientId, consentId), freezeConsent({ ...current, revokedAt: at }));
      return true;
    },
    undoCreate: async (consent, previous) => {
      const current = consents.get(consentKey(consent.patientId, consent.id));
      if (current === undefined || current.createdAt !== consent.createdAt || current.revokedAt !== undefined) return false;
      if (previous === undefined) consents.delete(consentKey(consent.patientId, consent.id));
      else consents.set(consentKey(consent.patientId, consent.id), freezeConsent(previous));
      return true;
    },
    undoRevoke: async (patientId, consentId, at) => {
      const current = consents.get(consentKey(patientId, consentId));
      if (current === undefined || current.revokedAt !== at) return false;
      const { revokedAt: _revokedAt, ...unrevoked } = current;
      consents.set(consentKey(patientId, consentId), freezeConsent(unrevoked));
      return true;
    },
    moveExpiry: async (patientId, consentId, from, to) => {
      const current = consents.get(consentKey(patientId, consentId));
      if (current === undefined || current.revokedAt !== undefined || current.expiresAt !== from) return false;
      consents.set(consentKey(patientId, consentId), freezeConsent({ ...current, expiresAt: to }));
      return true;
    },
  };

  const feedbackRepository: FeedbackRepository = {
    add: async (record) => {
      const key = `${record.userId}/${record.createdAt}#${record.id}`;
      // The adapter's put is conditional on a new item: a repeated id fails loudly, never overwrites.
      if (feedback.has(key)) throw new Error(`feedback ${record.id} exists (ConditionalCheckFailed)`);
      feedback.set(key, Object.freeze({ ...record }));
    },
    ofUser: async (userId) =>
      [...feedback.entries()]
        .filter(([key]) => key.startsWith(`${userId}/`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, record]) => record),
    // Feedback never changes once added: the item at its key is the one added while it exists.
    undoAdd: async (record) => feedback.delete(`${record.userId}/${record.createdAt}#${record.id}`),
  };

  return { profiles, consents, feedback, profileRepository, consentRepository, feedbackRepository };
};

/**
 * `BreakGlassStore` in memory over `records` (its grants are consents like any other, so the profile read sees them),
 * honouring the adapter's contract: `create` never overwrites, the daily count rises only below the limit and falls
 * only above zero. `counts` is by `providerId/date`.
 */
export const inMemoryBreakGlass = (records: ReturnType<typeof inMemoryRecords>) => {
  const counts = new Map<string, number>();
  const store: BreakGlassStore = {
    between: records.consentRepository.between,
    create: async (grant) => {
      if (records.consents.has(`${grant.patientId}/${grant.id}`)) return false;
      return records.consentRepository.create(grant);
    },
    undoCreate: records.consentRepository.undoCreate,
    count: async (providerId, date, limit) => {
      const n = counts.get(`${providerId}/${date}`) ?? 0;
      if (n >= limit) return false;
      counts.set(`${providerId}/${date}`, n + 1);
      return true;
    },
    uncount: async (providerId, date) => {
      const n = counts.get(`${providerId}/${date}`) ?? 0;
      if (n <= 0) return false;
      counts.set(`${providerId}/${date}`, n - 1);
      return true;
    },
  };
  return { counts, store };
};
