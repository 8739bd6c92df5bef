import { median, medianInterval, type MedianInterval } from './median';

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
  /** The median, over rounds, of the round's wall time / the reference's ({@link pairedRatio}). */
  readonly wall: number;
  /** The same for CPU time. */
  readonly cpu: number;
  /** Where the two medians lie with {@link GOAL_CONFIDENCE} ({@link pairedInterval}); absent when too few rounds ran. */
  readonly interval?: PairedInterval | undefined;
  /** The rounds behind the ratios. */
  readonly rounds?: number;
}

/** One fresh import: wall time, and CPU time (all threads). */
export interface ImportSample {
  readonly ms: number;
  readonly cpuMs: number;
}

/** One round's two imports, timed one right after the other: a bundle's, and its reference's. */
export interface ImportPair {
  readonly bundle: ImportSample;
  readonly reference: ImportSample;
}

/**
 * A bundle's import as a ratio to its reference's: the median of each round's ratio of two imports
 * timed back to back. A shared machine speeds up and slows down over seconds; two imports a few
 * hundred milliseconds apart see the same machine, where the median of each bundle's rounds, taken
 * apart and divided, mixes a fast moment of one with a slow moment of the other. On a 2-core
 * machine, pairing halved the scatter of a route's ratio across repeats (docs/architecture.md,
 * "Cold start").
 *
 * @example
 * pairedRatio([
 *   { bundle: { ms: 110, cpuMs: 100 }, reference: { ms: 100, cpuMs: 90 } },
 *   { bundle: { ms: 140, cpuMs: 120 }, reference: { ms: 130, cpuMs: 110 } },
 *   { bundle: { ms: 105, cpuMs: 95 }, reference: { ms: 100, cpuMs: 90 } },
 * ]); // { wall: 1.077 (140/130), cpu: 1.091 (120/110) }
 */
export const pairedRatio = (pairs: readonly ImportPair[]): { readonly wall: number; readonly cpu: number } => {
  const { wall, cpu } = roundRatios(pairs);
  return { wall: median(wall), cpu: median(cpu) };
};

/** Each round's ratio of the bundle's import to its reference's, wall and CPU. */
const roundRatios = (pairs: readonly ImportPair[]) => ({
  wall: pairs.map(({ bundle, reference }) => bundle.ms / reference.ms),
  cpu: pairs.map(({ bundle, reference }) => bundle.cpuMs / reference.cpuMs),
});

/** The confidence with which the summary calls a function over or under its goal. */
export const GOAL_CONFIDENCE = 0.9;

/** The medians of a pair's per-round ratios, wall and CPU, each as an interval. */
export interface PairedInterval {
  readonly wall: MedianInterval;
  readonly cpu: MedianInterval;
}

/**
 * Where {@link pairedRatio}'s two medians lie, with at least `confidence`: the distribution-free interval of each
 * (bench/median.ts `medianInterval`). With 11 rounds it spans the 3rd to the 9th of the sorted round ratios (93.5 %).
 * A route's ratio scatters by about 0.05 from one bench run to the next on a 2-core machine, so a single figure
 * near 1.2× says little; the interval says whether the rounds settle it. Undefined with fewer than five rounds.
 *
 * @example
 * pairedInterval(elevenRounds); // { wall: { low: 1.12, high: 1.19, coverage: 0.935 }, cpu: { … } }
 */
export const pairedInterval = (pairs: readonly ImportPair[], confidence = GOAL_CONFIDENCE): PairedInterval | undefined => {
  const ratios = roundRatios(pairs);
  const wall = medianInterval(ratios.wall, confidence);
  const cpu = medianInterval(ratios.cpu, confidence);
  return wall === undefined || cpu === undefined ? undefined : { wall, cpu };
};

/**
 * Whether the rounds settle a function against its goal: `over` when both intervals lie above it, `under` when both
 * lie at or below it, and `open` otherwise (or with no interval). The bench times the open ones for more rounds.
 */
export const goalVerdict = (ratio: Pick<ImportRatio, 'kind' | 'interval'>): 'over' | 'under' | 'open' => {
  const goal = COLD_START_GOAL[ratio.kind];
  const { interval } = ratio;
  if (interval === undefined) return 'open';
  if (interval.wall.low > goal && interval.cpu.low > goal) return 'over';
  if (interval.wall.high <= goal && interval.cpu.high <= goal) return 'under';
  return 'open';
};

/**
 * How far apart byte-identical bundles measure, paired as the functions are (an A/A control): the
 * largest paired ratio between two of them, either way round, wall and CPU. A check on the pairing, not a
 * bound on a function's scatter: that moves more from run to run, which {@link pairedInterval} accounts for.
 */
export interface Noise {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * The noise of A/A pairs' {@link pairedRatio}s: the largest, taken as ≥ 1 (1.05 and 0.95 are both a 5 % wobble).
 * Unknown (NaN) when no pair was measured, so that nothing reads as beyond it.
 */
export const noiseOf = (identicalPairs: readonly { readonly wall: number; readonly cpu: number }[]): Noise =>
  identicalPairs.length === 0
    ? { wall: Number.NaN, cpu: Number.NaN }
    : {
        wall: Math.max(...identicalPairs.map(({ wall }) => Math.max(wall, 1 / wall))),
        cpu: Math.max(...identicalPairs.map(({ cpu }) => Math.max(cpu, 1 / cpu))),
      };

const x = (ratio: number): string => `${ratio.toFixed(2)}×`;

/**
 * The summary lines: per kind, the median ratios and how many functions meet the goal in each
 * measure; every function over it in both, and those over it in one measure only; then what the
 * rounds settle with {@link GOAL_CONFIDENCE} ({@link goalVerdict}); then the A/A noise.
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
    // What the rounds settle: a single median near the goal is as likely over as under it from one run to the next.
    const settled = (verdict: 'over' | 'under' | 'open') => of.filter((r) => goalVerdict(r) === verdict);
    const span = (r: ImportRatio) =>
      r.interval === undefined
        ? `${r.id} ${x(r.wall)} (${r.rounds ?? 0} rounds)`
        : `${r.id} ${x(r.wall)} [${r.interval.wall.low.toFixed(2)}–${r.interval.wall.high.toFixed(2)}] (${r.rounds ?? 0} rounds)`;
    const spans = (rs: readonly ImportRatio[]) => (rs.length === 0 ? 'none' : rs.map(span).join(', '));
    lines.push(
      `  with ${GOAL_CONFIDENCE * 100} % confidence (the interval of the median, wall and CPU): over it: ${spans(settled('over'))}; ` +
        `at or under it: ${settled('under').length}; not settled: ${spans(settled('open'))}`,
    );
  }
  lines.push(
    Number.isNaN(noise.wall) || Number.isNaN(noise.cpu)
      ? '  noise: not measured (no A/A pair was timed).'
      : `  noise: identical bundles, paired as the functions are, differ by up to ${x(noise.wall)} wall and ${x(noise.cpu)} CPU (A/A control: a check on the measure itself).`,
  );
  return lines;
};
