import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as keys from '../../shared/data/keys';
import { sessionPlaces } from '../../shared/triage/places';
import { places } from '../../shared/vault/places';
import { openWithKey, sealWithKey, type FieldPlace } from '../../shared/vault/sealed-field';

/**
 * The key builders are part of every sealed field's associated data (the places bind a ciphertext
 * to its table, pk, sk and attribute), so what they return must never change: these tests pin
 * each builder and each place to the strings spelled out by hand before the builders existed.
 */

/** The places as they were written before shared/data/keys.ts, letter for letter. */
const before = {
  userEmail: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: `USER#${userId}`, attribute: 'emailSealed' }),
  userName: (userId: string): FieldPlace => ({ userId, table: 'identity', pk: `USER#${userId}`, attribute: 'nameSealed' }),
  profile: (userId: string): FieldPlace => ({ userId, table: 'records', pk: `USER#${userId}`, sk: 'PROFILE', attribute: 'data' }),
  feedbackComments: (userId: string, feedbackId: string): FieldPlace => ({
    userId,
    table: 'records',
    pk: `USER#${userId}`,
    sk: `FEEDBACK#${feedbackId}`,
    attribute: 'commentsSealed',
  }),
  sessionInput: (patientId: string, sessionId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: `USER#${patientId}`,
    sk: `SESSION#${sessionId}`,
    attribute: 'inputSealed',
  }),
  sessionResult: (patientId: string, sessionId: string): FieldPlace => ({
    userId: patientId,
    table: 'records',
    pk: `USER#${patientId}`,
    sk: `SESSION#${sessionId}`,
    attribute: 'resultSealed',
  }),
};

/** Ids as they come (uuids), and anything else a caller could pass: '#', unicode, empty. */
const anyId = fc.oneof(fc.uuid(), fc.string(), fc.constant(''), fc.constant('a#b'));

describe('Module: shared/data/keys', () => {
  it('spells every key shape of the tables exactly as the adapters wrote them by hand', () => {
    // Act, Assess
    expect(keys.userKey('u-1')).toBe('USER#u-1');
    expect(keys.emailKey('hmac')).toBe('EMAIL#hmac');
    expect(keys.loginKey('hmac')).toBe('LOGIN#hmac');
    expect(keys.familyKey('f-1')).toBe('FAMILY#f-1');
    expect(keys.subjectKey('s-1')).toBe('SUBJECT#s-1');
    expect(keys.seqKey(1)).toBe('SEQ#000000000001');
    expect(keys.seqKey(123_456_789_012)).toBe('SEQ#123456789012');
    // Audit lanes (ADR 0019): lane 0 keeps the keys of every record appended before lanes.
    expect(keys.laneSeqKey(0, 7)).toBe('SEQ#000000000007');
    expect(keys.laneSeqKey(3, 7)).toBe('L03#SEQ#000000000007');
    expect(keys.laneSeqKey(15, 123_456_789_012)).toBe('L15#SEQ#123456789012');
    expect(keys.lanePrefix(0)).toBe('SEQ#');
    expect(keys.lanePrefix(12)).toBe('L12#SEQ#');
    expect(keys.PROFILE).toBe('PROFILE');
    expect(keys.AI_QUOTA).toBe('AIQUOTA');
    expect(keys.budgetKey('symptomSession#3600#1767261600')).toBe('BUDGET#symptomSession#3600#1767261600');
    expect(keys.consentKey('c-1')).toBe('CONSENT#c-1');
    expect(keys.breakGlassCountKey('2026-11-25')).toBe('BREAKGLASS#2026-11-25');
    expect(keys.feedbackKey('2026-01-02T03:04:05.000Z', 'f-1')).toBe('FEEDBACK#2026-01-02T03:04:05.000Z#f-1');
    expect(keys.feedbackKey('f-1')).toBe('FEEDBACK#f-1');
    expect(keys.sessionKey('s-1')).toBe('SESSION#s-1');
    expect(keys.chatKey('c-1')).toBe('CHAT#c-1');
    expect(keys.idempotencyKey('key-aaaaaaaa')).toBe('IDEMPOTENCY#key-aaaaaaaa');
    // A deletion notice's sealed address is bound to this sort key (shared/notifications/places.ts).
    expect(keys.DELETION_NOTICE).toBe('NOTICE#account_deleted');
    expect(keys.devicesKey('u-1')).toBe('DEVICES#u-1');
  });

  it('gives the listing prefixes each item key starts with', () => {
    // Act, Assess
    expect([keys.CONSENT_PREFIX, keys.FEEDBACK_PREFIX, keys.SESSION_PREFIX, keys.CHAT_PREFIX]).toEqual(['CONSENT#', 'FEEDBACK#', 'SESSION#', 'CHAT#']);
    fc.assert(
      fc.property(anyId, (id) => {
        expect(keys.consentKey(id).startsWith(keys.CONSENT_PREFIX)).toBe(true);
        expect(keys.feedbackKey('t', id).startsWith(keys.FEEDBACK_PREFIX)).toBe(true);
        expect(keys.sessionKey(id).startsWith(keys.SESSION_PREFIX)).toBe(true);
        expect(keys.chatKey(id).startsWith(keys.CHAT_PREFIX)).toBe(true);
      }),
    );
  });

  it('matches the hand-written template for any id', () => {
    // Act, Assess
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        expect(keys.userKey(a)).toBe(`USER#${a}`);
        expect(keys.emailKey(a)).toBe(`EMAIL#${a}`);
        expect(keys.loginKey(a)).toBe(`LOGIN#${a}`);
        expect(keys.familyKey(a)).toBe(`FAMILY#${a}`);
        expect(keys.subjectKey(a)).toBe(`SUBJECT#${a}`);
        expect(keys.consentKey(a)).toBe(`CONSENT#${a}`);
        expect(keys.feedbackKey(a, b)).toBe(`FEEDBACK#${a}#${b}`);
        expect(keys.sessionKey(a)).toBe(`SESSION#${a}`);
        expect(keys.chatKey(a)).toBe(`CHAT#${a}`);
        expect(keys.idempotencyKey(a)).toBe(`IDEMPOTENCY#${a}`);
      }),
    );
  });
});

