import { describe, expect, it } from 'vitest';
import {
  applyRotationStep,
  assertValidRing,
  initialRing,
  nextRotationStep,
  publishedJwks,
  RETIRED_KEPT,
  ROTATION_TIMINGS,
  SigningKeyRingError,
  type PublicSigningJwk,
  type SigningKeyRing,
} from '../../shared/domain/signing-key-ring';

const T0 = new Date('2026-11-26T22:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const jwk = (kid: string): PublicSigningJwk => ({ kty: 'EC', crv: 'P-256', x: `x-${kid}`, y: `y-${kid}`, kid, alg: 'ES256', use: 'sig' });
const key = (kid: string) => ({ kid, keyRef: `ref-${kid}`, jwk: jwk(kid) });
const { publishDelaySeconds: PUBLISH, retireDelaySeconds: RETIRE } = ROTATION_TIMINGS;

/** A ring rotated from A to B: started at 0, switched at PUBLISH, retired at PUBLISH + RETIRE. */
const rotate = (ring: SigningKeyRing, kid: string, start: number): SigningKeyRing => {
  const started = applyRotationStep(ring, { kind: 'start' }, at(start), ROTATION_TIMINGS, key(kid));
  const from = started.keys.find((k) => k.state === 'active')!.kid;
  const switched = applyRotationStep(started, { kind: 'switch', from, to: kid }, at(start + PUBLISH), ROTATION_TIMINGS);
  return applyRotationStep(switched, { kind: 'retire', kid: from }, at(start + PUBLISH + RETIRE), ROTATION_TIMINGS);
};

describe('signing-key ring: timings', () => {
  it('switches only after every JWKS cache has seen the next key, and retires only after every token of the old one expired', () => {
    // Assess: ring cache 60 + authorizer JWKS cache 300 (+ margin); ring cache 60 + token 900 + skew 60 + authorizer result cache 300 (+ margin)
    expect(PUBLISH).toBeGreaterThan(60 + 300);
    expect(RETIRE).toBeGreaterThan(60 + 900 + 60 + 300);
  });
});

describe('signing-key ring: nextRotationStep and applyRotationStep', () => {
  it('starts with the configured key active and published alone', () => {
    // Prepare
    const ring = initialRing(key('A'), T0);

    // Act
    const step = nextRotationStep(ring, T0, ROTATION_TIMINGS);

    // Assess
    expect(step).toEqual({ kind: 'start' });
    expect(publishedJwks(ring)).toEqual([jwk('A')]);
  });

  it('publishes the next key beside the active one, and waits the publish delay before switching', () => {
    // Prepare
    const started = applyRotationStep(initialRing(key('A'), T0), { kind: 'start' }, T0, ROTATION_TIMINGS, key('B'));

    // Act
    const early = nextRotationStep(started, at(PUBLISH - 1), ROTATION_TIMINGS);
    const due = nextRotationStep(started, at(PUBLISH), ROTATION_TIMINGS);

    // Assess
    expect(started.version).toBe(1);
    expect(publishedJwks(started).map((k) => k.kid)).toEqual(['B', 'A']);
    expect(early).toEqual({ kind: 'wait', phase: 'switch', kid: 'B', until: at(PUBLISH) });
    expect(due).toEqual({ kind: 'switch', from: 'A', to: 'B' });
  });

  it('keeps the old key published while retiring, and unpublishes it once retired', () => {
    // Prepare
    const started = applyRotationStep(initialRing(key('A'), T0), { kind: 'start' }, T0, ROTATION_TIMINGS, key('B'));
    const switched = applyRotationStep(started, { kind: 'switch', from: 'A', to: 'B' }, at(PUBLISH), ROTATION_TIMINGS);

    // Act
    const early = nextRotationStep(switched, at(PUBLISH + RETIRE - 1), ROTATION_TIMINGS);
    const retired = applyRotationStep(switched, { kind: 'retire', kid: 'A' }, at(PUBLISH + RETIRE), ROTATION_TIMINGS);

    // Assess
    expect(switched.keys.map((k) => [k.kid, k.state])).toEqual([
      ['A', 'retiring'],
      ['B', 'active'],
    ]);
    expect(publishedJwks(switched).map((k) => k.kid)).toEqual(['B', 'A']);
    expect(early).toMatchObject({ kind: 'wait', phase: 'retire', kid: 'A' });
    expect(retired.keys[0]).toEqual({
      kid: 'A',
      keyRef: 'ref-A',
      state: 'retired',
      createdAt: T0.toISOString(),
      activatedAt: T0.toISOString(),
      retiringAt: at(PUBLISH).toISOString(),
      retiredAt: at(PUBLISH + RETIRE).toISOString(),
    });
    expect(publishedJwks(retired)).toEqual([jwk('B')]);
    expect(nextRotationStep(retired, at(PUBLISH + RETIRE), ROTATION_TIMINGS)).toEqual({ kind: 'start' });
  });

  it.each([
    [
      'a switch before the publish delay',
      (ring: SigningKeyRing) => applyRotationStep(ring, { kind: 'switch', from: 'A', to: 'B' }, at(PUBLISH - 1), ROTATION_TIMINGS),
    ],
    ['a retire before the switch', (ring: SigningKeyRing) => applyRotationStep(ring, { kind: 'retire', kid: 'A' }, at(PUBLISH + RETIRE), ROTATION_TIMINGS)],
    ['a second start during a rotation', (ring: SigningKeyRing) => applyRotationStep(ring, { kind: 'start' }, at(PUBLISH), ROTATION_TIMINGS, key('C'))],
    ['a switch to another key', (ring: SigningKeyRing) => applyRotationStep(ring, { kind: 'switch', from: 'A', to: 'C' }, at(PUBLISH), ROTATION_TIMINGS)],
  ])('refuses %s (not_due)', (_name, attempt) => {
    // Prepare
    const started = applyRotationStep(initialRing(key('A'), T0), { kind: 'start' }, T0, ROTATION_TIMINGS, key('B'));

    // Act
    const act = () => attempt(started);

    // Assess
    expect(act).toThrow(SigningKeyRingError);
    expect(act).toThrow(expect.objectContaining({ code: 'not_due' }));
  });

  it('refuses a start without a new key, or with a kid already in the ring', () => {
    // Prepare
    const ring = initialRing(key('A'), T0);

    // Act + Assess
    expect(() => applyRotationStep(ring, { kind: 'start' }, T0, ROTATION_TIMINGS)).toThrow(expect.objectContaining({ code: 'invalid_ring' }));
    expect(() => applyRotationStep(ring, { kind: 'start' }, T0, ROTATION_TIMINGS, key('A'))).toThrow(expect.objectContaining({ code: 'invalid_ring' }));
  });

  it(`keeps only the last ${RETIRED_KEPT} retired keys, so the ring item stays bounded`, () => {
    // Prepare
    let ring = initialRing(key('K0'), T0);
    const cycle = PUBLISH + RETIRE;

    // Act
    for (let i = 1; i <= RETIRED_KEPT + 3; i += 1) ring = rotate(ring, `K${i}`, (i - 1) * cycle);

    // Assess
    expect(ring.keys.filter((k) => k.state === 'retired').map((k) => k.kid)).toEqual(['K3', 'K4', 'K5', 'K6', 'K7']);
    expect(ring.keys.find((k) => k.state === 'active')?.kid).toBe(`K${RETIRED_KEPT + 3}`);
    expect(ring.version).toBe(3 * (RETIRED_KEPT + 3));
  });
});

describe('signing-key ring: assertValidRing', () => {
  const base = initialRing(key('A'), T0).keys[0]!;
  it.each<[string, SigningKeyRing]>([
    ['no active key', { version: 1, keys: [{ ...base, state: 'retiring' }] }],
    ['two active keys', { version: 1, keys: [base, { ...base, ...key('B') }] }],
    ['a next and a retiring key at once', { version: 1, keys: [base, { ...base, ...key('B'), state: 'next' }, { ...base, ...key('C'), state: 'retiring' }] }],
    ['a kid twice', { version: 1, keys: [base, { ...base, state: 'retired' }] }],
    ['a published key without its public key', { version: 1, keys: [{ kid: 'A', keyRef: 'ref-A', state: 'active', createdAt: T0.toISOString() }] }],
  ])('refuses a ring with %s', (_name, ring) => {
    // Act + Assess
    expect(() => assertValidRing(ring)).toThrow(expect.objectContaining({ code: 'invalid_ring' }));
  });
});
