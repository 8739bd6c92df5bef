import { createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { SignJWT } from 'jose';
import { localTableName } from '../local/stand-ins';
import { createDocumentClient } from '../shared/adapters/aws/dynamo-client';
import { DynamoUserRepository } from '../shared/adapters/aws/dynamo-user-repository';
import { localTokenSigningKeyPem } from '../shared/adapters/local/keyring';
import { LocalTokenSigner } from '../shared/adapters/local/local-token-signer';
import type { Role } from '../shared/domain/roles';

/**
 * The load run's client for its set-up (accounts, tokens, a bookable practitioner) before a storm:
 * plain HTTP on loopback, optionally from another loopback address (127.0.0.2: another login
 * source for the server, ADR 0018).
 */

/** A running local backend, as the load run reaches it. */
export interface LoadTarget {
  /** The API as it names itself (`http://localhost:<port>`): the issuer of its tokens. */
  readonly url: string;
  readonly dynamodbEndpoint: string;
  /** The backend's data dir: its keyring signs the set-up's admin and practitioner tokens. */
  readonly dataDir: string;
}

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly json: any;
}

/** The 127.0.0.1 form of the target's URL, where every request is sent. */
export const loopback = (target: LoadTarget): string => target.url.replace('localhost', '127.0.0.1');

/** One request; `from` is the local address to send it from (127.0.0.1 unless told). */
export const call = (
  target: LoadTarget,
  method: string,
  path: string,
  options: { readonly body?: unknown; readonly token?: string; readonly from?: string } = {},
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const base = new URL(loopback(target));
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          let json: unknown;
          try {
            json = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/**
 * `call`, sent again (up to 10 times, after its `Retry-After`) while the server is only busy: a set-up step's
 * password hashing turned away (429 `password_check_busy`) or a 503 with `Retry-After` that did nothing.
 */
export const patientCall = async (target: LoadTarget, method: string, path: string, options: Parameters<typeof call>[3] = {}): Promise<Reply> => {
  for (let attempt = 1; ; attempt++) {
    const reply = await call(target, method, path, options);
    const busy =
      (reply.status === 429 && reply.json?.error?.code === 'password_check_busy') || (reply.status === 503 && reply.json?.error?.code === 'audit_busy');
    if (!busy || attempt >= 10) return reply;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(reply.headers['retry-after'] ?? 1)));
  }
};

/** Throws unless `reply` has one of `ok` (set-up steps must not fail silently; no body or PHI in the message). */
export const expectStatus = (reply: Reply, ok: readonly number[], what: string): Reply => {
  if (!ok.includes(reply.status)) throw new Error(`load set-up: ${what} answered ${reply.status} ${reply.json?.error?.code ?? ''}`.trim());
  return reply;
};

/**
 * Loads a route's handler before a storm, so its figures are of a warm function (a local handler
 * module loads on its first request, as a Lambda cold-starts): an empty body is refused (400) before
 * the use case runs, so nothing is written.
 */
export const warm = async (target: LoadTarget, path: string, token?: string): Promise<void> => {
  expectStatus(await call(target, 'POST', path, { body: {}, ...(token === undefined ? {} : { token }) }), [400], `warm ${path}`);
};

/** A registered, logged-in patient. */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A fresh e-mail address of the reserved example domain, unique to this run. */
export const freshEmail = (label: string): string => `load-${label}-${randomUUID().slice(0, 12)}@example.com`;
/** A password that passes the policy (12+ characters, no e-mail, not breached, not a run). */
export const freshPassword = (): string => `load ${randomBytes(12).toString('base64url')} passphrase`;

/** Registers and logs in one account through the API (201, 200). */
export const member = async (target: LoadTarget, label: string): Promise<Member> => {
  const email = freshEmail(label);
  const password = freshPassword();
  const registered = expectStatus(await patientCall(target, 'POST', '/api/v1/auth/register', { body: { email, password } }), [201], 'register');
  const login = expectStatus(await patientCall(target, 'POST', '/api/v1/auth/login', { body: { email, password } }), [200], 'login');
  return { userId: registered.json.user.id, email, password, accessToken: login.json.accessToken, refreshToken: login.json.refreshToken };
};

