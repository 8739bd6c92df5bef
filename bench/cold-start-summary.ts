import { median } from './median';

/**
 * The cold-start goal read off the bench's import table: a route at most 1.2× its SDK reference, a
 * worker at most 1.5× (issue 14, docs/architecture.md "Cold start"). Pure, so a unit test pins the
 * arithmetic; `bench/run.ts` feeds it the measured ratios and prints its lines (reported, never
 * tested: wall-clock figures are not budgets).
 */

/** The goal for a route function and for a worker (SQS or scheduled), as a ratio to the SDK reference. */
export const COLD_START_GOAL = { route: 1.2, worker: 1.5 } as const;

/** One function's import, as ratios to its SDK reference measured in the same rounds. */
export interface ImportRatio {
  readonly id: string;
  readonly kind: 'route' | 'worker';
  /** Median wall time / the reference's median wall time. */
  readonly wall: number;
  /** Median CPU time / the reference's median CPU time. */
  readonly cpu: number;
}

/**
 * How far apart byte-identical bundles measure in the same rounds (an A/A control): the largest
 * ratio between any two of them, wall and CPU. A difference smaller than this is not a finding.
 */
export interface Noise {
  readonly wall: number;
  readonly cpu: number;
}

/** The largest ratio between any two samples of identical bundles: max / min of each measure. */
export const noiseOf = (identical: readonly { readonly wall: number; readonly cpu: number }[]): Noise => ({
  wall: Math.max(...identical.map((s) => s.wall)) / Math.min(...identical.map((s) => s.wall)),
  cpu: Math.max(...identical.map((s) => s.cpu)) / Math.min(...identical.map((s) => s.cpu)),
});

const x = (ratio: number): string => `${ratio.toFixed(2)}×`;

/**
 * The summary lines: per kind, the median ratios and how many functions meet the goal in each
 * measure; every function over it in both, and those over it in one measure only; then the noise.
 *
 * @example
 * coldStartSummary([{ id: 'me', kind: 'route', wall: 1.05, cpu: 1.02 }], { wall: 1.04, cpu: 1.03 });
 * // ['Cold start, routes (1 with an SDK reference; goal ≤ 1.20×): median 1.05× wall, 1.02× CPU; …', …]
 */
export const coldStartSummary = (ratios: readonly ImportRatio[], noise: Noise): string[] => {
  const lines: string[] = [];
  for (const kind of ['route', 'worker'] as const) {
    const of = ratios.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    const goal = COLD_START_GOAL[kind];
    const over = (r: ImportRatio) => [r.wall > goal, r.cpu > goal] as const;
    const both = of.filter((r) => over(r).every(Boolean));
    const one = of.filter((r) => over(r).filter(Boolean).length === 1);
    const list = (rs: readonly ImportRatio[]) => (rs.length === 0 ? 'none' : rs.map((r) => `${r.id} ${x(r.wall)}/${x(r.cpu)}`).join(', '));
    lines.push(
      `Cold start, ${kind}s (${of.length} with an SDK reference; goal ≤ ${x(goal)}): median ${x(median(of.map((r) => r.wall)))} wall, ${x(median(of.map((r) => r.cpu)))} CPU; ` +
        `at or under the goal: ${of.filter((r) => r.wall <= goal).length} by wall, ${of.filter((r) => r.cpu <= goal).length} by CPU.`,
    );
    lines.push(`  over it in both (wall/CPU): ${list(both)}`);
    lines.push(`  over it in one only: ${list(one)}`);
  }
  lines.push(
    `  noise: identical bundles timed in the same rounds differ by up to ${x(noise.wall)} wall and ${x(noise.cpu)} CPU (A/A control); a ratio within that of the goal is not a finding.`,
  );
  return lines;
};
