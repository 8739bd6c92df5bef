/**
 * `npm run seed`: loads a demo care network into the LOCAL data dir ($CAREBOW_DATA_DIR, default
 * ./.carebow): 30 providers and 30 caregivers in five time zones, verified, with weekly
 * availability; three demo patients, one demo admin and one demo editor; and the content library's
 * seed posts (local/seed-content.ts), approved by the first demo provider and published by the editor.
 * Prints their logins: local demo data only.
 *
 * Idempotent: the accounts, profiles and availability are fixed by local/seed-network.ts, and what
 * exists is kept. It talks HTTP to a running `npm start` if there is one, else to a backend it starts
 * in this process for the duration. Roles are granted as `npm run admin` grants them
 * (changeRoleByEmail on the local store). It refuses any deployed stage.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoAuditLog } from '../shared/adapters/aws/dynamo-audit-log';
import { createDocumentClient } from '../shared/adapters/aws/dynamo-client';
import { DynamoUserRepository } from '../shared/adapters/aws/dynamo-user-repository';
import { HmacBlindIndex } from '../shared/adapters/hmac-blind-index';
import { localBlindIndexKey } from '../shared/adapters/local/keyring';
import type { Role } from '../shared/domain/roles';
import { normalizeEmail } from '../shared/domain/email';
import { changeRole } from '../shared/identity/manage-roles';
import { endpointsFile, type LocalBackend, startLocalBackend } from '../local/backend';
import { localTableName } from '../local/stand-ins';
import { type DemoLogin, type DemoPractitioner, demoAdmin, demoPatients, demoPractitioners } from '../local/seed-network';
import { type DemoEditor, demoEditor, describeContentSeed, seedContent } from '../local/seed-content';
import { DEMO_TOTP_SECRET, demoCode, demoOtpauthUri, enrolDemoMfa } from '../local/seed-mfa';
import { requiresMfa } from '../shared/domain/mfa-policy';

const USAGE = 'usage: npm run seed   (local data dir only: $CAREBOW_DATA_DIR, default ./.carebow)';
const CONCURRENCY = 4;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Reply {
  readonly status: number;
  readonly json: Record<string, unknown> | undefined;
  readonly etag: string | null;
}

/** Runs `work` over `items`, at most `limit` at a time (scrypt is costly in memory). */
const pool = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, region: { type: 'string' } } });
  const stage = values.stage ?? process.env.CAREBOW_STAGE ?? 'local';
  if (stage !== 'local' || values.region !== undefined)
    throw new Error(`The seed loads demo data into the local stage only; refusing stage ${stage}.\n${USAGE}`);

  const dataDir = resolve(process.env.CAREBOW_DATA_DIR ?? '.carebow');
  const running = existsSync(endpointsFile(dataDir))
    ? (JSON.parse(readFileSync(endpointsFile(dataDir), 'utf8')) as { pid: number; url: string; dynamodbEndpoint: string })
    : undefined;
  let own: LocalBackend | undefined;
  let url: string;
  let dynamodbEndpoint: string;
  if (running !== undefined && isAlive(running.pid)) {
    ({ url, dynamodbEndpoint } = running);
  } else {
    // No `npm start` on this data dir: run one here, quietly, for the seed's duration.
    own = await startLocalBackend({
      port: 0,
      dataDir,
      persist: true,
      worker: false,
      env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT' },
    });
    ({ url, dynamodbEndpoint } = own);
  }
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) throw new Error(`The backend at ${url} is not local; refusing to seed it.`);

  const client = createDocumentClient({ endpoint: dynamodbEndpoint });
  const deps = {
    users: new DynamoUserRepository(client, localTableName('identity')),
    audit: new DynamoAuditLog(client, localTableName('audit')),
    blindIndex: new HmacBlindIndex(async () => localBlindIndexKey(dataDir)),
  };
  const operator = { userId: `cli:${userInfo().username}`, roles: ['operator'], requestId: randomUUID(), source: 'seed-cli' };
  const counts = { accounts: 0, roles: 0, mfa: 0, profiles: 0, availability: 0, verified: 0 };

  const call = async (method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Reply> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, etag: response.headers.get('etag') };
  };
  const expect = (reply: Reply, ok: readonly number[], what: string): Reply => {
    if (!ok.includes(reply.status)) throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
    return reply;
  };

  /** Registers the account unless it exists, and grants `role` (as `npm run admin` does) unless held. */
  const account = async (login: Omit<DemoLogin, 'role'>, role: Role): Promise<void> => {
    const registered = expect(
      await call('POST', '/api/v1/auth/register', { email: login.email, password: login.password, name: login.name }),
      [201, 409],
      `register ${login.email}`,
    );
    if (registered.status === 201) counts.accounts++;
    if (role === 'patient') return;
    const userId = await deps.users.findIdByEmail(await deps.blindIndex.of(normalizeEmail(login.email)));
    const user = userId === undefined ? undefined : await deps.users.get(userId);
    if (user === undefined) throw new Error(`No account for ${login.email} after registering it.`);
    if (!user.roles.includes(role)) {
      await changeRole(deps, user.id, 'grant', role, operator);
      counts.roles++;
    }
    // The role requires MFA (docs/adr/0015-mfa.md): enrol the demo secret, so its logins get `otp`.
    if (requiresMfa([role]) && (await enrolDemoMfa(client, dataDir, deps.audit, user.id, operator))) counts.mfa++;
  };
  /**
   * Logs in once per account and run (the reviewer is also a practitioner): a code works once, so a second login in
   * the same 30-second step would have to wait for the next one.
   */
  const tokens = new Map<string, Promise<string>>();
  const token = (login: Omit<DemoLogin, 'role'>): Promise<string> => {
    if (!tokens.has(login.email)) tokens.set(login.email, loginOnce(login));
    return tokens.get(login.email)!;
  };
  /** Logs in; an account with MFA answers its challenge with a demo code newer than any it used (each code works once). */
  const loginOnce = async (login: Omit<DemoLogin, 'role'>): Promise<string> => {
    const first = expect(await call('POST', '/api/v1/auth/login', { email: login.email, password: login.password }), [200], `login ${login.email}`).json!;
    if (first.mfa_required !== true) return first.accessToken as string;
    for (let attempt = 0; ; attempt++) {
      const challenge =
        attempt === 0
          ? first
          : expect(await call('POST', '/api/v1/auth/login', { email: login.email, password: login.password }), [200], `login ${login.email}`).json!;
      // This step's code, then the next one (the window allows it); after that, wait for a fresh step.
      const reply = await call('POST', '/api/v1/auth/mfa', { challenge: challenge.challenge, code: demoCode(attempt % 2) });
      if (reply.status === 200) return reply.json!.accessToken as string;
      expect(reply, [401], `second factor of ${login.email}`);
      if (attempt >= 4) throw new Error(`second factor of ${login.email}: no demo code was accepted`);
      if (attempt % 2 === 1) await new Promise((done) => setTimeout(done, 31_000));
    }
  };

  try {
    const admin = demoAdmin();
    await account(admin, 'admin');
    const adminToken = await token(admin);
    const patients = demoPatients();
    await pool(patients, CONCURRENCY, (patient) => account(patient, 'patient'));

    const practitioners = demoPractitioners();
    await pool(practitioners, CONCURRENCY, async (p: DemoPractitioner) => {
      await account(p, p.role);
      const bearer = await token(p);
      let profile = await call('GET', '/api/v1/practitioners/me', undefined, bearer);
      if (profile.status === 404) {
        profile = expect(await call('PUT', '/api/v1/practitioners/me', p.profile, bearer), [200, 201], `profile of ${p.email}`);
        counts.profiles++;
      }
      expect(profile, [200, 201], `profile of ${p.email}`);
      const availability = await call('GET', '/api/v1/practitioners/me/availability', undefined, bearer);
      if (availability.status === 404) {
        expect(await call('PUT', '/api/v1/practitioners/me/availability', p.availability, bearer), [200, 201], `availability of ${p.email}`);
        counts.availability++;
      } else expect(availability, [200], `availability of ${p.email}`);
      if (profile.json!.verified !== true) {
        const id = profile.json!.id as string;
        const ifMatch = `"${profile.json!.version as number}"`;
        expect(
          await call('POST', `/api/v1/admin/practitioners/${id}/verify`, { verified: true }, adminToken, { 'if-match': ifMatch }),
          [200],
          `verify ${p.email}`,
        );
        counts.verified++;
      }
    });

    const editor = demoEditor();
    await account(editor, 'editor');
    const reviewer = practitioners.find((p) => p.role === 'provider')!;
    const content = await seedContent(call, { editor: await token(editor), reviewer: await token(reviewer) });

    const changed = Object.values(counts).some((n) => n > 0);
    const logins: readonly (DemoLogin | DemoEditor)[] = [admin, editor, ...patients, ...practitioners];
    const width = Math.max(...logins.map((l) => l.email.length));
    console.log(
      [
        `Seeded ${url} (data dir ${dataDir}): ${changed ? `created ${counts.accounts} accounts, granted ${counts.roles} roles, enrolled ${counts.mfa} in MFA, wrote ${counts.profiles} profiles and ${counts.availability} availabilities, verified ${counts.verified}` : 'nothing to do, the demo network is already there'}.`,
        '',
        describeContentSeed(content),
        '',
        'LOCAL DEMO DATA ONLY: these logins and passwords are public; never use them outside a local data dir.',
        ...logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(width)}  ${l.password}`),
        '',
        `Every account but the patients uses MFA with the demo TOTP secret ${DEMO_TOTP_SECRET}: add it to an authenticator app`,
        `(${demoOtpauthUri()}), then answer the login's challenge with POST /api/v1/auth/mfa { challenge, code }.`,
      ].join('\n'),
    );
  } finally {
    await own?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
