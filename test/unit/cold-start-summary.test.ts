import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../bench/median';
import { coldStartSummary, goalVerdict, noiseOf, pairedInterval, pairedRatio, type ImportPair, type ImportRatio } from '../../bench/cold-start-summary';

describe('Function: pairedRatio', () => {
  it('is the median of each round’s ratio, not the ratio of the two medians', () => {
    // Prepare: the machine slows down in the middle round, for both imports of that round
    const pairs = [
      { bundle: { ms: 110, cpuMs: 100 }, reference: { ms: 100, cpuMs: 90 } },
      { bundle: { ms: 140, cpuMs: 120 }, reference: { ms: 130, cpuMs: 110 } },
      { bundle: { ms: 105, cpuMs: 95 }, reference: { ms: 100, cpuMs: 90 } },
    ];

    // Act
    const ratio = pairedRatio(pairs);

    // Assess: 1.10, 1.077, 1.05 → 1.077; the medians apart (110 / 100) would say 1.10
    expect(ratio.wall).toBeCloseTo(140 / 130, 10);
    expect(ratio.cpu).toBeCloseTo(120 / 110, 10);
  });

  it('is unmoved by one round where the machine stalled for the bundle’s import only', () => {
    // Prepare
    const steady = { bundle: { ms: 105, cpuMs: 95 }, reference: { ms: 100, cpuMs: 90 } };
    const stalled = { bundle: { ms: 400, cpuMs: 300 }, reference: { ms: 100, cpuMs: 90 } };

    // Act
    const ratio = pairedRatio([steady, stalled, steady]);

    // Assess
    expect(ratio.wall).toBeCloseTo(1.05, 10);
    expect(ratio.cpu).toBeCloseTo(95 / 90, 10);
  });
});

describe('Function: noiseOf (the A/A control)', () => {
  it('is the largest paired ratio between identical bundles, either way round, in each measure', () => {
    // Act
    const noise = noiseOf([
      { wall: 1.03, cpu: 0.96 },
      { wall: 0.95, cpu: 1.02 },
    ]);

    // Assess: 0.95 is a 1/0.95 = 1.053× wobble, more than 1.03×
    expect(noise.wall).toBeCloseTo(1 / 0.95, 10);
    expect(noise.cpu).toBeCloseTo(1 / 0.96, 10);
  });
});

describe('Function: noiseOf, when no A/A pair was measured', () => {
  it('is unknown, not zero, and the summary says it was not measured', () => {
    // Act
    const noise = noiseOf([]);
    const lines = coldStartSummary([{ id: 'exportMe', kind: 'route', wall: 1.9, cpu: 1.9 }], noise);

    // Assess
    expect(noise.wall).toBeNaN();
    expect(noise.cpu).toBeNaN();
    expect(lines.at(-1)).toBe('  noise: not measured (no A/A pair was timed).');
  });
});

describe('Function: medianInterval', () => {
  it('spans the 3rd to the 9th of 11 sorted values for 90 %, and says its exact coverage', () => {
    // Act
    const interval = medianInterval([11, 1, 10, 2, 9, 3, 8, 4, 7, 5, 6], 0.9);

    // Assess: 1 − 2 × P(Bin(11, ½) ≤ 2) = 1 − 2 × 67 / 2048
    expect(interval).toEqual({ low: 3, high: 9, coverage: 1 - (2 * 67) / 2048 });
  });

  it('narrows as the rounds grow, at the confidence asked for', () => {
    // Prepare
    const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    // Act
    const eleven = medianInterval(values(11), 0.9)!;
    const thirtyThree = medianInterval(values(33), 0.9)!;

    // Assess: order statistics 3..9 of 11, 12..22 of 33; each covers at least 90 %
    expect([eleven.low, eleven.high, thirtyThree.low, thirtyThree.high]).toEqual([3, 9, 12, 22]);
    expect(Math.min(eleven.coverage, thirtyThree.coverage)).toBeGreaterThanOrEqual(0.9);
  });

  it('is undefined when too few values can reach the confidence', () => {
    // Act + Assess: 4 values cover the median with 1 − 2 / 16 = 87.5 % at best
    expect(medianInterval([1, 2, 3, 4], 0.9)).toBeUndefined();
    expect(medianInterval([1, 2, 3, 4, 5], 0.9)).toEqual({ low: 1, high: 5, coverage: 1 - 2 / 32 });
  });

  it('holds the median of a skewed distribution at least as often as it promises', () => {
    // Prepare: a seeded long-tailed sample, like import times (median of 100 + exponential(20) is 100 + 20 ln 2)
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const trueMedian = 100 + 20 * Math.log(2);

    // Act
    let held = 0;
    for (let trial = 0; trial < 2000; trial += 1) {
      const { low, high } = medianInterval(
        Array.from({ length: 11 }, () => 100 - 20 * Math.log(1 - random())),
        0.9,
      )!;
      if (low <= trueMedian && trueMedian <= high) held += 1;
    }

    // Assess: 93.5 % promised; 2,000 trials put a fair estimate within about ±1.2 %
    expect(held / 2000).toBeGreaterThan(0.91);
  });
});

