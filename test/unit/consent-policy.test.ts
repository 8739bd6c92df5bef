import { describe, expect, it } from 'vitest';
import { activeConsentFor, allowsAiProcessing, consentStatus } from '../../shared/records/consent-policy';
import type { ConsentRecord } from '../../shared/records/ports';
const now = new Date('2026-11-25T12:00:00Z');
const share = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'c1',
  kind: 'share',
  patientId: 'p',
  granteeId: 'g',
  scopes: ['profile.read'],
  purpose: 'caregiving',
  createdAt: '2026-11-01T00:00:00Z',
  ...overrides,
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

const aiConsent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'ai1',
  kind: 'ai_processing',
  patientId: 'p',
  purpose: 'triage',
  createdAt: '2026-11-01T00:00:00Z',
  ...overrides,
});
const justBefore = new Date(now.getTime() - 1).toISOString();
const justAfter = new Date(now.getTime() + 1).toISOString();

describe('Function: consentStatus', () => {
  it('is active without revocation or expiry', () => {
    // Prepare
    const consent = share();

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('active');
  });

  it('is revoked once revoked, even before its expiry', () => {
    // Prepare
    const consent = share({ revokedAt: '2026-11-20T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' });

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('revoked');
  });

  it('is revoked rather than expired when both apply (revocation wins)', () => {
    // Prepare
    const consent = share({ revokedAt: '2026-11-20T00:00:00Z', expiresAt: '2026-11-21T00:00:00Z' });

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('revoked');
  });

  it('is expired at exactly its expiry instant', () => {
    // Prepare
    const consent = share({ expiresAt: now.toISOString() });

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('expired');
  });

  it('is expired a millisecond after its expiry', () => {
    // Prepare
    const consent = share({ expiresAt: justBefore });

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('expired');
  });

  it('is active a millisecond before its expiry', () => {
    // Prepare
    const consent = share({ expiresAt: justAfter });

    // Act
    const status = consentStatus(consent, now);

    // Assess
    expect(status).toBe('active');
  });
});

describe('Function: activeConsentFor', () => {
  it('returns the matching consent among others', () => {
    // Prepare
    const consents = [
      share({ id: 'other-grantee', granteeId: 'other' }),
      share({ id: 'other-scope', scopes: ['triage.read'] }),
      share({ id: 'revoked', revokedAt: '2026-11-20T00:00:00Z' }),
      share({ id: 'match', scopes: ['triage.read', 'profile.read'] }),
    ];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent?.id).toBe('match');
  });

  it('never treats an ai_processing consent as a share, even with the grantee and scope', () => {
    // Prepare
    const consents = [aiConsent({ granteeId: 'g', scopes: ['profile.read'] })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent).toBeUndefined();
  });

  it('grants nothing under a share consent without scopes', () => {
    // Prepare
    const consents = [share({ scopes: undefined })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent).toBeUndefined();
  });

  it('grants nothing to a grantee that is not named (a scope alone is not enough)', () => {
    // Prepare
    const consents = [share({ granteeId: undefined })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent).toBeUndefined();
  });

  it('matches the scope exactly, not by prefix', () => {
    // Prepare
    const consents = [share({ scopes: ['profile'] })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent).toBeUndefined();
  });

  it('denies at exactly the expiry instant', () => {
    // Prepare
    const consents = [share({ expiresAt: now.toISOString() })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent).toBeUndefined();
  });

  it('allows until its expiry', () => {
    // Prepare
    const consents = [share({ expiresAt: justAfter })];

    // Act
    const consent = activeConsentFor(consents, 'g', 'profile.read', now);

    // Assess
    expect(consent?.id).toBe('c1');
  });
});

describe('Function: allowsAiProcessing', () => {
  it('allows under an active ai_processing consent', () => {
    // Prepare
    const consent = aiConsent();

    // Act
    const allowed = allowsAiProcessing(consent, now);

    // Assess
    expect(allowed).toBe(true);
  });

  it('allows under an ai_processing consent until its expiry', () => {
    // Prepare
    const consent = aiConsent({ expiresAt: justAfter });

    // Act
    const allowed = allowsAiProcessing(consent, now);

    // Assess
    expect(allowed).toBe(true);
  });

  it('never allows under a share consent (a caregiver share is not consent to AI processing)', () => {
    // Prepare
    const consent = share({ scopes: ['profile.read', 'triage.read'], purpose: 'triage' });

    // Act
    const allowed = allowsAiProcessing(consent, now);

    // Assess
    expect(allowed).toBe(false);
  });

  it.each([
    ['that has expired', aiConsent({ expiresAt: justBefore })],
    ['that expires exactly now', aiConsent({ expiresAt: now.toISOString() })],
    ['that was revoked', aiConsent({ revokedAt: '2026-11-20T00:00:00Z' })],
    ['revoked before its expiry', aiConsent({ revokedAt: '2026-11-20T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' })],
  ])('does not allow under an ai_processing consent %s', (_name, consent) => {
    // Act
    const allowed = allowsAiProcessing(consent, now);

    // Assess
    expect(allowed).toBe(false);
  });

  it('does not allow without a consent', () => {
    // Act
    const allowed = allowsAiProcessing(undefined, now);

    // Assess
    expect(allowed).toBe(false);
  });
});
