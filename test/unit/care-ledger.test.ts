import { describe, expect, it } from 'vitest';
import {
  attributeBytes,
  book,
  canBook,
  DYNAMODB_ITEM_LIMIT_BYTES,
  emptyLedger,
  heldSpan,
  type Ledger,
  type LedgerEntry,
  ledgerItemBytes,
  MAX_APPOINTMENT_ID_LENGTH,
  MAX_LEDGER_ENTRIES,
  overlaps,
  release,
  type Visit,
} from '../../shared/care/ledger';

const MINUTE = 60_000;
const at = (text: string): number => Date.parse(text);
/** A visit on Monday 2027-03-15 in New York (EDT, −04:00), at `time` for `minutes`. */
const visit = (time: string, minutes = 30, before = 10, after = 5): Visit => {
  const start = at(`2027-03-15T${time}:00-04:00`);
  return { start, end: start + minutes * MINUTE, bufferBeforeMinutes: before, bufferAfterMinutes: after };
};
const monday = (): Ledger => emptyLedger('America/New_York', '2027-03-15');
/** Books or fails the test: for building a ledger step by step. */
const booked = (ledger: Ledger, id: string, v: Visit): Ledger => {
  const result = book(ledger, id, v);
  if (!result.ok) throw new Error(`${id}: ${result.reason}`);
  return result.ledger;
};

describe('Function: emptyLedger', () => {
  it('bounds the local day, 23 hours on a spring-forward day, at version 0', () => {
    // Act
    const ledger = emptyLedger('America/New_York', '2027-03-14');
    // Assess
    expect(ledger).toEqual({ date: '2027-03-14', dayStart: at('2027-03-14T05:00:00Z'), dayEnd: at('2027-03-15T04:00:00Z'), version: 0, entries: [] });
  });
});

describe('Function: heldSpan', () => {
  it('widens the visit by its buffers', () => {
    // Act
    const held = heldSpan(visit('10:00'));
    // Assess
    expect(held).toEqual({ start: at('2027-03-15T09:50:00-04:00'), end: at('2027-03-15T10:35:00-04:00') });
  });
});

describe('Function: overlaps', () => {
  it('treats spans as half-open: touching is not overlapping', () => {
    // Act, Assess
    expect(overlaps({ start: 0, end: 30 }, { start: 30, end: 60 })).toBe(false);
    expect(overlaps({ start: 0, end: 31 }, { start: 30, end: 60 })).toBe(true);
    expect(overlaps({ start: 10, end: 20 }, { start: 0, end: 60 })).toBe(true);
  });
});