describe('Places (sealed-field binding contexts)', () => {
  it('are byte-identical to the places written by hand before the builders', () => {
    // Act, Assess
    fc.assert(
      fc.property(anyId, anyId, (userId, itemId) => {
        expect(places.userEmail(userId)).toStrictEqual(before.userEmail(userId));
        expect(places.userName(userId)).toStrictEqual(before.userName(userId));
        expect(places.profile(userId)).toStrictEqual(before.profile(userId));
        expect(places.feedbackComments(userId, itemId)).toStrictEqual(before.feedbackComments(userId, itemId));
        expect(sessionPlaces.input(userId, itemId)).toStrictEqual(before.sessionInput(userId, itemId));
        expect(sessionPlaces.result(userId, itemId)).toStrictEqual(before.sessionResult(userId, itemId));
      }),
    );
  });

  it('spell out the literal strings, field by field', () => {
    // Act, Assess
    expect(places.userEmail('u')).toStrictEqual({ userId: 'u', table: 'identity', pk: 'USER#u', attribute: 'emailSealed' });
    expect(places.userName('u')).toStrictEqual({ userId: 'u', table: 'identity', pk: 'USER#u', attribute: 'nameSealed' });
    expect(places.profile('u')).toStrictEqual({ userId: 'u', table: 'records', pk: 'USER#u', sk: 'PROFILE', attribute: 'data' });
    expect(places.feedbackComments('u', 'f')).toStrictEqual({ userId: 'u', table: 'records', pk: 'USER#u', sk: 'FEEDBACK#f', attribute: 'commentsSealed' });
    expect(sessionPlaces.input('p', 's')).toStrictEqual({ userId: 'p', table: 'records', pk: 'USER#p', sk: 'SESSION#s', attribute: 'inputSealed' });
    expect(sessionPlaces.result('p', 's')).toStrictEqual({ userId: 'p', table: 'records', pk: 'USER#p', sk: 'SESSION#s', attribute: 'resultSealed' });
  });

  it('open the known-answer ciphertexts of test/unit/sealed-field.test.ts, sealed before the builders', () => {
    // Prepare
    const fixedKey = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

    // Act, Assess
    expect(openWithKey(fixedKey, places.profile('user-a'), 'cb1.1.nLIsXRKtsnQwQXvm.EOCNk8RBlDO8Og0ubyE1DyPviROa87uCgk42458AKjOM8fKkver3WOreVgs')).toBe(
      '{"allergies":["penicillin"]}',
    );
    expect(openWithKey(fixedKey, places.userEmail('user-a'), 'cb1.1.T0kbiRQDauRuUho8.mNvkMGk9ZpO1Iv0nPr_iDw')).toBe('');
  });

  it('open a value sealed under the place as it was spelled before', () => {
    // Prepare
    const key = new Uint8Array(32).fill(7);
    const userId = randomUUID();
    const id = randomUUID();
    const pairs: [FieldPlace, FieldPlace][] = [
      [before.userEmail(userId), places.userEmail(userId)],
      [before.userName(userId), places.userName(userId)],
      [before.profile(userId), places.profile(userId)],
      [before.feedbackComments(userId, id), places.feedbackComments(userId, id)],
      [before.sessionInput(userId, id), sessionPlaces.input(userId, id)],
      [before.sessionResult(userId, id), sessionPlaces.result(userId, id)],
    ];

    // Act, Assess
    for (const [old, now] of pairs) {
      expect(openWithKey(key, now, sealWithKey(key, 1, old, 'ann@example.com'))).toBe('ann@example.com');
    }
  });
});
