import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID, verify, webcrypto, type KeyObject } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SignJWT, calculateJwkThumbprint, exportJWK } from 'jose';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { BENCH_DIR, PROJECT_ROOT, bundleSdkReference, contributors, type BundleResult } from '../scripts/bundle';
import { TABLES, type TableName } from '../shared/data/tables';
import {
  BUDGETS,
  CHAT_WORKER_ID,
  CONTENT_WORKER_ID,
  MODEL_CLIENT_PACKAGE,
  WORKER_ID,
  YARDSTICK_IMPORTS,
  bundleAll,
  functionTargets,
  kb,
  workerTargets,
  type BundledFunction,
} from './functions';
import { modelCost, triageCallCost, workerCpu } from './triage';
import { abuseCost } from './abuse';
import { modelLimitsSchema } from '../shared/config';
import { readConfig } from '../shared/env-schema';
import { careBench } from './care';
import { notificationsBench } from './notifications';
import { contentBench } from './content';
import { auditBench } from './audit';
import { CONTENT_QUESTIONS } from './content-questions';
import { SEED_POSTS } from '../local/seed-library/posts';
import { routes } from '../functions/routes';
import { OPENAI_SDK_FILE } from '../shared/adapters/openai/sdk';
import type { RouteDef } from '../shared/http/route';
import { loadBench } from './load';
import {
  coldStartSummary,
  goalVerdict,
  noiseOf,
  pairedInterval,
  pairedRatio,
  type ImportPair,
  type ImportRatio,
  type ImportSample,
} from './cold-start-summary';
import { median } from './median';

/**
 * `npm run bench`: what each function costs at cold start, on this machine, next to a yardstick
 * measured in the same run so the figures compare across machines.
 *
 * 1. Size: every function bundled as the CDK ships it; own code = bundle − a bundle of just the
 *    AWS SDK it uses (scripts/bundle.ts explains how that SDK is detected).
 * 2. Import: time to `import()` the bundle in a fresh Node process (performance.now() around the
 *    import, so Node's own start-up is excluded), each round right beside the same for its SDK
 *    reference (SDK-free functions: a DynamoDBClient yardstick); the ratio is the median of the
 *    rounds' ratios, wall and CPU (process.cpuUsage()); each import alone on one core.
 * 3. Authorizer throughput: handler verifications/s next to raw `crypto.verify` of the same input.
 * 4. PHI vault (bench/phi.ts, in a child process): seal/open µs of a 1 KiB record next to raw
 *    AES-256-GCM; key-service calls per 1,000 warm requests; GET/PUT /api/v1/profile requests/s
 *    through the local server next to GetItem/PutItem/s on the same dynalite; and the triage
 *    red-flag path (POST /api/v1/symptom-sessions, emergency → 201) p50/p95/p99 next to
 *    GET /api/v1/health measured the same way.
 * 5. Triage (bench/triage.ts, in-process): the worker's own CPU per message with a stub model next
 *    to the rules engine alone; the estimated model cost per triage from the adapter's real request;
 *    and what one abusive account can cost in its first hour, from the limits (bench/abuse.ts).
 * 6. Care network (bench/care.ts, in-process, its own dynalite): booking throughput under 16 clients
 *    next to one bare conditional write, slot-listing CPU next to JSON.parse of the ledger, store
 *    Queries per directory search and per caregiver match next to one Query. `npx tsx bench/care.ts`
 *    runs this part alone.
 * 7. Notifications (bench/notifications.ts, in-process): the worker's CPU per message (parse, schema,
 *    preferences, quiet hours, two channels rendered, stub channel, in-memory ports) next to a bare
 *    JSON round trip of the event; target ≤ 200 µs. `npx tsx bench/notifications.ts` runs it alone.
 * 8. Content library (bench/content.ts, in-process): recall@1 and recall@3 of the search index over the
 *    seed library and its question set (target ≥ 0.8 at 3), the index build and load next to JSON.parse
 *    of its JSON, a search's p50 next to a naive scan. `npx tsx bench/content.ts` runs it alone.
 * 9. Hot audit chain (bench/audit.ts, a child process per lane count): 8 requests in flight on one
 *    subject, p50/p99, failed requests and lost races, at 16 lanes and at 1 (ADR 0019), next to the same
 *    reads over 8 subjects and GET /api/v1/health. `npx tsx bench/audit.ts` runs it alone.
 * 10. Load (bench/load.ts, `npm start` in a child process): the load scenarios 2 s each, p99 and req/s
 *     as ratios to GET /api/v1/health measured the same way; `npm run load` runs them longer.
 *
 * Functions ship their data files (`bundleFiles`) beside each bench bundle, as the CDK does. The
 * triage worker (not a route) is in the size/import table with its own budget (ADR 0005).
 *
 * Reports only: exits 0 even if a budget fails (test/build/bundle-budget.test.ts enforces sizes;
 * wall-clock budgets are reported, never tested).
 */

