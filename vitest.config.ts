import { defineConfig } from 'vitest/config';

/**
 * One `npm test`, seven tiers. Integration and e2e run the handlers for real on dynalite and
 * fauxqs; every tier's output is captured, and the global teardown fails the run if any captured
 * line holds canary PHI, a token or a password (docs/security.md #14).
 */
export default defineConfig({
  test: {
    // Two files at a time even on two cores (vitest's default there is one): most integration and e2e time is spent
    // waiting on the stand-ins and timers, so the second worker cut a full run from 532 s to 352 s on this machine.
    maxWorkers: 2,
    globalSetup: ['test/helpers/log-canary-global.ts'],
    setupFiles: ['test/helpers/capture-output.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'clinical', include: ['test/clinical/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // The AWS key adapters through the real SDK clients on their stand-ins (ADR 0021); CAREBOW_KEYS=local for the keyring.
          env: { CAREBOW_KEYS: process.env.CAREBOW_KEYS ?? 'kms-standin' },
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      // Not isolated: a worker loads the CDK once for all its infra files, and they share each stage synthesized as it is
      // (test/infra/support/synth.ts); no infra test mocks a module or changes the environment.
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, isolate: false } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      // Every route fuzzed from its OpenAPI schemas (docs/architecture.md, "Fuzzing"); `npm run fuzz` runs it longer.
      { extends: true, test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
