import { describe, expect, it } from 'vitest';
import { nextRecord, storedItem } from '../../shared/audit/chain';
import type { AuditEvent, AuditLog, StoredAuditEvent } from '../../shared/audit/ports';
import { verifyAuditAnchored, type AnchoredRouteDeps } from '../../shared/audit/verify-anchored-route';
import type { Caller } from '../../shared/domain/caller';
import { MemoryDigestStore, memorySigner, RecordingAnchorMetrics } from '../helpers/fakes/audit-anchor';

const caller = { userId: 'officer-1', roles: ['compliance'], clientId: 'web', tokenId: 't-1', mfa: 'otp' } as unknown as Caller;
const meta = { requestId: 'req-1', sourceIp: '203.0.113.9' };

const chainOf = (subjectId: string, count: number): StoredAuditEvent[] => {
  const chain: StoredAuditEvent[] = [];
  for (let n = 1; n <= count; n++) {
    const event: AuditEvent = {
      action: 'profile.read',
      outcome: 'success',
      subjectId,
      actor: { userId: `actor-${n}`, roles: ['caregiver'] },
      resource: { type: 'profile', id: subjectId },
      requestId: `r-${n}`,
      sourceIp: '198.51.100.7',
    };
    const previous = chain.at(-1) as unknown as Parameters<typeof nextRecord>[1];
    chain.push(storedItem(nextRecord(event, previous, `2026-11-26T20:0${n}:00.000Z`)) as unknown as StoredAuditEvent);
  }
  return chain;
};

/** The route's ports on fakes: a chain per subject (reads counted), a digest store, and an audit log that may fail. */
const world = (options: { auditFails?: boolean } = {}) => {
  const appended: AuditEvent[] = [];
  const reads: string[] = [];
  const chains = new Map<string, StoredAuditEvent[]>([['s-1', chainOf('s-1', 2)]]);
  const digests = new MemoryDigestStore();
  const metrics = new RecordingAnchorMetrics();
  const audit: AuditLog = {
    append: async (event) => {
      if (options.auditFails) throw new Error('audit table unavailable');
      appended.push(event);
    },
  } as AuditLog;
  const deps = {
    auditTrail: { chain: async (subjectId: string) => (reads.push(subjectId), chains.get(subjectId) ?? []) },
    audit,
    anchor: { digests, signer: memorySigner(), metrics },
    // The officer's account, active and holding the role (`requireOfficer`).
    users: { get: async (userId: string) => (userId === caller.userId ? { status: 'active', roles: ['compliance'] } : undefined) },
  } as unknown as AnchoredRouteDeps;
  return { deps, appended, reads, digests, metrics };
};

describe('Function: verifyAuditAnchored', () => {
  it('answers not_anchored with the chain’s own verdict when no digest exists, reading the chain once', async () => {
    // Prepare
    const w = world();

    // Act
    const verdict = await verifyAuditAnchored(w.deps, caller, 's-1', meta);

    // Assess
    expect(verdict).toEqual({ ok: true, events: 2, anchored: { result: 'not_anchored', digestsRead: 0 } });
    expect(w.reads).toEqual(['s-1']);
    expect(w.metrics.counts.get('AuditChainVerification:ok')).toBe(1);
    expect(w.appended).toEqual([expect.objectContaining({ action: 'audit.verify', subjectId: 'officer-1', reason: 'subject:s-1 anchored:not_anchored' })]);
  });

  it('answers ok:false, broken without brokenAt when a digest does not open, and audits that result', async () => {
    // Prepare
    const w = world();
    await w.digests.put({ key: 'local/9999-forged', body: '{"not":"a digest"}' });

    // Act
    const verdict = await verifyAuditAnchored(w.deps, caller, 's-1', meta);

    // Assess
    expect(verdict).toMatchObject({ ok: false, anchored: { result: 'broken', digestsRead: 0 } });
    expect(verdict).not.toHaveProperty('brokenAt');
    expect((verdict as { reason: string }).reason.length).toBeLessThanOrEqual(256);
    expect(w.appended.map((e) => e.reason)).toEqual(['subject:s-1 anchored:broken']);
    expect(w.metrics.counts.get('AuditChainVerification:broken')).toBe(1);
  });

  it('fails the request when the audit append fails', async () => {
    // Prepare
    const w = world({ auditFails: true });

    // Act
    const result = verifyAuditAnchored(w.deps, caller, 's-1', meta);

    // Assess
    await expect(result).rejects.toThrow('audit table unavailable');
  });
});