/** Runs `work` for 0 … count-1, at most `limit` at a time (scrypt is costly in CPU and memory). */
export const pool = async <T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
};

/** The local stage's client id (local/backend.ts): the audience of its access tokens. */
const LOCAL_CLIENT_ID = 'carebow-local';

/**
 * An access token for `userId` with `roles` and a passed second factor, signed with the target's
 * local signing key: the run owns that data dir, as `npm run seed` owns its store when it grants
 * roles. Used only to set up an admin and a practitioner; every patient logs in through the API.
 */
export const mintToken = async (target: LoadTarget, userId: string, roles: readonly Role[]): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    client_id: LOCAL_CLIENT_ID,
    token_use: 'access',
    scope: 'openid carebow/api',
    groups: [...roles],
    jti: randomUUID(),
    amr: ['pwd', 'otp'],
  })
    .setProtectedHeader({ alg: 'ES256', kid: await new LocalTokenSigner(target.dataDir).keyId() })
    .setIssuer(target.url)
    .setSubject(userId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 900)
    .sign(createPrivateKey(localTokenSigningKeyPem(target.dataDir)));
};

/**
 * An admin's token, made as the operator CLI makes an admin (no route can): a registered account given `admin` in the
 * identity table. Admin writes check the caller's account (shared/audit/active-account.ts).
 */
const adminToken = async (target: LoadTarget): Promise<string> => {
  const admin = await member(target, 'admin');
  const client = createDocumentClient({ endpoint: target.dynamodbEndpoint });
  try {
    if (!(await new DynamoUserRepository(client, localTableName('identity')).setRoles(admin.userId, ['patient', 'admin'], ['patient'])))
      throw new Error('load set-up: could not make the admin');
  } finally {
    client.destroy();
  }
  return mintToken(target, admin.userId, ['admin']);
};

/** A verified provider in UTC, open 09:00–17:00 every day in 30-minute slots, and one free slot the day after tomorrow. */
export const bookableProvider = async (target: LoadTarget, asPatient: string): Promise<{ readonly providerId: string; readonly start: string }> => {
  const provider = await member(target, 'provider');
  const admin = await adminToken(target);
  expectStatus(
    await call(target, 'POST', `/api/v1/admin/users/${provider.userId}/roles`, { token: admin, body: { action: 'grant', role: 'provider' } }),
    [200],
    'grant provider',
  );
  const token = await mintToken(target, provider.userId, ['patient', 'provider']);
  const profile = {
    displayName: 'Dr Load Test',
    languages: ['en'],
    timeZone: 'UTC',
    location: { lat: 12.97, lon: 77.59, city: 'Bengaluru' },
    telehealth: true,
    specialties: ['general_practice'],
    credentials: [{ kind: 'medical_license', number: 'LOAD-1', expiresOn: '2099-12-31' }],
  };
  expectStatus(await call(target, 'PUT', '/api/v1/practitioners/me', { token, body: profile }), [201], 'practitioner profile');
  expectStatus(
    await call(target, 'POST', `/api/v1/admin/practitioners/${provider.userId}/verify`, { token: admin, body: { verified: true } }),
    [200],
    'verify',
  );
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const availability = {
    weekly: days.map((day) => ({ day, start: '09:00', end: '17:00' })),
    exceptions: [],
    slotMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    horizonDays: 30,
  };
  expectStatus(await call(target, 'PUT', '/api/v1/practitioners/me/availability', { token, body: availability }), [200], 'availability');
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const query = new URLSearchParams({ from: `${day}T00:00:00Z`, to: `${day}T23:59:00Z` });
  const slots = expectStatus(await call(target, 'GET', `/api/v1/practitioners/${provider.userId}/slots?${query}`, { token: asPatient }), [200], 'slots');
  const start = slots.json.items[0]?.start as string | undefined;
  if (start === undefined) throw new Error('load set-up: the provider has no free slot');
  return { providerId: provider.userId, start };
};
