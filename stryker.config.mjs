/**
 * Mutation testing for the safety-critical pure modules: `npm run mutation` (not part of
 * `npm test`). Each mutant runs only the unit and clinical tests that import the mutated file
 * (vitest related mode, `vitest.mutation.config.ts`). Reports: `reports/mutation/`.
 *
 * The rules engine reads `triage-rules.generated.json` and `triage-phrases.generated.txt` beside it through `import.meta.dirname`;
 * the sandbox is a copy of the working tree (everything but node_modules and ignorePatterns), so
 * both are there. No TypeScript checker: vitest strips types, so a mutant that would not
 * compile still runs and is killed or survives on behaviour.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'shared/triage/safety-floor.ts',
    'shared/triage/rules/engine.ts',
    'shared/triage/rules/text.ts',
    'shared/triage/rules/normalise.ts',
    'shared/triage/rules/compile-phrases.ts',
    'shared/triage/rules/compile-rules.ts',
    'shared/triage/rules/phrase-file.ts',
    'shared/records/consent-policy.ts',
  ],
  // Copy only what the tests need into each sandbox (node_modules, .git, /reports are never copied).
  ignorePatterns: ['/cdk.out', '/.carebow', '/.carebow-test', '/coverage', '/.bench', '/test/integration', '/test/e2e', '/test/infra', '/test/build'],
  // Two cores, shared with others.
  concurrency: 2,
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 95, low: 90, break: 90 },
  timeoutMS: 10_000,
};
