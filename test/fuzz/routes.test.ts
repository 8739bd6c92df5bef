import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import type { RouteDef } from '../../shared/http/route';
import { operationOf } from './contract';
import { type FuzzBackend, fuzzSettings, routeServing, startFuzzBackend } from './harness';
import { judge, type Violation } from './oracle';
import { requestsFor } from './requests';

/**
 * docs/security.md #4 and #21: every route of the route table, fuzzed from its own OpenAPI schemas with
 * hostile mutations and every kind of credential, through the local server. See `oracle.ts` for
 * the properties. `npm test`: a fixed seed and FUZZ_RUNS (default 4) per route; `npm run fuzz`:
 * longer, from a random seed it prints. FUZZ_COLLECT=1 reports every finding instead of stopping
 * at a route's first.
 */
const settings = fuzzSettings();
const collect = process.env.FUZZ_COLLECT === '1';
const selected = (Object.values(routes) as RouteDef[]).filter((route) => settings.only === undefined || settings.only.includes(route.id));

let fuzz: FuzzBackend;
const tally = {
  cases: 0,
  mutations: new Map<string, number>(),
  statuses: new Map<number, number>(),
  findings: new Map<string, Set<string>>(),
  /** The first request of each finding, shortened: what a regression test starts from. */
  examples: new Map<string, string>(),
};
const count = <K>(map: Map<K, number>, key: K): void => void map.set(key, (map.get(key) ?? 0) + 1);

beforeAll(async () => {
  fuzz = await startFuzzBackend();
  console.log(
    `fuzz: seed ${settings.seed}, ${settings.runs} runs per route, ${selected.length} routes (replay: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs})`,
  );
}, 60_000);

afterAll(async () => {
  const findings = [...tally.findings].map(
    ([key, routeIds]) => `  ${key}: ${[...routeIds].join(', ')}${collect ? `\n    e.g. ${tally.examples.get(key)}` : ''}`,
  );
  console.log(
    [
      `fuzz tally: ${tally.cases} requests, seed ${settings.seed}`,
      `  statuses: ${[...tally.statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
      `  mutations: ${[...tally.mutations]
        .sort()
        .map(([label, n]) => `${label}×${n}`)
        .join(' ')}`,
      `  findings: ${findings.length === 0 ? 'none' : `\n${findings.join('\n')}`}`,
    ].join('\n'),
  );
  await fuzz?.stop();
});

describe('Route table: fuzzed requests', () => {
  // Each route its own seed (the base plus its place in the table), so routes do not all draw the same requests.
  it.each(selected.map((route) => [route.id, route, settings.seed + Object.keys(routes).indexOf(route.id)] as const))(
    '%s never answers 5xx, leaks nothing, answers as documented and writes nothing when it refuses',
    async (_id, route, seed) => {
      // Prepare
      const requests = requestsFor(route, operationOf(route.method, route.path), fuzz.knownIds);

      // Act
      const run = fc.asyncProperty(requests, async (request) => {
        const { answer, changes } = await fuzz.exchange(route, request);
        const serving = routeServing(route.method, request.path);
        const violations: Violation[] =
          serving === undefined
            ? answer.status === 404
              ? []
              : [{ kind: 'undocumented-status', detail: `an unrouted path answered ${answer.status}` }]
            : judge(serving, operationOf(serving.method, serving.path), answer, changes);
        tally.cases += 1;
        count(tally.statuses, answer.status);
        count(tally.mutations, `auth:${request.auth}→${answer.status}`);
        for (const label of request.mutations) count(tally.mutations, label);
        for (const violation of violations) {
          const key = `${violation.kind}: ${violation.detail}`;
          tally.findings.set(key, new Set([...(tally.findings.get(key) ?? []), route.id]));
          if (!tally.examples.has(key))
            tally.examples.set(
              key,
              JSON.stringify({ ...request, body: request.body && { ...request.body, text: request.body.text.slice(0, 300) } }).slice(0, 700),
            );
        }
        if (!collect && violations.length > 0) throw new Error(violations.map((violation) => `${violation.kind}: ${violation.detail}`).join('\n'));
      });

      // Assess
      await expect(fc.assert(run, { seed, numRuns: settings.runs })).resolves.toBeUndefined();
    },
    settings.long ? 3_600_000 : 60_000,
  );
});
