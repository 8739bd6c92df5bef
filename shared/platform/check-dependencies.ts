import type { Probe } from './ports';

export type { Probe } from './ports';

export interface DependencyReport {
  readonly status: 'ok' | 'degraded';
  readonly dependencies: { name: string; status: 'ok' | 'down'; latencyMs: number; detail?: string }[];
}

/**
 * Runs every probe concurrently, each bounded by `timeoutMs`, and reports status and latency.
 * A failure's detail is the error's name only: messages from SDKs can carry resource names.
 */
export const checkDependencies = async (probes: readonly Probe[], timeoutMs = 2000): Promise<DependencyReport> => {
  const dependencies = await Promise.all(
    probes.map(async (probe) => {
      const started = performance.now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const detail = await Promise.race([
          probe.check(signal),
          new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true })),
        ]);
        return { name: probe.name, status: 'ok' as const, latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
      } catch (error) {
        const detail = signal.aborted ? 'timed out' : error instanceof Error ? error.name : 'failed';
        return { name: probe.name, status: 'down' as const, latencyMs: Math.round(performance.now() - started), detail };
      }
    }),
  );
  return { status: dependencies.every((d) => d.status === 'ok') ? 'ok' : 'degraded', dependencies };
};
