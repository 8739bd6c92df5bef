import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import { DynamoAuditTrail } from '../../shared/adapters/aws/dynamo-audit-trail';
import { verifyChain } from '../../shared/audit/chain';
import { BUDGETS } from '../../shared/budgets/limits';
import { windowAt } from '../../shared/budgets/spend';
import { SEXES } from '../../shared/contracts/records';
import { type ApiResponse, signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';
import { registeredAdmin } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';
import { fuzzSettings } from './harness';

/**
 * Sequences of requests, not single ones (issue 14): a patient and a caregiver act on one record
 * area in random order, through the local server, and every answer is checked against a model of
 * what should be true by then. The single-request fuzzer (`routes.test.ts`) cannot find what only
 * an order of requests reaches; this suite's first runs found two such bugs, each now a regression
 * test in `test/integration/phi-vault.test.ts`: after `DELETE /me`, the still-valid access token
 * replaced the profile (200) and granted a consent through which the caregiver read it.
 *
 * The area: the profile (create, replace with a current, stale or missing ETag, read), consents to
 * the caregiver (grant, revoke), the caregiver's read under them, the export and its budget, and
 * the account's deletion. Properties after every request: never a 5xx; the status and body the
 * model expects; a refusal is a JSON error. After every sequence: both audit chains verify.
 * `npm test`: a fixed seed; `npm run fuzz`: more and longer sequences from a random seed (FUZZ_SEED replays).
 */

const settings = fuzzSettings();
const SEQUENCES = settings.long ? 60 : 10;
const MAX_COMMANDS = settings.long ? 40 : 20;

/** What should be true by now, from the requests so far. */
interface Model {
  profile?: { sex: string; version: number };
  deleted: boolean;
  /** Every consent ann granted to carl, in order, and whether it is still active. */
  consents: { id: string; active: boolean }[];
  /** The export budget's hour window, and how many exports it has taken. */
  exports: { window: string; count: number };
  /**
   * Whether `GET /profile`'s function opened ann's profile before the deletion, so its vault holds her plain key: it
   * may open with it for up to 5 minutes after (`maxKeyAgeMs`, docs/security.md #8), for her own token only.
   */
  ownReadCached: boolean;
}

/** The accounts of one sequence. */
interface Real {
  readonly ann: { readonly userId: string; readonly token: string };
  readonly carl: { readonly userId: string; readonly token: string };
  /** Every request of the sequence, for the failure message. */
  readonly log: string[];
}

let backend: TestBackend;
let adminToken: string;
beforeAll(async () => {
  backend = await startTestBackend({}, { worker: false });
  adminToken = (await registeredAdmin(backend)).token;
  console.log(`sequences: seed ${settings.seed}, ${SEQUENCES} sequences of up to ${MAX_COMMANDS} requests (replay: FUZZ_SEED=${settings.seed})`);
}, 60_000);
afterAll(async () => {
  await backend?.stop();
});

const newWorld = async (): Promise<Real> => {
  const ann = await signUp(backend, `seq-ann-${randomUUID().slice(0, 8)}@example.com`);
  const carl = await signUp(backend, `seq-carl-${randomUUID().slice(0, 8)}@example.com`);
  const granted = await backend.call('POST', `/api/v1/admin/users/${carl.userId}/roles`, { token: adminToken, body: { action: 'grant', role: 'caregiver' } });
  expect(granted.status).toBe(200);
  return {
    ann: { userId: ann.userId, token: await tokenFor(backend.dataDir, ann.userId, ['patient']) },
    carl: { userId: carl.userId, token: await tokenFor(backend.dataDir, carl.userId, ['patient', 'caregiver']) },
    log: [],
  };
};

/** Sends a request, logs it, and checks what every answer must hold: no 5xx, and a refusal is a JSON error. */
const send = async (real: Real, label: string, method: string, path: string, options: Parameters<TestBackend['call']>[2]): Promise<ApiResponse> => {
  const response = await backend.call(method, path, options);
  real.log.push(`${label} → ${response.status}`);
  expect(response.status, real.log.join('\n')).toBeLessThan(500);
  if (response.status >= 400) expect(typeof response.json?.error?.code, `${label}: ${response.text.slice(0, 200)}`).toBe('string');
  return response;
};
const expectStatus = (real: Real, response: ApiResponse, status: number): void => {
  expect(response.status, `expected ${status}, after:\n${real.log.join('\n')}\n${response.text.slice(0, 300)}`).toBe(status);
};

class PutProfile implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly ifMatch: 'current' | 'stale' | 'none',
    readonly sex: string,
  ) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const version = model.profile?.version;
    const tag = this.ifMatch === 'none' ? undefined : this.ifMatch === 'current' ? `"${version ?? 1}"` : `"${(version ?? 0) + 7}"`;
    const response = await send(real, this.toString(), 'PUT', '/api/v1/profile', {
      token: real.ann.token,
      body: { sex: this.sex },
      ...(tag ? { headers: { 'If-Match': tag } } : {}),
    });
    if (model.deleted) return expectStatus(real, response, 404);
    // Creating needs no If-Match; replacing needs the current one; anything else changes nothing.
    const expected = version === undefined ? (tag === undefined ? 201 : 412) : this.ifMatch === 'current' ? 200 : 412;
    expectStatus(real, response, expected);
    if (expected !== 412) {
      model.profile = { sex: this.sex, version: (version ?? 0) + 1 };
      expect(response.headers.get('etag')).toBe(`"${model.profile.version}"`);
    }
  }
  toString = (): string => `PUT /profile (If-Match ${this.ifMatch}, ${this.sex})`;
}

