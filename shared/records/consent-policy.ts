import type { ConsentRecord } from './ports';
export type ConsentStatus = 'active' | 'revoked' | 'expired';

/** A consent's status at `now`: revocation wins, then expiry. */
export const consentStatus = (consent: Pick<ConsentRecord, 'revokedAt' | 'expiresAt'>, now: Date): ConsentStatus => {
  if (consent.revokedAt !== undefined) return 'revoked';
  if (consent.expiresAt !== undefined && Date.parse(consent.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
};

/** The kinds that let a grantee read: the patient's share, and a provider's break-glass grant (`profile.read` only). */
const READ_KINDS: ReadonlySet<ConsentRecord['kind']> = new Set(['share', 'break_glass']);

/**
 * The consent that lets `granteeId` read `scope` of a patient's data now, if any: a share consent
 * (or a break-glass grant) to that grantee, with that scope, neither revoked nor expired. No consent, no access.
 *
 * @example
 * const consent = activeConsentFor(consents, granteeId, 'profile.read', new Date());
 */
export const activeConsentFor = (consents: readonly ConsentRecord[], granteeId: string, scope: string, now: Date): ConsentRecord | undefined =>
  consents.find(
    (consent) =>
      READ_KINDS.has(consent.kind) && consent.granteeId === granteeId && (consent.scopes ?? []).includes(scope) && consentStatus(consent, now) === 'active',
  );

/** Whether the patient currently allows AI processing of their data. */
export const allowsAiProcessing = (consent: ConsentRecord | undefined, now: Date): boolean =>
  consent !== undefined && consent.kind === 'ai_processing' && consentStatus(consent, now) === 'active';