const IMPORT_RUNS = 11;
/**
 * Rounds more for a function the first {@link IMPORT_RUNS} leave open against its cold-start goal: about 60 % more bench
 * time on a 2-core machine (983 s instead of 590 s on 2026-11-27, 55 functions open). `BENCH_SETTLE_ROUNDS=0` skips them.
 */
const SETTLE_RUNS = Number.parseInt(process.env.BENCH_SETTLE_ROUNDS ?? '22', 10) || 0;
const THROUGHPUT_MS = 2000;
const WARMUP_MS = 300;

const ISSUER = 'http://localhost:3000';
const CLIENT_ID = 'carebow-local';
const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/local/GET/api/v1/me';

const started = performance.now();
const log = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// A signing key and the authorizer's configuration (same in the child processes and in-process).
// ---------------------------------------------------------------------------------------------
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicJwk = await exportJWK(publicKey);
const kid = await calculateJwkThumbprint(publicJwk);
const authorizerIssuers = JSON.stringify([{ issuer: ISSUER, audience: CLIENT_ID, jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] } }]);

const dataDir = mkdtempSync(join(tmpdir(), 'carebow-bench-'));
/** What the modules read at load (shared/config.ts, functions/identity/authorizer-config.ts): a local stage. */
const childEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'us-east-1',
  CAREBOW_STAGE: 'local',
  CAREBOW_VERSION: '0.1.0',
  KEY_PROVIDER: 'local',
  CAREBOW_DATA_DIR: dataDir,
  // Every table the config schema requires (derived, so a new table cannot break the imports again).
  ...Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [TABLES[name].envVar, `carebow-local-${name}`])),
  AUTH_ISSUER: ISSUER,
  AUTH_CLIENT_ID: CLIENT_ID,
  PASSWORD_SCRYPT_LOG_N: '17',
  TRIAGE_QUEUE_URL: 'http://127.0.0.1:1/000000000000/q',
  CHAT_QUEUE_URL: 'http://127.0.0.1:1/000000000000/chat',
  // The notifications section (read at cold start by every function that enqueues, and by the worker).
  NOTIFICATIONS_QUEUE_URL: 'http://127.0.0.1:1/000000000000/notifications',
  APP_BASE_URL: 'https://app.carebow.example',
  NOTIFICATIONS_FROM_EMAIL: 'noreply@carebow.example',
  SES_CONFIGURATION_SET: 'carebow-local-notifications',
  REMINDER_SCHEDULE_GROUP: 'carebow-local-reminders',
  REMINDER_TARGET_QUEUE_ARN: 'arn:aws:sqs:us-east-1:000000000000:notifications',
  REMINDER_SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/carebow-local-scheduler',
  REMINDER_DEAD_LETTER_QUEUE_ARN: 'arn:aws:sqs:us-east-1:000000000000:reminders-dlq',
  OPENAI_MODEL: 'gpt-4o-mini',
  POWERTOOLS_SERVICE_NAME: 'carebow',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  AUTHORIZER_ISSUERS: authorizerIssuers,
};

