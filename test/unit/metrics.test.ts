import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoAuditLog } from '../../shared/adapters/aws/dynamo-audit-log';
import { EmfAnchorMetrics, EmfBreakGlassMetrics, EmfMetrics, emfModelUsage } from '../../shared/adapters/aws/emf-metrics';
import { PowertoolsTriageMetrics } from '../../shared/adapters/aws/powertools-triage-metrics';
import { MeteredAuditLog } from '../../shared/audit/metered-audit-log';
import type { AuditEvent, AuditLog } from '../../shared/audit/ports';
import { METRIC_CATALOG, type MetricName } from '../../shared/metric-catalog';
import { deliveryFigures } from '../../shared/notifications/delivery-metrics';
import { coldStartOnce } from '../../shared/observability/cold-start';
import { requestMetricsLine, type RequestFacts } from '../../shared/observability/request-metrics';
import { meteredAuditLog } from '../../shared/runtime/metered-audit-log';
import { modelFetch } from '../../shared/runtime/model-fetch';
import { CANARY } from '../helpers/canaries';
import { catalogProblems, emfRecords, figuresOf } from '../helpers/emf';
import { conditionFailure } from '../helpers/in-memory';

/** A metrics adapter writing into an array, as it would to stdout. */
const collecting = (service: ConstructorParameters<typeof EmfMetrics>[0] = 'carebow') => {
  const lines: string[] = [];
  return {
    lines,
    metrics: new EmfMetrics(
      service,
      (line) => lines.push(line),
      () => 1_764_072_000_000,
    ),
  };
};

const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  action: 'profile.read',
  outcome: 'success',
  subjectId: 'user-1',
  actor: { userId: 'user-1', roles: ['patient'] },
  resource: { type: 'profile', id: 'user-1' },
  requestId: 'req-1',
  sourceIp: '203.0.113.9',
  ...overrides,
});

const request = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({ route: 'login', status: 200, latencyMs: 42, coldStart: false, ...overrides });