class GetProfile implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), 'GET', '/api/v1/profile', { token: real.ann.token });
    if (model.profile === undefined || (model.deleted && !model.ownReadCached)) return expectStatus(real, response, 404);
    expectStatus(real, response, 200);
    expect(response.json).toMatchObject({ profile: { sex: model.profile.sex }, version: model.profile.version });
    if (!model.deleted) model.ownReadCached = true;
  }
  toString = (): string => 'GET /profile';
}

class Grant implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), 'POST', '/api/v1/consents', {
      token: real.ann.token,
      body: { granteeId: real.carl.userId, scopes: ['profile.read'], purpose: 'caregiving' },
    });
    if (model.deleted) return expectStatus(real, response, 404);
    expectStatus(real, response, 201);
    model.consents.push({ id: String(response.json.id), active: true });
  }
  toString = (): string => 'POST /consents (carl, profile.read)';
}

class Revoke implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>): boolean => model.consents.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const consent = model.consents[this.pick % model.consents.length]!;
    const response = await send(real, this.toString(), 'DELETE', `/api/v1/consents/${consent.id}`, { token: real.ann.token });
    // Revoking is idempotent: a consent already revoked (by hand or by the deletion) answers the same.
    expectStatus(real, response, 204);
    consent.active = false;
  }
  toString = (): string => `DELETE /consents/{#${this.pick}}`;
}

class CaregiverReads implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), 'GET', `/api/v1/patients/${real.ann.userId}/profile`, { token: real.carl.token });
    const allowed = !model.deleted && model.profile !== undefined && model.consents.some((consent) => consent.active);
    if (!allowed) return expectStatus(real, response, 404);
    expectStatus(real, response, 200);
    expect(response.json).toMatchObject({ profile: { sex: model.profile!.sex }, version: model.profile!.version });
  }
  toString = (): string => 'GET /patients/{ann}/profile (carl)';
}

class Export implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const window = windowAt('dataExport', BUDGETS.dataExport[0], Date.now()).counterId;
    if (window !== model.exports.window) model.exports = { window, count: 0 };
    const response = await send(real, this.toString(), 'GET', '/api/v1/me/export', { token: real.ann.token });
    if (model.deleted) return expectStatus(real, response, 404);
    if (model.exports.count >= BUDGETS.dataExport[0].limit) {
      expectStatus(real, response, 429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      return;
    }
    expectStatus(real, response, 200);
    model.exports.count += 1;
    expect(response.json.profile === null ? undefined : response.json.profile.profile.sex).toBe(model.profile?.sex);
    expect(response.json.consents.granted.map((consent: { id: string; status: string }) => [consent.id, consent.status === 'active'])).toEqual(
      expect.arrayContaining(model.consents.map((consent) => [consent.id, consent.active])),
    );
    expect(response.json.consents.granted).toHaveLength(model.consents.length);
  }
  toString = (): string => 'GET /me/export';
}

class DeleteAccount implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const response = await send(real, this.toString(), 'DELETE', '/api/v1/me', { token: real.ann.token });
    // A deletion sent again finishes what the first left (ADR 0010): the same 204.
    expectStatus(real, response, 204);
    model.deleted = true;
    for (const consent of model.consents) consent.active = false;
  }
  toString = (): string => 'DELETE /me';
}

const commands = fc.commands(
  [
    fc
      .tuple(fc.constantFrom('current', 'stale', 'none') as fc.Arbitrary<'current' | 'stale' | 'none'>, fc.constantFrom(...SEXES))
      .map(([tag, sex]) => new PutProfile(tag, sex)),
    fc.constant(new GetProfile()),
    fc.constant(new Grant()),
    fc.nat(7).map((pick) => new Revoke(pick)),
    fc.constant(new CaregiverReads()),
    fc.constant(new Export()),
    // Rarer: everything after it is about the deleted account.
    fc.oneof({ weight: 1, arbitrary: fc.constant(new DeleteAccount()) }, { weight: 3, arbitrary: fc.constant(new GetProfile()) }),
  ],
  { maxCommands: MAX_COMMANDS },
);

describe('Request sequences: a patient, a caregiver, the profile, consents, the export and the deletion', () => {
  it(
    'answers every request as the model of the requests before it says, never 5xx, and leaves both audit chains verifiable',
    async () => {
      const trail = new DynamoAuditTrail(createDocumentClient({ endpoint: backend.dynamodbEndpoint }), backend.tables.audit);
      await fc.assert(
        fc.asyncProperty(commands, async (sequence) => {
          // Prepare
          const real = await newWorld();
          const model: Model = { deleted: false, consents: [], exports: { window: '', count: 0 }, ownReadCached: false };

          // Act & Assess (each command checks its own answer)
          await fc.asyncModelRun(() => ({ model, real }), sequence);

          // Assess: whatever happened, each trail still verifies
          for (const userId of [real.ann.userId, real.carl.userId]) expect(verifyChain(await trail.chain(userId), userId).ok, real.log.join('\n')).toBe(true);
        }),
        { seed: settings.seed, numRuns: SEQUENCES },
      );
    },
    settings.long ? 3_600_000 : 120_000,
  );
});
