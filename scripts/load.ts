/**
 * `npm run load`: the load scenarios of issue 14 (bench/load.ts) against `npm start` in a child
 * process (bin/local.ts, its own temporary data dir, a free loopback port), on 127.0.0.1 only.
 * Prints one row per storm (requests, 2xx/4xx/429/5xx, p50/p99, req/s, the store checks' verdicts)
 * and the server's memory: RSS sampled from /proc once a second, its V8 heap (bench/load-memory-probe.ts) side by
 * side, and both right after a full GC at the end; exits 1 if a check fails.
 *
 *   npm run load                                   # every scenario, 8 s × 16 connections per storm
 *   npm run load -- --seconds 4 --connections 8 --only login,booking
 *   npm run load -- --soak 600                     # the scenarios round after round for 10 minutes: RSS and heap start/middle/end, slope
 *   npm run load -- --scrypt-log-n 12              # cheaper password hashing (local stage only), for quicker set-ups
 *   npm run load -- --details                      # every check with its counts, not only the failed ones
 */
import { parseArgs } from 'node:util';
import { DEFAULT_LOAD, failedChecks, formatTable, type LoadSettings, type PartResult, runLoad, SCENARIOS, type ScenarioName } from '../bench/load';
import { type HeapSample, RssSampler, slopeMiBPerMinute, startLoadServer } from '../bench/load-server';

const USAGE =
  'usage: npm run load -- [--seconds 8] [--connections 16] [--max-requests 5000] [--only login,refresh,triage,booking] [--soak <seconds>] [--scrypt-log-n <n>] [--details]';

const number = (value: string | undefined, fallback: number, name: string, min: number, max: number): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`--${name} must be an integer from ${min} to ${max}.\n${USAGE}`);
  return parsed;
};

const MiB = 1024 * 1024;

/** The server's V8 heap over the run, next to its RSS: a leak in JS objects grows `heapUsed` after a full GC; native memory does not. */
const heapReport = (all: readonly HeapSample[], afterGc: HeapSample | undefined): string[] => {
  const samples = all.filter((s) => !s.afterGc).map((s) => ({ atMs: s.atMs, mib: s.heapUsed / MiB }));
  if (samples.length === 0) return [];
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * (samples.length - 1)))]!.mib.toFixed(0);
  const peak = Math.max(...samples.map((s) => s.mib)).toFixed(0);
  const mib = (bytes: number) => (bytes / MiB).toFixed(0);
  return [
    `Server V8 heap used (MiB, ${samples.length} samples, garbage included): start ${at(0)}, middle ${at(0.5)}, end ${at(1)}, peak ${peak}; slope ${slopeMiBPerMinute(samples).toFixed(2)} MiB/min.`,
    afterGc === undefined
      ? 'Server memory after a full GC at the end: no answer.'
      : `Server memory after a full GC at the end (MiB): heap used ${mib(afterGc.heapUsed)} of ${mib(afterGc.heapTotal)}, external ${mib(afterGc.external)} (array buffers ${mib(afterGc.arrayBuffers)}), RSS ${mib(afterGc.rss)}: RSS beyond the heap is native memory (LevelDB, OpenSSL, buffers).`,
  ];
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'max-requests': { type: 'string' },
      only: { type: 'string' },
      soak: { type: 'string' },
      'scrypt-log-n': { type: 'string' },
      details: { type: 'boolean' },
    },
  });
  const only = (values.only?.split(',') ?? [...SCENARIOS]) as ScenarioName[];
  const unknown = only.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}.\n${USAGE}`);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const settings: LoadSettings = {
    seconds: number(values.seconds, DEFAULT_LOAD.seconds, 'seconds', 1, 120),
    connections: number(values.connections, DEFAULT_LOAD.connections, 'connections', 1, 256),
    maxRequests: number(values['max-requests'], DEFAULT_LOAD.maxRequests, 'max-requests', 1, 1_000_000),
    say,
  };
  const soakSeconds = number(values.soak, 0, 'soak', 0, 24 * 3600);
  const scrypt = values['scrypt-log-n'];

  say(`Starting npm start (bin/local.ts) in a child process${scrypt ? `, PASSWORD_SCRYPT_LOG_N=${scrypt}` : ''}…`);
  const server = await startLoadServer({ env: { ...(scrypt ? { PASSWORD_SCRYPT_LOG_N: scrypt } : {}) } });
  const rss = new RssSampler(() => server.rssMiB());
  const rows: PartResult[] = [];
  const began = Date.now();
  let afterGc: HeapSample | undefined;
  try {
    say(`Server pid ${server.pid} at ${server.loopbackUrl}, RSS ${server.rssMiB()?.toFixed(0) ?? '?'} MiB; scenarios: ${only.join(', ')}.`);
    let round = 0;
    do {
      round++;
      if (soakSeconds > 0) say(`Round ${round} (${((Date.now() - began) / 1000).toFixed(0)} of ${soakSeconds} s)…`);
      rows.push(...(await runLoad(server, settings, only)));
    } while (Date.now() - began < soakSeconds * 1000);
    rss.stop();
    afterGc = await server.collectGarbage();
  } finally {
    rss.stop();
    await server.stop();
  }

  say('');
  say(`Load on ${server.loopbackUrl} (${settings.seconds} s × ${settings.connections} connections per storm, ≤ ${settings.maxRequests} requests each):`);
  for (const line of formatTable(rows)) say(line);
  if (values.details) for (const row of rows) for (const c of row.checks) say(`  ${c.ok ? 'pass' : 'FAIL'}  ${row.label}: ${c.name} (${c.detail})`);
  const samples = rss.samples;
  if (samples.length > 0) {
    const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * (samples.length - 1)))]!.mib.toFixed(0);
    const peak = Math.max(...samples.map((s) => s.mib)).toFixed(0);
    const secondHalf = samples.slice(Math.floor(samples.length / 2));
    say('');
    say(
      `Server RSS (MiB, ${samples.length} samples over ${((samples.at(-1)!.atMs - samples[0]!.atMs) / 1000).toFixed(0)} s): start ${at(0)}, middle ${at(0.5)}, end ${at(1)}, peak ${peak}; ` +
        `slope ${slopeMiBPerMinute(samples).toFixed(2)} MiB/min overall, ${slopeMiBPerMinute(secondHalf).toFixed(2)} MiB/min over the second half.`,
    );
  }
  for (const line of heapReport(server.heapSamples, afterGc)) say(line);
  const failed = failedChecks(rows);
  say('');
  if (failed.length === 0) {
    say(`All ${rows.reduce((sum, row) => sum + row.checks.length, 0)} checks PASS.`);
    return 0;
  }
  say(`FAIL: ${failed.length} check(s)`);
  for (const line of failed) say(`  ${line}`);
  return 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