let stdout: string[];
beforeEach(() => {
  stdout = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('Function: requestMetricsLine', () => {
  it('files a request under Route and StatusClass, and its latency under Route, in one valid record', () => {
    // Act
    const [record] = emfRecords([requestMetricsLine(request({ route: 'appointmentBook', status: 201, latencyMs: 87 }), 1)]);

    // Assess
    expect(catalogProblems(record!)).toEqual([]);
    expect(figuresOf([record!])).toEqual([
      { name: 'Latency', dimensions: { service: 'carebow', Route: 'appointmentBook' }, value: 87 },
      { name: 'Requests', dimensions: { service: 'carebow', Route: 'appointmentBook', StatusClass: '2xx' }, value: 1 },
    ]);
  });

  it('counts a 403 as Denied by its error code, and the first request as ColdStart', () => {
    // Act
    const figures = figuresOf(emfRecords([requestMetricsLine(request({ status: 403, errorCode: 'consent_required', coldStart: true }), 1)]));

    // Assess
    expect(figures).toContainEqual({ name: 'Denied', dimensions: { service: 'carebow', Reason: 'consent_required' }, value: 1 });
    expect(figures).toContainEqual({ name: 'ColdStart', dimensions: { service: 'carebow', Route: 'login' }, value: 1 });
    expect(figures).toContainEqual({ name: 'Requests', dimensions: { service: 'carebow', Route: 'login', StatusClass: '4xx' }, value: 1 });
  });

  it("counts the AI quota's 429 as AiQuotaRefused, and no other 429", () => {
    // Act
    const quota = figuresOf(
      emfRecords([requestMetricsLine(request({ route: 'chat', status: 429, errorCode: 'too_many_requests', errorName: 'AiQuotaExceededError' }), 1)]),
    );
    const lockout = figuresOf(emfRecords([requestMetricsLine(request({ status: 429, errorCode: 'too_many_requests', errorName: 'TooManyRequestsError' }), 1)]));

    // Assess
    expect(quota).toContainEqual({ name: 'AiQuotaRefused', dimensions: { service: 'carebow', Route: 'chat' }, value: 1 });
    expect(lockout.map((figure) => figure.name)).toEqual(['Latency', 'Requests']);
  });

  it('puts no caller-controlled text in a dimension: an unexpected label becomes `other`', () => {
    // Act
    const line = requestMetricsLine(request({ route: CANARY.name, status: 401, errorCode: `${CANARY.emailLocalPart} x` }), 1);

    // Assess
    expect(line).not.toContain('Canaryname');
    expect(line).not.toContain(CANARY.emailLocalPart);
    expect(figuresOf(emfRecords([line]))).toContainEqual({ name: 'Denied', dimensions: { service: 'carebow', Reason: 'other' }, value: 1 });
  });
});

describe('Class: MeteredAuditLog', () => {
  const metered = (inner: AuditLog = { append: async () => {} }) => {
    const { lines, metrics } = collecting();
    return { lines, audit: new MeteredAuditLog(inner, metrics) };
  };

  it('counts every appended event by action and by outcome, in valid records', async () => {
    // Prepare
    const { lines, audit } = metered();

    // Act
    await audit.append(event({ action: 'consent.grant' }));

    // Assess
    const records = emfRecords(lines);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    expect(figuresOf(records)).toEqual([
      { name: 'AuditEvents', dimensions: { service: 'carebow', Action: 'consent.grant' }, value: 1 },
      { name: 'AuditOutcomes', dimensions: { service: 'carebow', Outcome: 'success' }, value: 1 },
    ]);
  });

  it.each([
    [{ outcome: 'success' as const, reason: 'new_device' }, 'success'],
    [{ outcome: 'failure' as const, reason: 'bad_credentials' }, 'bad_credentials'],
    [{ outcome: 'failure' as const, reason: 'account_disabled' }, 'bad_credentials'],
    [{ outcome: 'denied' as const, reason: 'mfa_required' }, 'mfa_required'],
    [{ outcome: 'failure' as const, reason: 'mfa_failed' }, 'mfa_failed'],
  ])('counts a login %o as Logins %s', async (fields, outcome) => {
    // Prepare
    const { lines, audit } = metered();

    // Act
    await audit.append(event({ action: 'auth.login', ...fields }));

    // Assess
    const figures = figuresOf(emfRecords(lines)).filter((figure) => figure.name === 'Logins' || figure.name === 'Lockouts');
    expect(figures).toEqual([{ name: 'Logins', dimensions: { service: 'carebow', Outcome: outcome }, value: 1 }]);
  });

  it("counts a locked account's refusal as Logins `locked` and a Lockout", async () => {
    // Prepare
    const { lines, audit } = metered();

    // Act
    await audit.append(event({ action: 'auth.login', outcome: 'denied', reason: 'locked_out' }));

    // Assess
    const records = emfRecords(lines);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    expect(figuresOf(records)).toContainEqual({ name: 'Logins', dimensions: { service: 'carebow', Outcome: 'locked' }, value: 1 });
    expect(figuresOf(records)).toContainEqual({ name: 'Lockouts', dimensions: { service: 'carebow' }, value: 1 });
  });

  it.each([
    [{ outcome: 'success' as const }, ['booked']],
    [{ outcome: 'failure' as const, reason: 'taken' }, ['conflict']],
    [{ outcome: 'failure' as const, reason: 'contention' }, ['conflict']],
    [{ outcome: 'failure' as const, reason: 'outside_hours' }, []],
  ])('counts a booking %o as Bookings %o', async (fields, outcomes) => {
    // Prepare
    const { lines, audit } = metered();

    // Act
    await audit.append(event({ action: 'appointment.book', ...fields }));

    // Assess
    const bookings = figuresOf(emfRecords(lines)).filter((figure) => figure.name === 'Bookings');
    expect(bookings.map((figure) => figure.dimensions['Outcome'])).toEqual(outcomes);
  });

  it('counts a failed append as AuditAppendFailures, fails with it, and counts no event', async () => {
    // Prepare
    const failure = new Error('table unavailable');
    const { lines, audit } = metered({ append: async () => Promise.reject(failure) });

    // Act
    const appended = audit.append(event());

    // Assess
    await expect(appended).rejects.toBe(failure);
    expect(figuresOf(emfRecords(lines))).toEqual([{ name: 'AuditAppendFailures', dimensions: { service: 'carebow' }, value: 1 }]);
  });

  it('never files an id, a reason or free text: an unknown action becomes `other`', async () => {
    // Prepare
    const { lines, audit } = metered();

    // Act
    await audit.append(event({ action: `profile.read ${CANARY.name}`, subjectId: CANARY.name, reason: CANARY.breakGlassReason }));

    // Assess
    expect(lines.join('\n')).not.toMatch(/Canaryname|Canaryreason|user-1|req-1|203\.0\.113/);
    expect(figuresOf(emfRecords(lines))[0]).toEqual({ name: 'AuditEvents', dimensions: { service: 'carebow', Action: 'other' }, value: 1 });
  });
});

describe('Class: DynamoAuditLog (retries)', () => {
  it('tells its onRetry of each lost race, once per retry', async () => {
    // Prepare
    let puts = 0;
    const client = {
      send: async (command: unknown) => {
        if (!(command instanceof PutCommand)) return { Items: [] };
        puts += 1;
        if (puts <= 2) throw conditionFailure('put');
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    const retries: number[] = [];
    const audit = new DynamoAuditLog(client, 'audit', undefined, () => retries.push(puts));

    // Act
    await audit.append(event());

    // Assess
    expect(retries).toEqual([1, 2]);
  });
});

describe('Function: deliveryFigures', () => {
  it('counts each channel by its outcome (sent, failed, retried, suppressed), one record each, leases not at all', () => {
    // Act
    const groups = [
      ...deliveryFigures({ kind: 'retry', channels: { email: 'sent', sms: 'transient' } }),
      ...deliveryFigures({ kind: 'done', channels: { email: 'permanent', sms: 'suppressed:preference' } }),
      ...deliveryFigures({ kind: 'done', channels: { email: 'already_settled', sms: 'busy' } }),
      ...deliveryFigures({ kind: 'delay', seconds: 60 }),
    ];

    // Assess
    const { lines, metrics } = collecting('notifications-worker');
    for (const group of groups) metrics.put(group);
    const records = emfRecords(lines);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    expect(figuresOf(records).map((figure) => figure.dimensions)).toEqual([
      { service: 'notifications-worker', Channel: 'email', Outcome: 'sent' },
      { service: 'notifications-worker', Channel: 'sms', Outcome: 'retried' },
      { service: 'notifications-worker', Channel: 'email', Outcome: 'failed' },
      { service: 'notifications-worker', Channel: 'sms', Outcome: 'suppressed' },
    ]);
  });
});

describe('Function: coldStartOnce', () => {
  it("counts only the execution environment's first invocation, under the worker's name", () => {
    // Prepare
    const { lines, metrics } = collecting('triage-worker');
    const coldStart = coldStartOnce(metrics, 'triage-worker');

    // Act
    coldStart();
    coldStart();

    // Assess
    expect(figuresOf(emfRecords(lines))).toEqual([{ name: 'ColdStart', dimensions: { service: 'triage-worker', Route: 'triage-worker' }, value: 1 }]);
  });
});

describe('Function: modelFetch', () => {
  it("times each model call as ModelLatency under the service and the configured model, and returns the model's response", async () => {
    // Prepare
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 200 }));
    const call = modelFetch('chat-worker', 'gpt-test');

    // Act
    const response = await call('https://model.example/v1/chat/completions', { method: 'POST', body: CANARY.name });

    // Assess
    vi.unstubAllGlobals();
    expect(response.status).toBe(200);
    const records = emfRecords(stdout);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    expect(figuresOf(records)).toEqual([{ name: 'ModelLatency', dimensions: { service: 'chat-worker', Model: 'gpt-test' }, value: expect.any(Number) }]);
    expect(stdout.join('')).not.toContain('Canaryname');
  });
});

describe('Function: emfModelUsage', () => {
  it("files a streamed reply's tokens and cost (micro-USD) under Model, in one valid record", () => {
    // Prepare
    const { lines, metrics } = collecting();

    // Act
    emfModelUsage(metrics).modelUsage({ model: 'gpt-test', inputTokens: 321, outputTokens: 123, costUsd: 0.0004 });

    // Assess
    const records = emfRecords(lines);
    expect(records).toHaveLength(1);
    expect(records.flatMap(catalogProblems)).toEqual([]);
    const model = { service: 'carebow', Model: 'gpt-test' };
    expect(figuresOf(records)).toEqual([
      { name: 'ModelInputTokens', dimensions: model, value: 321 },
      { name: 'ModelOutputTokens', dimensions: model, value: 123 },
      { name: 'ModelCostMicroUsd', dimensions: model, value: 400 },
    ]);
  });
});

describe('Metric catalog', () => {
  it('has a writer for every metric, each record valid against the catalog (name, unit, its one dimension set, namespace)', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_DEV', 'false');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 200 }));
    const { lines, metrics } = collecting();
    let puts = 0;
    const client = {
      send: async (command: unknown) => (command instanceof PutCommand && ++puts === 1 ? Promise.reject(conditionFailure('put')) : { Items: [] }),
    };
    const audit = meteredAuditLog(client as unknown as DynamoDBDocumentClient, 'audit', 'carebow', metrics);
    const triage = new PowertoolsTriageMetrics(new PowertoolsMetrics({ namespace: 'CareBow', serviceName: 'triage-worker' }));

    // Act
    lines.push(requestMetricsLine(request({ status: 403, errorCode: 'forbidden', coldStart: true, errorName: 'AiQuotaExceededError' }), 1));
    await audit.append(event({ action: 'auth.login', outcome: 'denied', reason: 'locked_out' }));
    await audit.append(event({ action: 'appointment.book' }));
    await new MeteredAuditLog({ append: async () => Promise.reject(new Error('down')) }, metrics).append(event()).catch(() => undefined);
    for (const group of deliveryFigures({ kind: 'done', channels: { email: 'sent' } })) metrics.put(group);
    await modelFetch('triage-worker', 'gpt-test')('https://model.example/v1/chat/completions');
    triage.modelUsage({ model: 'gpt-test', inputTokens: 1, outputTokens: 1, costUsd: 0 });
    triage.fallback('invalid_answer');
    triage.outcome('model', 'self_care');
    new EmfBreakGlassMetrics('carebow', (line) => lines.push(line)).used();
    new EmfAnchorMetrics(collecting('audit-anchor').metrics).verified('ok');
    const anchor = new EmfAnchorMetrics(new EmfMetrics('audit-anchor', (line) => lines.push(line)));
    anchor.verified('truncated');
    anchor.digestWritten();
    vi.unstubAllGlobals();

    // Assess
    const records = [...emfRecords(lines), ...emfRecords(stdout)];
    expect(records.flatMap(catalogProblems)).toEqual([]);
    const written = new Set(figuresOf(records).map((figure) => figure.name));
    expect([...written].sort()).toEqual((Object.keys(METRIC_CATALOG) as MetricName[]).sort());
  });
});

describe('docs/architecture.md, section Metrics', () => {
  it('lists every catalog metric with exactly its dimension set, and nothing else', () => {
    // Prepare
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'architecture.md'), 'utf8');
    const section = text.slice(text.indexOf('\n## Metrics\n'), text.indexOf('\n## ', text.indexOf('\n## Metrics\n') + 1));

    // Act
    const rows = [...section.matchAll(/^\| `(\w+)` \| ([\w, ]+) \|/gm)].map(([, name, dimensions]) => [name, dimensions!.split(', ')]);

    // Assess
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(METRIC_CATALOG).map(([name, { dimensions }]) => [name, [...dimensions]])));
  });
});
