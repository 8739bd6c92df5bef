import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT_ROOT = join(import.meta.dirname, '..');

/**
 * `npm start` in a child process for the load run (bench/load.ts, scripts/load.ts): `bin/local.ts`
 * with its own temporary data dir and a free loopback port, so the load generator never shares a
 * process (CPU, heap, RSS) with the server it measures.
 */

/** A running `bin/local.ts` child: where it listens, and its process id for RSS samples. */
export interface LoadServer {
  /** The API as it names itself (`http://localhost:<port>`): the token issuer. */
  readonly url: string;
  /** The same API on 127.0.0.1, where the load is sent. */
  readonly loopbackUrl: string;
  readonly dynamodbEndpoint: string;
  readonly dataDir: string;
  readonly pid: number;
  /** The server's resident set size now, in MiB (`VmRSS` of /proc/<pid>/status). */
  rssMiB(): number | undefined;
  /** The server's own `process.memoryUsage()`, once a second since it started (bench/load-memory-probe.ts). */
  readonly heapSamples: readonly HeapSample[];
  /** Runs a full GC in the server and resolves with its memory right after (`undefined` if it does not answer in 10 s). */
  collectGarbage(): Promise<HeapSample | undefined>;
  /** Ctrl-C, as an operator stops `npm start`; removes the data dir. Resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface LoadServerOptions {
  /** Extra environment for the server (e.g. `PASSWORD_SCRYPT_LOG_N`); `npm start`'s defaults otherwise. */
  readonly env?: Readonly<Record<string, string>>;
  /** @default 60000 */
  readonly startTimeoutMs?: number;
}

/** One `process.memoryUsage()` of the server, in bytes, sent by bench/load-memory-probe.ts. */
export interface HeapSample {
  readonly atMs: number;
  /** Taken right after a full GC (asked with `collectGarbage`), so `heapUsed` is live objects only. */
  readonly afterGc: boolean;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

const isHeapSample = (message: unknown): message is HeapSample =>
  typeof message === 'object' && message !== null && typeof (message as HeapSample).heapUsed === 'number';

/** `VmRSS` of a Linux process in MiB; `undefined` where /proc is absent or the process is gone. */
export const rssOf = (pid: number): number | undefined => {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Starts `bin/local.ts` as `npm start` does (Node with tsx's loader, so the child's pid is the server
 * itself, not a tsx wrapper) and resolves once it prints its endpoints.
 *
 * @example
 * const server = await startLoadServer();
 * try { await fetch(`${server.loopbackUrl}/api/v1/health`); } finally { await server.stop(); }
 */
export const startLoadServer = (options: LoadServerOptions = {}): Promise<LoadServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carebow-load-'));
  // The memory probe reports the server's heap over the IPC channel; --expose-gc lets it collect on request.
  const probe = join(PROJECT_ROOT, 'bench', 'load-memory-probe.ts');
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', probe, join(PROJECT_ROOT, 'bin', 'local.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', CAREBOW_DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const heapSamples: HeapSample[] = [];
  child.on('message', (message: unknown) => {
    if (isHeapSample(message)) heapSamples.push(message);
  });
  const collectGarbage = (): Promise<HeapSample | undefined> =>
    new Promise((done) => {
      const timer = setTimeout(() => finish(undefined), 10_000);
      const onMessage = (message: unknown) => {
        if (isHeapSample(message) && message.afterGc) finish(message);
      };
      const finish = (sample: HeapSample | undefined) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        done(sample);
      };
      child.on('message', onMessage);
      if (child.connected) child.send('gc');
      else finish(undefined);
    });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  // The banner is kept; the handlers' log lines afterwards are drained and dropped (only the tail of stderr is kept).
  let banner = '';
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`${why}\n${banner}${stderrTail}`.trim()));
    };
    const timer = setTimeout(() => fail('bin/local.ts did not start in time'), options.startTimeoutMs ?? 60_000);
    const early = (code: number | null) => {
      clearTimeout(timer);
      fail(`bin/local.ts exited with ${code} before it listened`);
    };
    child.once('exit', early);
    const onBanner = (chunk: Buffer) => {
      banner += chunk.toString();
      const url = /listening on (http:\/\/localhost:\d+)/.exec(banner)?.[1];
      const dynamodbEndpoint = /dynalite at (http:\/\/[^\s]+)/.exec(banner)?.[1];
      if (url === undefined || dynamodbEndpoint === undefined || !banner.includes('Ctrl-C')) return;
      clearTimeout(timer);
      child.off('exit', early);
      child.stdout!.off('data', onBanner);
      child.stdout!.resume();
      const pid = child.pid!;
      resolve({
        url,
        loopbackUrl: url.replace('localhost', '127.0.0.1'),
        dynamodbEndpoint,
        dataDir,
        pid,
        rssMiB: () => rssOf(pid),
        heapSamples,
        collectGarbage,
        stop: async () => {
          child.kill('SIGINT');
          const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          const code = await exited;
          clearTimeout(killer);
          rmSync(dataDir, { recursive: true, force: true });
          return code;
        },
      });
    };
    child.stdout!.on('data', onBanner);
  });
};

/** Samples a process's RSS once a second (or every `everyMs`) until stopped. */
export class RssSampler {
  public readonly samples: { readonly atMs: number; readonly mib: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  public constructor(
    private readonly read: () => number | undefined,
    everyMs = 1000,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
    this.timer.unref();
  }

  /** The samples taken from `sinceMs` on (all of them by default). */
  public since(sinceMs = 0): { readonly atMs: number; readonly mib: number }[] {
    return this.samples.filter((sample) => sample.atMs >= sinceMs);
  }

  public stop(): void {
    clearInterval(this.timer);
  }

  private take(): void {
    const mib = this.read();
    if (mib !== undefined) this.samples.push({ atMs: Date.now(), mib });
  }
}

/** Least-squares slope of RSS over time, in MiB per minute (0 with fewer than two samples). */
export const slopeMiBPerMinute = (samples: readonly { readonly atMs: number; readonly mib: number }[]): number => {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.atMs, 0) / n;
  const meanM = samples.reduce((sum, s) => sum + s.mib, 0) / n;
  const num = samples.reduce((sum, s) => sum + (s.atMs - meanT) * (s.mib - meanM), 0);
  const den = samples.reduce((sum, s) => sum + (s.atMs - meanT) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
};
