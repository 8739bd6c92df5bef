import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURE_DIR } from './canaries';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface LocalProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends Ctrl-C and resolves with the exit code and what it printed. */
  interrupt(): Promise<{ code: number | null; output: string }>;
}

/** Runs a repo script with tsx, its output captured for the log canary check. */
export const runScript = (script: string, args: string[], env: Record<string, string>): ChildProcess => {
  mkdirSync(CAPTURE_DIR, { recursive: true });
  const child = spawn(TSX, [join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const capture = createWriteStream(join(CAPTURE_DIR, `child-${child.pid}.log`));
  child.stdout!.pipe(capture);
  child.stderr!.pipe(capture);
  return child;
};

/** Runs a script to completion; resolves with its exit code and output. */
export const runToEnd = (script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = runScript(script, args, env);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });

/** `npm start`'s entry point as a child process on a free port; resolves once it is listening. */
export const startLocalProcess = (dataDir: string, env: Record<string, string> = {}): Promise<LocalProcess> =>
  new Promise((resolve, reject) => {
    const child = runScript('bin/local.ts', [], { PORT: '0', CAREBOW_DATA_DIR: dataDir, ...env });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    const timer = setTimeout(() => reject(new Error(`local server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match && output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({
          url: match[1]!.replace('localhost', '127.0.0.1'),
          child,
          interrupt: async () => {
            child.kill('SIGINT');
            return { code: await exited, output };
          },
        });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local server exited with ${code}:\n${output}`));
    });
  });