describe('Function: goalVerdict', () => {
  const pairsOf = (ratios: readonly number[]): ImportPair[] =>
    ratios.map((ratio) => ({ bundle: { ms: 100 * ratio, cpuMs: 90 * ratio }, reference: { ms: 100, cpuMs: 90 } }));

  it('settles a route over 1.2× only when the whole interval lies above it', () => {
    // Prepare: medians 1.25 either way, one narrow and one wide
    const narrow = pairsOf([1.22, 1.23, 1.24, 1.24, 1.25, 1.25, 1.25, 1.26, 1.26, 1.27, 1.28]);
    const wide = pairsOf([1.05, 1.1, 1.15, 1.2, 1.25, 1.25, 1.25, 1.3, 1.35, 1.4, 1.45]);

    // Act
    const verdicts = [narrow, wide].map((rounds) => goalVerdict({ kind: 'route', interval: pairedInterval(rounds) }));

    // Assess
    expect(verdicts).toEqual(['over', 'open']);
  });

  it('settles a route at or under 1.2× when the interval’s top meets the goal, and holds a worker to 1.5×', () => {
    // Prepare
    const rounds = pairsOf([1.1, 1.12, 1.14, 1.15, 1.16, 1.17, 1.18, 1.19, 1.2, 1.3, 1.4]);

    // Act
    const asRoute = goalVerdict({ kind: 'route', interval: pairedInterval(rounds) });
    const asWorker = goalVerdict({ kind: 'worker', interval: pairedInterval(rounds) });

    // Assess: the 9th of 11 is 1.2, the goal itself
    expect([asRoute, asWorker]).toEqual(['under', 'under']);
  });

  it('leaves open a function with too few rounds for an interval', () => {
    // Act + Assess
    expect(goalVerdict({ kind: 'route', interval: pairedInterval(pairsOf([1.5, 1.5, 1.5])) })).toBe('open');
  });
});

describe('Function: coldStartSummary', () => {
  const ratios: ImportRatio[] = [
    { id: 'me', kind: 'route', wall: 1.05, cpu: 1.02 },
    { id: 'sessionCreate', kind: 'route', wall: 1.26, cpu: 1.3 },
    { id: 'login', kind: 'route', wall: 1.1, cpu: 1.21 },
    { id: 'health', kind: 'route', wall: 1.2, cpu: 1.2 },
    { id: 'triage-worker', kind: 'worker', wall: 1.31, cpu: 1.26 },
  ];

  it('counts the functions at or under each goal (1.2× a route, 1.5× a worker) by wall and by CPU, a ratio equal to the goal meeting it', () => {
    // Act
    const lines = coldStartSummary(ratios, { wall: 1.08, cpu: 1.05 });

    // Assess
    expect(lines[0]).toBe(
      'Cold start, routes (4 with an SDK reference; goal ≤ 1.20×): median 1.15× wall, 1.21× CPU; at or under the goal: 3 by wall, 2 by CPU.',
    );
    expect(lines[4]).toBe(
      'Cold start, workers (1 with an SDK reference; goal ≤ 1.50×): median 1.31× wall, 1.26× CPU; at or under the goal: 1 by wall, 1 by CPU.',
    );
  });

  it('names the functions over the goal in both measures apart from those over it in one only', () => {
    // Act
    const lines = coldStartSummary(ratios, { wall: 1.08, cpu: 1.05 });

    // Assess
    expect(lines[1]).toBe('  over it in both (wall/CPU): sessionCreate 1.26×/1.30×');
    expect(lines[2]).toBe('  over it in one only: login 1.10×/1.21×');
    expect(lines[5]).toBe('  over it in both (wall/CPU): none');
  });

  it('names what the rounds settle: the functions over the goal with their interval, a count of those under it, the rest as open', () => {
    // Prepare
    const interval = (low: number, high: number) => ({ low, high, coverage: 0.935 });
    const measured: ImportRatio[] = [
      { id: 'exportMe', kind: 'route', wall: 1.3, cpu: 1.3, interval: { wall: interval(1.26, 1.33), cpu: interval(1.25, 1.34) }, rounds: 11 },
      { id: 'me', kind: 'route', wall: 1.1, cpu: 1.1, interval: { wall: interval(1.05, 1.14), cpu: interval(1.06, 1.15) }, rounds: 11 },
      { id: 'chat', kind: 'route', wall: 1.21, cpu: 1.22, interval: { wall: interval(1.17, 1.24), cpu: interval(1.19, 1.25) }, rounds: 33 },
      { id: 'login', kind: 'route', wall: 1.25, cpu: 1.25, rounds: 3 },
    ];

    // Act
    const lines = coldStartSummary(measured, { wall: 1.03, cpu: 1.03 });

    // Assess
    expect(lines[3]).toBe(
      '  with 90 % confidence (the interval of the median, wall and CPU): over it: exportMe 1.30× [1.26–1.33] (11 rounds); at or under it: 1; ' +
        'not settled: chat 1.21× [1.17–1.24] (33 rounds), login 1.25× (3 rounds)',
    );
  });

  it('ends with the noise of identical bundles, a check that pairing keeps them level', () => {
    // Act
    const lines = coldStartSummary(ratios, { wall: 1.083, cpu: 1.051 });

    // Assess
    expect(lines.at(-1)).toContain('paired as the functions are, differ by up to 1.08× wall and 1.05× CPU (A/A control: a check on the measure itself)');
  });
});
