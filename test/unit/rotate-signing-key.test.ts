import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROTATION_TIMINGS } from '../../shared/domain/signing-key-ring';
import { mintAccessToken } from '../../shared/identity/access-token';
import { RingTokenSigner, SigningKeyUnavailableError } from '../../shared/identity/ring-token-signer';
import { rotateSigningKey, SIGNING_KEYS_SUBJECT } from '../../shared/identity/rotate-signing-key';
import { inMemorySigningKeyRing, inMemorySigningKeys, recordingAudit } from '../helpers/fakes/signing-keys';
import { testClock } from '../helpers/in-memory';

const OPERATOR = { userId: 'cli:ops', roles: ['operator'], requestId: 'req-rot', source: 'admin-cli' };
const SETTINGS = { issuer: 'https://api.carebow.test', clientId: 'carebow-test', ttlSeconds: 900 };
const { publishDelaySeconds: PUBLISH, retireDelaySeconds: RETIRE } = ROTATION_TIMINGS;

const world = () => {
  const clock = testClock();
  const ring = inMemorySigningKeyRing();
  const keys = inMemorySigningKeys();
  const audit = recordingAudit();
  const configured = keys.add('configured');
  const deps = { ring, keys: keys.service, audit, clock, configuredKeyRef: configured };
  const signer = new RingTokenSigner(ring, keys.signerOf, keys.signerOf(configured), clock);
  return { clock, ring, keys, audit, deps, signer };
};

/** The kid of a token's header, and whether `jwk` verifies its signature. */
const kidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
const verifiesWith = (token: string, jwk: object): boolean => {
  const [header, payload, signature] = token.split('.');
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: createPublicKey({ key: jwk as never, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
};
const mint = async (signer: RingTokenSigner, clock: { now(): Date }) =>
  (await mintAccessToken(signer, SETTINGS, { userId: 'u1', roles: ['patient'] }, clock.now())).token;

describe('rotateSigningKey', () => {
  it('runs start, switch and retire, one phase per run and only when due, with one audit event each', async () => {
    // Prepare
    const { clock, ring, keys, audit, deps } = world();

    // Act
    const started = await rotateSigningKey(deps, 'start', OPERATOR);
    const again = await rotateSigningKey(deps, 'start', OPERATOR);
    clock.advance((PUBLISH - 1) * 1000);
    const early = await rotateSigningKey(deps, 'continue', OPERATOR);
    clock.advance(1000);
    const switched = await rotateSigningKey(deps, 'continue', OPERATOR);
    const tooSoon = await rotateSigningKey(deps, 'continue', OPERATOR);
    clock.advance(RETIRE * 1000);
    const retired = await rotateSigningKey(deps, 'continue', OPERATOR);
    const idle = await rotateSigningKey(deps, 'continue', OPERATOR);

    // Assess
    expect([started, again, early, switched, tooSoon, retired, idle].map((r) => r.outcome)).toEqual([
      'started',
      'in_progress',
      'waiting',
      'switched',
      'waiting',
      'retired',
      'idle',
    ]);
    expect(early.step).toMatchObject({ kind: 'wait', phase: 'switch', until: new Date(Date.parse('2026-11-25T12:00:00.000Z') + PUBLISH * 1000) });
    const stored = (await ring.get())!;
    expect(stored.version).toBe(3);
    expect(stored.keys.map((k) => [k.keyRef, k.state])).toEqual([
      ['configured', 'retired'],
      ['key-1', 'active'],
    ]);
    expect(keys.disposed).toEqual(['configured']);
    expect(audit.events.map((e) => [e.action, e.subjectId, e.resource.type, e.actor.userId])).toEqual([
      ['admin.signing_key_started', SIGNING_KEYS_SUBJECT, 'signing_key', 'cli:ops'],
      ['admin.signing_key_switched', SIGNING_KEYS_SUBJECT, 'signing_key', 'cli:ops'],
      ['admin.signing_key_retired', SIGNING_KEYS_SUBJECT, 'signing_key', 'cli:ops'],
    ]);
    expect(audit.events.map((e) => e.resource.id)).toEqual([stored.keys[1]!.kid, stored.keys[1]!.kid, stored.keys[0]!.kid]);
  });

  it('changes, disposes of and audits nothing when a switch loses the race to another writer', async () => {
    // Prepare
    const { ring, keys, audit, deps } = world();
    await rotateSigningKey(deps, 'start', OPERATOR);
    const losing = { ...deps, ring: { get: ring.get, put: async () => false } };

    // Act
    const act = rotateSigningKey({ ...losing, clock: testClock('2026-12-05T00:00:00.000Z') }, 'continue', OPERATOR);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'SigningKeyRingError', code: 'in_progress' });
    expect(audit.events).toHaveLength(1);
    expect(keys.disposed).toEqual([]);
  });

  it('undoes a start whose audit event cannot be written: the ring as before, the new key disposed of', async () => {
    // Prepare
    const { ring, keys, audit, deps } = world();
    audit.failNext();

    // Act
    const act = rotateSigningKey(deps, 'start', OPERATOR);

    // Assess
    await expect(act).rejects.toThrow('audit unavailable');
    const stored = (await ring.get())!;
    expect(stored.keys.map((k) => [k.keyRef, k.state])).toEqual([['configured', 'active']]);
    expect(keys.disposed).toEqual(['key-1']);
    expect(keys.has('key-1')).toBe(false);
    expect(audit.events).toEqual([]);
  });

  it('disposes of the key it made when a start loses the race to another writer', async () => {
    // Prepare
    const { keys, deps } = world();
    const losing = { ...deps, ring: { get: async () => undefined, put: async () => false } };

    // Act
    const act = rotateSigningKey(losing, 'start', OPERATOR);

    // Assess
    await expect(act).rejects.toMatchObject({ code: 'in_progress' });
    expect(keys.disposed).toEqual(['key-1']);
  });
});

