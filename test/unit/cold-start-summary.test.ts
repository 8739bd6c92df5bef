import { describe, expect, it } from 'vitest';
import { coldStartSummary, noiseOf, pairedRatio, type ImportRatio } from '../../bench/cold-start-summary';

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
  it('is unknown, and no function reads as over the goal beyond it', () => {
    // Act
    const noise = noiseOf([]);
    const lines = coldStartSummary([{ id: 'exportMe', kind: 'route', wall: 1.9, cpu: 1.9 }], noise);

    // Assess
    expect(noise.wall).toBeNaN();
    expect(noise.cpu).toBeNaN();
    expect(lines[3]).toMatch(/: none$/);
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

  it('names the functions over the goal by more than the noise in both measures, a wobble-sized excess not counting', () => {
    // Prepare: the goal times the noise is 1.2 × 1.08 = 1.296 wall and 1.2 × 1.05 = 1.26 CPU
    const measured: ImportRatio[] = [
      { id: 'exportMe', kind: 'route', wall: 1.36, cpu: 1.35 },
      { id: 'sessionCreate', kind: 'route', wall: 1.26, cpu: 1.3 },
      { id: 'chat', kind: 'route', wall: 1.3, cpu: 1.25 },
    ];

    // Act
    const lines = coldStartSummary(measured, { wall: 1.08, cpu: 1.05 });

    // Assess
    expect(lines[3]).toBe('  over it by more than the noise in both (above 1.30× wall, 1.26× CPU): exportMe 1.36×/1.35×');
  });

  it('ends with the noise of identical bundles, so a reader can tell a finding from a wobble', () => {
    // Act
    const lines = coldStartSummary(ratios, { wall: 1.083, cpu: 1.051 });

    // Assess
    expect(lines.at(-1)).toContain('paired as the functions are, differ by up to 1.08× wall and 1.05× CPU (A/A control)');
  });
});
