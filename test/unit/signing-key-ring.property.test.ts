import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRotationStep,
  assertValidRing,
  initialRing,
  nextRotationStep,
  publishedJwks,
  ROTATION_TIMINGS,
  type RotationStep,
  type SigningKeyRing,
} from '../../shared/domain/signing-key-ring';

/**
 * Whatever an operator runs, in any order and at any time, the ring never lets a key sign before
 * every JWKS reader saw it, never unpublishes a key before its last token expired, and always has
 * one published active key. Fixed seed in `npm test`; `FUZZ_RUNS` for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = 20261126;
const T0 = Date.parse('2026-11-26T22:00:00.000Z');
const { publishDelaySeconds: PUBLISH, retireDelaySeconds: RETIRE } = ROTATION_TIMINGS;

const attempt = fc.record({
  wait: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 3 * (PUBLISH + RETIRE) })),
  kind: fc.constantFrom('start', 'switch', 'retire'),
});

describe('Property: signing-key rotation never skips a phase', () => {
  it('accepts exactly the due step, and keeps every key published for the whole time a token of it may be valid', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        // Prepare
        let ring: SigningKeyRing = initialRing({ kid: 'K0', keyRef: 'r0', jwk: { kty: 'EC', kid: 'K0', alg: 'ES256', use: 'sig' } }, new Date(T0));
        let now = T0;
        let made = 0;

        for (const { wait, kind } of attempts) {
          // Act
          now += wait * 1000;
          const due = nextRotationStep(ring, new Date(now), ROTATION_TIMINGS);
          const active = ring.keys.find((k) => k.state === 'active')!;
          const pending = ring.keys.find((k) => k.state === 'next' || k.state === 'retiring');
          const step: RotationStep =
            kind === 'start' ? { kind } : kind === 'switch' ? { kind, from: active.kid, to: pending?.kid ?? 'none' } : { kind, kid: pending?.kid ?? 'none' };
          const kid = `K${made + 1}`;
          let applied: SigningKeyRing | undefined;
          try {
            applied = applyRotationStep(ring, step, new Date(now), ROTATION_TIMINGS, {
              kid,
              keyRef: `r${made + 1}`,
              jwk: { kty: 'EC', kid, alg: 'ES256', use: 'sig' },
            });
          } catch {
            applied = undefined;
          }

          // Assess
          expect(applied !== undefined, `${kind} when ${due.kind} is due`).toBe(due.kind === kind);
          if (applied === undefined) continue;
          if (kind === 'start') made += 1;
          assertValidRing(applied);
          expect(applied.version).toBe(ring.version + 1);
          const signing = applied.keys.find((k) => k.state === 'active')!;
          expect(publishedJwks(applied).map((k) => k.kid)).toContain(signing.kid);
          if (signing.kid !== 'K0') expect(Date.parse(signing.activatedAt!) - Date.parse(signing.createdAt)).toBeGreaterThanOrEqual(PUBLISH * 1000);
          for (const gone of applied.keys.filter((k) => k.state === 'retired')) {
            expect(Date.parse(gone.retiredAt!) - Date.parse(gone.retiringAt!)).toBeGreaterThanOrEqual(RETIRE * 1000);
            expect(gone.jwk).toBeUndefined();
          }
          ring = applied;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
