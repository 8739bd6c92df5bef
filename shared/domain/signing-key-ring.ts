/**
 * The token-signing key ring and its rotation, as pure rules (ADR 0013). A key goes
 * `next` (published, not signing) → `active` (signing) → `retiring` (published, not signing) →
 * `retired` (unpublished, its key material disposed of). One rotation runs at a time, each
 * transition waits for the caches it must outlive, and no phase can be skipped.
 */

export type SigningKeyState = 'next' | 'active' | 'retiring' | 'retired';

/** A P-256 public key as the JWKS publishes it. */
export interface PublicSigningJwk {
  readonly kty: string;
  readonly crv?: string;
  readonly x?: string;
  readonly y?: string;
  readonly kid: string;
  readonly alg: string;
  readonly use: string;
}

/** One key of the ring. Times are ISO 8601 (UTC). */
export interface SigningKeyEntry {
  /** The JWK thumbprint (RFC 7638): the `kid` of the tokens it signs. */
  readonly kid: string;
  /** Where the private key lives: a KMS key ARN, or a local key name. */
  readonly keyRef: string;
  readonly state: SigningKeyState;
  /** The public key (absent once retired: it is never published again). */
  readonly jwk?: PublicSigningJwk;
  /** When it entered the ring (published as `next`, or the first key when the ring was made). */
  readonly createdAt: string;
  /** When it started signing. */
  readonly activatedAt?: string;
  /** When it stopped signing. */
  readonly retiringAt?: string;
  readonly retiredAt?: string;
}

/** The ring, stored as one item; `version` is 1 when first written and one more on every transition. */
export interface SigningKeyRing {
  readonly version: number;
  readonly keys: readonly SigningKeyEntry[];
}

/**
 * The caches a rotation must outlive, in seconds. The figures are the code's own: the signer and the
 * JWKS route re-read the ring after {@link RING_CACHE_SECONDS}, the authorizer re-reads the JWKS after
 * {@link JWKS_CACHE_SECONDS}, API Gateway keeps an authorizer answer for its result TTL (300 s), a token
 * lives at most 900 s (`ACCESS_TOKEN_TTL_SECONDS`' bound) and the verifier allows 60 s of clock skew.
 */
export const RING_CACHE_SECONDS = 60;
export const JWKS_CACHE_SECONDS = 300;
/** After an unknown `kid`, the authorizer re-reads the JWKS at most this often. */
export const JWKS_REFRESH_COOLDOWN_SECONDS = 30;
const AUTHORIZER_RESULT_CACHE_SECONDS = 300;
const MAX_ACCESS_TOKEN_SECONDS = 900;
const CLOCK_SKEW_SECONDS = 60;
const MARGIN_SECONDS = 60;

export interface RotationTimings {
  /** From `next` being written to the switch: every JWKS reader must have seen it. */
  readonly publishDelaySeconds: number;
  /** From the switch to retirement: every token the old key signed has expired and left every cache. */
  readonly retireDelaySeconds: number;
}

/** The production timings: switch after 7 minutes, retire 23 minutes after the switch. */
export const ROTATION_TIMINGS: RotationTimings = {
  publishDelaySeconds: RING_CACHE_SECONDS + JWKS_CACHE_SECONDS + MARGIN_SECONDS,
  retireDelaySeconds: RING_CACHE_SECONDS + MAX_ACCESS_TOKEN_SECONDS + CLOCK_SKEW_SECONDS + AUTHORIZER_RESULT_CACHE_SECONDS + MARGIN_SECONDS,
};

/** How many retired entries the ring keeps as history (it is one item: bounded). */
export const RETIRED_KEPT = 5;

/** What the rotation does next, decided from the ring and the time alone. */
export type RotationStep =
  | { readonly kind: 'start' }
  | { readonly kind: 'switch'; readonly from: string; readonly to: string }
  | { readonly kind: 'retire'; readonly kid: string }
  | { readonly kind: 'wait'; readonly phase: 'switch' | 'retire'; readonly kid: string; readonly until: Date };

/** A ring that breaks the rules, or a transition that is not due. */
export class SigningKeyRingError extends Error {
  public constructor(
    message: string,
    public readonly code: 'invalid_ring' | 'not_due' | 'in_progress',
  ) {
    super(message);
    this.name = 'SigningKeyRingError';
  }
}

const inState = (ring: SigningKeyRing, state: SigningKeyState) => ring.keys.filter((key) => key.state === state);
const plus = (iso: string, seconds: number): Date => new Date(Date.parse(iso) + seconds * 1000);

/**
 * Checks the ring's invariants: exactly one `active` key, at most one `next` or `retiring` (never
 * both: one rotation at a time), distinct `kid`s, a public key on every unretired entry.
 *
 * @example
 * assertValidRing(ring); // throws SigningKeyRingError('…', 'invalid_ring')
 */
