/**
 * The closed-loop load the in-process benches drive (bench/phi.ts, bench/audit.ts): `workers` loops, each awaiting one
 * call after another, with each call's latency and outcome kept. (`npm run load` uses autocannon over HTTP instead.)
 */

export interface LoadResult {
  /** Successful calls per second over the whole run. */
  readonly rps: number;
  readonly ok: number;
  readonly failed: number;
  /** Failed calls by outcome (a status, or the thrown error's name). */
  readonly statuses: Record<string, number>;
  readonly latenciesMs: number[];
}

/** One call: `true` on success, otherwise what it got (a status, a code); a thrown error counts by its name. */
export type Call = (worker: number) => Promise<true | string>;

/**
 * `workers` loops back to back while `more()` says so; each awaits `once(worker)`.
 *
 * @example
 * const result = await runLoad(8, () => performance.now() < deadline, () => get());
 */
export const runLoad = async (workers: number, more: () => boolean, once: Call): Promise<LoadResult> => {
  let ok = 0;
  let failed = 0;
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (more()) {
        const started = performance.now();
        let outcome: true | string;
        try {
          outcome = await once(worker);
        } catch (error) {
          outcome = (error as Error).name;
        }
        latenciesMs.push(performance.now() - started);
        if (outcome === true) ok += 1;
        else (failed += 1), (statuses[outcome] = (statuses[outcome] ?? 0) + 1);
      }
    }),
  );
  return { rps: ok / ((performance.now() - begin) / 1000), ok, failed, statuses, latenciesMs };
};

/** {@link runLoad} for `ms` milliseconds. */
export const load = (workers: number, ms: number, once: Call): Promise<LoadResult> => {
  const deadline = performance.now() + ms;
  return runLoad(workers, () => performance.now() < deadline, once);
};

/** {@link runLoad} for exactly `total` calls shared by the loops (a fixed count, not a duration). */
export const loadCount = (workers: number, total: number, once: Call): Promise<LoadResult> => {
  let issued = 0;
  return runLoad(workers, () => issued++ < total, once);
};

/** The `p`-th percentile (0–100) of `values`, nearest rank; `NaN` for none. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
