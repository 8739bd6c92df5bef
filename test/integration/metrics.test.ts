import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../functions/routes';
import { CANARY, canaryEmail } from '../helpers/canaries';
import { catalogProblems, emfRecords, figuresOf, type Figure } from '../helpers/emf';
import { signUp, startTestBackend, type TestBackend } from '../helpers/test-backend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.stop();
});

/** Everything the process writes to stdout during a test (the handlers run in it, as in Lambda). */
let stdout: string[];
beforeEach(() => {
  stdout = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write);
});
afterEach(() => vi.restoreAllMocks());

const named = (figures: readonly Figure[], name: string) => figures.filter((figure) => figure.name === name).map((figure) => figure.dimensions);

describe('Metrics through the real handlers', () => {
  it('a refused login writes valid EMF: the request by route and class, the denial, the login outcome and its audit event, no PHI', async () => {
    // Prepare
    const email = canaryEmail('metrics');
    await signUp(backend, email);
    stdout.length = 0;

    // Act
    const response = await backend.call('POST', routes.login.path, { body: { email, password: CANARY.password } });

    // Assess
    expect(response.status).toBe(401);
    const records = emfRecords(stdout);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    const figures = figuresOf(records);
    expect(named(figures, 'Requests')).toEqual([{ service: 'carebow', Route: 'login', StatusClass: '4xx' }]);
    expect(named(figures, 'Denied')).toEqual([{ service: 'carebow', Reason: response.json.error.code }]);
    expect(named(figures, 'Logins')).toEqual([{ service: 'carebow', Outcome: 'bad_credentials' }]);
    expect(named(figures, 'AuditEvents')).toEqual([{ service: 'carebow', Action: 'auth.login' }]);
    expect(named(figures, 'AuditOutcomes')).toEqual([{ service: 'carebow', Outcome: 'failure' }]);
    const emf = stdout.filter((line) => line.includes('"_aws"')).join('');
    expect(emf).not.toMatch(/canary|Canary|@example/);
  });

  it('a role denial counts as Denied `forbidden` and as the audited `route.denied`', async () => {
    // Prepare
    const { accessToken } = await signUp(backend, 'metrics-patient@example.org');
    stdout.length = 0;

    // Act
    const response = await backend.call('GET', `${routes.auditEvents.path}?subjectId=00000000-0000-4000-8000-000000000000`, { token: accessToken });

    // Assess
    expect(response.status).toBe(403);
    const figures = figuresOf(emfRecords(stdout));
    expect(named(figures, 'Denied')).toEqual([{ service: 'carebow', Reason: 'forbidden' }]);
    expect(named(figures, 'AuditEvents')).toEqual([{ service: 'carebow', Action: 'route.denied' }]);
    expect(figures.find((figure) => figure.name === 'Latency')?.value).toEqual(expect.any(Number));
  });
});
