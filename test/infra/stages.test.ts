import { describe, expect, it } from 'vitest';
import { ROUTE_IDS } from '../../functions/routes';
import { parseStageConfig, STAGES, STAGE_NAMES } from '../../lib/stages';

describe('Construct: stage config', () => {
  it('defines dev, staging and prod, each with an explicit region and OWASP scrypt cost', () => {
    // Prepare, Act
    const stages = STAGE_NAMES.map((name) => STAGES[name]);

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
    const { dev, prod } = STAGES;

    // Assess
    expect(prod).toMatchObject({ removal: 'retain', deletionProtection: true });
    expect(dev).toMatchObject({ removal: 'destroy', deletionProtection: false });
  });

  it('leaves the account its 100 unreserved executions with every function reserved (1000 default limit)', () => {
    // Prepare
    const functions = ROUTE_IDS.length + 1;

    // Act
    const reserved = Math.max(...STAGE_NAMES.map((name) => STAGES[name].reservedConcurrency)) * functions;

    // Assess
    expect(1000 - reserved).toBeGreaterThanOrEqual(100);
  });

  it('refuses an http issuer, an empty CORS list, a path in an origin and a burst below the rate', () => {
    // Prepare
    const bad = [
      { issuer: 'http://api.carebow.example' },
      { corsAllowedOrigins: [] },
      { corsAllowedOrigins: ['https://app.carebow.example/path'] },
      { throttle: { rateLimit: 100, burstLimit: 10 } },
      { waf: { requestsPerIp: 100, authRequestsPerIp: 500 } },
    ];

    // Act, Assess
    for (const override of bad) expect(() => parseStageConfig({ ...STAGES.prod, ...override }), JSON.stringify(override)).toThrow(/Invalid stage config for 'prod'/);
  });
});
