import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONCEPTS, TOGETHER } from '../../shared/triage/rules/concepts';
import { TRIAGE_LEVELS } from '../../shared/contracts/triage';
import { ENGINE_IDS, RULE_IDS } from '../../shared/triage/rules/engine';
import { COVERAGE_CASES } from './coverage-vignettes';
import { PRESENTATION_CASES } from './presentation-vignettes';

/**
 * The coverage map (`docs/clinical/coverage.md`) is what a clinical reviewer signs off: it must
 * name only rules that exist, have a row for every category the written sets test, and back every
 * covered category with at least three cases.
 */
const MAP = readFileSync(new URL('../../docs/clinical/coverage.md', import.meta.url), 'utf8');
/** Table rows whose first cell is a category id: `| \`poisoning-medicine\` | … |`. */
const ROWS = [...MAP.matchAll(/^\| `([a-z0-9-]+)` \|(.*)\|$/gm)].map(([, id, rest]) => ({ id: id!, cells: rest!.split(' | ') }));
const KNOWN = new Set<string>([...TRIAGE_LEVELS, ...RULE_IDS, ...ENGINE_IDS, ...Object.keys(CONCEPTS), ...Object.keys(TOGETHER)]);
const WRITTEN = [...COVERAGE_CASES, ...PRESENTATION_CASES];

describe('Document: clinical coverage map', () => {
  it('names only rules, engine marks, concepts and levels that exist', () => {
    // Act
    const named = ROWS.flatMap(({ id, cells }) => cells.flatMap((cell) => [...cell.matchAll(/`([a-z][a-z0-9_]*)`/g)].map(([, name]) => ({ id, name: name! }))));
    // Assess
    expect(named.length).toBeGreaterThan(150);
    expect(named.filter(({ name }) => !KNOWN.has(name))).toEqual([]);
  });

  it('has a row for every category the written sets test', () => {
    const rows = new Set(ROWS.map((r) => r.id));
    expect([...new Set(WRITTEN.map((c) => c.category))].filter((category) => !rows.has(category))).toEqual([]);
  });

  it('backs every covered category with at least three cases', () => {
    // Prepare
    const covered = ROWS.filter(({ cells }) => /^covered\b/.test(cells.at(-1)!.trim()) && !cells.at(-1)!.includes('(cases in '));
    // Assess
    expect(covered.length).toBeGreaterThan(100);
    for (const { id } of covered) expect(WRITTEN.filter((c) => c.category === id).length, id).toBeGreaterThanOrEqual(3);
  });

  it('covers every category the triage-safety issue requires', () => {
    const required = [
      'poisoning-medicine',
      'poisoning-chemical',
      'alcohol-reduced-consciousness',
      'carbon-monoxide',
      'self-harm',
      'burns',
      'electric-shock',
      'drowning',
      'bites-stings-systemic',
      'anaphylaxis',
      'head-injury',
      'pregnancy-bleeding',
      'pregnancy-abdominal-pain',
      'pregnancy-reduced-movements',
      'pregnancy-headache-vision',
      'infant-fever',
      'child-dehydration',
      'testicular-pain',
      'vision-loss',
      'allergic-swelling',
      'hypothermia',
      'heat-stroke',
      'diabetes-high',
      'diabetes-low',
      'sepsis',
      'suicidal-ideation',
    ];
    const status = new Map(ROWS.map(({ id, cells }) => [id, cells.at(-1)!.trim()]));
    for (const id of required) expect(status.get(id), id).toMatch(/^covered/);
  });
});
