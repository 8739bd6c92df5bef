import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../local/seed-library/posts';
import { type LocalProcess, runToEnd, startLocalProcess } from '../helpers/local-process';

/**
 * `npm run seed` in its own process, twice on one temp data dir: first beside a running
 * `npm start` (through its HTTP API and store), then alone (its own in-process backend), which
 * must change nothing and print the same logins. Low scrypt cost, as in the other local tests.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'carebow-seed-'));
const env = { CAREBOW_DATA_DIR: dataDir, PASSWORD_SCRYPT_LOG_N: '10' };
let server: LocalProcess | undefined;

afterAll(async () => {
  if (server?.child.exitCode === null) await server.interrupt();
});

const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await fetch(`${server!.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
};

/** The printed logins: `role email password`, one a line after the demo-data warning. */
const loginsOf = (output: string): { role: string; email: string; password: string }[] =>
  [...output.matchAll(/^ {2}(\w+) +(\S+@\S+) +(\S.*)$/gm)].map(([, role, email, password]) => ({ role: role!, email: email!, password: password! }));

const directory = async (kind: string, token: string) => {
  const items: { id: string; verified: boolean; timeZone: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('GET', `/api/v1/practitioners?kind=${kind}&limit=50${cursor ? `&cursor=${cursor}` : ''}`, token);
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
};

describe('npm run seed', () => {
  let first: { code: number | null; output: string };

  it('seeds 60 verified practitioners in ≥ 4 time zones beside a running npm start', async () => {
    server = await startLocalProcess(dataDir, { PASSWORD_SCRYPT_LOG_N: '10' });
    first = await runToEnd('bin/seed.ts', [], env);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(server.url.replace('127.0.0.1', 'localhost'));
    expect(first.output).toContain('LOCAL DEMO DATA ONLY');
    const logins = loginsOf(first.output);
    expect(logins.filter((l) => l.role === 'provider')).toHaveLength(30);
    expect(logins.filter((l) => l.role === 'caregiver')).toHaveLength(30);
    expect(logins.filter((l) => l.role === 'patient')).toHaveLength(3);

    const patient = logins.find((l) => l.role === 'patient')!;
    const login = await call('POST', '/api/v1/auth/login', undefined, { email: patient.email, password: patient.password });
    expect(login.status).toBe(200);
    const token = login.json.accessToken as string;
    const providers = await directory('provider', token);
    const caregivers = await directory('caregiver', token);
    expect(providers).toHaveLength(30);
    expect(caregivers).toHaveLength(30);
    expect([...providers, ...caregivers].every((p) => p.verified)).toBe(true);
    expect(new Set([...providers, ...caregivers].map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(4);

    const from = new Date();
    const to = new Date(from.getTime() + 8 * 86_400_000);
    const slots = await call('GET', `/api/v1/practitioners/${providers[0]!.id}/slots?from=${from.toISOString()}&to=${to.toISOString()}`, token);
    expect(slots.status).toBe(200);
    expect(slots.json.items.length).toBeGreaterThan(0);

    // The starter library: published through the API, then rendered and indexed by the running content worker.
    expect(logins.filter((l) => l.role === 'editor')).toHaveLength(1);
    let library: { status: number; json: { items: { slug: string; reviewedByName: string }[] } } = { status: 0, json: { items: [] } };
    for (let attempt = 0; attempt < 100 && library.json.items.length < SEED_POSTS.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      library = await call('GET', '/api/v1/content/posts?limit=50');
    }
    expect(library.status).toBe(200);
    expect(library.json.items.map((post) => post.slug).sort()).toEqual(SEED_POSTS.map((post) => post.slug).sort());
    expect(library.json.items.every((post) => post.reviewedByName.length > 0)).toBe(true);
    expect((await server.interrupt()).code).toBe(0);
  });

  it('runs again without a server: changes nothing and prints the same logins', async () => {
    const second = await runToEnd('bin/seed.ts', [], env);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('nothing to do');
    expect(loginsOf(second.output)).toEqual(loginsOf(first.output));
    expect(loginsOf(second.output)).toHaveLength(65);
  });

  it('refuses a deployed stage', async () => {
    const refused = await runToEnd('bin/seed.ts', ['--stage', 'prod'], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/local stage only/);
  });
});
