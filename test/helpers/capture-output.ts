import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURE_DIR } from './canaries';

/**
 * Tees everything this test worker writes to stdout/stderr into a capture file, so the global
 * teardown can search the whole suite's output for canaries. Patched on the stream objects, so it
 * catches Powertools' own console too.
 */
mkdirSync(CAPTURE_DIR, { recursive: true });
const file = join(CAPTURE_DIR, `worker-${process.pid}.log`);
// A project that does not isolate its files runs this once per file in the same worker: tee once.
const TEED = Symbol.for('carebow.capture-output');
const streams = (globalThis as { [TEED]?: true })[TEED] === true ? [] : [process.stdout, process.stderr];
(globalThis as { [TEED]?: true })[TEED] = true;
for (const stream of streams) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    appendFileSync(file, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
    return original(chunk, ...rest);
  }) as typeof stream.write;
}
