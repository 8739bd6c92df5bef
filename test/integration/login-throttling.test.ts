import { FREE_FAILURES } from '../../shared/domain/lockout';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEILING_FAILURES } from '../../shared/domain/lockout';
import { startTestBackend, type TestBackend } from '../helpers/test-backend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

const PASSWORD = 'a perfectly long passphrase';
const WRONG = 'definitely the wrong passphrase';
/** The owner's browser; every loopback address is one /16 network, so the attackers differ by browser family. */
const OWNER_BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const NEW_BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1; rv:132.0) Gecko/20100101 Firefox/132.0';
const ATTACKER = 'curl/8.5.0';

interface LoginResponse {
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly json: any;
}

/** POST /api/v1/auth/login from `source` (a loopback address the local API sees as the caller's IP). */
const loginFrom = (source: string, email: string, password: string, userAgent = ATTACKER): Promise<LoginResponse> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const { port } = new URL(backend.url);
    const call = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/auth/login',
        method: 'POST',
        localAddress: source,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': userAgent },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => void (text += chunk));
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: retryAfter === undefined ? undefined : Number(retryAfter),
            json: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });

/** Registers `email` and signs in once from the owner's browser, which makes it a known device. */
const patient = async (email: string): Promise<string> => {
  const registered = await backend.call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD } });
  expect(registered.status).toBe(201);
  expect((await loginFrom('127.0.0.2', email, PASSWORD, OWNER_BROWSER)).status).toBe(200);
  return registered.json.user.id;
};

/** The account's `auth.login` events in the order of its audit chain. */
const loginEvents = async (userId: string) =>
  (await backend.items('audit'))
    .filter((event) => event['action'] === 'auth.login' && event['subjectId'] === userId)
    .sort((a, b) => Number(a['seq']) - Number(b['seq'])); // one chain per subject, in order

describe('Route: POST /api/v1/auth/login (throttling)', () => {
  it("throttles a stranger hammering a patient's e-mail from one source; the patient from another source still gets tokens", async () => {
    // Prepare
    const userId = await patient('hammered@example.com');
    for (let i = 0; i < 8; i++) await loginFrom('127.0.1.1', 'hammered@example.com', WRONG);

    // Act
    const stranger = await loginFrom('127.0.1.1', 'hammered@example.com', PASSWORD);
    const owner = await loginFrom('127.0.1.2', 'hammered@example.com', PASSWORD, NEW_BROWSER);

    // Assess
    expect(stranger.status).toBe(429);
    expect(stranger.retryAfter).toBeGreaterThan(0);
    expect(stranger.json.error.code).toBe('too_many_requests');
    expect(owner.status).toBe(200);
    expect(owner.json).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    const reasons = (await loginEvents(userId)).map((event) => `${event['outcome']}:${event['reason'] ?? ''}`);
    expect(reasons.filter((reason) => reason === 'failure:bad_credentials')).toHaveLength(5);
    expect(reasons.filter((reason) => reason === 'denied:locked_out')).toHaveLength(4);
    expect(reasons.at(-1)).toBe('success:new_device');
  });

  it('keeps a brute force from one source throttled, counting no guess while locked, and stores no address', async () => {
    // Prepare
    const userId = await patient('brute@example.com');
    const guesses: LoginResponse[] = [];

    // Act
    for (let i = 0; i < 12; i++) guesses.push(await loginFrom('127.0.1.3', 'brute@example.com', i === 11 ? PASSWORD : WRONG));

    // Assess
    expect(guesses.map((guess) => guess.status)).toEqual([401, 401, 401, 401, 401, ...Array<number>(7).fill(429)]);
    expect(guesses.slice(5).every((guess) => guess.retryAfter! > 0 && guess.retryAfter! <= 60)).toBe(true);
    const events = await loginEvents(userId);
    expect(events.filter((event) => event['outcome'] === 'failure')).toHaveLength(5);
    expect(events.filter((event) => event['reason'] === 'locked_out')).toHaveLength(7);
    const identity = JSON.stringify(await backend.items('identity'));
    expect(identity).not.toContain('127.0.1.3');
    expect(identity).not.toContain('brute@example.com');
  });

  it('lets no more than the free guesses of 16 sent at once from one source reach the password check; the rest are 429', async () => {
    // Prepare
    const userId = await patient('burst@example.com');

    // Act
    const guesses = await Promise.all(Array.from({ length: 16 }, () => loginFrom('127.0.1.4', 'burst@example.com', WRONG)));

    // Assess: each guess claimed its attempt before the hash (ADR 0018), so the lock the fifth took held for the others.
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(16 - FREE_FAILURES);
    expect(guesses.filter((guess) => guess.status === 429).every((guess) => guess.retryAfter! > 0)).toBe(true);
    const events = await loginEvents(userId);
    expect(events.filter((event) => event['outcome'] === 'failure')).toHaveLength(FREE_FAILURES);
  });

  it('lets a distributed guesser reach the per-e-mail ceiling; then only a known device gets in, even with the right password', async () => {
    // Prepare
    const userId = await patient('distributed@example.com');
    const perSource = 4; // below the free failures of one source
    for (let i = 0; i < CEILING_FAILURES; i++) {
      const guess = await loginFrom(`127.0.2.${1 + Math.floor(i / perSource)}`, 'distributed@example.com', WRONG);
      expect(guess.status).toBe(401);
    }

    // Act
    const newDevice = await loginFrom('127.0.3.1', 'distributed@example.com', PASSWORD, NEW_BROWSER);
    const knownDevice = await loginFrom('127.0.3.2', 'distributed@example.com', PASSWORD, OWNER_BROWSER);

    // Assess
    expect(newDevice.status).toBe(429);
    expect(newDevice.retryAfter).toBe(3600);
    expect(knownDevice.status).toBe(200);
    expect(knownDevice.json).toMatchObject({ tokenType: 'Bearer' });
    const events = await loginEvents(userId);
    expect(events.filter((event) => event['reason'] === 'bad_credentials')).toHaveLength(CEILING_FAILURES);
    expect(events.filter((event) => event['reason'] === 'locked_out')).toHaveLength(1);
    expect(events.filter((event) => event['outcome'] === 'success')).toHaveLength(2);
  }, 120_000);
});