describe('RingTokenSigner', () => {
  it('signs with the configured key and publishes it alone before the first rotation', async () => {
    // Prepare
    const { clock, keys, signer } = world();
    const configured = await keys.service.publicJwk('configured');

    // Act
    const token = await mint(signer, clock);

    // Assess
    expect(kidOf(token)).toBe(configured.kid);
    expect(verifiesWith(token, configured)).toBe(true);
    expect(await signer.publishedJwks()).toEqual([configured]);
  });

  it('publishes next and active during the overlap, then signs with the new key after the switch, and stops publishing the old one once retired', async () => {
    // Prepare
    const { clock, deps, keys, signer } = world();
    const a = await keys.service.publicJwk('configured');
    await rotateSigningKey(deps, 'start', OPERATOR);
    const b = await keys.service.publicJwk('key-1');

    // Act
    clock.advance(61_000);
    const overlap = await signer.publishedJwks();
    const beforeSwitch = await mint(signer, clock);
    clock.advance((PUBLISH - 61) * 1000);
    await rotateSigningKey(deps, 'continue', OPERATOR);
    clock.advance(61_000);
    const afterSwitch = await mint(signer, clock);
    const retiring = await signer.publishedJwks();
    clock.advance(RETIRE * 1000);
    await rotateSigningKey(deps, 'continue', OPERATOR);
    clock.advance(61_000);
    const afterRetire = await signer.publishedJwks();

    // Assess
    expect(overlap).toEqual([b, a]);
    expect(kidOf(beforeSwitch)).toBe(a.kid);
    expect(verifiesWith(beforeSwitch, a)).toBe(true);
    expect(kidOf(afterSwitch)).toBe(b.kid);
    expect(verifiesWith(afterSwitch, b)).toBe(true);
    expect(retiring).toEqual([b, a]);
    expect(afterRetire).toEqual([b]);
  });

  it('reads the ring at most once a minute, and again after a failed read', async () => {
    // Prepare
    const { clock, ring, keys } = world();
    let fail = true;
    const flaky = {
      get: () => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('throttled'));
        }
        return ring.get();
      },
    };
    const signer = new RingTokenSigner(flaky, keys.signerOf, keys.signerOf('configured'), clock);

    // Act
    await expect(signer.keyId()).rejects.toThrow('throttled');
    await signer.keyId();
    await signer.keyId();
    clock.advance(59_000);
    await signer.keyId();
    const readsWithinAMinute = ring.reads;
    clock.advance(1_000);
    await signer.keyId();

    // Assess
    expect(readsWithinAMinute).toBe(1);
    expect(ring.reads).toBe(2);
  });

  it('refuses to sign for a kid the ring does not let sign (a next or retired key, or none)', async () => {
    // Prepare
    const { deps, keys, signer } = world();
    await rotateSigningKey(deps, 'start', OPERATOR);
    const next = await keys.service.publicJwk('key-1');
    const input = (kid: string) => Buffer.from(`${Buffer.from(JSON.stringify({ alg: 'ES256', kid })).toString('base64url')}.e30`);

    // Act + Assess
    await expect(signer.sign(input(next.kid))).rejects.toThrow(SigningKeyUnavailableError);
    await expect(signer.sign(input('unknown'))).rejects.toThrow(SigningKeyUnavailableError);
    await expect(signer.sign(Buffer.from('not-a-jws'))).rejects.toThrow(SigningKeyUnavailableError);
  });
});
