import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  CHAT_WORKER_ID,
  MODEL_CLIENT_PACKAGE,
  NOTIFICATIONS_WORKER_ID,
  CONTENT_WORKER_ID,
  AUDIT_ANCHOR_WORKER_ID,
  WORKER_ID,
  bundleAll,
  functionTargets,
  kb,
  workerTargets,
  type BundleOutcome,
  type BundledFunction,
} from '../../bench/functions';
import * as esbuild from 'esbuild';
import { BENCH_DIR, type BundleResult, bundleFunction, CDK_BUILD_OPTIONS, contributors, PROJECT_ROOT } from '../../scripts/bundle';
import { onePassOptions } from '../../lib/function-bundles';
import { MODEL_CLIENT_MODULES, OPENAI_SDK_FILE } from '../../shared/adapters/openai/sdk';
import { routes } from '../../functions/routes';
import { RULE_TABLES } from '../../functions/routes/bundle-files';
import type { RouteDef } from '../../shared/http/route';

/**
 * The issues' size budgets, on bundles built exactly as the CDK builds them (scripts/bundle.ts):
 * routes and the authorizer (issue 2), the triage worker (ADR 0005), the chat worker (ADR 0012).
 * Deterministic only: sizes and contents, never wall-clock time (`npm run bench` reports those).
 * A failure names the largest contributors, from esbuild's metafile, so the fix is obvious.
 */

const targets = [...functionTargets(), ...workerTargets()];
const routeTargets = functionTargets().filter((target) => target.id !== 'authorizer');
/** A route whose line has `stream: true` (ADR 0012). */
const isStreamed = (id: string): boolean => (routes as Record<string, RouteDef>)[id]?.stream === true;
let outRoot: string;
let outcomes: Map<string, BundleOutcome>;

beforeAll(async () => {
  mkdirSync(BENCH_DIR, { recursive: true });
  outRoot = mkdtempSync(join(BENCH_DIR, 'test-'));
  outcomes = new Map((await bundleAll(outRoot, targets)).map((outcome) => [outcome.id, outcome]));
}, 300_000); // about 70 s alone on 2 cores; far longer when the cores are shared with other suites

afterAll(() => {
  if (outRoot !== undefined) rmSync(outRoot, { recursive: true, force: true });
});

/** The bundled function, failing the test (not crashing it) if its entry did not bundle. */
const bundled = (id: string): BundledFunction => {
  const outcome = outcomes.get(id)!;
  if (!outcome.ok) expect.fail(`${outcome.file} does not bundle: ${outcome.error}`);
  return outcome;
};

/** "zod 443.2 KB, @aws-lambda-powertools/logger 16.3 KB, ...": what to cut. */
const largestOwnInputs = (fn: BundledFunction): string => {
  const inReference = new Set(Object.keys(fn.reference?.inputs ?? {}));
  return contributors(fn.bundle.inputs, (file) => inReference.has(file))
    .slice(0, 6)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
};

