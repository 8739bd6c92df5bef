/**
 * Preloaded into the load run's server only (bench/load-server.ts adds it with `--import`; `npm start`
 * never loads it): reports the server's own `process.memoryUsage()` to the load script over the IPC
 * channel once a second, and once more right after a full GC when asked (`'gc'`, with `--expose-gc`).
 * RSS alone cannot tell a leak in the JS heap from native memory (LevelDB, OpenSSL) or garbage not
 * collected yet; these figures can.
 */
import type { HeapSample } from './load-server';

const report = (afterGc: boolean): void => {
  const usage = process.memoryUsage();
  const sample: HeapSample = {
    atMs: Date.now(),
    afterGc,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
  };
  process.send?.(sample);
};

if (process.send !== undefined) {
  setInterval(() => report(false), 1000).unref();
  process.on('message', (message) => {
    if (message !== 'gc') return;
    (globalThis as { gc?: () => void }).gc?.();
    report(true);
  });
  // Adding the listener refs the channel: unref it so the probe never keeps the server alive.
  process.channel?.unref();
}