describe('Function: book', () => {
  it('adds the visit with its held span, keeps entries in order and bumps the version', () => {
    // Prepare
    const ledger = booked(monday(), 'late', visit('11:00'));
    // Act
    const result = book(ledger, 'early', visit('09:00'));
    // Assess
    expect(result.ok && result.changed).toBe(true);
    const next = (result as { ledger: Ledger }).ledger;
    expect(next.version).toBe(2);
    expect(next.entries.map((e) => e.appointmentId)).toEqual(['early', 'late']);
    expect(next.entries[0]).toEqual({
      appointmentId: 'early',
      start: at('2027-03-15T13:00:00Z'),
      end: at('2027-03-15T13:30:00Z'),
      heldStart: at('2027-03-15T12:50:00Z'),
      heldEnd: at('2027-03-15T13:35:00Z'),
    });
    expect(ledger.entries).toHaveLength(1);
  });

  it('refuses a visit that overlaps a booked one, naming it', () => {
    // Prepare
    const ledger = booked(monday(), 'a1', visit('10:00'));
    // Act
    const result = book(ledger, 'a2', visit('10:15'));
    // Assess
    expect(result).toEqual({ ok: false, reason: 'taken', appointmentId: 'a1' });
  });

  it('refuses a visit whose buffers collide with a booked visit’s, and accepts one just clear of them', () => {
    // Prepare: 10:00–10:30 holds 09:50–10:35
    const ledger = booked(monday(), 'a1', visit('10:00'));
    // Act
    const afterTooSoon = book(ledger, 'a2', visit('10:30', 30, 10, 5));
    const beforeTooLate = book(ledger, 'a3', visit('09:20', 30, 10, 5));
    const clear = book(ledger, 'a4', visit('10:45', 30, 10, 5));
    // Assess: 10:30's held span starts at 10:20, 09:20's ends at 09:55; 10:45's starts at 10:35
    expect(afterTooSoon).toEqual({ ok: false, reason: 'buffer', appointmentId: 'a1' });
    expect(beforeTooLate).toEqual({ ok: false, reason: 'buffer', appointmentId: 'a1' });
    expect(clear.ok).toBe(true);
  });

  it('refuses a visit whose buffers leave the local day', () => {
    // Act
    const early = book(monday(), 'a1', visit('00:00', 30, 10, 0));
    const late = book(monday(), 'a2', visit('23:30', 30, 0, 1));
    const exact = book(monday(), 'a3', visit('23:30', 30, 0, 0));
    // Assess
    expect(early).toEqual({ ok: false, reason: 'crosses_midnight' });
    expect(late).toEqual({ ok: false, reason: 'crosses_midnight' });
    expect(exact.ok).toBe(true);
  });

  it.each([
    ['shorter than 10 minutes', visit('10:00', 9)],
    ['ending before it starts', { ...visit('10:00'), end: at('2027-03-15T09:00:00-04:00') }],
    ['not a number', { ...visit('10:00'), start: Number.NaN }],
    ['a negative buffer', visit('10:00', 30, -1, 0)],
    ['a fractional buffer', visit('10:00', 30, 0, 2.5)],
    ['a buffer over 120 minutes', visit('10:00', 30, 121, 0)],
  ])('refuses a visit %s', (_name, v) => {
    // Act, Assess
    expect(book(monday(), 'a1', v)).toEqual({ ok: false, reason: 'invalid_visit' });
    expect(canBook(monday(), v)).toEqual({ ok: false, reason: 'invalid_visit' });
  });

  it('refuses an empty or overlong appointment id', () => {
    // Act, Assess
    expect(book(monday(), '', visit('10:00'))).toEqual({ ok: false, reason: 'invalid_visit' });
    expect(book(monday(), 'x'.repeat(MAX_APPOINTMENT_ID_LENGTH + 1), visit('10:00'))).toEqual({ ok: false, reason: 'invalid_visit' });
  });

  it('treats booking the same appointment and visit again as done, and another visit as a conflict', () => {
    // Prepare
    const ledger = booked(monday(), 'a1', visit('10:00'));
    // Act
    const retried = book(ledger, 'a1', visit('10:00'));
    const moved = book(ledger, 'a1', visit('14:00'));
    // Assess
    expect(retried).toEqual({ ok: true, ledger, changed: false });
    expect(moved).toEqual({ ok: false, reason: 'duplicate_appointment', appointmentId: 'a1' });
  });

  it('refuses a 151st visit even if the entries were somehow all short', () => {
    // Prepare: 150 entries squeezed into the first hour (not reachable through book, which keeps them ≥ 10 minutes)
    const base = monday();
    const entries: LedgerEntry[] = Array.from({ length: MAX_LEDGER_ENTRIES }, (_, i) => {
      const start = base.dayStart + i * 1000;
      return { appointmentId: `a${i}`, start, end: start + 1000, heldStart: start, heldEnd: start + 1000 };
    });
    const full: Ledger = { ...base, entries };
    // Act
    const result = canBook(full, visit('12:00', 30, 0, 0));
    // Assess
    expect(result).toEqual({ ok: false, reason: 'full' });
  });
});

describe('Function: canBook', () => {
  it('agrees with book without changing the ledger', () => {
    // Prepare
    const ledger = booked(monday(), 'a1', visit('10:00'));
    // Act, Assess
    expect(canBook(ledger, visit('11:00'))).toEqual({ ok: true });
    expect(canBook(ledger, visit('10:00'))).toEqual({ ok: false, reason: 'taken', appointmentId: 'a1' });
    expect(ledger.version).toBe(1);
  });
});

