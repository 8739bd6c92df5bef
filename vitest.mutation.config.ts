import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run mutation`, see `stryker.config.mjs`): the
 * pure unit and clinical tiers, example tests only. No canary globalSetup or output capture: those
 * guard the whole suite's logs in `npm test`, and Stryker runs the same tests for every mutant.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/clinical/**/*.test.ts'],
    // The property tests build their cases at collection time (every phrase through the engine),
    // which makes most engine mutants "static": each would then run every test. They stay in `npm test`.
    exclude: [...configDefaults.exclude, '**/*.property.test.ts'],
  },
});