export const assertValidRing = (ring: SigningKeyRing): void => {
  const fail = (why: string): never => {
    throw new SigningKeyRingError(`Invalid signing-key ring: ${why}`, 'invalid_ring');
  };
  if (inState(ring, 'active').length !== 1) fail('it needs exactly one active key');
  if (inState(ring, 'next').length + inState(ring, 'retiring').length > 1) fail('more than one rotation in progress');
  if (new Set(ring.keys.map((key) => key.kid)).size !== ring.keys.length) fail('a kid appears twice');
  if (ring.keys.some((key) => key.state !== 'retired' && key.jwk?.kid !== key.kid)) fail('an unretired key lacks its public key');
};

/** The key that signs. */
export const activeKey = (ring: SigningKeyRing): SigningKeyEntry => {
  assertValidRing(ring);
  return inState(ring, 'active')[0]!;
};

/** What the JWKS publishes: every key that is not retired (`next`, `active`, `retiring`), in that order. */
export const publishedJwks = (ring: SigningKeyRing): PublicSigningJwk[] =>
  (['next', 'active', 'retiring'] as const).flatMap((state) => inState(ring, state).flatMap((key) => (key.jwk === undefined ? [] : [key.jwk])));

/**
 * The one transition that is due now, or how long to wait: with no rotation in progress, `start`;
 * with a `next` key, `switch` once it has been published `publishDelaySeconds`; with a `retiring`
 * key, `retire` once it stopped signing `retireDelaySeconds` ago.
 *
 * @example
 * const step = nextRotationStep(ring, new Date(), ROTATION_TIMINGS); // { kind: 'wait', phase: 'switch', until }
 */
export const nextRotationStep = (ring: SigningKeyRing, now: Date, timings: RotationTimings): RotationStep => {
  const active = activeKey(ring);
  const [next] = inState(ring, 'next');
  const [retiring] = inState(ring, 'retiring');
  if (next !== undefined) {
    const until = plus(next.createdAt, timings.publishDelaySeconds);
    return now >= until ? { kind: 'switch', from: active.kid, to: next.kid } : { kind: 'wait', phase: 'switch', kid: next.kid, until };
  }
  if (retiring !== undefined) {
    const until = plus(retiring.retiringAt ?? retiring.createdAt, timings.retireDelaySeconds);
    return now >= until ? { kind: 'retire', kid: retiring.kid } : { kind: 'wait', phase: 'retire', kid: retiring.kid, until };
  }
  return { kind: 'start' };
};

/** The ring before any rotation: the configured key, active since the ring was made. */
export const initialRing = (first: { kid: string; keyRef: string; jwk: PublicSigningJwk }, now: Date): SigningKeyRing => ({
  version: 0,
  keys: [{ ...first, state: 'active', createdAt: now.toISOString(), activatedAt: now.toISOString() }],
});

/**
 * Applies `step` to the ring and returns the next version; throws `not_due` unless `step` is exactly
 * what {@link nextRotationStep} says now (so no phase is ever skipped or repeated). `start` needs the
 * new key.
 *
 * @example
 * const ring2 = applyRotationStep(ring, { kind: 'start' }, now, ROTATION_TIMINGS, { kid, keyRef, jwk });
 */
export const applyRotationStep = (
  ring: SigningKeyRing,
  step: RotationStep,
  now: Date,
  timings: RotationTimings,
  created?: { kid: string; keyRef: string; jwk: PublicSigningJwk },
): SigningKeyRing => {
  const due = nextRotationStep(ring, now, timings);
  if (step.kind === 'wait' || due.kind !== step.kind || JSON.stringify(due) !== JSON.stringify(step))
    throw new SigningKeyRingError(`The step ${step.kind} is not due: the rotation is at ${describeStep(due)}`, 'not_due');
  const at = now.toISOString();
  let keys: SigningKeyEntry[];
  if (step.kind === 'start') {
    if (created === undefined || ring.keys.some((key) => key.kid === created.kid)) throw new SigningKeyRingError('A rotation needs a new key', 'invalid_ring');
    keys = [...ring.keys, { ...created, state: 'next', createdAt: at }];
  } else if (step.kind === 'switch') {
    keys = ring.keys.map((key) =>
      key.kid === step.to ? { ...key, state: 'active', activatedAt: at } : key.kid === step.from ? { ...key, state: 'retiring', retiringAt: at } : key,
    );
  } else {
    const { kid } = step;
    keys = ring.keys.map((key) => {
      if (key.kid !== kid) return key;
      const { jwk: _unpublished, ...rest } = key;
      return { ...rest, state: 'retired', retiredAt: at };
    });
    const retired = keys.filter((key) => key.state === 'retired');
    const dropped = new Set(retired.slice(0, Math.max(0, retired.length - RETIRED_KEPT)));
    keys = keys.filter((key) => !dropped.has(key));
  }
  const result = { version: ring.version + 1, keys };
  assertValidRing(result);
  return result;
};

/** One line for the operator. */
export const describeStep = (step: RotationStep): string => {
  switch (step.kind) {
    case 'start':
      return 'no rotation in progress';
    case 'switch':
      return `switching signing from ${step.from} to ${step.to} is due`;
    case 'retire':
      return `retiring ${step.kid} is due`;
    case 'wait':
      return `${step.phase === 'switch' ? 'switching to' : 'retiring'} ${step.kid} is safe from ${step.until.toISOString()}`;
  }
};
