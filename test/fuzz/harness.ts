import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { localTokenSigningKeyPem } from '../../shared/adapters/local/keyring';
import { LocalTokenSigner } from '../../shared/adapters/local/local-token-signer';
import { routes } from '../../functions/routes';
import { ROLES, type Role } from '../../shared/domain/roles';
import { isPublic, type RouteDef } from '../../shared/http/route';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { tokenFor } from '../helpers/tokens';
import { seedFuzzWorld } from './seed';
import type { Answer } from './oracle';
import type { AuthKind, FuzzRequest } from './requests';
import { diffStore, type StoreChange, storeReader } from './store-snapshot';

/**
 * How long and from where: `npm test` runs a fixed seed and a few runs per route; `npm run fuzz`
 * (FUZZ_MODE=long) more runs from a random seed, printed so a failure can be replayed with FUZZ_SEED.
 * FUZZ_ROUTES=a,b narrows the run to those route ids.
 */
export const fuzzSettings = () => {
  const long = process.env.FUZZ_MODE === 'long';
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : long ? Math.floor(Math.random() * 2 ** 31) : 14;
  const runs = Number(process.env.FUZZ_RUNS ?? (long ? 200 : 4));
  const only = process.env.FUZZ_ROUTES?.split(',').filter(Boolean);
  return { long, seed, runs, only };
};

const PATTERNS = Object.values(routes).map((route) => ({
  route: route as RouteDef,
  pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/**
 * The route that serves `method` and `path` as the gateway (local/api-server.ts) matches it, after
 * the URL's own normalisation (`..` segments go): a fuzzed `{id}` of `me` is another route's request.
 *
 * @example
 * routeServing('GET', '/api/v1/practitioners/me')?.id // 'practitionerGetOwn'
 */
export const routeServing = (method: string, path: string): RouteDef | undefined => {
  const { pathname } = new URL(path, 'http://127.0.0.1');
  return PATTERNS.find(({ route, pattern }) => route.method === method && pattern.test(pathname))?.route;
};

/** Expired five minutes ago, otherwise valid: the authorizer must refuse it on its `exp` alone. */
const expiredToken = async (dataDir: string, userId: string, role: Role): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    client_id: process.env.AUTH_CLIENT_ID,
    token_use: 'access',
    scope: 'openid carebow/api',
    groups: [role],
    jti: randomUUID(),
    amr: ['pwd', 'otp'],
  })
    .setProtectedHeader({ alg: 'ES256', kid: await new LocalTokenSigner(dataDir).keyId() })
    .setIssuer(process.env.AUTH_ISSUER!)
    .setSubject(userId)
    .setIssuedAt(now - 1200)
    .setNotBefore(now - 1200)
    .setExpirationTime(now - 300)
    .sign(createPrivateKey(localTokenSigningKeyPem(dataDir)));
};

/** Changes the signature's last characters: the header and claims stay valid, the signature does not. */
const breakSignature = (token: string): string => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

/** Authorization values that are no token at all. */
const GARBAGE = [
  'Bearer',
  'Bearer ',
  'Basic dXNlcjpwYXNz',
  'Bearer not.a.token',
  'Bearer e30.e30.',
  `Bearer ${'A'.repeat(4000)}`,
  'bearer  x',
  'Bearer \u00ff\u00fe',
];

/** One fuzzed request's outcome: the answer, and what it changed in the store. */
export interface Exchange {
  readonly answer: Answer;
  readonly changes: readonly StoreChange[];
}

export interface FuzzBackend {
  readonly backend: TestBackend;
  /** Ids that exist in the store (accounts, a consent, a session, a visit, a post), so fuzzed ids sometimes hit one. */
  readonly knownIds: readonly string[];
  /**
   * Sends `request` to `route` with the credentials its `auth` names, reads the whole answer, and
   * diffs the store around it (nothing else writes meanwhile: no workers run).
   */
  exchange(route: RouteDef, request: FuzzRequest): Promise<Exchange>;
  stop(): Promise<void>;
}

/**
 * The local backend with its queues left unconsumed (no worker writes behind the fuzzer's back),
 * a small seeded world (`seed.ts`: one account per role, records to aim at), and a sender that turns a fuzzed request into HTTP with the right token.
 *
 * @example
 * const fuzz = await startFuzzBackend();
 * const { answer, changes } = await fuzz.exchange(routes.me, { auth: 'right', path: '/api/v1/me', query: '', headers: {}, body: undefined, mutations: [] });
 */
export const startFuzzBackend = async (): Promise<FuzzBackend> => {
  const backend = await startTestBackend({}, { worker: false });
  const { accounts, knownIds } = await seedFuzzWorld(backend);
  const noRole = await tokenFor(backend.dataDir, randomUUID(), []);
  const expired = await expiredToken(backend.dataDir, accounts.get('patient')!.userId, 'patient');
  const store = storeReader(backend.dynamodbEndpoint, backend.tables);
  /** The store after the previous request: the next one's "before". */
  let last = await store.snapshot();
  let variant = 0;

  const authorization = async (route: RouteDef, auth: AuthKind): Promise<string | undefined> => {
    // Deleting the account succeeds once: each allowed deletion gets an account of its own (written before the "before").
    if (route.id === 'deleteMe' && auth === 'right') {
      const { userId } = await signUp(backend, `fuzz-deleted-${randomUUID().slice(0, 8)}@example.com`);
      last = await store.snapshot();
      return `Bearer ${await tokenFor(backend.dataDir, userId, ['patient'])}`;
    }
    const allowed = isPublic(route.access) ? ROLES : route.access.roles;
    // Cycled rather than drawn: which allowed role or which garbage is not what a property is about.
    variant += 1;
    const pick = <T>(list: readonly T[]): T => list[variant % list.length]!;
    switch (auth) {
      case 'right':
        return `Bearer ${accounts.get(pick(allowed))!.token}`;
      case 'wrong': {
        const others = ROLES.filter((role) => !allowed.includes(role));
        return `Bearer ${others.length === 0 ? noRole : accounts.get(pick(others))!.token}`;
      }
      case 'expired':
        return `Bearer ${expired}`;
      case 'bad-signature':
        return `Bearer ${breakSignature(accounts.get(pick(allowed))!.token)}`;
      case 'garbage':
        return pick(GARBAGE);
      case 'none':
        return undefined;
    }
  };

  return {
    backend,
    knownIds,
    exchange: async (route, request) => {
      const headers: Record<string, string> = { ...request.headers };
      const token = await authorization(route, request.auth);
      if (token !== undefined) headers['authorization'] = token;
      if (request.body?.contentType !== undefined) headers['content-type'] = request.body.contentType;
      const response = await fetch(`${backend.url.replace('localhost', '127.0.0.1')}${request.path}${request.query}`, {
        method: route.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body.text }),
      });
      const answer = {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        text: await response.text(),
      };
      const before = last;
      last = await store.snapshot();
      return { answer, changes: diffStore(before, last) };
    },
    stop: async () => {
      store.close();
      await backend.stop();
    },
  };
};