describe('Bundle budgets', () => {
  it.each(routeTargets)('route $id: its entry $entry bundles and exports handler', ({ id }) => {
    // Prepare
    const outcome = outcomes.get(id)!;

    // Act
    const error = outcome.ok ? undefined : outcome.error;
    const exports = outcome.ok ? outcome.bundle.exports : [];

    // Assess
    expect(error, `route ${id}: ${outcome.file} must exist and bundle`).toBeUndefined();
    expect(exports, `route ${id}: ${outcome.file} must export handler`).toContain('handler');
  });

  it.each(targets)('$id ships the rule tables and the phrase file beside its bundle when it runs the rules engine', ({ id }) => {
    // Prepare
    const fn = bundled(id);
    const runsEngine = Object.keys(fn.bundle.inputs).some((file) => file.endsWith('shared/triage/rules/tables.ts'));

    // Act
    const shipped = RULE_TABLES.filter((file) => existsSync(join(dirname(fn.bundle.outfile), basename(file))));

    // Assess: the engine reads both at load (shared/triage/rules/tables.ts); a missing one fails every cold start
    expect(shipped).toEqual(runsEngine ? [...RULE_TABLES] : []);
  });

  /** Lines a route reads besides its own: the discovery document names the token endpoint and the key set. */
  const OTHER_LINES_READ: Partial<Record<string, readonly string[]>> = { openidConfiguration: ['jwks', 'login'] };

  it.each(routeTargets)('route $id bundles its own line of the route table, not its neighbours (nor their schemas)', ({ id }) => {
    // Prepare: every line names its handler's entry, a string that survives minification
    const source = readFileSync(bundled(id).bundle.outfile, 'utf8');
    const lines = Object.values(routes as Record<string, RouteDef>);

    // Act
    const found = lines
      .filter((line) => line.id !== id && source.includes(`"${line.entry}"`))
      .map((line) => line.id)
      .sort();

    // Assess: the bundler dropped every other line (docs/architecture.md, "Cold start")
    expect(found).toEqual(OTHER_LINES_READ[id] ?? []);
  });

  it('the authorizer bundles to at most 50 KB', () => {
    // Prepare
    const authorizer = bundled('authorizer');

    // Act
    const bytes = authorizer.bundle.bytes;

    // Assess
    expect(bytes, `authorizer is ${kb(bytes)}; largest inputs: ${largestOwnInputs(authorizer)}`).toBeLessThanOrEqual(BUDGETS.authorizerBundleBytes);
  });

  it('the authorizer bundle contains no AWS SDK (@aws-sdk/ or its @smithy runtime)', () => {
    // Prepare
    const authorizer = bundled('authorizer');

    // Act
    const sdkInputs = authorizer.sdkInputs;

    // Assess
    expect(sdkInputs, 'the authorizer must not use the AWS SDK').toEqual([]);
    expect(Object.keys(authorizer.sdkImports)).toEqual([]);
  });

  it.each(routeTargets.filter(({ id }) => !isStreamed(id)))("route $id's own code (bundle − its AWS SDK reference) is at most 100 KB", ({ id }) => {
    // Prepare
    const fn = bundled(id);

    // Act
    const ownBytes = fn.ownBytes;

    // Assess
    expect(
      ownBytes,
      `${id}: own code ${kb(ownBytes)} (bundle ${kb(fn.bundle.bytes)} − SDK ref ${kb(fn.reference?.bytes ?? 0)}); largest own inputs: ${largestOwnInputs(fn)}`,
    ).toBeLessThanOrEqual(BUDGETS.ownCodeBytes);
  });

  it.each(routeTargets.filter(({ id }) => isStreamed(id)))("streamed route $id's own code is at most 140 KB (ADR 0012)", ({ id }) => {
    // Prepare
    const fn = bundled(id);

    // Act
    const ownBytes = fn.ownBytes;

    // Assess
    expect(ownBytes, `${id}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(fn)}`).toBeLessThanOrEqual(BUDGETS.streamRouteOwnCodeBytes);
  });

  it('holds exactly one route to the streamed budget: a second needs its own argument in ADR 0012', () => {
    // Act
    const streamed = routeTargets.filter(({ id }) => isStreamed(id)).map(({ id }) => id);

    // Assess
    expect(streamed).toEqual(['chatStream']);
  });

  it('bundles the openai client into no route: the streamed route calls the model over fetch (ADR 0012)', () => {
    // Act: every route function whose inputs include the openai package
    const carrying = routeTargets.map(({ id }) => bundled(id)).filter((fn) => contributors(fn.bundle.inputs).some(([name]) => name === MODEL_CLIENT_PACKAGE));

    // Assess
    expect(carrying.map(({ id }) => id)).toEqual([]);
  });

  it("the notifications worker's own code is at most 100 KB, like a route's (issue 11: no exception)", () => {
    // Prepare
    const worker = bundled(NOTIFICATIONS_WORKER_ID);

    // Act
    const ownBytes = worker.ownBytes;

    // Assess
    expect(worker.bundle.exports).toContain('handler');
    expect(ownBytes, `${NOTIFICATIONS_WORKER_ID}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(
      BUDGETS.ownCodeBytes,
    );
  });

  it("the audit anchor worker's own code is at most 100 KB, like a route's (ADR 0014)", () => {
    // Prepare
    const worker = bundled(AUDIT_ANCHOR_WORKER_ID);

    // Act
    const ownBytes = worker.ownBytes;

    // Assess
    expect(worker.bundle.exports).toContain('handler');
    expect(ownBytes, `${AUDIT_ANCHOR_WORKER_ID}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(
      BUDGETS.ownCodeBytes,
    );
  });

  it("the content worker's own code is at most 160 KB: the renderer and the index builder, kept out of the routes (ADR 0011)", () => {
    // Prepare
    const worker = bundled(CONTENT_WORKER_ID);

    // Act
    const ownBytes = worker.ownBytes;

    // Assess
    expect(worker.bundle.exports).toContain('handler');
    expect(ownBytes, `${CONTENT_WORKER_ID}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(
      BUDGETS.contentWorkerOwnCodeBytes,
    );
  });

  /**
   * The file beside a worker's bundle that holds the openai client (ADR 0024), failing unless the client is there and
   * nowhere in the bundle itself (which would compile it at every cold start).
   */
  const modelClientModule = (worker: BundledFunction): BundleResult => {
    const module = worker.bundle.lazyModules?.[OPENAI_SDK_FILE];
    expect(module, `${worker.id} ships ${OPENAI_SDK_FILE} beside its bundle`).toBeDefined();
    expect(
      contributors(module!.inputs, () => false).find(([name]) => name === MODEL_CLIENT_PACKAGE)?.[1] ?? 0,
      `${OPENAI_SDK_FILE} holds the client`,
    ).toBeGreaterThan(300 * 1024);
    const inBundle = contributors(worker.bundle.inputs, () => false).find(([name]) => name === MODEL_CLIENT_PACKAGE)?.[1] ?? 0;
    expect(inBundle, `${worker.id}'s bundle carries none of the openai client`).toBe(0);
    return module!;
  };
  /** A worker's own code other than the openai client: its bundle's, the client being a file of its own. */
  const withoutModelClient = (worker: BundledFunction): number => {
    modelClientModule(worker);
    return worker.ownBytesByMetafile;
  };

  it("the triage worker's own code is at most 550 KB, the openai client beside it included (ADR 0005, 0024)", () => {
    // Prepare
    const worker = bundled(WORKER_ID);

    // Act
    const ownBytes = worker.ownBytes + modelClientModule(worker).bytes;

    // Assess
    expect(worker.bundle.exports).toContain('handler');
    expect(ownBytes, `${WORKER_ID}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(BUDGETS.workerOwnCodeBytes);
  });

  it("the triage worker's own code other than the openai client is at most 140 KB (ADR 0005)", () => {
    // Prepare
    const worker = bundled(WORKER_ID);

    // Act
    const rest = withoutModelClient(worker);

    // Assess
    expect(rest, `${WORKER_ID}: own code without ${MODEL_CLIENT_PACKAGE} ${kb(rest)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(
      BUDGETS.workerOwnCodeWithoutModelClientBytes,
    );
  });

  it('a bundle loads the openai client from the file beside it, on first use, and holds none of its code', async () => {
    // Prepare: the loader the workers use, bundled as a worker is, with the client file beside it (MODEL_CLIENT_MODULES)
    const probeDir = mkdtempSync(join(BENCH_DIR, 'probe-'));
    const entry = join(probeDir, 'entry.ts');
    writeFileSync(entry, `export { loadOpenAiSdk } from ${JSON.stringify(join(PROJECT_ROOT, 'shared/adapters/openai/sdk.ts'))};\n`);
    const probe = await bundleFunction(entry, { outdir: join(probeDir, 'out'), lazyModules: MODEL_CLIENT_MODULES });

    // Act
    const load = `const m = await import(${JSON.stringify(pathToFileURL(probe.outfile).href)}); const sdk = await m.loadOpenAiSdk();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${load} console.log(typeof sdk.OpenAI, typeof sdk.APIError);`], {
      encoding: 'utf8',
    });
    const bundleText = readFileSync(probe.outfile, 'utf8');
    rmSync(probeDir, { recursive: true, force: true });

    // Assess
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function function');
    expect(bundleText).toContain(OPENAI_SDK_FILE);
    expect(bundleText).not.toContain('X-Stainless-Lang');
    expect(Object.keys(probe.lazyModules ?? {})).toEqual([OPENAI_SDK_FILE]);
  });

  it('builds in one pass the bundles each entry gets built alone, byte for byte (what the CDK ships, ADR 0025)', async () => {
    // Prepare: the authorizer, a rules-engine route and the triage worker, each built on its own
    const probeDir = mkdtempSync(join(BENCH_DIR, 'alone-'));
    const sample = ['authorizer', 'sessionCreate', WORKER_ID].map((id) => bundled(id));

    // Act
    const alone = await Promise.all(sample.map((fn) => bundleFunction(fn.file, { outdir: join(probeDir, fn.id) })));
    const fromPass = sample.map((fn) => readFileSync(fn.bundle.outfile));
    const builtAlone = alone.map((fn) => readFileSync(fn.outfile));
    rmSync(probeDir, { recursive: true, force: true });

    // Assess: the same bytes, so the budgets and the bench measure what a function built alone would be
    expect(sample.map((fn) => fn.bundle.bytes)).toEqual(alone.map((fn) => fn.bytes));
    for (const [index, bytes] of fromPass.entries())
      expect(bytes.equals(builtAlone[index]!), `${sample[index]!.id} differs from its bundle built alone`).toBe(true);
  });

  it('the triage worker ships nothing of the chat: no retrieval, tools, library index or care directory', () => {
    // Prepare
    const worker = bundled(WORKER_ID);

    // Act
    const chatOnly = ['shared/chat/', 'shared/care/directory', 'shared/care/appointment-queries', 'shared/content/search-index', 'minisearch'];
    const chatInputs = Object.keys(worker.bundle.inputs).filter((file) => chatOnly.some((part) => file.includes(part)));

    // Assess
    expect(chatInputs).toEqual([]);
  });

  it(`the chat worker's own code is at most ${BUDGETS.chatWorkerOwnCodeBytes / 1024} KB, the openai client beside it included (ADR 0012, 0024)`, () => {
    // Prepare
    const worker = bundled(CHAT_WORKER_ID);

    // Act
    const ownBytes = worker.ownBytes + modelClientModule(worker).bytes;

    // Assess
    expect(worker.bundle.exports).toContain('handler');
    expect(ownBytes, `${CHAT_WORKER_ID}: own code ${kb(ownBytes)}; largest own inputs: ${largestOwnInputs(worker)}`).toBeLessThanOrEqual(
      BUDGETS.chatWorkerOwnCodeBytes,
    );
  });

  it(`the chat worker's own code other than the openai client is at most ${BUDGETS.chatWorkerOwnCodeWithoutModelClientBytes / 1024} KB (ADR 0012)`, () => {
    // Prepare
    const worker = bundled(CHAT_WORKER_ID);

    // Act
    const rest = withoutModelClient(worker);

    // Assess
    expect(
      rest,
      `${CHAT_WORKER_ID}: own code without ${MODEL_CLIENT_PACKAGE} ${kb(rest)}; largest own inputs: ${largestOwnInputs(worker)}`,
    ).toBeLessThanOrEqual(BUDGETS.chatWorkerOwnCodeWithoutModelClientBytes);
  });

  it.each(targets)('$id ships none of the local stand-ins (file keyring, local signer)', ({ id }) => {
    // Prepare
    const fn = bundled(id);

    // Act
    const local = Object.keys(fn.bundle.inputs).filter((file) => file.includes('shared/adapters/local/'));

    // Assess
    expect(local, `${id} bundles ${local.join(', ')}`).toEqual([]);
  });

  it.each(targets)('$id bundles to at most 1 MB', ({ id }) => {
    // Prepare
    const fn = bundled(id);

    // Act
    const bytes = fn.bundle.bytes;

    // Assess
    expect(
      bytes,
      `${id} is ${kb(bytes)}; largest inputs: ${contributors(fn.bundle.inputs)
        .slice(0, 6)
        .map(([name, b]) => `${name} ${kb(b)}`)
        .join(', ')}`,
    ).toBeLessThanOrEqual(BUDGETS.maxBundleBytes);
  });

  // Within 3 KB (2 KB until issue 12): minified names in the SDK part of a bundle grow with the own code beside it, so
  // the two measures drift apart by a little more as routes grow; a wrong reference would be off by tens of KB.
  it('the SDK reference measures the same SDK code the function bundles (own code agrees with the metafile within 3 KB)', () => {
    // Prepare
    const withSdk = routeTargets.map(({ id }) => bundled(id)).filter((fn) => fn.reference !== undefined);

    // Act
    const gaps = withSdk.map((fn) => ({ id: fn.id, gap: Math.abs(fn.ownBytes - fn.ownBytesByMetafile) }));

    // Assess
    expect(withSdk.length).toBeGreaterThan(0);
    for (const { id, gap } of gaps) expect(gap, `${id}: bundle − SDK ref and the metafile disagree by ${gap} bytes`).toBeLessThanOrEqual(3 * 1024);
  });
});

/**
 * Schemas a module builds at load go into every function that imports it, used or not, unless they are
 * `/* @__PURE__ *\/ declared(...)` (ADR 0022): each costs the cold start of functions that never read it.
 * Checked on unminified bundles (same options otherwise), where a top-level schema keeps its name.
 */
describe('Schemas built at load', () => {
  /** Each function's unminified bundle, in one pass as the CDK builds them (ADR 0025): one parse of what they share. */
  const unminified = async (ids: readonly string[]): Promise<string[]> => {
    const entryPoints = Object.fromEntries(ids.map((id) => [id, join(PROJECT_ROOT, targets.find((t) => t.id === id)!.file)]));
    const result = await esbuild.build({ ...CDK_BUILD_OPTIONS, ...onePassOptions(entryPoints, join(outRoot, 'unminified')), minify: false, write: false });
    return ids.map((id) => result.outputFiles!.find((file) => file.path.endsWith(`/${id}.mjs`))!.text);
  };
  const builds = (text: string, name: string): boolean => new RegExp(`^var ${name} = `, 'm').test(text);

  it('builds the role list schema only where a contract lists roles, the triage model schemas only where the model is called', async () => {
    // Act
    const [profileGet, sessionGet, patientSession, chatStream, me, triageWorker] = (await unminified([
      'profileGet',
      'sessionGet',
      'patientSession',
      'chatStream',
      'me',
      WORKER_ID,
    ])) as [string, string, string, string, string, string];

    // Assess: none where unused (each was built before; chatStream's two cost about 6 ms at import)...
    for (const [id, text] of Object.entries({ profileGet, sessionGet, chatStream }))
      for (const name of ['RoleSchema', 'PatientSessionParams', 'ModelAssessmentSchema', 'MinimizedCaseSchema'])
        expect(builds(text, name), `${id} builds ${name}`).toBe(false);
    // ...and each where it is used, so the check can see them.
    expect(builds(me, 'RoleSchema')).toBe(true);
    expect(builds(patientSession, 'PatientSessionParams')).toBe(true);
    expect(builds(triageWorker, 'ModelAssessmentSchema') && builds(triageWorker, 'MinimizedCaseSchema')).toBe(true);
  });
});
