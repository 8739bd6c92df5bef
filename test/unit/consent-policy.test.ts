import { describe, expect, it } from 'vitest';
import { activeConsentFor, allowsAiProcessing, consentStatus } from '../../shared/domain/consent-policy';
import type { ConsentRecord } from '../../shared/ports';

const now = new Date('2026-11-25T12:00:00Z');
const share = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'c1', kind: 'share', patientId: 'p', granteeId: 'g', scopes: ['profile.read'], purpose: 'caregiving', createdAt: '2026-11-01T00:00:00Z', ...overrides,
});

describe('Module: consent policy', () => {
  it('finds an active consent for the grantee and scope', () => {
    expect(activeConsentFor([share()], 'g', 'profile.read', now)?.id).toBe('c1');
  });

  it.each([
    ['another grantee', [share({ granteeId: 'other' })]],
    ['another scope', [share({ scopes: ['triage.read'] })]],
    ['a revoked consent', [share({ revokedAt: '2026-11-20T00:00:00Z' })]],
    ['an expired consent', [share({ expiresAt: '2026-11-25T11:59:59Z' })]],
    ['an AI-processing consent', [share({ kind: 'ai_processing' })]],
    ['no consent', []],
  ])('denies with %s', (_name, consents) => {
    expect(activeConsentFor(consents as ConsentRecord[], 'g', 'profile.read', now)).toBeUndefined();
  });

  it('names the status, revocation first', () => {
    expect(consentStatus(share({ revokedAt: 'x', expiresAt: '2020-01-01T00:00:00Z' }), now)).toBe('revoked');
    expect(consentStatus(share({ expiresAt: '2020-01-01T00:00:00Z' }), now)).toBe('expired');
    expect(consentStatus(share(), now)).toBe('active');
  });

  it('allows AI processing only under an active ai_processing consent', () => {
    expect(allowsAiProcessing({ ...share(), kind: 'ai_processing' }, now)).toBe(true);
    expect(allowsAiProcessing({ ...share(), kind: 'ai_processing', revokedAt: 'x' }, now)).toBe(false);
    expect(allowsAiProcessing(undefined, now)).toBe(false);
  });
});
