import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { KEYRING_SIGNING_KEY, localSigningKeyPem } from '../../shared/adapters/local/local-signing-keys';
import { ROTATION_TIMINGS } from '../../shared/domain/signing-key-ring';
import { SIGNING_KEYS_SUBJECT } from '../../shared/identity/rotate-signing-key';
import { runRotateSigningKey } from '../../bin/rotate-signing-key';
import { LocalSigningKeyService } from '../../shared/adapters/local/local-signing-keys';
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsSigningKeyService } from '../../shared/adapters/aws/kms-signing-keys';
import { publishedJwk } from '../../shared/adapters/token-signing-key';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

/**
 * docs/security.md (signing-key rotation, ADR 0013): the operator command's phases, end to end on the local backend: the
 * real JWKS route, the real authorizer reading it by URL (its cache set to 0 here, so each phase shows at once), and the
 * login route's signer reading the ring. Only `Date` is faked, to move through the delays; the ring cache (60 s) is
 * stepped over after each phase as a deployed function would wait it out.
 */
const PASSWORD = 'a perfectly long passphrase';
const EMAIL = 'rotation@example.com';
const RING_CACHE_MS = 61_000;
const OPERATOR = { userId: 'cli:ops', roles: ['operator'], requestId: 'req-rotate', source: 'admin-cli' };

let backend: TestBackend;
let userId: string;
let client: ReturnType<typeof createDocumentClient>;
let now = Date.parse('2026-11-26T22:00:00.000Z');

const advance = (ms: number) => {
  now += ms;
  vi.setSystemTime(now);
};
const kidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
const jwksKids = async (): Promise<string[]> => (await backend.call('GET', '/.well-known/jwks.json')).json.keys.map((key: { kid: string }) => key.kid);
const me = async (token: string) => (await backend.call('GET', '/api/v1/me', { token })).status;
const login = async (): Promise<string> => {
  const response = await backend.call('POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
  expect(response.status).toBe(200);
  return response.json.accessToken;
};
/**
 * The configured key and the key service, by the backend's keys: the keyring's, or (CAREBOW_KEYS=kms-standin) the KMS
 * stand-in's, where the CLI's CreateKey, GetPublicKey and ScheduleKeyDeletion go through the real SDK client.
 */
const configuredKey = (): string => (backend.keyStandIns ? process.env.TOKEN_SIGNING_KEY_ID! : KEYRING_SIGNING_KEY);
const signingKeyService = () =>
  backend.keyStandIns
    ? new KmsSigningKeyService(new KMSClient({}), { ringTag: backend.tables.keys, stackKeyArn: configuredKey(), description: 'CareBow test signing key' })
    : new LocalSigningKeyService(backend.dataDir);
/** A token that is valid in every way but for its key: signed now, directly with the key's private half, as a leaked key could. */
const forgedWith = async (keyRef: string): Promise<string> => {
  const pem = backend.keyStandIns ? backend.keyStandIns.kms.privateKeyPem(keyRef) : localSigningKeyPem(backend.dataDir, keyRef);
  const kid = (await publishedJwk(createPrivateKey(pem))).kid;
  const iat = Math.floor(now / 1000);
  return new SignJWT({ client_id: 'carebow-local', token_use: 'access', scope: 'openid carebow/api', groups: ['patient'], jti: `forged-${iat}` })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(process.env.AUTH_ISSUER!)
    .setSubject(userId)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + 600)
    .sign(createPrivateKey(pem));
};
const rotate = (mode: 'start' | 'continue') =>
  runRotateSigningKey(
    client,
    {
      keysTable: backend.tables.keys,
      auditTable: backend.tables.audit,
      signingKeys: signingKeyService,
      configuredSigningKey: configuredKey(),
    },
    mode,
    OPERATOR,
  );

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now });
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  backend = await startTestBackend({ AUTHORIZER_JWKS_MAX_AGE_SECONDS: '0' });
  client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
  ({ userId } = await signUp(backend, EMAIL, PASSWORD));
});
afterAll(async () => {
  await backend?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Operator command: rotate-signing-key (local)', () => {
  it('publishes the next key, switches signing to it, and retires the old key, whose tokens then fail with 401', async () => {
    // Prepare: tokens of the configured key A
    const tokenA = await login();
    const kidA = kidOf(tokenA);
    expect(await jwksKids()).toEqual([kidA]);

    // Act 1: start; both keys are published, A still signs, and A's tokens verify
    const started = await rotate('start');
    const kidB = started.ring.keys.find((key) => key.state === 'next')!.kid;
    const keyRefB = started.ring.keys.find((key) => key.state === 'next')!.keyRef;
    advance(RING_CACHE_MS);
    const refused = await rotate('continue');

    // Assess 1
    expect(started.outcome).toBe('started');
    expect(refused.outcome).toBe('waiting');
    expect(await jwksKids()).toEqual([kidB, kidA]);
    const overlapToken = await login();
    expect(kidOf(overlapToken)).toBe(kidA);
    expect(await me(tokenA)).toBe(200);
    expect(await me(overlapToken)).toBe(200);

    // Act 2: the switch, once the publish delay has passed
    advance(ROTATION_TIMINGS.publishDelaySeconds * 1000 - RING_CACHE_MS);
    const switched = await rotate('continue');
    advance(RING_CACHE_MS);
    const tokenB = await login();

    // Assess 2: new tokens are B's; A's still verify during the overlap
    expect(switched.outcome).toBe('switched');
    expect(kidOf(tokenB)).toBe(kidB);
    expect(await me(tokenB)).toBe(200);
    expect(await me(overlapToken)).toBe(200);
    expect(await me(await forgedWith(configuredKey()))).toBe(200);
    expect(await jwksKids()).toEqual([kidB, kidA]);
    expect((await rotate('continue')).outcome).toBe('waiting');

    // Act 3: retirement, once no token of A can be valid
    advance(ROTATION_TIMINGS.retireDelaySeconds * 1000);
    const retired = await rotate('continue');
    advance(RING_CACHE_MS);

    // Assess 3: A is unpublished, and even a fresh, unexpired token signed with A fails; B's verify
    expect(retired.outcome).toBe('retired');
    expect(await jwksKids()).toEqual([kidB]);
    expect(await me(await forgedWith(configuredKey()))).toBe(401);
    expect(await me(await forgedWith(keyRefB))).toBe(200);
    const afterRetirement = await login();
    expect(kidOf(afterRetirement)).toBe(kidB);
    expect(await me(afterRetirement)).toBe(200);
    expect((await rotate('continue')).outcome).toBe('idle');

    // Assess: one ring item, versioned; one audit event per transition, none with a key or token
    const ring = (await backend.items('keys')).find((item) => item['pk'] === 'SIGNING_KEYS')!;
    expect(ring['version']).toBe(3);
    expect((ring['keys'] as { kid: string; state: string }[]).map((key) => [key.kid, key.state])).toEqual([
      [kidA, 'retired'],
      [kidB, 'active'],
    ]);
    const events = (await backend.items('audit')).filter((event) => event['subjectId'] === SIGNING_KEYS_SUBJECT);
    expect(events.map((event) => event['action']).sort()).toEqual(['admin.signing_key_retired', 'admin.signing_key_started', 'admin.signing_key_switched']);
    expect(JSON.stringify(events)).not.toContain('PRIVATE KEY');
  });
});