describe('Function: release', () => {
  it('removes the appointment’s visit at the next version, freeing its time', () => {
    // Prepare
    const ledger = booked(booked(monday(), 'a1', visit('10:00')), 'a2', visit('11:00'));
    // Act
    const next = release(ledger, 'a1');
    // Assess
    expect(next.version).toBe(3);
    expect(next.entries.map((e) => e.appointmentId)).toEqual(['a2']);
    expect(book(next, 'a3', visit('10:00')).ok).toBe(true);
  });

  it('returns the same ledger when the appointment is not in it: nothing to write', () => {
    // Prepare
    const ledger = booked(monday(), 'a1', visit('10:00'));
    // Act
    const next = release(ledger, 'unknown');
    // Assess
    expect(next).toBe(ledger);
  });
});

describe('Protocol: one conditional write per booking', () => {
  /** A stand-in for the ledger item: a put succeeds only if the stored version is the one the writer read. */
  const store = () => {
    let item: Ledger | undefined;
    return {
      read: (): Ledger => item ?? monday(),
      put: (next: Ledger, expectedVersion: number): boolean => {
        if ((item?.version ?? 0) !== expectedVersion) return false;
        item = next;
        return true;
      },
    };
  };
  /** Book with retries, re-reading after a lost write, as the adapter will. */
  const bookWithRetry = (s: ReturnType<typeof store>, id: string, v: Visit, firstRead?: Ledger) => {
    let read = firstRead ?? s.read();
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = book(read, id, v);
      if (!result.ok || !result.changed || s.put(result.ledger, read.version)) return result;
      read = s.read();
    }
    throw new Error('too much contention');
  };

  it('lets both of two racing bookings of different times win, the second after one retry', () => {
    // Prepare: both read version 0
    const s = store();
    const staleA = s.read();
    const staleB = s.read();
    // Act
    const a = bookWithRetry(s, 'a', visit('09:00'), staleA);
    const b = bookWithRetry(s, 'b', visit('11:00'), staleB);
    // Assess
    expect(a.ok && b.ok).toBe(true);
    expect(s.read().entries.map((e) => e.appointmentId)).toEqual(['a', 'b']);
    expect(s.read().version).toBe(2);
  });

  it('lets only one of two racing bookings of the same time win', () => {
    // Prepare
    const s = store();
    const staleA = s.read();
    const staleB = s.read();
    // Act
    const a = bookWithRetry(s, 'a', visit('09:00'), staleA);
    const b = bookWithRetry(s, 'b', visit('09:00'), staleB);
    // Assess
    expect(a.ok).toBe(true);
    expect(b).toEqual({ ok: false, reason: 'taken', appointmentId: 'a' });
    expect(s.read().entries).toHaveLength(1);
  });
});

describe('Size: one ledger item', () => {
  it('holds at most 150 visits: a 25-hour day of 10-minute visits', () => {
    // Assess
    expect(MAX_LEDGER_ENTRIES).toBe(150);
  });

  it('stays far below DynamoDB’s 400 KB with 150 entries of 64-character ids', () => {
    // Prepare: a 25-hour day, filled with 10-minute visits, no buffers
    let ledger = emptyLedger('America/New_York', '2027-11-07');
    for (let i = 0; i < MAX_LEDGER_ENTRIES; i++) {
      const start = ledger.dayStart + i * 10 * MINUTE;
      ledger = booked(ledger, `${String(i).padStart(3, '0')}${'x'.repeat(61)}`, {
        start,
        end: start + 10 * MINUTE,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
      });
    }
    // Act
    const bytes = ledgerItemBytes(ledger);
    // Assess: ~23 KB, under a tenth of the limit
    expect(ledger.entries).toHaveLength(150);
    expect(canBook(ledger, { start: ledger.dayStart, end: ledger.dayEnd, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 }).ok).toBe(false);
    expect(bytes).toBeGreaterThan(20_000);
    expect(bytes).toBeLessThan(DYNAMODB_ITEM_LIMIT_BYTES / 10);
  });

  it('counts sizes the way DynamoDB does', () => {
    // Act, Assess: strings in UTF-8 bytes, numbers by significant digits, containers 3 bytes + 1 per element
    expect(attributeBytes('é')).toBe(2);
    expect(attributeBytes(1_825_569_000_000)).toBe(5);
    expect(attributeBytes(1_825_569_000_123)).toBe(8);
    expect(attributeBytes([1, 2])).toBe(3 + 2 * (1 + 2));
    expect(attributeBytes({ ab: 'xyz' })).toBe(3 + 1 + 2 + 3);
  });
});
