import { describe, expect, it } from 'vitest';
import { nextRecord, recordHash, verifyChain, type ChainedAuditRecord } from '../../shared/audit/chain';
import type { AuditEvent } from "../../shared/audit/ports";
const event = (action: string): AuditEvent => ({
  action, outcome: 'success', subjectId: 'patient-1', actor: { userId: 'caregiver-1', roles: ['caregiver'] },
  resource: { type: 'profile', id: 'patient-1' }, requestId: `req-${action}`, sourceIp: '203.0.113.1',
});

const chainOf = (n: number): ChainedAuditRecord[] => {
  const records: ChainedAuditRecord[] = [];
  for (let i = 0; i < n; i++) records.push(nextRecord(event(`a${i}`), records.at(-1), `2026-11-25T12:00:0${i}.000Z`));
  return records;
};

describe('Module: audit chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(chainOf(5))).toEqual({ ok: true, events: 5 });
    expect(verifyChain([])).toEqual({ ok: true, events: 0 });
  });

  it('detects an edited record', () => {
    const records = chainOf(5);
    records[2] = { ...records[2]!, actor: { userId: 'someone-else', roles: [] } };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/edited/) });
  });

  it('detects an edit whose hash was recomputed, at the next record', () => {
    const records = chainOf(5);
    const { hash: _h, ...unhashed } = { ...records[1]!, outcome: 'denied' as const };
    records[1] = { ...unhashed, hash: recordHash(unhashed) };
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a deleted record', () => {
    const records = chainOf(5);
    records.splice(2, 1);
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/deleted/) });
  });

  it('detects reordered records', () => {
    const records = chainOf(5);
    [records[1], records[2]] = [records[2]!, records[1]!];
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects an inserted record', () => {
    const records = chainOf(5);
    const forged = nextRecord(event('forged'), records[1], '2026-11-25T12:00:01.500Z');
    records.splice(2, 0, forged);
    expect(verifyChain(records)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects a removed tail record only through its successor: the head is the anchor', () => {
    // Truncating the newest records leaves a valid, shorter chain; that is why the count of events
    // is reported and compared by the verifier's caller (see the note on anchoring in the ADR).
    expect(verifyChain(chainOf(5).slice(0, 3))).toEqual({ ok: true, events: 3 });
  });
});
