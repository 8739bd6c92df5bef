import { describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { parseStageConfig, STAGE_CONFIGS, STAGE_NAMES } from '../../lib/stages';
import { CONTENT_WORKER_RESERVED } from '../../lib/content';

describe('Construct: stage config', () => {
  it('defines dev, staging and prod, each with an explicit region and OWASP scrypt cost', () => {
    // Prepare, Act
    const stages = STAGE_NAMES.map((name) => STAGE_CONFIGS[name]);

    // Assess
    expect(STAGE_NAMES).toEqual(['dev', 'staging', 'prod']);
    for (const config of stages) {
      expect(config.region, config.stage).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
      expect(config.scryptLogN, config.stage).toBe(17);
      expect(config.corsAllowedOrigins.length, config.stage).toBeGreaterThan(0);
      expect(config.waf.authRequestsPerIp, config.stage).toBeLessThan(config.waf.requestsPerIp);
    }
  });

  it('retains and deletion-protects prod data, and lets dev be destroyed', () => {
    // Prepare, Act
    const { dev, prod } = STAGE_CONFIGS;

    // Assess
    expect(prod).toMatchObject({ removal: 'retain', deletionProtection: true });
    expect(dev).toMatchObject({ removal: 'destroy', deletionProtection: false });
  });

  it('leaves the account its 100 unreserved executions with every function reserved (1000 default limit)', () => {
    // Prepare: route functions and the authorizer share one reservation; each worker has its own.
    const apiFunctions = ROUTE_IDS.length + 1;

    // Act
    const reserved = STAGE_NAMES.map((name) => {
      const config = STAGE_CONFIGS[name];
      return (
        config.reservedConcurrency * apiFunctions +
        config.triageWorker.reservedConcurrency +
        config.chatWorker.reservedConcurrency +
        config.notifications.reservedConcurrency +
        CONTENT_WORKER_RESERVED
      );
    });

    // Assess
    for (const total of reserved) expect(1000 - total).toBeGreaterThanOrEqual(100);
  });

  it('bounds the workers: each queue drives 2 to 10 invocations, within the worker reservation', () => {
    // Prepare, Act
    const workers = STAGE_NAMES.flatMap((name) => [
      [`${name} triage`, STAGE_CONFIGS[name].triageWorker] as const,
      [`${name} chat`, STAGE_CONFIGS[name].chatWorker] as const,
      [`${name} notifications`, STAGE_CONFIGS[name].notifications] as const,
    ]);

    // Assess
    for (const [name, worker] of workers) {
      expect(worker.maxConcurrency, name).toBeGreaterThanOrEqual(2);
      expect(worker.maxConcurrency, name).toBeLessThanOrEqual(10);
      expect(worker.maxConcurrency, name).toBeLessThanOrEqual(worker.reservedConcurrency);
    }
  });

  it('sends notifications from an address of its verified SES identity, with https links to the app of its own stage', () => {
    // Prepare, Act
    const stages = STAGE_NAMES.map((name) => [name, STAGE_CONFIGS[name].notifications] as const);

    // Assess
    for (const [name, notifications] of stages) {
      expect([notifications.fromEmail, notifications.fromEmail.split('@')[1]], name).toContain(notifications.emailIdentity);
      expect(notifications.appBaseUrl, name).toMatch(/^https:\/\/[^/]+(\/.*[^/])?$/);
      expect(notifications.sandboxRecipients ?? [], name).toEqual([]);
    }
    expect(new Set(stages.map(([, n]) => n.appBaseUrl)).size).toBe(STAGE_NAMES.length);
  });

  it('refuses a sender outside its identity, an http or trailing-slash app URL and an unbounded notifications worker', () => {
    // Prepare
    const notifications = STAGE_CONFIGS.prod.notifications;
    const bad = [
      { ...notifications, emailIdentity: 'other.example' },
      { ...notifications, fromEmail: 'not-an-address' },
      { ...notifications, appBaseUrl: 'http://app.carebow.example' },
      { ...notifications, appBaseUrl: 'https://app.carebow.example/' },
      { ...notifications, reservedConcurrency: 2, maxConcurrency: 5 },
      { ...notifications, maxConcurrency: 1 },
      { ...notifications, sandboxRecipients: ['not-an-address'] },
      { ...notifications, unknown: true },
    ];

    // Act, Assess
    for (const override of bad) {
      expect(() => parseStageConfig({ ...STAGE_CONFIGS.prod, notifications: override }), JSON.stringify(override)).toThrow(
        /Invalid stage config for 'prod'.*notifications/,
      );
    }
    expect(
      parseStageConfig({ ...STAGE_CONFIGS.prod, notifications: { ...notifications, emailIdentity: 'no-reply@carebow.example' } }).notifications.emailIdentity,
    ).toBe('no-reply@carebow.example');
  });

  it('calls the triage model in staging and prod, and not in dev (no key to provision)', () => {
    // Prepare, Act
    const { dev, staging, prod } = STAGE_CONFIGS;

    // Assess
    expect(dev.aiModel.enabled).toBe(false);
    expect(staging.aiModel.enabled).toBe(true);
    expect(prod.aiModel.enabled).toBe(true);
    for (const config of [dev, staging, prod]) expect(config.aiModel.model.length, config.stage).toBeGreaterThan(0);
  });

  it('shifts traffic by canary in prod, linearly in staging and all at once in dev, and refuses an all-at-once prod or an unreachable latency threshold', () => {
    // Prepare
    const { dev, staging, prod } = STAGE_CONFIGS;
    const { deployment: _omitted, ...withoutDeployment } = dev;
    const bad = [
      { stage: 'prod' as const, deployment: { ...prod.deployment, strategy: 'allAtOnce' as const } },
      { stage: 'prod' as const, deployment: { ...prod.deployment, routeP99LatencyMs: 10_000 } },
      { stage: 'prod' as const, deployment: { ...prod.deployment, streamedRouteP99LatencyMs: 30_000 } },
      { stage: 'prod' as const, deployment: { ...prod.deployment, strategy: 'blueGreen' as never } },
      { stage: 'prod' as const, deployment: { ...prod.deployment, unknown: true } as never },
    ];

    // Act
    const defaulted = parseStageConfig(withoutDeployment);

    // Assess
    expect([dev.deployment.strategy, staging.deployment.strategy, prod.deployment.strategy]).toEqual([
      'allAtOnce',
      'linear10PercentEvery1Minute',
      'canary10Percent5Minutes',
    ]);
    expect(defaulted.deployment).toEqual({ strategy: 'allAtOnce', routeP99LatencyMs: 3_000, streamedRouteP99LatencyMs: 25_000 });
    for (const override of bad) {
      expect(() => parseStageConfig({ ...prod, ...override }), JSON.stringify(override)).toThrow(/Invalid stage config for 'prod'.*deployment/);
    }
  });

  it('refuses an http issuer or model URL, an empty CORS list, a path in an origin, a burst below the rate and an unbounded worker', () => {
    // Prepare
    const bad = [
      { issuer: 'http://api.carebow.example' },
      { corsAllowedOrigins: [] },
      { corsAllowedOrigins: ['https://app.carebow.example/path'] },
      { throttle: { rateLimit: 100, burstLimit: 10 } },
      { waf: { requestsPerIp: 100, authRequestsPerIp: 500 } },
      { aiModel: { enabled: true, model: 'gpt-4o-mini', baseUrl: 'http://llm.internal.example' } },
      { triageWorker: { reservedConcurrency: 2, maxConcurrency: 5 } },
      { triageWorker: { reservedConcurrency: 50, maxConcurrency: 50 } },
      { triageWorker: { reservedConcurrency: 5, maxConcurrency: 1 } },
      { chatWorker: { reservedConcurrency: 2, maxConcurrency: 3 } },
      { chatWorker: { reservedConcurrency: 20, maxConcurrency: 20 } },
      { chatWorker: { reservedConcurrency: 5, maxConcurrency: 1 } },
    ];

    // Act, Assess
    for (const override of bad)
      expect(() => parseStageConfig({ ...STAGE_CONFIGS.prod, ...override }), JSON.stringify(override)).toThrow(/Invalid stage config for 'prod'/);
  });
});