// ---------------------------------------------------------------------------------------------
// 1. Bundles and their SDK references.
// ---------------------------------------------------------------------------------------------
log(`CareBow bench: Node ${process.version}, ${process.platform}/${process.arch}`);
log('Bundling every function as the CDK does (esm, minify, node24, SDK bundled)...');
const outcomes = await bundleAll(BENCH_DIR, [...functionTargets(), ...workerTargets()]);
const broken = outcomes.filter((outcome) => !outcome.ok);
const functions = outcomes.filter((outcome): outcome is BundledFunction & { ok: true } => outcome.ok);
const yardstick = await bundleSdkReference(Object.keys(YARDSTICK_IMPORTS), {
  imports: YARDSTICK_IMPORTS,
  outdir: join(BENCH_DIR, 'sdk-reference', 'yardstick'),
});
// The A/A control: byte-identical copies of the yardstick, each paired with it as a function is with its reference.
const yardstickCopies = ['a', 'b'].map((copy) => {
  const outfile = join(BENCH_DIR, 'sdk-reference', `yardstick-${copy}`, 'index.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  copyFileSync(yardstick.outfile, outfile);
  return outfile;
});

// ---------------------------------------------------------------------------------------------
// 2. Fresh-process import times: each bundle beside its reference, in rounds (bench/cold-start-summary.ts pairedRatio).
// ---------------------------------------------------------------------------------------------
const CHILD = join(BENCH_DIR, 'import-child.mjs');
writeFileSync(
  CHILD,
  `import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// Lambda's Node.js runtime defines this global; a streamed route (ADR 0012) wraps its handler with it on import.
globalThis.awslambda ??= { streamifyResponse: (handler) => handler };
const url = pathToFileURL(process.argv[2]).href;
const started = performance.now();
const cpu = process.cpuUsage();
await import(url);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
writeSync(1, JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
process.exit(0);
`,
);

/**
 * Where the import children run: alone on the last core, with the bench itself (every thread of it) on the others,
 * where `taskset` exists and there is more than one core. Lambda gives a function under 1,769 MB less than one vCPU,
 * so one core is closer to it than two. And the figures steady: the same 12 routes timed five times over (11 imports
 * each, 2-core machine) scattered with a standard deviation of a route's ratio of 0.128 (wall, median) unpinned, 0.063
 * with only the children pinned, and 0.045 with the bench kept off their core (docs/architecture.md, "Cold start").
 */
const PINNED_CORE = availableParallelism() - 1;
const PIN = PINNED_CORE > 0 && spawnSync('taskset', ['-c', String(PINNED_CORE), 'true']).status === 0;
const childCommand = (args: string[]): [string, string[]] =>
  PIN ? ['taskset', ['-c', String(PINNED_CORE), process.execPath, ...args]] : [process.execPath, args];
/** Moves every thread of the bench to `cores` (a taskset list); a no-op where the children are not pinned. */
const pinBench = (cores: string): void => {
  if (PIN) spawnSync('taskset', ['-a', '-cp', cores, String(process.pid)], { stdio: 'ignore' });
};

const importOnce = (file: string): Promise<ImportSample> =>
  new Promise((resolve, reject) => {
    const child = spawn(...childCommand([CHILD, file]), { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as ImportSample);
      else reject(new Error(`import of ${file} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });

/**
 * What each round times: every function beside its reference (the yardstick for an SDK-free one), then the A/A pairs.
 * The two imports of a pair run one right after the other, so both see the same machine.
 */
const pairs: { readonly bundle: string; readonly reference: string }[] = [
  ...functions.map((fn) => ({ bundle: fn.bundle.outfile, reference: (fn.reference ?? yardstick).outfile })),
  ...yardstickCopies.map((copy) => ({ bundle: copy, reference: yardstick.outfile })),
];
const bundleFiles = [...new Set(pairs.flatMap(({ bundle, reference }) => [bundle, reference]))];
log(
  `Timing imports: ${pairs.length} pairs (a bundle and its reference) × ${IMPORT_RUNS} rounds of fresh processes (+1 warm-up)${PIN ? `, each on core ${PINNED_CORE} alone` : ''}...`,
);
/** Every sample of a file (a reference is timed once per function it serves): its import ms in the table. */
const samples = new Map<string, ImportSample[]>(bundleFiles.map((file) => [file, []]));
/** Each pair's rounds, keyed by the bundle's file. */
const pairedSamples = new Map<string, ImportPair[]>(pairs.map(({ bundle }) => [bundle, []]));
pinBench(`0-${PINNED_CORE - 1}`);
const importErrors = new Map<string, string>();
const timeImport = async (file: string): Promise<ImportSample | undefined> => {
  try {
    return await importOnce(file);
  } catch (error) {
    importErrors.set(file, (error as Error).message);
    return undefined;
  }
};
/**
 * Times `rounds` rounds of `which` pairs into `pairedSamples` (and, with `table`, into `samples`, the table's import ms).
 * Round 0 of a `warmUp` run is thrown away: it warms the file cache and creates the local keys.
 */
const timeRounds = async (which: readonly (typeof pairs)[number][], rounds: number, { warmUp, table }: { warmUp: boolean; table: boolean }) => {
  for (let round = warmUp ? 0 : 1; round <= rounds; round += 1) {
    for (const [index, { bundle, reference }] of which.entries()) {
      if (importErrors.has(bundle) || importErrors.has(reference)) continue;
      // Which goes first alternates, so neither takes the later (or the earlier) slot every time.
      const bundleFirst = (round + index) % 2 === 0;
      const first = await timeImport(bundleFirst ? bundle : reference);
      const second = first === undefined ? undefined : await timeImport(bundleFirst ? reference : bundle);
      if (round === 0 || first === undefined || second === undefined) continue;
      const pair = bundleFirst ? { bundle: first, reference: second } : { bundle: second, reference: first };
      if (table) {
        samples.get(bundle)!.push(pair.bundle);
        samples.get(reference)!.push(pair.reference);
      }
      pairedSamples.get(bundle)!.push(pair);
    }
  }
};
await timeRounds(pairs, IMPORT_RUNS, { warmUp: true, table: true });

// A route near 1.2× reads over it in one run and under it in the next; each function whose rounds leave it open against
// its goal gets more rounds, and the A/A pairs with them (bench/cold-start-summary.ts goalVerdict).
const workerIds = new Set(workerTargets().map((target) => target.id));
const kindOf = (id: (typeof functions)[number]['id']): ImportRatio['kind'] | undefined => (workerIds.has(id) ? 'worker' : id in routes ? 'route' : undefined);
const open = functions.filter((fn) => {
  const kind = kindOf(fn.id);
  if (kind === undefined || fn.reference === undefined) return false;
  return goalVerdict({ kind, interval: pairedInterval(pairedSamples.get(fn.bundle.outfile) ?? []) }) === 'open';
});
if (open.length > 0 && SETTLE_RUNS > 0) {
  log(`Settling the ${open.length} function(s) those rounds leave open against the goal: ${SETTLE_RUNS} more rounds each...`);
  const settling = new Set(open.map((fn) => fn.bundle.outfile));
  await timeRounds(
    pairs.filter(({ bundle }) => settling.has(bundle) || yardstickCopies.includes(bundle)),
    SETTLE_RUNS,
    { warmUp: false, table: false },
  );
}
/** A bundle's paired ratio to the reference it was timed beside, or undefined if either import failed. */
const ratioOf = (bundle: BundleResult): { readonly wall: number; readonly cpu: number } | undefined => {
  const rounds = pairedSamples.get(bundle.outfile) ?? [];
  return rounds.length === 0 || importErrors.has(bundle.outfile) ? undefined : pairedRatio(rounds);
};
/** The median wall time of a bundle's imports, all its rounds: the table's import ms (ratios are paired, `ratioOf`). */
const importMs = (bundle: BundleResult | undefined): number | undefined =>
  bundle === undefined || importErrors.has(bundle.outfile) ? undefined : median(samples.get(bundle.outfile)!.map((sample) => sample.ms));

// The cost the model client moved out of a worker's cold start (ADR 0024): in a fresh process that has imported the
// worker, the first model call's import of the client file beside it.
const LAZY_CHILD = join(BENCH_DIR, 'lazy-import-child.mjs');
writeFileSync(
  LAZY_CHILD,
  `import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
await import(pathToFileURL(process.argv[2]).href);
const started = performance.now();
const cpu = process.cpuUsage();
await import(pathToFileURL(process.argv[3]).href);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
writeSync(1, JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000 }));
process.exit(0);
`,
);
const lazyLoadOnce = (bundle: string, module: string): Promise<ImportSample> =>
  new Promise((resolve, reject) => {
    const child = spawn(...childCommand([LAZY_CHILD, bundle, module]), { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as ImportSample) : reject(new Error(`lazy import failed (exit ${code})`))));
  });
/** Per model worker: its client file's load on the first model call, median wall and CPU of `IMPORT_RUNS`. */
const clientLoads = new Map<string, { ms: number; cpuMs: number }>();
for (const fn of functions) {
  const module = fn.bundle.lazyModules?.[OPENAI_SDK_FILE];
  if (module === undefined) continue;
  const loads: ImportSample[] = [];
  for (let round = 0; round <= IMPORT_RUNS; round += 1) {
    const sample = await lazyLoadOnce(fn.bundle.outfile, module.outfile);
    if (round > 0) loads.push(sample);
  }
  clientLoads.set(fn.id, { ms: median(loads.map((sample) => sample.ms)), cpuMs: median(loads.map((sample) => sample.cpuMs)) });
}
pinBench(`0-${PINNED_CORE}`);

// ---------------------------------------------------------------------------------------------
// 3. Authorizer verifications per second vs raw crypto.verify of the same signing input.
// ---------------------------------------------------------------------------------------------
log(`Measuring authorizer throughput (${THROUGHPUT_MS / 1000} s each)...`);
process.env.AUTHORIZER_ISSUERS = authorizerIssuers;
const { handler } = await import('../functions/identity/authorizer');

const nowSeconds = Math.floor(Date.now() / 1000);
const tokens = await Promise.all(
  Array.from({ length: 256 }, (_, index) =>
    new SignJWT({
      client_id: CLIENT_ID,
      token_use: 'access',
      scope: 'openid carebow/api',
      groups: ['patient'],
    })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(ISSUER)
      .setSubject(randomUUID())
      .setJti(`bench-${index}`)
      .setIssuedAt(nowSeconds)
      .setNotBefore(nowSeconds)
      .setExpirationTime(nowSeconds + 900)
      .sign(privateKey),
  ),
);
const events: APIGatewayTokenAuthorizerEvent[] = tokens.map((token) => ({ type: 'TOKEN', authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN }));
const signed = tokens.map((token) => {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return { input: Buffer.from(`${header}.${payload}`), signature: Buffer.from(signature, 'base64url') };
});

const check = await handler(events[0]!);
if (check.policyDocument.Statement[0]?.Effect !== 'Allow') throw new Error('the authorizer refused a valid bench token');

/** Calls `once(i)` back to back for `ms`; returns calls per second. */
const rate = async (once: (index: number) => unknown, ms: number): Promise<number> => {
  const begin = performance.now();
  let count = 0;
  while (performance.now() - begin < ms) {
    for (let k = 0; k < 32; k += 1, count += 1) await once(count);
  }
  return count / ((performance.now() - begin) / 1000);
};
const rateSync = (once: (index: number) => boolean, ms: number): number => {
  const begin = performance.now();
  let count = 0;
  while (performance.now() - begin < ms) {
    for (let k = 0; k < 32; k += 1, count += 1) if (!once(count)) throw new Error('raw verify failed');
  }
  return count / ((performance.now() - begin) / 1000);
};

const viaHandler = (index: number) => handler(events[index % events.length]!);
const viaCryptoVerify = (index: number) => {
  const { input, signature } = signed[index % signed.length]!;
  return verify('sha256', input, { key: publicKey as KeyObject, dsaEncoding: 'ieee-p1363' }, signature);
};
const subtleKey = await webcrypto.subtle.importKey('jwk', publicJwk as webcrypto.JsonWebKey, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
const viaSubtle = (index: number) => {
  const { input, signature } = signed[index % signed.length]!;
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, subtleKey, signature, input);
};

await rate(viaHandler, WARMUP_MS);
rateSync(viaCryptoVerify, WARMUP_MS);
await rate(viaSubtle, WARMUP_MS);
// Interleaved slices, so a noisy neighbour or a CPU clock change hits all three alike.
const SLICES = 4;
const slices = { handler: [] as number[], raw: [] as number[], subtle: [] as number[] };
for (let slice = 0; slice < SLICES; slice += 1) {
  slices.handler.push(await rate(viaHandler, THROUGHPUT_MS / SLICES));
  slices.raw.push(rateSync(viaCryptoVerify, THROUGHPUT_MS / SLICES));
  slices.subtle.push(await rate(viaSubtle, THROUGHPUT_MS / SLICES / 2));
}
const handlerRate = median(slices.handler);

const rawRate = median(slices.raw);
const subtleRate = median(slices.subtle);

// ---------------------------------------------------------------------------------------------
// 5. Triage, in-process (no handler modules, no configuration): worker CPU and model cost.
// ---------------------------------------------------------------------------------------------
log("Measuring the triage worker's CPU per message (stub model) and the model cost per triage...");
const triageCpu = await workerCpu();
const triageCost = modelCost(childEnv.OPENAI_MODEL!);
const callCost = triageCallCost(childEnv.OPENAI_MODEL!).perCall;
const defaults = readConfig(modelLimitsSchema(), {});
const abuse = callCost
  ? abuseCost(callCost, { burst: defaults.AI_QUOTA_BURST, perHour: defaults.AI_QUOTA_PER_HOUR })
  : { lines: ['What one abusive account can cost: the model has no price; no figure.'], failures: [] };

// ---------------------------------------------------------------------------------------------
// 4. PHI vault and profile API, in a child process: startLocalBackend writes the functions'
//    configuration into process.env and loads the handlers and the authorizer, which must not
//    meet the in-process authorizer above. Handler log lines (stdout/stderr) are not shown.
// ---------------------------------------------------------------------------------------------
const PHI_BUDGET_MS = 90_000;
const phiResultFile = join(dataDir, 'phi-result.json');
const phiEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, POWERTOOLS_LOG_LEVEL: 'INFO' };
const phi = await new Promise<{ lines: string[]; failures: string[] }>((resolve) => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench', 'phi.ts'), phiResultFile], {
    cwd: PROJECT_ROOT,
    env: phiEnv,
    stdio: ['ignore', 'ignore', 'pipe', 1], // fd 3 → our stdout: its progress lines
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), PHI_BUDGET_MS);
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    try {
      resolve(JSON.parse(readFileSync(phiResultFile, 'utf8')) as { lines: string[]; failures: string[] });
    } catch {
      const tail = stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 600);
      resolve({ lines: ['PHI vault / profile API: no figures (see the failure below).'], failures: [`bench/phi.ts failed (exit ${code ?? signal}): ${tail}`] });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Care network, in-process, after the PHI child has exited: its own dynalite, no handler modules.
// ---------------------------------------------------------------------------------------------
log('Measuring the care network (booking, slots, directory, matching) on its own dynalite...');
const care = await careBench({ say: (line) => log(`  ${line}`) });

// ---------------------------------------------------------------------------------------------
// 7. Notifications worker, in-process (in-memory ports, stub channel): CPU per message.
// ---------------------------------------------------------------------------------------------
log("Measuring the notifications worker's CPU per message (stub channel)...");
const notifications = await notificationsBench();

// ---------------------------------------------------------------------------------------------
// 8. Content library, in-process: retrieval recall over the seed library, index build/load, search.
// ---------------------------------------------------------------------------------------------
log('Measuring the content library (recall@3 over the seed library, index build, search)...');
const content = await contentBench(SEED_POSTS, CONTENT_QUESTIONS);

log('Running the load scenarios (2 s each) against npm start in a child process, next to GET /api/v1/health...');
const load = await loadBench();

// ---------------------------------------------------------------------------------------------
// 9. Hot audit chain, in child processes (each sets AUDIT_LANES for its local backend).
// ---------------------------------------------------------------------------------------------
log('Measuring a hot audit chain (8 in flight on one subject, 16 lanes and 1)...');
const audit = await auditBench({ say: (line) => log(`  ${line}`) });

// ---------------------------------------------------------------------------------------------
// Report.
// ---------------------------------------------------------------------------------------------
interface Row {
  name: string;
  bundle: string;
  ref: string;
  own: string;
  budget: string;
  importMs: string;
  refMs: string;
  ratio: string;
  cpuRatio: string;
  result: string;
}
const failures: string[] = [];
/** Bytes of the model client package in a bundle: none, since it ships beside it (ADR 0024). */
const modelClientBytesInBundle = (fn: BundledFunction): number => contributors(fn.bundle.inputs).find(([name]) => name === MODEL_CLIENT_PACKAGE)?.[1] ?? 0;
/** Bytes of the model client's file beside a worker's bundle (ADR 0024). */
const modelClientBytes = (fn: BundledFunction): number => fn.bundle.lazyModules?.[OPENAI_SDK_FILE]?.bytes ?? 0;
const workerOwnWithoutModelClient = (fn: BundledFunction): number => fn.ownBytesByMetafile - modelClientBytesInBundle(fn);
/** The workers that carry the model client, each with its two budgets (ADR 0005, ADR 0012). */
const MODEL_WORKERS: Readonly<Record<string, { readonly own: number; readonly rest: number }>> = {
  [WORKER_ID]: { own: BUDGETS.workerOwnCodeBytes, rest: BUDGETS.workerOwnCodeWithoutModelClientBytes },
  [CHAT_WORKER_ID]: { own: BUDGETS.chatWorkerOwnCodeBytes, rest: BUDGETS.chatWorkerOwnCodeWithoutModelClientBytes },
};
/** The own-code budget of a function without a model client: a route's, a streamed route's (ADR 0012), the content worker's (ADR 0011). */
const ownBudgetOf = (id: string): number =>
  id === CONTENT_WORKER_ID
    ? BUDGETS.contentWorkerOwnCodeBytes
    : (routes as Record<string, RouteDef>)[id]?.stream === true
      ? BUDGETS.streamRouteOwnCodeBytes
      : BUDGETS.ownCodeBytes;
const rows: Row[] = functions.map((fn) => {
  const isAuthorizer = fn.id === 'authorizer';
  const modelWorker = MODEL_WORKERS[fn.id];
  const isWorker = modelWorker !== undefined;
  const ms = importMs(fn.bundle);
  const refBundle = fn.reference ?? yardstick;
  const refMs = importMs(refBundle);
  const ratio = ratioOf(fn.bundle);
  const failed: string[] = [];
  if (fn.bundle.bytes > BUDGETS.maxBundleBytes) failed.push(`bundle ${kb(fn.bundle.bytes)} > ${kb(BUDGETS.maxBundleBytes)}`);
  if (isAuthorizer) {
    if (fn.bundle.bytes > BUDGETS.authorizerBundleBytes) failed.push(`bundle ${kb(fn.bundle.bytes)} > ${kb(BUDGETS.authorizerBundleBytes)}`);
    if (fn.sdkInputs.length > 0) failed.push(`contains the AWS SDK (${fn.sdkInputs.length} inputs)`);
    if (ms === undefined) failed.push('import failed');
    else if (ms > BUDGETS.authorizerImportMs) failed.push(`import ${ms.toFixed(1)} ms > ${BUDGETS.authorizerImportMs} ms`);
  } else if (isWorker) {
    const rest = workerOwnWithoutModelClient(fn);
    const withClient = fn.ownBytes + modelClientBytes(fn);
    if (withClient > modelWorker.own) failed.push(`own code with the client beside it ${kb(withClient)} > ${kb(modelWorker.own)}`);
    if (modelClientBytes(fn) === 0) failed.push(`no ${OPENAI_SDK_FILE} beside the bundle`);
    if (modelClientBytesInBundle(fn) > 0) failed.push(`the ${MODEL_CLIENT_PACKAGE} client is in the bundle (ADR 0024)`);
    if (rest > modelWorker.rest) failed.push(`own code without ${MODEL_CLIENT_PACKAGE} ${kb(rest)} > ${kb(modelWorker.rest)}`);
    if (ms === undefined) failed.push('import failed');
  } else {
    if (fn.ownBytes > ownBudgetOf(fn.id)) failed.push(`own code ${kb(fn.ownBytes)} > ${kb(ownBudgetOf(fn.id))}`);
    if (ms === undefined) failed.push('import failed');
  }
  for (const reason of failed) failures.push(`${fn.id}: ${reason}`);
  return {
    name: fn.id,
    bundle: kb(fn.bundle.bytes),
    ref: fn.reference ? kb(fn.reference.bytes) : '—',
    own: kb(fn.ownBytes),
    budget: isAuthorizer
      ? `bundle ≤ 50 KB, no SDK, ≤ 30 ms`
      : isWorker
        ? `own ≤ ${kb(modelWorker.own)}, ≤ ${kb(modelWorker.rest)} w/o openai ‡`
        : `own ≤ ${kb(ownBudgetOf(fn.id))}`,
    importMs: ms === undefined ? 'error' : ms.toFixed(1),
    refMs: refMs === undefined ? 'error' : `${refMs.toFixed(1)}${fn.reference ? '' : '†'}`,
    ratio: ratio === undefined ? '—' : `${ratio.wall.toFixed(2)}×`,
    cpuRatio: ratio === undefined ? '—' : `${ratio.cpu.toFixed(2)}×`,
    result: failed.length > 0 ? '**FAIL**' : 'PASS',
  };
});
for (const fn of broken) failures.push(`${fn.id}: ${fn.file} does not bundle: ${'error' in fn ? fn.error : ''}`);

const header: Row = {
  name: 'function',
  bundle: 'bundle',
  ref: 'SDK ref',
  own: 'own code',
  budget: 'budget (+ every bundle ≤ 1 MB)',
  importMs: 'import ms',
  refMs: 'ref ms',
  ratio: 'ratio',
  cpuRatio: 'CPU ratio',
  result: 'result',
};
const columns = Object.keys(header) as (keyof Row)[];
const rightAligned = new Set<keyof Row>(['bundle', 'ref', 'own', 'importMs', 'refMs', 'ratio', 'cpuRatio']);
const widths = Object.fromEntries(columns.map((column) => [column, Math.max(...[header, ...rows].map((row) => row[column].length))])) as Record<
  keyof Row,
  number
>;
const format = (row: Row) =>
  columns.map((column) => (rightAligned.has(column) ? row[column].padStart(widths[column]) : row[column].padEnd(widths[column]))).join('  ');

log();
log(
  `Bundle sizes and fresh-process import times (import ms: median of ${IMPORT_RUNS} rounds; ratios, wall and CPU: median of each round's ratio to the reference imported beside it, over ${IMPORT_RUNS} rounds${SETTLE_RUNS > 0 ? ` or ${IMPORT_RUNS + SETTLE_RUNS} for a function they left open against its goal` : ''}; ${PIN ? `one core (taskset -c ${PINNED_CORE})` : 'not pinned to a core'}; 1 KB = 1024 bytes)`,
);
log(format(header));
log(columns.map((column) => '-'.repeat(widths[column])).join('  '));
for (const row of rows) log(format(row));
log(`SDK ref = a bundle of only the AWS SDK entry points the function imports (same esbuild options); own code = bundle − SDK ref.`);
log(`† SDK-free function: ratio against the yardstick, a DynamoDBClient-only bundle (${kb(yardstick.bytes)}).`);
const measured: ImportRatio[] = functions.flatMap((fn) => {
  const ratio = fn.reference === undefined ? undefined : ratioOf(fn.bundle);
  const kind = kindOf(fn.id);
  const rounds = pairedSamples.get(fn.bundle.outfile) ?? [];
  return kind === undefined || ratio === undefined ? [] : [{ id: fn.id, kind, ...ratio, interval: pairedInterval(rounds), rounds: rounds.length }];
});
const noise = noiseOf(
  yardstickCopies.flatMap((copy) => {
    const rounds = pairedSamples.get(copy) ?? [];
    return rounds.length === 0 ? [] : [pairedRatio(rounds)];
  }),
);
for (const line of coldStartSummary(measured, noise)) log(line);
for (const worker of functions.filter((fn) => MODEL_WORKERS[fn.id] !== undefined)) {
  const load = clientLoads.get(worker.id);
  log(
    `‡ ${worker.id} (SQS, off the request path): own code ${kb(worker.ownBytes)} in its bundle, and the ${MODEL_CLIENT_PACKAGE} client ${kb(modelClientBytes(worker))} beside it`,
  );
  log(
    `  (${OPENAI_SDK_FILE}, loaded on the first model call, ADR 0024: ${load === undefined ? 'not measured' : `${load.ms.toFixed(1)} ms wall, ${load.cpuMs.toFixed(1)} ms CPU, after the import above`}); its budget and why: ${worker.id === WORKER_ID ? 'ADR 0005' : 'ADR 0012'}. Bundles ship their data files (bundleFiles) beside them.`,
  );
}

log();
log('Own code, checked against the metafile (bundle − bytes of the inputs the SDK ref also contains):');
for (const fn of functions) {
  const sdk =
    Object.entries(fn.sdkImports)
      .map(([pkg, names]) => `${pkg.replace('@aws-sdk/', '')}{${names.join(',')}}`)
      .join(' ') || 'no AWS SDK';
  log(`  ${fn.id.padEnd(20)} ${kb(fn.ownBytesByMetafile).padStart(9)}   SDK: ${sdk}`);
}

const overBudget = functions.filter((fn) => failures.some((failure) => failure.startsWith(`${fn.id}: `) && /bundle|own code/.test(failure)));
if (overBudget.length > 0) {
  log();
  log('Largest own-code contributors of functions over their size budget (from the esbuild metafile):');
  for (const fn of overBudget) {
    const inReference = new Set(Object.keys(fn.reference?.inputs ?? {}));
    const top = contributors(fn.bundle.inputs, (file) => inReference.has(file)).slice(0, 6);
    log(`  ${fn.id}: ${top.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`);
  }
}

log();
log(`Authorizer throughput (one ES256 access token per call, in-process; ${THROUGHPUT_MS / 1000} s each, median of ${SLICES} interleaved slices):`);
log(`  handler (jose jwtVerify + our checks)    ${Math.round(handlerRate).toLocaleString('en-US').padStart(9)} verifications/s`);
log(`  crypto.verify ES256, same input (ref)     ${Math.round(rawRate).toLocaleString('en-US').padStart(9)} verifications/s`);
log(
  `  ratio handler / crypto.verify             ${(handlerRate / rawRate).toFixed(2)}×   (overhead of jose + checks: ${((1 / handlerRate - 1 / rawRate) * 1e6).toFixed(1)} µs per token)`,
);
log(`  info: crypto.subtle.verify (jose 6 uses WebCrypto) ${Math.round(subtleRate).toLocaleString('en-US')} verifications/s`);

log();
for (const line of phi.lines) log(line);
failures.push(...phi.failures);

for (const section of [triageCpu, triageCost, abuse, care, notifications, content, audit, load]) {
  log();
  for (const line of section.lines) log(line);
  failures.push(...section.failures);
}

for (const [file, message] of importErrors) failures.push(`import error: ${message.slice(0, 300)} (${file})`);
log();
if (failures.length === 0) {
  log('All budgets PASS.');
} else {
  log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  log(`!!! FAIL: ${failures.length} budget violation(s)`);
  for (const failure of failures) log(`!!!   ${failure}`);
  log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
}
log(`(bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);

rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
